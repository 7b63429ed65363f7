package vmalab.view.story;

import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import vmalab.view.paint.Type;

/**
 * The Story view's type, sized for a projector: the diagrams' one {@link Type} rule, with the Story view's own
 * fit factor (1 for the story area of a full-HD window) and its floors (13 px sans, 12 px mono) that still read
 * at 1280 × 720.
 */
public final class StoryType {
    public static final String SANS = Type.SANS;
    public static final String MONO = Type.MONO;

    private final Type type;

    public StoryType(double scale) {
        this.type = new Type(1, scale);
    }

    /** The scale of a view of {@code w} × {@code h}: 1 for the story area of a full-HD window. */
    public static StoryType forSize(double w, double h) {
        return new StoryType(Math.max(0.62, Math.min(1.35, Math.min(w / 1880, h / 800))));
    }

    public double scale() { return type.fit(); }

    public double px(double base) {
        return type.px(base);
    }

    /** A font size: {@code base} scaled, at least {@code floor}. */
    public double size(double base, double floor) {
        return type.size(base, floor);
    }

    public Font sans(double base) { return Font.font(SANS, size(base, 13)); }
    public Font bold(double base) { return Font.font(SANS, FontWeight.BOLD, size(base, 13)); }
    public Font mono(double base) { return Font.font(MONO, size(base, 12)); }
    public Font monoBold(double base) { return Font.font(MONO, FontWeight.BOLD, size(base, 12)); }
}
