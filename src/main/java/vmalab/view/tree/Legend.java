package vmalab.view.tree;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.text.Font;

/** The legends of the Canvas views: a swatch (the colour itself, styled by CSS) and what it means. */
public final class Legend {
    public static final String LEGEND = "diagram-legend";
    public static final String ITEM = "legend-item";
    /** Projector size; an author stylesheet's -fx-font overrides it. */
    public static final Font TEXT_FONT = Font.font("System", 15);

    private Legend() {
    }

    public static HBox item(Node swatch, String text) {
        Label l = label(text);
        HBox box = new HBox(6, swatch, l);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add(ITEM);
        return box;
    }

    public static Label label(String text) {
        Label l = new Label(text);
        l.setFont(TEXT_FONT);
        return l;
    }

    public static FlowPane of(Node... items) {
        FlowPane p = new FlowPane(18, 6, items);
        p.getStyleClass().add(LEGEND);
        return p;
    }
}
