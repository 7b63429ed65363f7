package vmalab.app;

import javafx.scene.Scene;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.Timeline;

/**
 * Everything one window needs, wired: the session, its timeline, the controller, the window's content in a
 * scene styled by the session's theme and font scale, and the keyboard shortcuts. The app, the headless export and the tests all build
 * the window through here.
 */
public record Workbench(Session session, Timeline timeline, Controller controller, MainWindow window,
                        Scene scene, LiveImport live) {

    /** Builds a window of {@code width} × {@code height}, with no scenario loaded. FX thread only. */
    public static Workbench create(double width, double height) {
        Session session = new Session();
        Timeline timeline = new Timeline(session, Operations::apply);
        Controller controller = new Controller(session, timeline);
        MainWindow window = new MainWindow(controller);
        Scene scene = new Scene(window.root(), width, height);
        Looks.install(scene, session);
        Shortcuts.install(scene, window, controller);
        controller.setOwner(scene::getWindow);
        StoryTab.install(window, controller);
        LessonTabs.install(window, timeline, session);
        LiveImport live = new LiveImport(controller);
        ProcessMenu.install(window, controller, live);
        return new Workbench(session, timeline, controller, window, scene, live);
    }

    /** Lays the scene out now (CSS, then layout), as a pulse would. */
    public void layoutNow() {
        window.root().applyCss();
        window.root().layout();
    }
}
