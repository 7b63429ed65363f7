package vmalab.view.paging;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.text.Font;
import vmalab.view.tree.Swatch;

/** Scales a header legend (labels and swatches) to the session's font scale: 15 px text, 18 px swatches at 1×. */
public final class HeaderScale {
    private HeaderScale() {
    }

    public static void apply(Parent legend, double scale) {
        for (Node n : legend.getChildrenUnmodifiable()) {
            if (n instanceof Label l) {
                l.setFont(Font.font(l.getFont().getFamily(), 15 * scale));
            } else if (n instanceof Swatch s) {
                double px = Math.round(18 * scale);
                s.setMinSize(px, px);
                s.setPrefSize(px, px);
                s.setMaxSize(px, px);
            } else if (n instanceof Parent p) {
                apply(p, scale);
            }
        }
        if (legend instanceof FlowPane f) {
            f.setHgap(18 * scale);
            f.setVgap(6 * scale);
        }
    }
}
