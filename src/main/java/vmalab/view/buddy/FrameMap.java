package vmalab.view.buddy;

import java.util.BitSet;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import vmalab.view.paging.CanvasTips;
import vmalab.view.paint.Pen;
import vmalab.view.paint.TextFit;
import vmalab.view.paint.Type;
import vmalab.view.tree.PixelLayer;
import vmalab.view.tree.Swatch;
import vmalab.viewmodel.Sizes;

/**
 * The frame map: a minimap bar of all of memory with the zoomed window outlined, and under it the frames of
 * the window as cells of a grid with a power-of-two number of columns (so an aligned buddy block is a run of
 * one row or a band of whole rows). Row labels give the first pfn of each row, column heads the offset, in
 * hex. By default the window fits the frames in use (every frame that is not free); zoom and scroll move it.
 * Cells go through a pixel buffer: thousands of them cost one image.
 */
final class FrameMap {
    /** Largest cell side at 1×, px: bigger cells say nothing more. */
    private static final double MAX_CELL = 44;
    /** Smallest cell side the used-frames fit allows at 1×, px. */
    static final double MIN_CELL = 14;
    /** The fewest frames the fit to the frames in use shows. */
    private static final long CONTEXT = 64;

    private final BuddyPalette pal;
    private final PixelLayer pixels = new PixelLayer();
    private final PixelLayer mini = new PixelLayer();

    // the window asked for: all frames in use (span 0), or span frames from first
    private long askFirst;
    private long askSpan;

    // the last layout
    private int frames = 1;
    private int cols = 1;
    private int rows = 1;
    private int cell = 1;
    private long first;
    private double gx;
    private double gy;
    private double miniX;
    private double miniY;
    private double miniW;
    private double miniH;
    private double height;

    FrameMap(BuddyPalette pal) {
        this.pal = pal;
    }

    /** Back to the default window: the frames in use. */
    void fitUsed() {
        askSpan = 0;
    }

    void showAll() {
        askFirst = 0;
        askSpan = Long.MAX_VALUE;
    }

    /** Zooms by {@code factor} (2: twice as many frames) around the window's middle. */
    void zoom(double factor) {
        long shown = (long) cols * rows;
        long span = Math.max(16, Math.min(frames, Math.round(shown * factor)));
        long mid = first + shown / 2;
        askSpan = span;
        askFirst = Math.max(0, mid - span / 2);
    }

    /** Scrolls the window by {@code rowsBy} rows. */
    void scroll(int rowsBy) {
        long shown = (long) cols * rows;
        if (askSpan == 0) askSpan = shown;
        askFirst = Math.max(0, Math.min(Math.max(0, frames - shown), first + (long) rowsBy * cols));
    }

    /** Moves the window so that {@code pfn} is in its middle. */
    void centreOn(long pfn) {
        long shown = (long) cols * rows;
        if (askSpan == 0) askSpan = shown;
        askFirst = Math.max(0, Math.min(Math.max(0, frames - shown), pfn - shown / 2));
    }

    boolean fitsUsed() {
        return askSpan == 0;
    }

    long first() { return first; }
    long shown() { return Math.min((long) cols * rows, frames - first); }
    int cell() { return cell; }
    int cols() { return cols; }

    private static Font labelFont(Type t) {
        return t.mono(13);
    }

    private static Font headFont(Type t) {
        return t.sans(13);
    }

    private double miniBar(Type t) {
        return Math.round(t.px(16));
    }

