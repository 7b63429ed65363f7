package vmalab.view.paint;

import javafx.geometry.Dimension2D;

/**
 * A view that can be put on a slide: its diagram alone (no buttons, hints, scroll bars or selection chrome),
 * drawn by the same painting code as the screen, at a size that fits its content. The exporter sizes the
 * image from {@link #slideSize()}, scales the pen (1×, 2×, 4×, or to fit a fixed slide) and calls
 * {@link #paintSlide}. FX thread only; paints the session's folded state at the cursor, in the current theme
 * and font scale.
 */
public interface SlideSource {
    /** The size the diagram needs to show everything it shows at the current font scale, in px at 1×. */
    Dimension2D slideSize();

    /** Paints the diagram, background included, to fill {@code width} × {@code height} (px at 1×). */
    void paintSlide(Pen pen, double width, double height);
}
