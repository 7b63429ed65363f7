package vmalab.view.layout;

import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import vmalab.io.ProcNames;
import vmalab.model.Kernel;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.view.anim.Motion;
import vmalab.view.anim.Palette;
import vmalab.viewmodel.AddressAxis;
import vmalab.viewmodel.AddressAxis.Row;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.Sizes;
import vmalab.viewmodel.VmaKind;
import vmalab.viewmodel.fold.Change;
import vmalab.viewmodel.fold.StepSignal;
import vmalab.viewmodel.fold.StepState;
import vmalab.model.paging.Pte;

/**
 * Paints the layout view's canvas: the rows in sight (VMA bands with their pages, gaps, breaks, the kernel
 * band), the address column, the brk and mmap_base marks, the selection, and the event being animated. The
 * state is drawn as it is after the step, except pages whose PTE an event not shown yet changes.
 */
public final class LayoutPainter {
    /** Where the bands start; left of them the address column. */
    public static final double ADDR_COL = 132;
    /** Room right of the bands for the marks' labels. */
    public static final double MARK_COL = 164;
    /** A band shows its pages one by one from this many pixels a page. */
    public static final double PAGE_TICKS_MIN_PX = 6;
    private static final double MIN_TEXT_ROW = 16;
    private static final Font FONT = Font.font("DejaVu Sans", 15);
    private static final Font FONT_BOLD = Font.font("DejaVu Sans", FontWeight.BOLD, 15);
    private static final Font MONO = Font.font("DejaVu Sans Mono", 14);

    private final Canvas canvas;
    private final Palette palette;
    private final Session session;
    /** While a step plays: pages whose PTE changes in an event not shown yet, with their value at the cursor. */
    private Map<Long, Pte> pendingPages = Map.of();
    private StepState state = StepState.NONE;
    private AddressAxis axis;
    private Mm axisMm;
    private double zoom;
    private double offset;
    private double markCol = MARK_COL;
    private boolean pageLabels = true;

    public LayoutPainter(Canvas canvas, Palette palette, Session session) {
        this.canvas = canvas;
        this.palette = palette;
        this.session = session;
    }

    /** The right edge of the bands. */
    public double bandRight() {
        return Math.max(ADDR_COL + 100, canvas.getWidth() - markCol);
    }

    /** Room right of the bands for the marks' labels ({@link #MARK_COL} unless a compact layout asks for less). */
    public void setMarkColumn(double px) {
        markCol = Math.max(90, px);
    }

    /** Whether a band tall enough writes each page's address (a compact layout leaves that to a page strip). */
    public void setPageLabels(boolean on) {
        pageLabels = on;
    }

    /** Pixels a page of a VMA row takes at {@code zoom}. */
    public static double pagePx(Row r, double zoom) {
        long pages = r.length() >>> Vma.PAGE_SHIFT;
        return pages == 0 ? 0 : r.height() * zoom / pages;
    }

    /** Paints the rows of {@code axis} in sight at {@code zoom}, scrolled by {@code offset}; the rows painted. */
    public int paint(AddressAxis axis, Mm mm, double zoom, double offset) {
        this.axis = axis;
        this.axisMm = mm;
        this.zoom = zoom;
        this.offset = offset;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double h = canvas.getHeight();
        state = session.stepState();
        pendingPages = mm == null ? Map.of() : state.ptes(mm).changedLater();
        int painted = 0;
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        int first = axis.rowIndexAt(offset / zoom);
        int last = axis.rowIndexAt((offset + h) / zoom);
        double lastLabelY = Double.NEGATIVE_INFINITY;
        double lastPixel = Double.NEGATIVE_INFINITY;
        for (int i = first; i <= last; i++) {
            Row r = axis.rows().get(i);
            double y0 = r.top() * zoom - offset;
            double y1 = r.bottom() * zoom - offset;
            if (y1 - y0 < 1 && Math.floor(y1) == lastPixel) continue; // many rows in one pixel: draw one
            lastPixel = Math.floor(y1);
            paintRow(g, r, y0, y1);
            painted++;
            if (r.kind() != AddressAxis.Kind.KERNEL && y1 - lastLabelY >= 17 && y1 <= h + 8) {
                paintAddress(g, r.start(), Math.min(y1, h - 8));
                lastLabelY = y1;
            }
        }
        paintMarks(g);
        paintSelection(g);
        paintEvents(g);
        return painted;
    }

