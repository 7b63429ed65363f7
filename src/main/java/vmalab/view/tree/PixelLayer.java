package vmalab.view.tree;

import java.nio.IntBuffer;
import java.util.Arrays;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import vmalab.view.paint.Pen;

/**
 * An ARGB pixel buffer drawn onto a canvas with one image: for pictures of tens of thousands of tiny marks
 * (a zoomed-out tree, 16,384 frames) where one canvas call per mark would be too slow. The image wraps the
 * buffer itself ({@link PixelBuffer}, premultiplied ARGB), so a frame copies and converts nothing on the FX
 * thread: colours are premultiplied as they are drawn.
 */
public final class PixelLayer {
    private int width;
    private int height;
    private int[] pixels = new int[0];
    private PixelBuffer<IntBuffer> buffer;
    private WritableImage image;

    /** Resizes if needed and fills with {@code argb}. */
    public void clear(int w, int h, int argb) {
        w = Math.max(1, w);
        h = Math.max(1, h);
        if (w != width || h != height) {
            width = w;
            height = h;
            pixels = new int[w * h];
            buffer = new PixelBuffer<>(w, h, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(buffer);
        }
        Arrays.fill(pixels, pre(argb));
    }

    public int width() { return width; }
    public int height() { return height; }

    /** A filled rectangle, clipped to the buffer. */
    public void rect(int x, int y, int w, int h, int argb) {
        argb = pre(argb);
        int x0 = Math.max(0, x);
        int y0 = Math.max(0, y);
        int x1 = Math.min(width, x + w);
        int y1 = Math.min(height, y + h);
        for (int yy = y0; yy < y1; yy++) {
            int row = yy * width;
            for (int xx = x0; xx < x1; xx++) {
                pixels[row + xx] = argb;
            }
        }
    }

    /** A square of side {@code size} centred at (cx, cy). */
    public void dot(double cx, double cy, int size, int argb) {
        rect((int) Math.round(cx - size / 2.0), (int) Math.round(cy - size / 2.0), size, size, argb);
    }

    /** A one-pixel line (DDA), clipped. */
    public void line(double x0, double y0, double x1, double y1, int argb) {
        argb = pre(argb);
        double dx = x1 - x0;
        double dy = y1 - y0;
        int steps = (int) Math.ceil(Math.max(Math.abs(dx), Math.abs(dy)));
        if (steps == 0) {
            set((int) Math.round(x0), (int) Math.round(y0), argb);
            return;
        }
        // clip the parameter range to the buffer so a line from far off screen costs only its visible part
        double t0 = 0, t1 = 1;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x0, width - 1 - x0, y0, height - 1 - y0};
        for (int k = 0; k < 4; k++) {
            if (p[k] == 0) {
                if (q[k] < 0) return;
            } else {
                double r = q[k] / p[k];
                if (p[k] < 0) t0 = Math.max(t0, r);
                else t1 = Math.min(t1, r);
            }
        }
        if (t0 > t1) return;
        int s0 = (int) Math.floor(t0 * steps);
        int s1 = (int) Math.ceil(t1 * steps);
        for (int s = s0; s <= s1; s++) {
            double t = (double) s / steps;
            set((int) Math.round(x0 + dx * t), (int) Math.round(y0 + dy * t), argb);
        }
    }

    /** {@code argb} with its colour multiplied by its alpha, as the buffer holds it (opaque colours unchanged). */
    static int pre(int argb) {
        int a = argb >>> 24;
        if (a == 255) return argb;
        int r = ((argb >> 16) & 0xff) * a / 255;
        int g = ((argb >> 8) & 0xff) * a / 255;
        int b = (argb & 0xff) * a / 255;
        return (a << 24) | (r << 16) | (g << 8) | b;
    }

    /** {@code argb} premultiplied already. */
    private void set(int x, int y, int argb) {
        if (x >= 0 && y >= 0 && x < width && y < height) pixels[y * width + x] = argb;
    }

    /** Kept for painters not yet on a {@link Pen}. */
    public void drawTo(javafx.scene.canvas.GraphicsContext g, double x, double y) {
        drawTo(new vmalab.view.paint.FxPen(g), x, y);
    }

    public void drawTo(Pen g, double x, double y) {
        if (image == null) return;
        if (javafx.application.Platform.isFxApplicationThread()) {
            buffer.updateBuffer(b -> null); // all of it changed
            g.drawImage(image, x, y);
            return;
        }
        // off the FX thread (an export painting headless) a buffer cannot be told it changed: a copy
        WritableImage copy = new WritableImage(width, height);
        copy.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbPreInstance(), pixels, 0, width);
        g.drawImage(copy, x, y);
    }
}
