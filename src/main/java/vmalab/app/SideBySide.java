package vmalab.app;

import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.StackPane;
import vmalab.view.MapleTreeView;
import vmalab.view.SideBySideView;
import vmalab.viewmodel.Twin;

/**
 * The Maple tree tab's content: the maple tree alone, or, with its "Side by side" toggle on, the
 * {@link SideBySideView} of both eras. The twin is worked out only while the mode is on.
 */
final class SideBySide extends StackPane {
    private final Twin twin;
    private final MapleTreeView alone;
    private SideBySideView both;

    SideBySide(Twin twin, MapleTreeView alone) {
        this.twin = twin;
        this.alone = alone;
        setId("maple-tab");
        ToggleButton toggle = new ToggleButton("Side by side");
        toggle.setId("side-by-side-toggle");
        toggle.setMinWidth(USE_PREF_SIZE);
        toggle.selectedProperty().bindBidirectional(twin.onProperty());
        alone.addTool(toggle);
        getChildren().add(alone);
        twin.onProperty().addListener((o, a, b) -> show());
        show();
    }

    Twin twin() { return twin; }

    /** The side-by-side view, built the first time the mode is turned on; null before. */
    SideBySideView both() { return both; }

    private void show() {
        boolean on = twin.onProperty().get();
        if (on && both == null) both = new SideBySideView(twin);
        Node want = on ? both : alone;
        if (getChildren().size() != 1 || getChildren().get(0) != want) getChildren().setAll(want);
    }
}