    private double pagePx(Row r) {
        return pagePx(r, zoom);
    }

    private void paintRow(GraphicsContext g, Row r, double y0, double y1) {
        double x0 = ADDR_COL;
        double x1 = bandRight();
        double hh = Math.max(1, y1 - y0);
        switch (r.kind()) {
            case KERNEL -> {
                g.setFill(palette.color("kernel"));
                g.fillRect(x0, y0, x1 - x0, hh);
                if (hh >= MIN_TEXT_ROW) {
                    g.setFill(palette.color("paper"));
                    g.setFont(FONT_BOLD);
                    text(g, "kernel space — no user access above TASK_SIZE " + Sizes.hex(r.start()), x0 + 10,
                        (y0 + y1) / 2, x1 - x0 - 20);
                }
            }
            case GAP -> {
                g.setStroke(palette.color("grid"));
                g.setLineWidth(1);
                g.setLineDashes(4, 4);
                g.strokeLine(x0, y0 + 0.5, x1, y0 + 0.5);
                g.setLineDashes(null);
                if (hh >= MIN_TEXT_ROW * 1.5) {
                    g.setFill(palette.color("muted"));
                    g.setFont(FONT);
                    g.setTextAlign(TextAlignment.CENTER);
                    text(g, Sizes.human(r.end() - r.start()) + " unmapped", (x0 + x1) / 2, visibleMiddle(y0, y1),
                        x1 - x0);
                    g.setTextAlign(TextAlignment.LEFT);
                }
            }
            case BREAK -> paintBreak(g, r, x0, x1, y0, y1);
            case VMA -> paintVma(g, r, x0, x1, y0, y1);
        }
    }

    /**
     * A collapsed gap: two zigzag lines across (at its edges once it is zoomed tall), a pale fill between, and
     * the gap's size in the middle of what is in sight.
     */
    private void paintBreak(GraphicsContext g, Row r, double x0, double x1, double y0, double y1) {
        double h = canvas.getHeight();
        double tall = y1 - y0;
        double amp = Math.min(5, tall / 6);
        double gap = tall > 80 ? tall / 2 - 2 * amp : amp * 1.4;
        double mid = (y0 + y1) / 2;
        if (tall > 80) {
            g.setFill(palette.color("panel"));
            g.fillRect(x0, Math.max(0, y0), x1 - x0, Math.min(h, y1) - Math.max(0, y0));
        }
        g.setStroke(palette.color("grid"));
        g.setLineWidth(1.5);
        for (double dy : new double[] {-gap, gap}) {
            double base = mid + dy;
            if (base < -10 || base > h + 10) continue;
            g.beginPath();
            boolean up = true;
            g.moveTo(x0, base);
            for (double x = x0; x <= x1; x += 10) {
                g.lineTo(x, base + (up ? -amp : amp));
                up = !up;
            }
            g.stroke();
        }
        if (tall >= MIN_TEXT_ROW) {
            double cy = visibleMiddle(y0, y1);
            String label = "≈ " + Sizes.human(r.end() - r.start()) + " unmapped";
            g.setFont(FONT_BOLD);
            g.setTextAlign(TextAlignment.CENTER);
            double tw = Math.min(x1 - x0, label.length() * 9.0 + 24);
            g.setFill(palette.color("paper"));
            g.fillRect((x0 + x1) / 2 - tw / 2, cy - 11, tw, 22);
            g.setFill(palette.color("muted"));
            text(g, label, (x0 + x1) / 2, cy, x1 - x0);
            g.setTextAlign(TextAlignment.LEFT);
        }
    }