    /**
     * Lays the map out in w × h at (x, y) for memory of {@code frameCount} frames of which [usedLo, usedHi]
     * are in use; returns the height used (at most h).
     */
    double layout(Type t, int frameCount, long usedLo, long usedHi, double x, double y, double w, double h) {
        frames = Math.max(1, frameCount);
        Font lf = labelFont(t);
        double lh = TextFit.lineHeight(headFont(t));
        miniX = x;
        miniY = y + lh + t.px(4);
        miniW = Math.max(1, Math.floor(w));
        miniH = miniBar(t);
        double labelW = TextFit.width(Sizes.frame(frames), lf) + t.px(10);
        gx = x + labelW;
        gy = miniY + miniH + t.px(10) + TextFit.lineHeight(lf);
        double gw = Math.max(1, w - labelW);
        double gh = Math.max(1, y + h - gy);
        long lo;
        long hi;
        if (askSpan == 0) {
            lo = usedLo < 0 ? 0 : usedLo;
            hi = usedHi < 0 ? frames - 1 : usedHi;
            if (hi - lo + 1 < CONTEXT) {
                // a handful of frames in use: show them among their free neighbours, not as a 2-column strip
                hi = Math.min(frames - 1, Math.max(hi, lo + CONTEXT - 1));
                lo = Math.max(0, Math.min(lo, hi - CONTEXT + 1));
            }
        } else {
            lo = Math.max(0, Math.min(askFirst, frames - 1));
            hi = Math.min(frames - 1, lo + Math.min(askSpan, frames) - 1);
            if (hi - lo + 1 < Math.min(askSpan, frames)) lo = Math.max(0, hi - Math.min(askSpan, frames) + 1);
        }
        int maxCell = (int) Math.floor(t.px(MAX_CELL));
        int minCell = (int) Math.ceil(t.px(MIN_CELL));
        int bestCols = 1;
        int bestCell = 0;
        for (int c = 1; c <= 1024 && c <= frames; c <<= 1) {
            long start = lo & -(long) c;
            long r = (hi - start) / c + 1;
            int side = (int) Math.floor(Math.min(gw / c, gh / r));
            side = Math.min(side, maxCell);
            if (side > bestCell || side == bestCell && side == maxCell) {
                bestCell = side;
                bestCols = c;
            }
            if (side >= maxCell) break; // fewer columns only make a taller grid of the same cells
        }
        if (bestCell < minCell && askSpan != Long.MAX_VALUE) {
            // too many for readable cells: as many as fit at the smallest readable size, the rest a scroll away
            bestCell = Math.max(1, Math.min(minCell, (int) Math.floor(Math.min(gw, gh))));
            bestCols = Integer.highestOneBit((int) Math.max(1, Math.min(frames, gw / bestCell)));
        }
        cell = Math.max(1, bestCell);
        cols = bestCols;
        first = lo & -(long) cols;
        long need = (hi - first) / cols + 1;
        rows = (int) Math.max(1, Math.min(need, Math.floor(gh / cell)));
        long maxRows = (frames - first + cols - 1) / cols;
        rows = (int) Math.min(rows, maxRows);
        height = gy - y + rows * cell;
        return height;
    }

    Point2D centre(long pfn) {
        if (pfn < first || pfn >= first + (long) cols * rows || pfn >= frames) return null;
        long i = pfn - first;
        // the lower part of the cell: its pfn label, when it has one, sits in the upper part
        return new Point2D(gx + (i % cols) * cell + cell / 2.0, gy + (i / cols) * cell + cell * 0.78);
    }

    long frameAt(double x, double y) {
        if (x < gx || y < gy) return -1;
        long c = (long) ((x - gx) / cell);
        long r = (long) ((y - gy) / cell);
        long pfn = first + r * cols + c;
        return c < cols && r < rows && pfn < frames ? pfn : -1;
    }

    /** The frame under (x, y) on the minimap, or -1. */
    long miniAt(double x, double y) {
        if (x < miniX || x >= miniX + miniW || y < miniY - 2 || y > miniY + miniH + 2) return -1;
        return Math.min(frames - 1, (long) ((x - miniX) / miniW * frames));
    }

    /**
     * Paints the minimap and the window's cells.
     *
     * @param selected frames of the selected VMA (others dimmed), or null
     */
    void paint(Pen g, Type t, int[] argb, boolean[] shared, BitSet selected, FrameOwners owners, CanvasTips tips) {
        Color bg = pal.background.color();
        int bgArgb = Swatch.toArgb(bg);
        int freeArgb = Swatch.toArgb(pal.free.color());
        paintMini(g, t, argb, bgArgb, freeArgb);
        int w = cols * cell;
        int h = rows * cell;
        pixels.clear(w, h, bgArgb);
        int gap = cell >= 5 ? 1 : 0;
        boolean dim = selected != null && !selected.isEmpty();
        java.util.Map<Integer, Integer> dimmed = new java.util.HashMap<>();
        long end = Math.min(frames, first + (long) cols * rows);
        for (long p = first; p < end && p < argb.length; p++) {
            int c = argb[(int) p];
            if (dim && !selected.get((int) p)) c = dimmed.computeIfAbsent(c, k -> Swatch.toArgb(
                Color.rgb((k >> 16) & 255, (k >> 8) & 255, k & 255).interpolate(bg, 0.7)));
            long i = p - first;
            int x = (int) (i % cols) * cell;
            int y = (int) (i / cols) * cell;
            pixels.rect(x, y, cell - gap, cell - gap, c);
            if (shared[(int) p] && cell >= 5) {
                pixels.dot(x + (cell - gap) / 2.0, y + (cell - gap) / 2.0, Math.max(1, cell / 3), bgArgb);
            }
        }
        pixels.drawTo(g, gx, gy);
        if (dim && cell >= 8) {
            g.setStroke(pal.selected.color());
            g.setLineWidth(t.line(1.5));
            for (int p = selected.nextSetBit((int) first); p >= 0 && p < end; p = selected.nextSetBit(p + 1)) {
                long i = p - first;
                g.strokeRect(gx + (i % cols) * cell - 0.5, gy + (i / cols) * cell - 0.5, cell, cell);
            }
        }
        paintLabels(g, t, argb, end);
        if (tips != null && owners != null && end - first <= 8192) {
            for (long p = first; p < end; p++) {
                long i = p - first;
                tips.add(gx + (i % cols) * cell, gy + (i / cols) * cell, cell, cell, owners.describe((int) p));
            }
        }
    }

