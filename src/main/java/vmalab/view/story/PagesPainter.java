package vmalab.view.story;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.geometry.VPos;
import vmalab.view.paint.Pen;
import vmalab.view.paint.Type;
import vmalab.view.paint.TextFit;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import vmalab.model.mm.Vma;
import vmalab.model.paging.Pte;
import vmalab.view.anim.Palette;
import vmalab.viewmodel.Sizes;
import vmalab.viewmodel.fold.PtesAtCursor;

/**
 * The focused VMA's pages as large cells in address order: not present (outlined), present read-only or
 * writable, the zero page, COW; P/W/D letters when the cell is large, the address under it. Pages the step has set
 * keep an orange ring until the next step. A VMA with more pages than fit shows the run around the page touched.
 */
public final class PagesPainter {
    /** What one painted cell shows, for tests and for the caption. */
    public record Cell(long addr, boolean present, boolean write, boolean zero, boolean cow, boolean changed) { }

    private final Palette pal;
    private final List<Cell> cells = new ArrayList<>();
    private long firstShown;
    private long lastShown;

    public PagesPainter(Palette pal) {
        this.pal = pal;
    }

    public List<Cell> cells() {
        return cells;
    }

    /** Paints into (x, y, w, h); returns the height used. */
    public double paint(Pen g, Type t, double x, double y, double w, double h, Vma vma, PtesAtCursor ptes,
                 Set<Long> changed, long touched, Vma before) {
        cells.clear();
        if (vma == null) return 0;
        long n = vma.pages();
        double gap = t.px(8);
        double labelH = TextFit.lineHeight(t.mono(17)) * 1.15;
        // the largest cells with which every page fits, within bounds; else the smallest and a window of pages
        double cell = t.px(30);
        int cols = 1;
        int rows = 1;
        double smallest = Math.min(t.px(30), Math.max(8, h - labelH - gap));
        for (double c = Math.min(t.px(150), h - labelH - gap); c >= smallest; c -= 2) {
            int cc = (int) Math.max(1, Math.floor((w + gap) / (c + gap)));
            int rr = (int) Math.max(1, Math.floor((h + gap) / (c + labelH + gap)));
            cell = c;
            cols = cc;
            rows = rr;
            if ((long) cc * rr >= n) break;
        }
        int fit = Math.max(1, cols * rows);
        long first = 0;
        long centre = touched >= 0 && vma.contains(touched) ? (touched - vma.start()) >>> Vma.PAGE_SHIFT
            : changed.isEmpty() ? 0 : (changed.iterator().next() - vma.start()) >>> Vma.PAGE_SHIFT;
        if (n > fit) first = Math.max(0, Math.min(n - fit, centre - fit / 2));
        firstShown = vma.start() + (first << Vma.PAGE_SHIFT);
        long shown = Math.min(n - first, fit);
        lastShown = firstShown + (shown << Vma.PAGE_SHIFT);
        boolean labels = cell >= t.px(60) && cell + labelH <= h + 0.5;
        for (long i = 0; i < shown; i++) {
            long addr = firstShown + (i << Vma.PAGE_SHIFT);
            int r = (int) (i / cols);
            int c = (int) (i % cols);
            double cx = x + c * (cell + gap);
            double cy = y + r * (cell + labelH + gap);
            Pte p = ptes.pte(addr);
            boolean ch = changed.contains(addr);
            cells.add(new Cell(addr, p.present(), p.write(), p.zero(), p.cow(), ch));
            boolean faulting = touched >= 0 && addr == (touched & -Vma.PAGE_SIZE) && !p.present();
            drawCell(g, t, cx, cy, cell, p, ch || addr == ptes.changing(), faulting ? "fault" : "absent");
            if (faulting) {
                // the page faulted on, before the fault handler has mapped it
                g.setStroke(pal.color("walk-fault"));
                g.setLineWidth(Math.max(3, t.px(5)));
                g.setLineDashes(t.px(8), t.px(5));
                g.strokeRoundRect(cx - t.px(4), cy - t.px(4), cell + t.px(8), cell + t.px(8), t.px(14), t.px(14));
                g.setLineDashes();
            }
            if (before != null && !before.contains(addr) && !p.present()) {
                // a page the step added to the VMA (brk, mremap): part of the VMA now, no memory behind it yet
                g.setFill(pal.color("story-step"));
                g.setFont(t.bold(17));
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.TOP);
                if (TextFit.fits("new", g.getFont(), cell - 4) && cell >= 3 * TextFit.lineHeight(g.getFont())) {
                    g.fillText("new", cx + cell / 2, cy + t.px(2));
                }
            }
            if (labels) {
                // the page's address, else its offset in the VMA (the VMA's start is in the title)
                g.setFill(pal.color("ink"));
                g.setFont(t.mono(17));
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.TOP);
                // (or, narrower still, its index in the VMA): a form that fits whole, never one cut short
                long off = addr - vma.start();
                for (String label : new String[] {Sizes.hex(addr), "+" + Sizes.hex(off),
                    "#" + (off >>> Vma.PAGE_SHIFT)}) {
                    if (TextFit.fits(label, g.getFont(), cell + gap * 0.8)) {
                        g.fillText(label, cx + cell / 2, cy + cell + t.px(2));
                        break;
                    }
                }
            }
        }
        g.setTextAlign(TextAlignment.LEFT);
        double used = ((shown + cols - 1) / cols) * (cell + labelH + gap);
        if (shown < n) {
            g.setFill(pal.color("muted"));
            g.setFont(t.sans(16));
            g.setTextBaseline(VPos.TOP);
            String more = TextFit.first(g.getFont(), w, String.format(java.util.Locale.ROOT, "pages %d–%d of %d", first + 1, first + shown, n),
                String.format(java.util.Locale.ROOT, "%d–%d of %d", first + 1, first + shown, n), String.format(java.util.Locale.ROOT, "of %d", n));
            if (y + used + TextFit.lineHeight(g.getFont()) <= y + h + 0.5 && TextFit.fits(more, g.getFont(), w)) {
                g.fillText(more, x, y + used);
            }
            used += TextFit.lineHeight(g.getFont()) * 1.1;
        }
        return used;
    }

    private Color fill(Pte p) {
        if (!p.present()) return pal.color("pte-not-present");
        if (p.zero()) return pal.color("pte-zero-page");
        if (p.cow()) return pal.color("pte-cow");
        return p.write() ? pal.color("pte-present-rw") : pal.color("pte-present-ro");
    }

    private void drawCell(Pen g, Type t, double x, double y, double s, Pte p, boolean changed,
                          String absent) {
        g.setFill(fill(p));
        g.fillRoundRect(x, y, s, s, t.px(10), t.px(10));
        g.setStroke(pal.color(p.present() ? "ink" : "grid"));
        g.setLineWidth(p.present() ? 1.5 : 2);
        if (!p.present()) g.setLineDashes(t.px(6), t.px(4));
        g.strokeRoundRect(x + 1, y + 1, s - 2, s - 2, t.px(10), t.px(10));
        g.setLineDashes();
        if (p.dirty()) {
            g.setFill(pal.color("pte-dirty"));
            g.fillRect(x + s * 0.1, y + s - Math.max(4, s * 0.1), s * 0.8, Math.max(3, s * 0.08));
        }
        if (changed) {
            g.setStroke(pal.color("story-step"));
            g.setLineWidth(Math.max(3, t.px(6)));
            g.strokeRoundRect(x - t.px(4), y - t.px(4), s + t.px(8), s + t.px(8), t.px(14), t.px(14));
        }
        if (s < t.px(40)) return;
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        boolean light = !p.present() || p.zero() || p.cow() || !p.write();
        g.setFill(light ? pal.color("ink") : pal.color("paper"));
        javafx.scene.text.Font big = t.bold(s >= t.px(80) ? 26 : 18);
        String main = p.present() ? (p.zero() ? "zero" : p.cow() ? "COW" : "P") : "—";
        if (p.zero() && !TextFit.fits(main, big, s - 6)) main = "0";
        javafx.scene.text.Font small = "fault".equals(absent) && !p.present() ? t.bold(16) : t.mono(14);
        String bits = !p.present() ? absent : (p.write() ? "RW" : "RO") + (p.dirty() ? " D" : "");
        boolean two = TextFit.lineHeight(big) + TextFit.lineHeight(small) <= s - 4 && TextFit.fits(bits, small, s - 6);
        if (TextFit.fits(main, big, s - 6) && TextFit.lineHeight(big) <= s - 4) {
            g.setFont(big);
            g.fillText(main, x + s / 2, two ? y + s * 0.40 : y + s / 2);
        }
        if (two) {
            g.setFont(small);
            if (!p.present() && "fault".equals(absent)) g.setFill(pal.color("walk-fault"));
            g.fillText(bits, x + s / 2, y + s * 0.72);
        }
        g.setTextAlign(TextAlignment.LEFT);
    }
}