    /** The middle of the part of [y0, y1] in sight. */
    private double visibleMiddle(double y0, double y1) {
        return (Math.max(y0, 0) + Math.min(y1, canvas.getHeight())) / 2;
    }

    private void paintVma(GraphicsContext g, Row r, double x0, double x1, double y0, double y1) {
        Vma v = r.vma();
        Mm mm = axisMm;
        VmaKind kind = VmaKind.of(mm, v);
        double hh = Math.max(1, y1 - y0);
        g.setFill(palette.tint(kind.colour(), 0.62));
        g.fillRect(x0, y0, x1 - x0, hh);
        double pagePx = pagePx(r);
        paintPresentPages(g, r, kind, x0, x1, y0, y1, pagePx);
        if (pagePx >= PAGE_TICKS_MIN_PX) {
            paintPageTicks(g, r, x0, x1, y0, y1, pagePx);
        }
        g.setStroke(palette.color(kind.colour()).darker());
        g.setLineWidth(hh >= 4 ? 2 : 1);
        if (hh >= 3) g.strokeRect(x0 + 1, y0 + 1, x1 - x0 - 2, hh - 2);
        if (hh >= MIN_TEXT_ROW) {
            String name = ProcNames.name(mm, v);
            if (name == null) name = kind == VmaKind.BSS ? "(bss)" : "(anonymous)";
            else if (v.file() != null) name = v.file().baseName();
            String line = v.perms() + "   " + name + "   " + Sizes.human(v.length());
            g.setFill(palette.color("ink"));
            g.setFont(FONT_BOLD);
            double visTop = Math.max(y0, 0);
            double visBottom = Math.min(y1, canvas.getHeight());
            double cy = hh >= 44 ? Math.min(Math.max((visTop + visBottom) / 2 - 9, y0 + 13), y1 - 30)
                : (y0 + y1) / 2;
            if (visBottom - visTop >= MIN_TEXT_ROW) {
                text(g, line, x0 + 10, cy, x1 - x0 - 20);
                if (hh >= 44) {
                    g.setFont(MONO);
                    text(g, Sizes.hex(v.start(), 12) + "-" + Sizes.hex(v.end(), 12), x0 + 10, cy + 19,
                        x1 - x0 - 20);
                }
            }
        }
    }

    private void paintPresentPages(GraphicsContext g, Row r, VmaKind kind, double x0, double x1, double y0,
                                   double y1, double pagePx) {
        Kernel k = session.kernel();
        Mm mm = axisMm;
        long pages = r.length() >>> Vma.PAGE_SHIFT;
        double h = canvas.getHeight();
        double top = Math.max(0, y0);
        double bottom = Math.min(h, y1);
        if (bottom <= top) return;
        g.setFill(palette.color(kind.colour()));
        if (pagePx >= 1) {
            // page i (from the start) spans [y1 - (i+1)*pagePx, y1 - i*pagePx)
            long firstPage = Math.max(0, (long) Math.floor((y1 - bottom) / pagePx));
            long lastPage = Math.min(pages - 1, (long) Math.ceil((y1 - top) / pagePx));
            for (long i = firstPage; i <= lastPage; i++) {
                long addr = r.start() + (i << Vma.PAGE_SHIFT);
                if (present(k, mm, addr)) {
                    double py1 = y1 - i * pagePx;
                    g.fillRect(x0, py1 - pagePx, x1 - x0, pagePx);
                }
            }
        } else {
            // several pages per pixel row: a row is full colour when a sampled page in it is present
            double pagesPerPx = 1 / pagePx;
            for (double py = Math.floor(top); py < bottom; py++) {
                long p0 = (long) ((y1 - py - 1) * pagesPerPx);
                long p1 = Math.min(pages, (long) ((y1 - py) * pagesPerPx) + 1);
                long step = Math.max(1, (p1 - p0) / 8);
                for (long i = Math.max(0, p0); i < p1; i += step) {
                    if (present(k, mm, r.start() + (i << Vma.PAGE_SHIFT))) {
                        g.fillRect(x0, py, x1 - x0, 1);
                        break;
                    }
                }
            }
        }
    }

