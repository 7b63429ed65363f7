package vmalab.view.buddy;

import java.util.BitSet;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import vmalab.view.tree.PixelLayer;
import vmalab.view.tree.Swatch;

/**
 * Every page frame as a cell of a square grid, pfn 0 at the top left, a power-of-two number of columns so every
 * aligned buddy block is a run of one row or a band of whole rows. Cells go through a pixel buffer: 16,384 of
 * them cost one image.
 */
final class FrameGrid {
    private static final double LABEL_W = 58;
    private final BuddyPalette pal;
    private final PixelLayer pixels = new PixelLayer();
    private final Font font = Font.font("Monospaced", 14);
    private int frames;
    private int cols = 1;
    private int rows = 1;
    private int cell = 1;
    private double x0;
    private double y0;

    FrameGrid(BuddyPalette pal) {
        this.pal = pal;
    }

    /** Fits the grid in w × h at (x, y); returns the width used. */
    double layout(int frameCount, double x, double y, double w, double h) {
        frames = Math.max(1, frameCount);
        cols = Integer.highestOneBit((int) Math.ceil(Math.sqrt(frames)) * 2 - 1);
        rows = (frames + cols - 1) / cols;
        cell = (int) Math.max(1, Math.floor(Math.min((w - LABEL_W) / cols, (h - 4) / rows)));
        x0 = x + LABEL_W;
        y0 = y + 2;
        return LABEL_W + cols * cell;
    }

    Point2D centre(long pfn) {
        if (pfn < 0 || pfn >= frames) return null;
        return new Point2D(x0 + (pfn % cols) * cell + cell / 2.0, y0 + (pfn / cols) * cell + cell / 2.0);
    }

    long frameAt(double x, double y) {
        if (x < x0 || y < y0) return -1;
        long c = (long) ((x - x0) / cell);
        long r = (long) ((y - y0) / cell);
        long pfn = r * cols + c;
        return c < cols && pfn < frames ? pfn : -1;
    }

    /**
     * @param selected frames of the selected VMA (others dimmed), or null
     */
    void paint(GraphicsContext g, int[] argb, boolean[] shared, BitSet selected) {
        int w = cols * cell;
        int h = rows * cell;
        Color bg = pal.background.color();
        pixels.clear(w, h, Swatch.toArgb(bg));
        int gap = cell >= 5 ? 1 : 0;
        boolean dim = selected != null && !selected.isEmpty();
        int white = Swatch.toArgb(bg);
        java.util.Map<Integer, Integer> dimmed = new java.util.HashMap<>();
        for (int p = 0; p < frames && p < argb.length; p++) {
            int c = argb[p];
            if (dim && !selected.get(p)) c = dimmed.computeIfAbsent(c, k -> Swatch.toArgb(
                Color.rgb((k >> 16) & 255, (k >> 8) & 255, k & 255).interpolate(bg, 0.7)));
            int x = (p % cols) * cell;
            int y = (p / cols) * cell;
            pixels.rect(x, y, cell - gap, cell - gap, c);
            if (shared[p] && cell >= 5) pixels.dot(x + (cell - gap) / 2.0, y + (cell - gap) / 2.0, Math.max(1, cell / 3),
                white);
        }
        pixels.drawTo(g, x0, y0);
        if (dim && cell >= 8) {
            g.setStroke(pal.selected.color());
            g.setLineWidth(1.5);
            for (int p = selected.nextSetBit(0); p >= 0 && p < frames; p = selected.nextSetBit(p + 1)) {
                g.strokeRect(x0 + (p % cols) * cell - 0.5, y0 + (p / cols) * cell - 0.5, cell, cell);
            }
        }
        g.setFill(pal.text.color());
        g.setFont(font);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        int every = Math.max(1, (int) Math.ceil(22.0 / cell));
        every = Integer.highestOneBit(every * 2 - 1);
        for (int r = 0; r < rows; r += every) {
            g.fillText(Integer.toString(r * cols), x0 - 6, y0 + r * cell + cell / 2.0);
        }
    }

    /** Outlines the frames of block (pfn, order): one rectangle, the block being aligned. */
    void outline(GraphicsContext g, long pfn, int order, Color c, double width) {
        long n = 1L << order;
        if (pfn < 0 || pfn >= frames) return;
        double x;
        double y = y0 + (pfn / cols) * cell;
        double bw;
        double bh;
        if (n >= cols) {
            x = x0;
            bw = cols * cell;
            bh = Math.min(n / cols, rows - pfn / cols) * cell;
        } else {
            x = x0 + (pfn % cols) * cell;
            bw = n * cell;
            bh = cell;
        }
        g.setStroke(c);
        g.setLineWidth(width);
        g.strokeRect(x - width / 2, y - width / 2, bw + width, bh + width);
    }
}
