package vmalab.view.layout;

import java.util.List;
import java.util.Map;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import vmalab.io.ProcNames;
import vmalab.model.Kernel;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.model.paging.PhysicalMemory;
import vmalab.model.paging.Pte;
import vmalab.view.anim.Motion;
import vmalab.view.anim.Palette;
import vmalab.view.paint.Pen;
import vmalab.view.paint.TextFit;
import vmalab.view.paint.Type;
import vmalab.viewmodel.AddressAxis;
import vmalab.viewmodel.AddressAxis.Row;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.Sizes;
import vmalab.viewmodel.VmaKind;
import vmalab.viewmodel.fold.Change;
import vmalab.viewmodel.fold.StepSignal;
import vmalab.viewmodel.fold.StepState;

/**
 * Paints the layout: the rows in sight (VMA bands with their pages, gaps, breaks, the kernel band), the address
 * column, the brk and mmap_base marks, the selection, and the event being animated. The state is drawn as it is
 * after the step, except pages whose PTE an event not shown yet changes. Present pages take the band's colour,
 * the zero page and COW-shared pages their own. Type and strokes follow the session's font scale
 * ({@link Type}); every label goes through a {@link LabelLayer}, drawn last and never on another label.
 */
public final class LayoutPainter {
    /** The narrowest address column (px at 100 %); it grows with the type. */
    public static final double ADDR_COL = 132;
    /** Room right of the bands for the marks' labels (px at 100 %). */
    public static final double MARK_COL = 164;
    /** A band shows its pages one by one from this many pixels a page. */
    public static final double PAGE_TICKS_MIN_PX = 6;

    private final Palette palette;
    private final Session session;
    private final LabelLayer labels = new LabelLayer();
    private final HolePainter holes;
    /** While a step plays: pages whose PTE changes in an event not shown yet, with their value at the cursor. */
    private Map<Long, Pte> pendingPages = Map.of();
    private StepState state = StepState.NONE;
    private AddressAxis axis;
    private Mm axisMm;
    private double zoom;
    private double offset;
    private double width = 900;
    private double height = 700;
    private double markBase = MARK_COL;
    private boolean pageLabels = true;
    private boolean chrome = true;
    private Type type = Type.of(1);
    private Font font;
    private Font bold;
    private Font mono;

    public LayoutPainter(Palette palette, Session session) {
        this.palette = palette;
        this.holes = new HolePainter(palette, labels);
        this.session = session;
        size(width, height);
    }

    /** The canvas size and the session's font scale: sets the columns. */
    public void size(double w, double h) {
        width = w;
        height = h;
        double s = session.fontScale();
        if (type.fontScale() != s || font == null) {
            type = Type.of(s);
            font = type.sans(15);
            bold = type.bold(15);
            mono = type.mono(14);
        }
    }

    public Type type() {
        return type;
    }

    /** Where the bands start: right of the address column, wide enough for a 12-digit address. */
    public double bandLeft() {
        String sample = "0x" + "0".repeat(addressDigits());
        double need = TextFit.width(sample, mono) + type.px(26);
        return Math.min(Math.max(ADDR_COL, need), Math.max(ADDR_COL, width * 0.4));
    }

    private int addressDigits() {
        return axisMm != null && axisMm.profile().addressDigits() == 8 ? 8 : 12;
    }

    private double markCol() {
        return Math.max(90, Math.min(markBase * type.fontScale(), width * 0.3));
    }

    /** The right edge of the bands. */
    public double bandRight() {
        return Math.max(bandLeft() + 100, width - markCol());
    }

    /** Room right of the bands for the marks' labels ({@link #MARK_COL} unless a compact layout asks for less). */
    public void setMarkColumn(double px) {
        markBase = Math.max(90, px);
    }

    /** Whether a band tall enough writes each page's address (a compact layout leaves that to a page strip). */
    public void setPageLabels(boolean on) {
        pageLabels = on;
    }

    /** The label under (x, y) as last painted, full text, or null. */
    public String labelAt(double x, double y) {
        LabelLayer.Item it = labels.at(x, y);
        return it == null ? null : it.full();
    }

