package vmalab.app;

import javafx.geometry.Dimension2D;
import vmalab.app.export.SlideFiles;
import vmalab.viewmodel.Theme;

/**
 * What the window's Export dialog was asked for: one view at the step on show, or the whole lesson as a deck
 * (one image per step and the speaker notes); PNG or SVG; at 1×, 2× or 4×; sized to the diagram (width and
 * height 0) or fitted into a fixed slide size; in the theme on screen ({@code theme} null) or another; with or
 * without the caption band. The same choices as {@code vmalab export} on the command line.
 */
record ExportChoice(String view, boolean deck, SlideFiles.Format format, double scale, int width, int height,
                    Theme theme, boolean caption) {
    ExportChoice {
        if (ViewKind.byId(view).isEmpty()) throw new IllegalArgumentException("unknown view " + view);
        if (!(scale > 0 && scale <= 8)) throw new IllegalArgumentException("scale must be between 0 and 8: " + scale);
        if (width < 0 || height < 0 || (width == 0) != (height == 0)) {
            throw new IllegalArgumentException("width and height go together: " + width + "×" + height);
        }
    }

    /** One view, content-sized, PNG, in the theme on screen. */
    static ExportChoice view(String view, double scale, boolean caption) {
        return new ExportChoice(view, false, SlideFiles.Format.PNG, scale, 0, 0, null, caption);
    }

    /** The slide's size at 1× for a fixed pixel size, or null for content-sized. */
    Dimension2D design() {
        return width == 0 ? null : new Dimension2D(width / scale, height / scale);
    }

    /** The file name the dialog proposes: {@code vmalab-tree-step7.svg}, or {@code vmalab-deck} for a deck. */
    String suggestedName(int step) {
        return deck ? "vmalab-deck" : "vmalab-" + view + "-step" + step + "." + format.extension();
    }
}
