package vmalab.view.paging;

import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import vmalab.model.mm.Vma;
import vmalab.model.paging.Pte;
import vmalab.view.paint.Pen;
import vmalab.view.paint.TextFit;
import vmalab.view.paint.Type;
import vmalab.viewmodel.Sizes;
import vmalab.viewmodel.fold.PtesAtCursor;

/**
 * The pages of one VMA as a grid of cells, in address order, rows labelled with their first address. A cell's
 * colour says what its PTE maps (nothing, a read-only or writable page, the zero page, a COW page) and, when
 * big enough, its letters give the bits: P (present), W (R/W), A (accessed), D (dirty). Only visible rows are
 * drawn; the wheel scrolls a VMA too long for the area. Sizes follow the {@link Type} scale.
 */
final class PageStrip {
    static final double MAX_CELL = 54;
    static final double MIN_CELL = 9;

    private final PagingPalette pal;
    private Type type = Type.of(1);
    private Font letters = type.monoBold(14);
    private Font rowFont = type.mono(14);
    private Vma vma;
    private double cell = MAX_CELL;
    private double labelW = 128;
    private int cols = 1;
    private int rows;
    private int visibleRows = 1;
    private int scrollRow;
    private double x0;
    private double y0 = 6;
    private double noteH;

    PageStrip(PagingPalette pal) {
        this.pal = pal;
    }

    /**
     * Sizes the cells so the whole VMA fits in w × h if it can; else the smallest cells and a scroll. Returns
     * the height the strip needs (at most h, unless not even one row fits).
     */
    double layout(Type t, Vma v, double w, double h) {
        type = t;
        letters = t.monoBold(14);
        rowFont = t.mono(14);
        if (v != vma) scrollRow = 0;
        vma = v;
        long n = v == null ? 0 : v.pages();
        String widest = v == null ? "0x0" : Sizes.hex(v.end() - Vma.PAGE_SIZE);
        labelW = TextFit.width(widest, rowFont) + t.px(16);
        y0 = t.px(6);
        noteH = TextFit.lineHeight(rowFont) + t.px(4);
        double cw = Math.max(1, w - labelW - t.px(12));
        double maxCell = Math.max(t.px(MAX_CELL), letterCell() + 4);
        double minCell = t.px(MIN_CELL);
        cell = minCell;
        for (double c = maxCell; c >= minCell; c -= 1) {
            int cc = Math.max(1, (int) (cw / c));
            long rr = (n + cc - 1) / cc;
            if (rr * c <= h - 2 * y0) {
                cell = c;
                break;
            }
        }
        cols = Math.max(1, (int) (cw / cell));
        rows = (int) Math.min(Integer.MAX_VALUE, (n + cols - 1) / cols);
        visibleRows = Math.max(1, (int) ((h - 2 * y0 - noteH) / cell));
        if (rows <= (int) ((h - 2 * y0) / cell)) visibleRows = Math.max(1, rows);
        x0 = labelW;
        scroll(0);
        return usedHeight();
    }

    /** The smallest cell that holds its four bit letters and a "zero" tag. */
    private double letterCell() {
        double letter = TextFit.width("D", letters);
        return Math.max(letter / 0.24 + 2, TextFit.width("zero", letters) + type.px(8));
    }

    void scroll(int dRows) {
        scrollRow = Math.max(0, Math.min(Math.max(0, rows - visibleRows), scrollRow + dRows));
    }

    boolean scrolls() {
        return rows > visibleRows;
    }

    /** Height the strip uses: its rows (and the scroll note when it scrolls). */
    double usedHeight() {
        return y0 + Math.max(1, Math.min(rows, visibleRows)) * cell + (scrolls() ? noteH : 0) + y0;
    }

    /** Width the strip's rows use. */
    double usedWidth() {
        return x0 + Math.min(cols, vma == null ? 1 : Math.max(1, vma.pages())) * cell + type.px(12);
    }

    /** Scrolls so the page of addr is in view. */
    void reveal(long addr) {
        if (vma == null || !vma.contains(addr)) return;
        int row = (int) (((addr - vma.start()) >>> Vma.PAGE_SHIFT) / cols);
        if (row < scrollRow || row >= scrollRow + visibleRows) scrollRow = Math.max(0, row - visibleRows / 2);
        scroll(0);
    }

    /** Centre of the cell of the page at addr (canvas coordinates), or null when it is not in view. */
    Point2D centre(long addr) {
        if (vma == null || !vma.contains(addr)) return null;
        long i = (addr - vma.start()) >>> Vma.PAGE_SHIFT;
        int row = (int) (i / cols) - scrollRow;
        if (row < 0 || row >= visibleRows) return null;
        return new Point2D(x0 + (i % cols) * cell + cell / 2, y0 + row * cell + cell / 2);
    }

    /** The page address under (x, y), or -1. */
    long pageAt(double x, double y) {
        if (vma == null || x < x0 || y < y0) return -1;
        int col = (int) ((x - x0) / cell);
        int row = (int) ((y - y0) / cell);
        if (col >= cols || row >= visibleRows) return -1;
        long i = (long) (row + scrollRow) * cols + col;
        return i < vma.pages() ? vma.start() + (i << Vma.PAGE_SHIFT) : -1;
    }

