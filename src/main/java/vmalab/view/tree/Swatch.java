package vmalab.view.tree;

import javafx.geometry.Insets;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * A colour a Canvas view paints with, kept in CSS: a small region with a style class whose background is the
 * colour, a looked-up colour of vmalab.css ({@code .swatch.rb-red { -fx-background-color: -vm-rb-red; }}), so a
 * stylesheet restyles every diagram; {@link #color()} reads back what CSS gave it (gray before CSS reaches it).
 * Legends show the swatch itself, so the legend and the canvas always agree.
 */
public final class Swatch extends Region {
    /** What a swatch reads before CSS reaches it. */
    private static final Color UNSTYLED = Color.GRAY;
    private final Color fallback;

    /** A swatch whose colour comes from the stylesheet rule for {@code styleClass}. */
    public Swatch(String styleClass) {
        this(styleClass, null);
    }

    /** A swatch of a colour computed in code ({@code fallback}); a stylesheet rule for the class still wins. */
    public Swatch(String styleClass, Color fallback) {
        this.fallback = fallback == null ? UNSTYLED : fallback;
        getStyleClass().addAll("swatch", styleClass);
        if (fallback != null) {
            setBackground(new Background(new BackgroundFill(fallback, new CornerRadii(3), Insets.EMPTY)));
        }
        setMinSize(18, 18);
        setPrefSize(18, 18);
        setMaxSize(18, 18);
    }

    /** The legend square's side, in px (it grows with the font scale). */
    public void setSide(double px) {
        setMinSize(px, px);
        setPrefSize(px, px);
        setMaxSize(px, px);
    }

    /** The colour CSS gave this swatch's background, else the default. */
    public Color color() {
        Background b = getBackground();
        if (b != null && !b.getFills().isEmpty()) {
            Paint p = b.getFills().get(0).getFill();
            if (p instanceof Color c) return c;
        }
        return fallback;
    }

    /** Runs {@code r} when CSS changes the colour. */
    public void onChange(Runnable r) {
        backgroundProperty().addListener((o, a, b) -> r.run());
    }

    /** The colour as 0xAARRGGBB, for pixel buffers. */
    public int argb() {
        return toArgb(color());
    }

    public static int toArgb(Color c) {
        return ((int) Math.round(c.getOpacity() * 255) << 24) | ((int) Math.round(c.getRed() * 255) << 16)
            | ((int) Math.round(c.getGreen() * 255) << 8) | (int) Math.round(c.getBlue() * 255);
    }

    /**
     * Puts swatches that no legend shows into the scene, hidden and unmanaged, so that CSS reaches them; each
     * calls {@code onChange} when its colour changes.
     */
    public static void attachHidden(javafx.scene.layout.Pane holder, Runnable onChange, Iterable<Swatch> swatches) {
        for (Swatch s : swatches) {
            s.onChange(onChange);
            if (s.getParent() == null) {
                s.setManaged(false);
                s.setVisible(false);
                holder.getChildren().add(s);
            }
        }
    }
}