    /** Whether a page is drawn present: the model's answer, unless an event not shown yet changes it. */
    private boolean present(Kernel k, Mm mm, long addr) {
        Pte pending = pendingPages.isEmpty() ? null : pendingPages.get(addr);
        return pending != null ? pending.present() : k.pages().isPresent(mm, addr);
    }

    private void paintPageTicks(GraphicsContext g, Row r, double x0, double x1, double y0, double y1,
                                double pagePx) {
        long pages = r.length() >>> Vma.PAGE_SHIFT;
        double h = canvas.getHeight();
        long firstPage = Math.max(1, (long) Math.floor((y1 - Math.min(h, y1)) / pagePx));
        long lastPage = Math.min(pages - 1, (long) Math.ceil((y1 - Math.max(0, y0)) / pagePx));
        g.setStroke(palette.color("grid"));
        g.setLineWidth(1);
        // a page's label sits inside the band, right-aligned: only where the band has room for it
        boolean labels = pageLabels && pagePx >= 22 && x1 - x0 >= 200;
        g.setFont(MONO);
        for (long i = firstPage; i <= lastPage; i++) {
            double py = Math.round(y1 - i * pagePx) + 0.5;
            g.strokeLine(x0, py, x1, py);
        }
        if (labels) {
            g.setFill(palette.color("muted"));
            g.setTextAlign(TextAlignment.RIGHT);
            for (long i = Math.max(0, firstPage - 1); i <= lastPage; i++) {
                double mid = y1 - (i + 0.5) * pagePx;
                if (mid < 0 || mid > h) continue;
                g.fillText("page " + Sizes.hex(r.start() + (i << Vma.PAGE_SHIFT)), x1 - 8, mid);
            }
            g.setTextAlign(TextAlignment.LEFT);
        }
    }

    private void paintAddress(GraphicsContext g, long addr, double y) {
        g.setFill(palette.color("ink"));
        g.setFont(MONO);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(Sizes.hex(addr, axisMm.profile().addressDigits() == 8 ? 8 : 12), ADDR_COL - 8, y);
        g.setTextAlign(TextAlignment.LEFT);
        g.setStroke(palette.color("grid"));
        g.setLineWidth(1);
        g.strokeLine(ADDR_COL - 6, Math.round(y) + 0.5, ADDR_COL, Math.round(y) + 0.5);
    }

    private double screenY(long addr) {
        return axis.yOf(addr) * zoom - offset;
    }

    private void paintMarks(GraphicsContext g) {
        Mm mm = axisMm;
        double brkY = screenY(mm.brk());
        Change c = state.change();
        Change moving = c.kind() == Change.Kind.BRK_MOVED && c.in(mm.id()) ? c : null;
        if (moving != null) {
            brkY = Motion.lerp(screenY(moving.from()), screenY(moving.to()),
                Motion.ease(session.eventProgressProperty().get()));
        }
        if (mm.startBrk() != 0) {
            if (mm.startBrk() == mm.brk() && moving == null) {
                mark(g, brkY, "start_brk = brk", "heap");
            } else {
                mark(g, screenY(mm.startBrk()), "start_brk", "heap");
                mark(g, brkY, "brk", "heap");
            }
        }
        if (mm.mmapBase() != 0 && Long.compareUnsigned(mm.mmapBase(), mm.profile().taskSize()) < 0) {
            mark(g, screenY(mm.mmapBase()), "mmap_base", "file");
        }
    }

    private void mark(GraphicsContext g, double y, String label, String colour) {
        double h = canvas.getHeight();
        if (y < -10 || y > h + 10) return;
        double x1 = bandRight();
        g.setStroke(palette.color(colour).darker());
        g.setLineWidth(2.5);
        g.setLineDashes(8, 5);
        g.strokeLine(ADDR_COL, y, x1 + 8, y);
        g.setLineDashes(null);
        g.setFill(palette.color(colour).darker());
        g.fillPolygon(new double[] {x1 + 8, x1 + 18, x1 + 18}, new double[] {y, y - 6, y + 6}, 3);
        g.setFill(palette.color("ink"));
        g.setFont(FONT_BOLD);
        text(g, label, x1 + 22, y, markCol - 24);
    }

