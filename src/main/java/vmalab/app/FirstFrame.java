package vmalab.app;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Work that waits for a frame: what the first frame can do without (the lab under the start page, the cards
 * below the fold, the scroll pane's bars, the thumbnails) runs on the FX thread's turn after that frame's
 * pulse, so it never holds up the window's first picture. FX thread only.
 */
final class FirstFrame {
    private FirstFrame() {
    }

    /** Runs {@code r} on the FX thread's turn after {@code scene}'s next pulse (laid out, handed to the renderer). */
    static void afterNextPulse(Scene scene, Runnable r) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(r);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** Once {@code node} is on a scene (now, or when it is first put on one): {@link #afterNextPulse} of it. */
    static void afterShown(Node node, Runnable r) {
        if (node.getScene() != null) {
            afterNextPulse(node.getScene(), r);
            return;
        }
        node.sceneProperty().addListener(new ChangeListener<Scene>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Scene> o, Scene was, Scene sc) {
                if (sc == null) return;
                node.sceneProperty().removeListener(this);
                afterNextPulse(sc, r);
            }
        });
    }
}