    void paint(Pen g, PtesAtCursor ptes, long selected, CanvasTips tips) {
        if (vma == null) return;
        double gap = cell >= type.px(20) ? type.line(3) : 1;
        long n = vma.pages();
        boolean labels = TextFit.lineHeight(rowFont) <= cell + 2;
        for (int r = 0; r < visibleRows; r++) {
            long first = (long) (r + scrollRow) * cols;
            if (first >= n) break;
            double y = y0 + r * cell;
            if (labels) {
                g.setFill(pal.text.color());
                g.setFont(rowFont);
                g.setTextAlign(TextAlignment.RIGHT);
                g.setTextBaseline(VPos.CENTER);
                g.fillText(Sizes.hex(vma.start() + (first << Vma.PAGE_SHIFT)), x0 - type.px(8), y + cell / 2);
            }
            for (int c = 0; c < cols && first + c < n; c++) {
                long addr = vma.start() + ((first + c) << Vma.PAGE_SHIFT);
                Pte p = ptes.pte(addr);
                drawCell(g, x0 + c * cell + gap / 2, y + gap / 2, cell - gap, p);
                if (addr == ptes.changing()) ring(g, x0 + c * cell, y, pal.step.color(), type.line(4));
                if (addr == selected) ring(g, x0 + c * cell, y, pal.selected.color(), type.line(3));
                // written only when the mouse rests on the cell: a frame of a long strip has thousands
                tips.add(x0 + c * cell, y, cell, cell, () -> describe(addr, p));
            }
        }
        if (scrolls()) {
            g.setFill(pal.text.color());
            g.setFont(rowFont);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            String full = String.format(java.util.Locale.ROOT, "rows %d-%d of %d (wheel scrolls)", scrollRow + 1,
                Math.min(rows, scrollRow + visibleRows), rows);
            String shown = TextFit.first(rowFont, x0 + cols * cell - type.px(8), full,
                String.format(java.util.Locale.ROOT, "rows %d-%d of %d", scrollRow + 1, Math.min(rows, scrollRow + visibleRows), rows));
            g.fillText(shown, type.px(8), y0 + visibleRows * cell + type.px(2));
        }
    }

    /** A page's full description, for its tooltip. */
    static String describe(long addr, Pte p) {
        String what;
        // pte_present() is true for _PAGE_PROTNONE: the frame stays mapped (pagemap says present), no access
        if (p.protNone()) what = "present, no access (PROT_NONE keeps frame " + Sizes.frame(p.frame())
            + "; a touch raises SIGSEGV): " + p.flagNames();
        else if (!p.present()) what = p.none() ? "not present (a click faults it in)" : "not present: " + p.flagNames();
        else if (p.zero()) what = "the shared zero page, read-only (frame " + Sizes.frame(p.frame()) + ")";
        else what = "frame " + Sizes.frame(p.frame()) + ", phys " + Sizes.phys(p.frame() << 12) + ": " + p.flagNames()
            + (p.cow() ? " (COW: a write copies)" : "");
        return "page " + Sizes.hex(addr) + ": " + what;
    }

    Color fill(Pte p) {
        if (p.protNone()) return pal.readOnly.color();
        if (!p.present()) return pal.notPresent.color();
        if (p.zero()) return pal.zero.color();
        if (p.cow()) return pal.cow.color();
        return p.write() ? pal.writable.color() : pal.readOnly.color();
    }

    private void drawCell(Pen g, double x, double y, double s, Pte p) {
        if (!p.mapped() && s > 2) {
            // the 1 px outline as two fills, not a stroke: the software pipeline fills an axis-aligned rectangle
            // on a fast path but rasterises a stroke as a path (a strip of 6,000 cells, 2,500 of them outlined,
            // spent most of its frame there)
            g.setFill(pal.faint.color());
            g.fillRect(x, y, s, s);
            g.setFill(fill(p));
            g.fillRect(x + 1, y + 1, s - 2, s - 2);
        } else {
            g.setFill(fill(p));
            g.fillRect(x, y, s, s);
        }
        if (p.dirty()) {
            // a dark bar along the bottom: the page has been written since it was mapped
            double bar = Math.max(type.line(3), s * 0.12);
            g.setFill(pal.dirty.color());
            g.fillRect(x, y + s - bar, s, bar);
        }
        if (s < letterCell()) return;
        // letters sit in the top and bottom thirds; the middle stays plain fill (a test samples it)
        g.setFont(letters);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        String[] bits = {"P", "W", "A", "D"};
        boolean[] on = {p.mapped(), p.write(), p.accessed(), p.dirty()};
        double lh = TextFit.lineHeight(letters);
        double top = y + Math.max(lh / 2, s * 0.2);
        for (int i = 0; i < 4; i++) {
            g.setFill(on[i] ? pal.text.color() : pal.faint.color());
            g.fillText(on[i] ? bits[i] : "·", x + s * (0.14 + 0.24 * i), top);
        }
        String tag = p.protNone() ? "none" : p.zero() ? "zero" : p.cow() ? "COW" : "";
        if (!tag.isEmpty() && s >= 2 * lh) {
            g.setFill(pal.text.color());
            g.fillText(tag, x + s / 2, y + Math.min(s - lh / 2, s * 0.74));
        }
    }

    private void ring(Pen g, double x, double y, Color c, double w) {
        g.setStroke(c);
        g.setLineWidth(w);
        g.strokeRect(x + w / 2 - 1, y + w / 2 - 1, cell - w + 2, cell - w + 2);
    }
}
