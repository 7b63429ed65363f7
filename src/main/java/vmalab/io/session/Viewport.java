package vmalab.io.session;

/**
 * What the layout view shows: fitted to the whole address space (it fits again as the process changes), or a
 * zoom and a scroll the user chose. {@code zoom} scales the unscaled axis (1: one axis pixel a pixel);
 * {@code offset} is how many pixels the picture is scrolled down from its top. {@code trueScale}: every gap to
 * scale.
 */
public record Viewport(boolean fit, boolean trueScale, double zoom, double offset) {
    public static final Viewport FIT = new Viewport(true, false, 1, 0);
}
