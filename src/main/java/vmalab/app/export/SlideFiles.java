package vmalab.app.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import vmalab.io.AtomicFiles;
import vmalab.view.paint.Pen;

/**
 * A {@link Slide} as a file: a PNG painted through {@code Pen.on(canvas)} on an off-screen canvas at the export
 * scale (in tiles of at most {@value #TILE} px a side, under any renderer's texture limit) or an SVG painted
 * through {@link SvgPen}. Both are written to a temporary file that is renamed over the target. FX thread only.
 */
public final class SlideFiles {
    /** The largest image side written (16384 px: 4× a 4K slide). */
    public static final int MAX_SIDE = 16384;
    static final int TILE = 2048;

    /** The file formats, picked by the output's extension. */
    public enum Format {
        PNG, SVG;

        public String extension() { return name().toLowerCase(Locale.ROOT); }

        /** The format {@code file} names by its extension, or null for any other. */
        public static Format of(Path file) {
            String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.endsWith(".png")) return PNG;
            if (n.endsWith(".svg")) return SVG;
            return null;
        }

        public static Format byName(String name) {
            for (Format f : values()) if (f.extension().equalsIgnoreCase(name)) return f;
            return null;
        }
    }

    private SlideFiles() {
    }

    /** The image's size in px: the slide's 1× size times {@code scale}, rounded up. */
    public static int[] pixelSize(Slide slide, double scale) {
        return new int[] {(int) Math.ceil(slide.width() * scale - 1e-6), (int) Math.ceil(slide.height() * scale - 1e-6)};
    }

    /** Why {@code slide} at {@code scale} cannot be an image, or null when it can. */
    public static String tooBig(Slide slide, double scale) {
        int[] s = pixelSize(slide, scale);
        if (s[0] <= MAX_SIDE && s[1] <= MAX_SIDE) return null;
        return String.format(java.util.Locale.ROOT, "the image would be %d×%d px; the most is %d px a side (use a smaller --scale)",
            s[0], s[1], MAX_SIDE);
    }

    /** The slide as pixels. */
    public static BufferedImage png(Slide slide, double scale) {
        String big = tooBig(slide, scale);
        if (big != null) throw new IllegalArgumentException(big);
        int[] size = pixelSize(slide, scale);
        int w = Math.max(1, size[0]);
        int h = Math.max(1, size[1]);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Canvas canvas = new Canvas(Math.min(TILE, w), Math.min(TILE, h));
        GraphicsContext gc = canvas.getGraphicsContext2D();
        Pen pen = Pen.on(canvas);
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(slide.colours().paper());
        int[] row = new int[TILE * TILE];
        // TYPE_INT_ARGB: the raster is the pixels, one 0xAARRGGBB int each (as IntArgb reads them), row after row
        int[] pixels = ((java.awt.image.DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int ty = 0; ty < h; ty += TILE) {
            for (int tx = 0; tx < w; tx += TILE) {
                int tw = Math.min(TILE, w - tx);
                int th = Math.min(TILE, h - ty);
                gc.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
                gc.save();
                gc.translate(-tx, -ty);
                gc.scale(scale, scale);
                slide.paint(pen, scale);
                gc.restore();
                WritableImage tile = canvas.snapshot(params, null);
                tile.getPixelReader().getPixels(0, 0, tw, th, PixelFormat.getIntArgbInstance(),
                    IntBuffer.wrap(row), tw);
                for (int r = 0; r < th; r++) System.arraycopy(row, r * tw, pixels, (ty + r) * w + tx, tw);
            }
        }
        return out;
    }

    /** The slide as an SVG document. */
    public static String svg(Slide slide, double scale) {
        int[] size = pixelSize(slide, scale);
        SvgPen pen = new SvgPen(Math.max(1, size[0]), Math.max(1, size[1]), slide.colours().paper());
        pen.scale(scale, scale);
        slide.paint(pen, scale);
        return pen.document();
    }

    /** The file's bytes in {@code format}. */
    public static byte[] encode(Slide slide, double scale, Format format) throws IOException {
        if (format == Format.SVG) return svg(slide, scale).getBytes(StandardCharsets.UTF_8);
        BufferedImage img = png(slide, scale);
        int[] argb = ((java.awt.image.DataBufferInt) img.getRaster().getDataBuffer()).getData();
        return vmalab.io.PngWriter.encode(img.getWidth(), img.getHeight(), argb);
    }

    /** Writes the slide to {@code file} (temporary file, then rename: never half a file). */
    public static void write(Slide slide, double scale, Format format, Path file) throws IOException {
        AtomicFiles.writeAtomically(file, encode(slide, scale, format));
    }
}