    private void paintMini(Pen g, Type t, int[] argb, int bgArgb, int freeArgb) {
        Font hf = headFont(t);
        long end = Math.min(frames, first + (long) cols * rows) - 1;
        String all = "all memory " + Sizes.frame(0) + "–" + Sizes.frame(frames - 1);
        String win = Sizes.frame(first) + "–" + Sizes.frame(end);
        g.setFill(pal.text.color());
        g.setFont(hf);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(TextFit.first(hf, miniW, all + ", frames " + win + " shown below", all + ", shown " + win,
            "shown " + win, win), miniX, miniY - TextFit.lineHeight(hf) - t.px(4));
        int mw = (int) miniW;
        int mh = (int) miniH;
        mini.clear(mw, mh, freeArgb);
        for (int x = 0; x < mw; x++) {
            int a = (int) ((long) x * frames / mw);
            int b = (int) Math.max(a + 1, (long) (x + 1) * frames / mw);
            int c = freeArgb;
            for (int p = a; p < b && p < argb.length; p++) {
                if (argb[p] != freeArgb) {
                    c = argb[p];
                    break;
                }
            }
            if (c != freeArgb) mini.rect(x, 0, 1, mh, c);
        }
        mini.drawTo(g, miniX, miniY);
        g.setStroke(pal.faint.color());
        g.setLineWidth(1);
        g.strokeRect(miniX + 0.5, miniY + 0.5, miniW - 1, miniH - 1);
        double x0 = miniX + (double) first / frames * miniW;
        double x1 = miniX + (double) (end + 1) / frames * miniW;
        double lw = t.line(2.5);
        g.setStroke(pal.step.color());
        g.setLineWidth(lw);
        double bw = Math.max(lw * 2, x1 - x0);
        double left = Math.max(miniX + lw / 2, Math.min(x0, miniX + miniW - bw - lw / 2));
        g.strokeRect(left, miniY - lw / 2, Math.min(bw, miniW - lw), miniH + lw);
    }

    private void paintLabels(Pen g, Type t, int[] argb, long end) {
        Font lf = labelFont(t);
        double lh = TextFit.lineHeight(lf);
        g.setFill(pal.text.color());
        g.setFont(lf);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        int every = Integer.highestOneBit((int) Math.max(1, Math.ceil((lh + 2) / cell)) * 2 - 1);
        if (every < Math.ceil((lh + 2) / cell)) every <<= 1;
        for (int r = 0; r < rows; r += every) {
            g.fillText(Sizes.frame(first + (long) r * cols), gx - t.px(6), gy + r * cell + cell / 2.0);
        }
        // column heads: the offset in the row, every k-th column as room allows
        double wide = TextFit.width("+" + Integer.toHexString(cols - 1), lf) + t.px(6);
        int k = 1;
        while (k < cols && k * cell < wide) k <<= 1;
        if (k * cell >= wide) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.BOTTOM);
            for (int c = 0; c < cols; c += k) {
                String s = "+" + Integer.toHexString(c);
                double cx = gx + c * cell + cell / 2.0;
                double half = TextFit.width(s, lf) / 2;
                if (cx - half < gx - 1) cx = gx + half;
                g.fillText(s, cx, gy - t.px(3));
            }
        }
        // the pfn in the cell itself when the cell has room for it
        String widest = Sizes.frame(Math.max(0, end));
        if (cell >= TextFit.width(widest, lf) + t.px(6) && cell >= 2 * lh) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            for (long p = first; p <= end; p++) {
                long i = p - first;
                int c = argb[(int) p];
                g.setFill(ink(Color.rgb((c >> 16) & 255, (c >> 8) & 255, c & 255)));
                g.fillText(Sizes.frame(p), gx + (i % cols) * cell + cell / 2.0, gy + (i / cols) * cell + t.px(2));
            }
        }
    }

    /** The palette's text or background colour, whichever stands out more on {@code cell}. */
    private Color ink(Color cell) {
        Color a = pal.text.color();
        Color b = pal.background.color();
        return Math.abs(luma(a) - luma(cell)) >= Math.abs(luma(b) - luma(cell)) ? a : b;
    }

    private static double luma(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }

    /** Outlines the frames of block (pfn, order) that lie in the window. */
    void outline(Pen g, long pfn, int order, Color c, double width) {
        long n = 1L << order;
        long end = first + (long) cols * rows;
        long a = Math.max(pfn, first);
        long b = Math.min(pfn + n, end);
        if (a >= b) return;
        g.setStroke(c);
        g.setLineWidth(width);
        long ra = (a - first) / cols;
        long rb = (b - 1 - first) / cols;
        if (ra == rb) {
            double x = gx + ((a - first) % cols) * cell;
            g.strokeRect(x - width / 2, gy + ra * cell - width / 2, (b - a) * cell + width, cell + width);
        } else {
            // an aligned block of a row or more is a band of whole rows
            g.strokeRect(gx - width / 2, gy + ra * cell - width / 2, cols * cell + width, (rb - ra + 1) * cell + width);
        }
    }
}
