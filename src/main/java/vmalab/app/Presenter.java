package vmalab.app;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;

/**
 * Presenter mode: the window without its chrome. The menu bar, the toolbar, the timeline, the text panes, the
 * command bar and the status line go; the diagrams get the whole width, with a compact strip of step controls
 * under them (and the lesson bar when a lesson is on), and a laser pointer follows the mouse. Needs only the
 * window's content, so it works without a Stage (tests, the headless export); the app puts the stage in full
 * screen while it is on.
 */
final class Presenter {
    private final MainWindow window;
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", false);
    private final Laser laser;
    private double[] dividers;
    private final List<Node> hidden = new ArrayList<>();

    Presenter(MainWindow window) {
        this.window = window;
        this.laser = new Laser(window.root());
        active.addListener((o, a, on) -> {
            if (on) enter();
            else leave();
        });
    }

    /** Whether presenter mode is on; set it to enter or leave. */
    BooleanProperty activeProperty() {
        return active;
    }

    boolean isActive() {
        return active.get();
    }

    void toggle() {
        active.set(!active.get());
    }

    Laser laser() {
        return laser;
    }

    private void enter() {
        hidden.clear();
        for (Node n : window.chrome()) {
            if (!n.isVisible() && !n.isManaged()) continue; // hidden already: leave it as it is
            hidden.add(n);
            show(n, false);
        }
        SplitPane split = window.split();
        dividers = split.getDividerPositions();
        split.getItems().remove(window.texts());
        show(window.texts(), false);
        show(window.presenterStrip(), true);
        window.root().getStyleClass().add("presenting");
        laser.setEnabled(true);
    }

    private void leave() {
        laser.setEnabled(false);
        window.root().getStyleClass().remove("presenting");
        show(window.presenterStrip(), false);
        for (Node n : hidden) show(n, true);
        hidden.clear();
        SplitPane split = window.split();
        show(window.texts(), true);
        if (!split.getItems().contains(window.texts())) split.getItems().add(window.texts());
        if (dividers != null && dividers.length > 0) split.setDividerPositions(dividers);
        window.afterPresenter();
    }

    private static void show(Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }
}
