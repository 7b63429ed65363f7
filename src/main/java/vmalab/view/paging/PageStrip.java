package vmalab.view.paging;

import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import vmalab.model.mm.Vma;
import vmalab.model.paging.Pte;
import vmalab.viewmodel.fold.PtesAtCursor;

/**
 * The pages of one VMA as a grid of cells, in address order, rows labelled with their first address. A cell's
 * colour says what its PTE maps (nothing, a read-only or writable page, the zero page, a COW page) and, when
 * big enough, its letters give the bits: P (present), W (R/W), A (accessed), D (dirty). Only visible rows are
 * drawn; the wheel scrolls a VMA too long for the area.
 */
final class PageStrip {
    static final double MAX_CELL = 54;
    static final double MIN_CELL = 9;
    private static final double LETTERS_CELL = 44;
    private static final double LABEL_W = 128;

    private final PagingPalette pal;
    private final Font letters = Font.font("Monospaced", FontWeight.BOLD, 14);
    private final Font rowFont = Font.font("Monospaced", 14);
    private Vma vma;
    private double cell = MAX_CELL;
    private int cols = 1;
    private int rows;
    private int visibleRows = 1;
    private int scrollRow;
    private double x0;
    private double y0 = 6;

    PageStrip(PagingPalette pal) {
        this.pal = pal;
    }

    /** Sizes the cells so the whole VMA fits if it can; else the smallest cells and a scroll. */
    void layout(Vma v, double w, double h) {
        if (v != vma) scrollRow = 0;
        vma = v;
        long n = v == null ? 0 : v.pages();
        double cw = Math.max(1, w - LABEL_W - 12);
        cell = MIN_CELL;
        for (double c = MAX_CELL; c >= MIN_CELL; c -= 1) {
            int cc = Math.max(1, (int) (cw / c));
            long rr = (n + cc - 1) / cc;
            if (rr * c <= h - 12) {
                cell = c;
                break;
            }
        }
        cols = Math.max(1, (int) (cw / cell));
        rows = (int) Math.min(Integer.MAX_VALUE, (n + cols - 1) / cols);
        visibleRows = Math.max(1, (int) ((h - 12) / cell));
        x0 = LABEL_W;
        scroll(0);
    }

    void scroll(int dRows) {
        scrollRow = Math.max(0, Math.min(Math.max(0, rows - visibleRows), scrollRow + dRows));
    }

    /** Height the strip uses: its rows, or all the area when it scrolls. */
    double usedHeight() {
        return y0 + Math.max(1, Math.min(rows, visibleRows)) * cell + 10;
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

    void paint(GraphicsContext g, PtesAtCursor ptes, long selected) {
        if (vma == null) return;
        double gap = cell >= 20 ? 3 : 1;
        long n = vma.pages();
        for (int r = 0; r < visibleRows; r++) {
            long first = (long) (r + scrollRow) * cols;
            if (first >= n) break;
            double y = y0 + r * cell;
            if (cell >= 16) {
                g.setFill(pal.text.color());
                g.setFont(rowFont);
                g.setTextAlign(TextAlignment.RIGHT);
                g.setTextBaseline(VPos.CENTER);
                g.fillText(Long.toHexString(vma.start() + (first << Vma.PAGE_SHIFT)), x0 - 8, y + cell / 2);
            }
            for (int c = 0; c < cols && first + c < n; c++) {
                long addr = vma.start() + ((first + c) << Vma.PAGE_SHIFT);
                drawCell(g, x0 + c * cell + gap / 2, y + gap / 2, cell - gap, ptes.pte(addr));
                if (addr == ptes.changing()) ring(g, x0 + c * cell, y, pal.step.color(), 4);
                if (addr == selected) ring(g, x0 + c * cell, y, pal.selected.color(), 3);
            }
        }
        if (rows > visibleRows) {
            g.setFill(pal.faint.color());
            g.setFont(rowFont);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(String.format("rows %d-%d of %d (scroll)", scrollRow + 1,
                Math.min(rows, scrollRow + visibleRows), rows), 8, y0 + visibleRows * cell - 18);
        }
    }

    Color fill(Pte p) {
        if (!p.present()) return pal.notPresent.color();
        if (p.zero()) return pal.zero.color();
        if (p.cow()) return pal.cow.color();
        return p.write() ? pal.writable.color() : pal.readOnly.color();
    }

    private void drawCell(GraphicsContext g, double x, double y, double s, Pte p) {
        g.setFill(fill(p));
        g.fillRect(x, y, s, s);
        if (!p.present()) {
            g.setStroke(pal.faint.color());
            g.setLineWidth(1);
            g.strokeRect(x + 0.5, y + 0.5, s - 1, s - 1);
        }
        if (p.dirty()) {
            // a dark bar along the bottom: the page has been written since it was mapped
            g.setFill(pal.dirty.color());
            g.fillRect(x, y + s - Math.max(3, s * 0.12), s, Math.max(3, s * 0.12));
        }
        if (s < LETTERS_CELL - 3) return;
        // letters sit in the top and bottom thirds; the middle stays plain fill (a test samples it)
        g.setFont(letters);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        String[] bits = {"P", "W", "A", "D"};
        boolean[] on = {p.present(), p.write(), p.accessed(), p.dirty()};
        for (int i = 0; i < 4; i++) {
            g.setFill(on[i] ? pal.text.color() : pal.faint.color());
            g.fillText(on[i] ? bits[i] : "·", x + s * (0.14 + 0.24 * i), y + s * 0.2);
        }
        String tag = p.zero() ? "zero" : p.cow() ? "COW" : "";
        if (!tag.isEmpty()) {
            g.setFill(pal.text.color());
            g.fillText(tag, x + s / 2, y + s * 0.74);
        }
    }

    private void ring(GraphicsContext g, double x, double y, Color c, double w) {
        g.setStroke(c);
        g.setLineWidth(w);
        g.strokeRect(x + w / 2 - 1, y + w / 2 - 1, cell - w + 2, cell - w + 2);
    }
}
