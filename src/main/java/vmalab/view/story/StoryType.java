package vmalab.view.story;

import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * The Story view's type, sized for a projector: every size is a base size at a 1920 × 1080 window times the
 * view's scale, never below a floor that still reads at 1280 × 720.
 */
public final class StoryType {
    public static final String SANS = "DejaVu Sans";
    public static final String MONO = "DejaVu Sans Mono";

    private final double scale;

    public StoryType(double scale) {
        this.scale = scale;
    }

    /** The scale of a view of {@code w} × {@code h}: 1 for the story area of a full-HD window. */
    public static StoryType forSize(double w, double h) {
        return new StoryType(Math.max(0.62, Math.min(1.35, Math.min(w / 1880, h / 800))));
    }

    public double scale() { return scale; }

    public double px(double base) {
        return base * scale;
    }

    /** A font size: {@code base} scaled, at least {@code floor}. */
    public double size(double base, double floor) {
        return Math.max(floor, base * scale);
    }

    public Font sans(double base) {
        return Font.font(SANS, size(base, 13));
    }

    public Font bold(double base) {
        return Font.font(SANS, FontWeight.BOLD, size(base, 13));
    }

    public Font mono(double base) {
        return Font.font(MONO, size(base, 12));
    }

    public Font monoBold(double base) {
        return Font.font(MONO, FontWeight.BOLD, size(base, 12));
    }
}
