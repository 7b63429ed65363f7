package vmalab.app;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;

/**
 * A node as a PNG: snapshot at a scale (1×, 2×, 4×), an optional caption band under it, written through
 * SwingFXUtils and ImageIO to a temporary file that is then renamed over the target. FX thread only. The
 * image is exactly {@code ceil(width × scale)} wide and {@code ceil(height × scale)} high, plus
 * {@code ceil(CAPTION_HEIGHT × scale)} with a caption.
 */
public final class PngExporter {
    public static final double CAPTION_HEIGHT = 44;
    public static final String CAPTION_BAND_CLASS = "export-caption-band";
    public static final String CAPTION_CLASS = "export-caption";

    private PngExporter() {
    }

    /** The pixel size the image of {@code node} will have. */
    public static int[] sizeOf(Node node, double scale, boolean caption) {
        Bounds b = node.getLayoutBounds();
        int w = (int) Math.ceil(b.getWidth() * scale);
        int h = (int) Math.ceil(b.getHeight() * scale);
        if (caption) h += (int) Math.ceil(CAPTION_HEIGHT * scale);
        return new int[] {w, h};
    }

    /** Renders {@code node} at {@code scale}, with {@code caption} (null or blank: none) drawn under it. */
    public static WritableImage render(Node node, double scale, String caption) {
        if (scale <= 0 || scale > 8) throw new IllegalArgumentException("scale must be in (0, 8]: " + scale);
        Bounds b = node.getLayoutBounds();
        WritableImage body = snapshot(node, b, scale);
        if (caption == null || caption.isBlank()) return body;
        WritableImage band = snapshot(captionBand(node, caption, b.getWidth()), null, scale);
        int w = (int) body.getWidth();
        int h1 = (int) body.getHeight();
        int h2 = (int) Math.ceil(CAPTION_HEIGHT * scale);
        WritableImage out = new WritableImage(w, h1 + h2);
        PixelWriter pw = out.getPixelWriter();
        pw.setPixels(0, 0, w, h1, body.getPixelReader(), 0, 0);
        PixelReader br = band.getPixelReader();
        pw.setPixels(0, h1, Math.min(w, (int) band.getWidth()), Math.min(h2, (int) band.getHeight()), br, 0, 0);
        return out;
    }

    private static WritableImage snapshot(Node node, Bounds bounds, double scale) {
        Bounds b = bounds != null ? bounds : node.getLayoutBounds();
        int w = Math.max(1, (int) Math.ceil(b.getWidth() * scale));
        int h = Math.max(1, (int) Math.ceil(b.getHeight() * scale));
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.WHITE);
        p.setTransform(Transform.scale(scale, scale));
        // the viewport is in the scaled space; pinning it to the layout bounds drops focus rings and shadows
        p.setViewport(new Rectangle2D(b.getMinX() * scale, b.getMinY() * scale, w, h));
        return node.snapshot(p, new WritableImage(w, h));
    }

    /** The caption band, styled by the same stylesheet as the window. */
    private static Node captionBand(Node styleSource, String caption, double width) {
        Label label = new Label(caption);
        label.getStyleClass().add(CAPTION_CLASS);
        StackPane band = new StackPane(label);
        band.getStyleClass().add(CAPTION_BAND_CLASS);
        StackPane.setAlignment(label, javafx.geometry.Pos.CENTER_LEFT);
        band.setPrefSize(width, CAPTION_HEIGHT);
        band.setMinSize(width, CAPTION_HEIGHT);
        band.setMaxSize(width, CAPTION_HEIGHT);
        Scene scene = new Scene(band, width, CAPTION_HEIGHT);
        if (styleSource.getScene() != null) scene.getStylesheets().setAll(styleSource.getScene().getStylesheets());
        else scene.getStylesheets().setAll(VmaLabApp.stylesheet());
        band.applyCss();
        band.layout();
        return band;
    }

    /** Encodes an image as PNG bytes. */
    public static byte[] encode(Image image) throws IOException {
        BufferedImage bi = SwingFXUtils.fromFXImage(image, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(bi, "png", out)) throw new IOException("no PNG writer available");
        return out.toByteArray();
    }

    /** Renders and writes {@code node} to {@code file} (temporary file, then rename). */
    public static void write(Node node, double scale, String caption, Path file) throws IOException {
        byte[] png = encode(render(node, scale, caption));
        ScenarioFiles.writeAtomically(file, png);
    }
}
