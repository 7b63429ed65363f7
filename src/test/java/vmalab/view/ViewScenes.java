package vmalab.view;

import javafx.scene.Parent;
import javafx.scene.Scene;
import vmalab.app.VmaLabApp;

/** A scene for one view with the app's stylesheet: the diagrams' colours live there. */
public final class ViewScenes {
    private ViewScenes() {
    }

    public static Scene styled(Parent root, double w, double h) {
        Scene s = new Scene(root, w, h);
        s.getStylesheets().add(VmaLabApp.stylesheet());
        return s;
    }
}
