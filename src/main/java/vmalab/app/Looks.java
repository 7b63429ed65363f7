package vmalab.app;

import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.Theme;

/**
 * Keeps a window's looks in step with its session: the theme ({@link Session#themeProperty()}) on the window's
 * scene and on every dialog the app opens (they have scenes of their own), the font scale
 * ({@link Session#fontScaleProperty()}) on the window's root and the dialogs' roots. FX thread only.
 */
final class Looks {
    private final Scene scene;
    private final Session session;

    private Looks(Scene scene, Session session) {
        this.scene = scene;
        this.session = session;
    }

    /** Styles {@code scene} now and whenever the theme or the scale changes. */
    static void install(Scene scene, Session session) {
        Looks l = new Looks(scene, session);
        l.applyAll();
        session.themeProperty().addListener((o, a, b) -> l.applyAll());
        session.fontScaleProperty().addListener((o, a, b) -> l.applyAll());
        scene.rootProperty().addListener((o, a, b) -> l.applyTo(scene));
        // a dialog opened later (shortcuts, export, a session's file errors): styled as it first shows
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) for (Window w : c.getAddedSubList()) l.dress(w);
        });
    }

    private Theme theme() {
        Theme t = session.themeProperty().get();
        return t == null ? Theme.LIGHT : t;
    }

    private void applyAll() {
        applyTo(scene);
        for (Window w : Window.getWindows()) dress(w);
    }

    private void applyTo(Scene s) {
        Themes.apply(s, theme());
        if (s.getRoot() == null) return;
        // a dialog pane that carries vmalab.css itself would put the light palette back over the scene's
        if (s.getRoot().getStylesheets().contains(VmaLabApp.stylesheet())) Themes.apply(s.getRoot(), theme());
        Themes.applyScale(s.getRoot(), session.fontScale());
    }

    /** A dialog of this window: its scene gets the theme and the type scale; popups follow their owner's CSS. */
    private void dress(Window w) {
        if (w.getScene() == null || w.getScene() == scene || !(w instanceof Stage) || w instanceof PopupWindow) return;
        Window owner = ((Stage) w).getOwner();
        if (owner != null && owner.getScene() != scene) return;
        applyTo(w.getScene());
    }
}
