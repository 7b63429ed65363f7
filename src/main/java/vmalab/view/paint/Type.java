package vmalab.view.paint;

import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * The diagrams' type and stroke scale, one rule for every view: a size is its base size (px at 100 % in a
 * full-HD window) times the user's font scale (100–250 %, {@code Session.fontScaleProperty()}) times the
 * view's own fit factor, never below a floor (also times the font scale) that still reads at 1280 × 720.
 */
public final class Type {
    public static final String SANS = "DejaVu Sans";
    public static final String MONO = "DejaVu Sans Mono";
    /** The smallest type a diagram draws at 100 %, in px: smaller is not readable from the back of a room. */
    public static final double FLOOR = 12;

    private final double fontScale;
    private final double fit;

    /** {@code fontScale}: the user's scale (1 … 2.5); {@code fit}: the view's size factor (1 at full HD). */
    public Type(double fontScale, double fit) {
        this.fontScale = fontScale;
        this.fit = fit;
    }

    /** The user's scale only. */
    public static Type of(double fontScale) {
        return new Type(fontScale, 1);
    }

    public double fontScale() { return fontScale; }
    public double fit() { return fit; }

    /** A length (gap, box size, line width) scaled by both factors. */
    public double px(double base) {
        return base * fontScale * fit;
    }

    /** A line width: scaled by the font scale (strokes grow with the type), never thinner than 1 px. */
    public double line(double base) {
        return Math.max(1, base * fontScale);
    }

    /** A font size in px: {@code base} scaled, at least {@code floor} × the font scale. */
    public double size(double base, double floor) {
        return Math.max(floor * fontScale, base * fontScale * fit);
    }

    public double size(double base) {
        return size(base, FLOOR);
    }

    public Font sans(double base) { return Font.font(SANS, size(base)); }
    public Font bold(double base) { return Font.font(SANS, FontWeight.BOLD, size(base)); }
    public Font mono(double base) { return Font.font(MONO, size(base)); }
    public Font monoBold(double base) { return Font.font(MONO, FontWeight.BOLD, size(base)); }
}