    private void paintSelection(GraphicsContext g) {
        long sel = session.selectedVmaProperty().get();
        if (sel != -1) {
            Row r = axis.rowOfVma(sel);
            if (r != null) {
                double y0 = r.top() * zoom - offset;
                double y1 = r.bottom() * zoom - offset;
                g.setStroke(palette.color("select"));
                g.setLineWidth(4);
                g.strokeRect(ADDR_COL - 2, y0 - 1, bandRight() - ADDR_COL + 4, Math.max(2, y1 - y0 + 2));
            }
        }
        long addr = session.selectedAddressProperty().get();
        if (addr != -1) {
            Row r = axis.rowOf(addr);
            double y = screenY(addr & -Vma.PAGE_SIZE);
            if (r.kind() == AddressAxis.Kind.VMA && pagePx(r) >= PAGE_TICKS_MIN_PX) {
                double top = screenY(Math.min((addr & -Vma.PAGE_SIZE) + Vma.PAGE_SIZE, r.end()));
                g.setStroke(palette.color("select"));
                g.setLineWidth(3);
                g.strokeRect(ADDR_COL + 3, top + 1, bandRight() - ADDR_COL - 6, Math.max(2, y - top - 2));
                y = (y + top) / 2;
            }
            g.setFill(palette.color("select"));
            g.fillPolygon(new double[] {ADDR_COL - 2, ADDR_COL - 14, ADDR_COL - 14}, new double[] {y, y - 7, y + 7},
                3);
        }
    }