    /** Pixels a page of a VMA row takes at {@code zoom}. */
    public static double pagePx(Row r, double zoom) {
        long pages = r.length() >>> Vma.PAGE_SHIFT;
        return pages == 0 ? 0 : r.height() * zoom / pages;
    }

    /**
     * Paints the rows of {@code axis} in sight at {@code zoom}, scrolled by {@code offset}, on {@code w} × {@code h};
     * {@code withSelection}: the selection outline and marker (not on a slide). Returns the rows painted.
     */
    public int paint(Pen g, double w, double h, AddressAxis axis, Mm mm, double zoom, double offset,
                     boolean withSelection) {
        this.axis = axis;
        this.axisMm = mm;
        this.zoom = zoom;
        this.offset = offset;
        this.chrome = withSelection;
        size(w, h);
        labels.clear();
        state = session.stepState();
        pendingPages = mm == null ? Map.of() : state.ptes(mm).changedLater();
        int painted = 0;
        g.setTextAlign(TextAlignment.LEFT);
        int first = axis.rowIndexAt(offset / zoom);
        int last = axis.rowIndexAt((offset + h) / zoom);
        double monoH = TextFit.lineHeight(mono);
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
            if (r.kind() == AddressAxis.Kind.KERNEL) continue;
            boolean key = r.kind() == AddressAxis.Kind.VMA && isKey(r.vma());
            if ((y1 - lastLabelY >= monoH || key) && y1 <= h + monoH) {
                double ly = Math.min(y1, h - monoH / 2 - 1);
                addressLabel(g, r.start(), ly, key);
                if (!key || y1 - lastLabelY >= monoH) lastLabelY = y1;
            }
        }
        paintMarks(g);
        if (chrome) paintSelection(g);
        paintEvents(g);
        labels.place(w, h);
        labels.paint(g);
        return painted;
    }

    /** The selected VMA, the step's VMA, the heap and the stack: their labels are placed first. */
    private boolean isKey(Vma v) {
        if (v == null) return false;
        if (session.selectedVmaProperty().get() == v.start()) return true;
        Change c = state.change();
        if (c.vma() != null && c.vma().start() == v.start()) return true;
        VmaKind k = VmaKind.of(axisMm, v);
        return k == VmaKind.HEAP || k == VmaKind.STACK;
    }

    private double pagePx(Row r) {
        return pagePx(r, zoom);
    }

    private void paintRow(Pen g, Row r, double y0, double y1) {
        double x0 = bandLeft();
        double x1 = bandRight();
        double hh = Math.max(1, y1 - y0);
        switch (r.kind()) {
            case KERNEL -> {
                g.setFill(palette.color("kernel"));
                g.fillRect(x0, y0, x1 - x0, hh);
                if (hh >= TextFit.lineHeight(bold) + 2) {
                    String full = "kernel space: no user access above TASK_SIZE " + Sizes.hex(r.start());
                    String s = TextFit.first(bold, x1 - x0 - type.px(20), full, "kernel space: no user access",
                        "kernel space", "kernel");
                    labels.add(LabelLayer.BAND, s, full, bold, palette.color("paper"), null, x0 + type.px(10),
                        (y0 + y1) / 2, TextAlignment.LEFT);
                }
            }
            case GAP -> holes.gap(g, type, font, r, x0, x1, y0, y1, height);
            case BREAK -> holes.collapsed(g, type, bold, r, x0, x1, y0, y1, height);
            case VMA -> paintVma(g, r, x0, x1, y0, y1);
        }
    }

    private void paintVma(Pen g, Row r, double x0, double x1, double y0, double y1) {
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
        g.setLineWidth(hh >= 4 ? type.line(2) : 1);
        if (hh >= 3) g.strokeRect(x0 + 1, y0 + 1, x1 - x0 - 2, hh - 2);
        paintChange(g, v, x0, x1, y0, y1);
        double lh = TextFit.lineHeight(bold);
        double visTop = Math.max(y0, 0);
        double visBottom = Math.min(y1, height);
        if (visBottom - visTop < lh + 2) return;
        String name = ProcNames.name(mm, v);
        if (name == null) name = kind == VmaKind.BSS ? "(bss)" : "(anonymous)";
        String shortName = v.file() != null ? v.file().baseName() : name;
        String size = Sizes.human(v.length());
        double room = x1 - x0 - type.px(20);
        String full = v.perms() + "  " + name + "  " + size + "  " + Sizes.hex(v.start()) + "-" + Sizes.hex(v.end());
        String line = TextFit.first(bold, room, v.perms() + "   " + shortName + "   " + size,
            v.perms() + " " + shortName + " " + size, shortName + " " + size, shortName);
        if (!TextFit.fits(line, bold, room)) line = TextFit.middle(shortName, bold, room);
        int pri = isKey(v) ? LabelLayer.KEY : LabelLayer.BAND;
        boolean two = visBottom - visTop >= lh + TextFit.lineHeight(mono) + type.px(8);
        double cy = two ? Math.min(Math.max((visTop + visBottom) / 2 - lh / 2, visTop + lh / 2 + 2), visBottom - lh * 1.6)
            : (visTop + visBottom) / 2;
        // on the band's light tint, so the dark ink reads over present pages drawn in the full colour too
        Color chip = palette.tint(kind.colour(), 0.62);
        labels.add(pri, line, full, bold, palette.color("band-ink"), chip, x0 + type.px(10), cy, TextAlignment.LEFT);
        if (two) {
            String range = Sizes.hex(v.start()) + "-" + Sizes.hex(v.end());
            if (TextFit.fits(range, mono, room)) {
                labels.add(pri - 1, range, full, mono, palette.color("band-ink"), chip, x0 + type.px(10),
                    cy + lh * 0.55 + TextFit.lineHeight(mono) * 0.55, TextAlignment.LEFT);
            }
        }
    }

    /**
     * A VMA the last re-read of a real process changed: a thick outline in the change colour and its tag
     * ("new", "grown +128 KiB", "split", "+12 pages") right of the band, placed before the band labels.
     */
    private void paintChange(Pen g, Vma v, double x0, double x1, double y0, double y1) {
        String tag = session.changes().tags().get(v.start());
        if (tag == null) return;
        Color c = palette.color("change");
        g.setStroke(c);
        g.setLineWidth(type.line(3));
        double top = Math.max(y0, -4);
        double bottom = Math.min(y1, height + 4);
        g.strokeRect(x0 - type.px(3), top - type.px(1), x1 - x0 + type.px(6), Math.max(2, bottom - top) + type.px(2));
        double cy = (Math.max(y0, 0) + Math.min(y1, height)) / 2;
        labels.add(LabelLayer.KEY + 5, "◀ " + tag, "changed since the last read: " + tag, bold, c, null,
            x1 + type.px(10), cy, TextAlignment.LEFT);
    }

    /** The colour of a present page: the zero page and COW-shared pages in their own colours. */
    private Color pageColour(Pte p, String kindColour) {
        if (p != null && p.zero()) return palette.color("pte-zero-page");
        if (p != null && p.cow()) return palette.color("pte-cow");
        return palette.color(kindColour);
    }

    private void paintPresentPages(Pen g, Row r, VmaKind kind, double x0, double x1, double y0,
                                   double y1, double pagePx) {
        Kernel k = session.kernel();
        Mm mm = axisMm;
        long pages = r.length() >>> Vma.PAGE_SHIFT;
        double h = height;
        double top = Math.max(0, y0);
        double bottom = Math.min(h, y1);
        if (bottom <= top) return;
        if (pagePx >= 1) {
            // page i (from the start) spans [y1 - (i+1)*pagePx, y1 - i*pagePx)
            long firstPage = Math.max(0, (long) Math.floor((y1 - bottom) / pagePx));
            long lastPage = Math.min(pages - 1, (long) Math.ceil((y1 - top) / pagePx));
            for (long i = firstPage; i <= lastPage; i++) {
                long addr = r.start() + (i << Vma.PAGE_SHIFT);
                Pte p = pte(k, mm, addr);
                if (p != null) {
                    double py1 = y1 - i * pagePx;
                    g.setFill(pageColour(p, kind.colour()));
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
                    Pte p = pte(k, mm, r.start() + (i << Vma.PAGE_SHIFT));
                    if (p != null) {
                        g.setFill(pageColour(p, kind.colour()));
                        g.fillRect(x0, py, x1 - x0, 1);
                        break;
                    }
                }
            }
        }
    }

    /**
     * The page's PTE as drawn when present (the model's, unless an event not shown yet changes it), null when
     * not present. A backend without PTEs gives a plain present entry.
     */
    private Pte pte(Kernel k, Mm mm, long addr) {
        Pte pending = pendingPages.isEmpty() ? null : pendingPages.get(addr);
        if (pending != null) return pending.present() ? pending : null;
        if (!k.pages().isPresent(mm, addr)) return null;
        return k.pages() instanceof PhysicalMemory pm ? pm.pte(mm, addr) : Pte.of(Pte.PRESENT);
    }

    private void paintPageTicks(Pen g, Row r, double x0, double x1, double y0, double y1, double pagePx) {
        long pages = r.length() >>> Vma.PAGE_SHIFT;
        double h = height;
        long firstPage = Math.max(1, (long) Math.floor((y1 - Math.min(h, y1)) / pagePx));
        long lastPage = Math.min(pages - 1, (long) Math.ceil((y1 - Math.max(0, y0)) / pagePx));
        g.setStroke(palette.color("grid"));
        g.setLineWidth(type.line(1));
        for (long i = firstPage; i <= lastPage; i++) {
            double py = Math.round(y1 - i * pagePx) + 0.5;
            g.strokeLine(x0, py, x1, py);
        }
        // a page's label sits inside the band, right-aligned: only where the band has room for it
        double mh = TextFit.lineHeight(mono);
        if (!pageLabels || pagePx < mh + 4 || x1 - x0 < type.px(200)) return;
        Kernel k = session.kernel();
        for (long i = Math.max(0, firstPage - 1); i <= lastPage; i++) {
            double mid = y1 - (i + 0.5) * pagePx;
            if (mid < 0 || mid > h) continue;
            long addr = r.start() + (i << Vma.PAGE_SHIFT);
            Pte p = pte(k, axisMm, addr);
            String what = p == null ? "" : p.zero() ? " zero page" : p.cow() ? " COW" : "";
            String full = "page " + Sizes.hex(addr) + what;
            String s = TextFit.first(mono, (x1 - x0) / 2, full, "page " + Sizes.hex(addr), Sizes.hex(addr));
            labels.add(LabelLayer.DETAIL, s, full, mono, palette.color("band-ink"), null, x1 - type.px(8), mid,
                TextAlignment.RIGHT);
        }
    }

    private void addressLabel(Pen g, long addr, double y, boolean key) {
        double x = bandLeft();
        labels.add(key ? LabelLayer.KEY : LabelLayer.ADDRESS, "0x" + Sizes.hex(addr, addressDigits()), null, mono,
            palette.color("ink"), null, x - type.px(20), y, TextAlignment.RIGHT);
        g.setStroke(palette.color("grid"));
        g.setLineWidth(1);
        g.strokeLine(x - type.px(6), Math.round(y) + 0.5, x, Math.round(y) + 0.5);
    }

    private double screenY(long addr) {
        return axis.yOf(addr) * zoom - offset;
    }

    private void paintMarks(Pen g) {
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
                mark(g, brkY, "start_brk = brk " + Sizes.hex(mm.brk()), "heap", "start_brk = brk", "brk");
            } else {
                mark(g, screenY(mm.startBrk()), "start_brk " + Sizes.hex(mm.startBrk()), "heap", "start_brk",
                    "s_brk");
                mark(g, brkY, "brk " + Sizes.hex(mm.brk()), "heap", "brk");
            }
        }
        if (mm.mmapBase() != 0 && Long.compareUnsigned(mm.mmapBase(), mm.profile().taskSize()) < 0) {
            mark(g, screenY(mm.mmapBase()), "mmap_base " + Sizes.hex(mm.mmapBase()), "file", "mmap_base", "mmap");
        }
    }

    private void mark(Pen g, double y, String full, String colour, String... forms) {
        double h = height;
        if (y < -10 || y > h + 10) return;
        double x0 = bandLeft();
        double x1 = bandRight();
        double tri = type.px(10);
        g.setStroke(palette.color(colour).darker());
        g.setLineWidth(type.line(2.5));
        g.setLineDashes(8, 5);
        g.strokeLine(x0, y, x1 + type.px(8), y);
        g.setLineDashes(null);
        g.setFill(palette.color(colour).darker());
        g.fillPolygon(new double[] {x1 + type.px(8), x1 + type.px(8) + tri, x1 + type.px(8) + tri},
            new double[] {y, y - tri * 0.6, y + tri * 0.6}, 3);
        double lx = x1 + type.px(12) + tri;
        String s = TextFit.first(bold, width - lx - 2, forms);
        double lh = TextFit.lineHeight(bold);
        labels.add(LabelLayer.MARK, s, full, bold, palette.color("ink"), null, lx, Math.max(lh / 2, Math.min(h - lh / 2, y)),
            TextAlignment.LEFT);
    }

    /**
     * The selected VMA outlined just outside its band, the selected page inside it, and the selected address
     * marked by a triangle in the gutter between the address column and the bands: no label is covered, since
     * labels are drawn after.
     */
    private void paintSelection(Pen g) {
        double x0 = bandLeft();
        double x1 = bandRight();
        long sel = session.selectedVmaProperty().get();
        double lw = type.line(3);
        if (sel != -1) {
            Row r = axis.rowOfVma(sel);
            if (r != null) {
                double y0 = r.top() * zoom - offset;
                double y1 = r.bottom() * zoom - offset;
                g.setStroke(palette.color("select"));
                g.setLineWidth(lw);
                g.strokeRect(x0 - lw / 2 - 1, y0 - lw / 2, x1 - x0 + lw + 2, Math.max(2, y1 - y0 + lw));
            }
        }
        long addr = session.selectedAddressProperty().get();
        if (addr != -1) {
            Row r = axis.rowOf(addr);
            double y = screenY(addr & -Vma.PAGE_SIZE);
            if (r.kind() == AddressAxis.Kind.VMA && pagePx(r) >= PAGE_TICKS_MIN_PX) {
                double top = screenY(Math.min((addr & -Vma.PAGE_SIZE) + Vma.PAGE_SIZE, r.end()));
                g.setStroke(palette.color("select"));
                g.setLineWidth(type.line(2.5));
                g.strokeRect(x0 + lw + 2, top + 1, x1 - x0 - 2 * lw - 4, Math.max(2, y - top - 2));
                y = (y + top) / 2;
            }
            triangle(g, y, palette.color("select"));
        }
    }

    /** A triangle in the gutter left of the bands pointing at y. */
    private void triangle(Pen g, double y, Color c) {
        double x0 = bandLeft();
        double s = type.px(7);
        g.setFill(c);
        g.fillPolygon(new double[] {x0 - type.px(3), x0 - type.px(3) - 2 * s, x0 - type.px(3) - 2 * s},
            new double[] {y, y - s, y + s}, 3);
    }

    private void paintEvents(Pen g) {
        Mm mm = axisMm;
        Change current = state.change();
        double p = session.eventProgressProperty().get();
        double x0 = bandLeft();
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
                double lw = type.line(6);
                g.setLineWidth(lw);
                if (removed) g.setLineDashes(10, 8);
                g.strokeRect(x0 - lw / 2 - 2, ya - lw / 2 - 1, x1 - x0 + lw + 4, Math.max(6, yb - ya + lw + 2));
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
        List<StepSignal> signals = state.signals();
        for (int si = 0; si < signals.size(); si++) {
            StepSignal s = signals.get(si);
            if (!isSelectedTask(s.pid())) continue;
            double pulse = ck == Change.Kind.SIGNAL && si == signals.size() - 1 ? Motion.pulse(p) : 0;
            signal(g, s, pulse);
        }
        g.setLineCap(StrokeLineCap.SQUARE);
    }

    /**
     * A signal where its address is: a cross on the band at the address, the label beside it. An address out of
     * sight (zoomed onto the heap, {@code touch 0x10 r}) gets its label at the edge nearest to it, in the mark
     * column with an arrow pointing the way, so it never lies on a band.
     */
    private void signal(Pen g, StepSignal s, double pulse) {
        Mm mm = axisMm;
        double x0 = bandLeft();
        double x1 = bandRight();
        double y = Long.compareUnsigned(s.addr(), mm.profile().taskSize()) >= 0
            ? axis.rows().get(0).top() * zoom - offset + AddressAxis.KERNEL_HEIGHT * zoom / 2
            : screenY(s.addr());
        Font f = type.bold(17);
        double lh = TextFit.lineHeight(f);
        String full = s.signal() + " at " + Sizes.hex(s.addr()) + (s.reason() == null ? "" : ": " + s.reason());
        g.setStroke(palette.color("red"));
        g.setFill(palette.color("red"));
        if (y >= 0 && y <= height) {
            double rad = type.px(10) + type.px(8) * pulse;
            double cx = (x0 + x1) / 2;
            g.setLineWidth(type.line(4));
            g.strokeLine(cx - rad, y - rad, cx + rad, y + rad);
            g.strokeLine(cx - rad, y + rad, cx + rad, y - rad);
            double lx = cx + rad + type.px(10);
            String label = TextFit.first(f, width - lx - 4, s.signal() + " at " + Sizes.hex(s.addr()), s.signal());
            double ly = Math.max(lh / 2 + 1, Math.min(height - lh / 2 - 1, y));
            labels.add(LabelLayer.EVENT, label, full, f, palette.color("red"), palette.color("paper"), lx, ly,
                TextAlignment.LEFT);
            return;
        }
        boolean below = y > height;
        String arrowGlyph = below ? "↓ " : "↑ ";
        double ly = below ? height - lh / 2 - type.px(4) : lh / 2 + type.px(4);
        double lx = x1 + type.px(8);
        String label = TextFit.first(f, width - lx - 4, arrowGlyph + s.signal() + " at " + Sizes.hex(s.addr()),
            arrowGlyph + s.signal(), arrowGlyph + "SEGV", arrowGlyph.strip());
        // the leader: from the label towards the address, along the mark column's edge
        g.setLineWidth(type.line(3));
        double ex = x1 + type.px(4);
        g.strokeLine(ex, ly, ex, below ? height : 0);
        labels.add(LabelLayer.EVENT, label, full, f, palette.color("red"), palette.color("paper"), lx, ly,
            TextAlignment.LEFT);
    }

    /** A page outlined while its PTE changes; at least 10 px high so it shows when zoomed out. */
    private void flashPage(Pen g, long addr, String colour, double p) {
        long start = addr & -Vma.PAGE_SIZE;
        double yb = screenY(start);
        double ya = screenY(start + Vma.PAGE_SIZE - 1);
        double mid = (ya + yb) / 2;
        double h = Math.max(10, yb - ya);
        double x0 = bandLeft();
        g.setGlobalAlpha(Motion.fade(p, 0.4));
        g.setStroke(palette.color(colour));
        g.setLineWidth(type.line(5));
        g.strokeRect(x0 + 2, mid - h / 2, bandRight() - x0 - 4, h);
        g.setGlobalAlpha(1);
    }

    private boolean isSelectedTask(int pid) {
        var t = session.selectedTask();
        return t != null && t.pid() == pid;
    }

    /** An event at an address: a triangle in the gutter, its label in the address column above the line. */
    private void arrow(Pen g, double y, String label, String colour, double p) {
        if (y < -10 || y > height + 10) return;
        double x0 = bandLeft();
        g.setGlobalAlpha(Motion.fade(p, 0.6));
        triangle(g, y, palette.color(colour));
        g.setGlobalAlpha(1);
        Font f = bold;
        double lh = TextFit.lineHeight(f);
        String s = TextFit.first(f, x0 - type.px(26), label, label.substring(label.indexOf(' ') + 1),
            label.substring(0, Math.max(1, label.indexOf(' '))));
        double ly = Math.max(lh / 2 + 1, Math.min(height - lh / 2 - 1, y - lh * 0.7));
        labels.add(LabelLayer.EVENT - 1, s, label, f, palette.color(colour), palette.color("paper"), x0 - type.px(20),
            ly, TextAlignment.RIGHT);
    }
}