    private void paintEvents(GraphicsContext g) {
        Mm mm = axisMm;
        Change current = state.change();
        double p = session.eventProgressProperty().get();
        double x0 = ADDR_COL;
        double x1 = bandRight();
        g.setLineCap(StrokeLineCap.ROUND);
        if (current.isMmChange() && current.in(mm.id())) {
            Vma changed = current.kind() == Change.Kind.VMA_SPLIT || current.kind() == Change.Kind.BRK_MOVED ? null
                : current.vma();
            if (changed != null && Long.compareUnsigned(changed.end(), mm.profile().taskSize()) <= 0) {
                double ya = screenY(changed.end() - 1);
                double yb = screenY(changed.start());
                Row top = axis.rowOf(changed.end() - 1);
                ya = Math.min(ya, top.top() * zoom - offset);
                boolean removed = current.kind() == Change.Kind.VMA_REMOVED;
                g.setStroke(removed ? palette.color("red") : palette.color("select"));
                g.setGlobalAlpha(Motion.fade(p, 0.35));
                g.setLineWidth(7);
                if (removed) g.setLineDashes(10, 8);
                g.strokeRect(x0 - 4, ya - 3, x1 - x0 + 8, Math.max(6, yb - ya + 6));
                g.setLineDashes(null);
                g.setGlobalAlpha(1);
            }
            if (current.kind() == Change.Kind.FIND_VMA) {
                arrow(g, screenY(current.addr()), "find_vma(" + Sizes.hex(current.addr()) + ")", "select", p);
            }
        }
        if (current.kind() == Change.Kind.PAGE_FAULT && current.in(mm.id())) {
            arrow(g, screenY(current.addr()), "fault " + current.access() + " " + Sizes.hex(current.addr()), "select",
                p);
        }
        long page = -1;
        String colour = "select";
        Change.Kind ck = current.kind();
        if ((ck == Change.Kind.PTE_SET || ck == Change.Kind.PTE_CLEARED || ck == Change.Kind.PAGE_MAPPED)
            && current.in(mm.id())) {
            page = current.addr();
            if (ck == Change.Kind.PTE_CLEARED) colour = "red";
        }
        if (page != -1 && Long.compareUnsigned(page, mm.profile().taskSize()) < 0) flashPage(g, page, colour, p);
        java.util.List<StepSignal> signals = state.signals();
        for (int si = 0; si < signals.size(); si++) {
            StepSignal s = signals.get(si);
            if (isSelectedTask(s.pid())) {
                double y = Long.compareUnsigned(s.addr(), mm.profile().taskSize()) >= 0
                    ? axis.rows().get(0).top() * zoom - offset + AddressAxis.KERNEL_HEIGHT * zoom / 2
                    : screenY(s.addr());
                y = Math.max(20, Math.min(canvas.getHeight() - 20, y));
                double pulse = ck == Change.Kind.SIGNAL && si == signals.size() - 1 ? Motion.pulse(p) : 0;
                g.setStroke(palette.color("red"));
                g.setLineWidth(4);
                double rad = 10 + 8 * pulse;
                double cx = (x0 + x1) / 2;
                g.strokeLine(cx - rad, y - rad, cx + rad, y + rad);
                g.strokeLine(cx - rad, y + rad, cx + rad, y - rad);
                String label = s.signal() + " at " + Sizes.hex(s.addr());
                g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 18));
                double tw = label.length() * 11.0 + 16;
                g.setFill(palette.color("paper"));
                g.fillRect(cx + rad + 8, y - 14, tw, 28);
                g.setFill(palette.color("red"));
                text(g, label, cx + rad + 16, y, x1 - cx - rad - 20);
            }
        }
        g.setLineCap(StrokeLineCap.SQUARE);
    }

    /** A page outlined while its PTE changes; at least 10 px high so it shows when zoomed out. */
    private void flashPage(GraphicsContext g, long addr, String colour, double p) {
        long start = addr & -Vma.PAGE_SIZE;
        double yb = screenY(start);
        double ya = screenY(start + Vma.PAGE_SIZE - 1);
        double mid = (ya + yb) / 2;
        double h = Math.max(10, yb - ya);
        g.setGlobalAlpha(Motion.fade(p, 0.4));
        g.setStroke(palette.color(colour));
        g.setLineWidth(5);
        g.strokeRect(ADDR_COL + 2, mid - h / 2, bandRight() - ADDR_COL - 4, h);
        g.setGlobalAlpha(1);
    }

    private boolean isSelectedTask(int pid) {
        var t = session.selectedTask();
        return t != null && t.pid() == pid;
    }

    private void arrow(GraphicsContext g, double y, String label, String colour, double p) {
        double x0 = ADDR_COL;
        g.setGlobalAlpha(Motion.fade(p, 0.6));
        g.setStroke(palette.color(colour));
        g.setFill(palette.color(colour));
        g.setLineWidth(3);
        g.strokeLine(4, y, x0 - 4, y);
        g.fillPolygon(new double[] {x0 - 2, x0 - 14, x0 - 14}, new double[] {y, y - 7, y + 7}, 3);
        g.setFont(FONT_BOLD);
        text(g, label, 6, y - 12, x0 - 12);
        g.setGlobalAlpha(1);
    }

    private static final Text MEASURE = new Text();

    /** Draws {@code s}, cut short with an ellipsis when it is wider than {@code maxWidth} (never squeezed). */
    private static void text(GraphicsContext g, String s, double x, double y, double maxWidth) {
        if (maxWidth <= 12) return;
        Font f = g.getFont();
        if (width(s, f) <= maxWidth) {
            g.fillText(s, x, y);
            return;
        }
        int lo = 0;
        int hi = s.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (width(s.substring(0, mid) + "…", f) <= maxWidth) lo = mid;
            else hi = mid - 1;
        }
        if (lo > 0) g.fillText(s.substring(0, lo).stripTrailing() + "…", x, y);
    }

    private static double width(String s, Font f) {
        MEASURE.setFont(f);
        MEASURE.setText(s);
        return MEASURE.getLayoutBounds().getWidth();
    }
}
