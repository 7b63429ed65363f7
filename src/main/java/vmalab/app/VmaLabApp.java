package vmalab.app;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import vmalab.io.lesson.Lessons;

/**
 * The vmalab window. Opens on the start page (the lessons) over the built-in demo scenario, one step in; or on
 * the scenario file or built-in lesson NAME given as the first argument.
 */
public final class VmaLabApp extends Application {
    public static final String DEMO_RESOURCE = "/vmalab/demo.vlab";
    public static final double WIDTH = 1600;
    public static final double HEIGHT = 1000;
    /** Below this the window takes the whole visual screen (a projector). */
    static final double SMALL_SCREEN_WIDTH = 1400;
    static final double SMALL_SCREEN_HEIGHT = 860;
    static final double MIN_WIDTH = 800;
    static final double MIN_HEIGHT = 560;
    private Autosave autosave;

    /** The stylesheet's URL. */
    public static String stylesheet() {
        return Objects.requireNonNull(VmaLabApp.class.getResource("/vmalab/vmalab.css"), "vmalab.css").toExternalForm();
    }

    /** The built-in demo scenario's text. */
    public static String demoScenario() {
        try (InputStream in = VmaLabApp.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + DEMO_RESOURCE);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void start(Stage stage) {
        StartupReport.mark("fx-start");
        CrashDialog.install(this::saveAfterCrash);
        StartupReport.mark("crash");
        // the controls' theme before the first control class loads: Control's static initialiser would load
        // JavaFX's default (Modena) only for the session's theme to replace it (Looks sets the same one later)
        Themes.applyUserAgent(vmalab.viewmodel.Theme.LIGHT);
        StartupReport.mark("ua-set");
        StartupPreload.fonts();
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        boolean small = screen.getWidth() < SMALL_SCREEN_WIDTH || screen.getHeight() < SMALL_SCREEN_HEIGHT;
        // most of a desktop screen, up to 1600×1000; all of a projector's 1280×720
        double width = small ? screen.getWidth() : Math.min(WIDTH, Math.round(screen.getWidth() * 0.9));
        double height = small ? screen.getHeight() : Math.min(HEIGHT, Math.round(screen.getHeight() * 0.9));
        List<String> args = getParameters().getUnnamed();
        if (args.isEmpty()) {
            startOnPage(stage, width, height, small, screen);
            return;
        }
        Workbench wb = Workbench.create(width, height);
        StartupReport.mark("workbench");
        Controller c = wb.controller();
        MainWindow w = wb.window();
        StartPageHost start = StartPageHost.install(wb);
        StartupReport.mark("start-page");
        String err = args.isEmpty() ? null : openArg(c, w, args.get(0));
        if (args.isEmpty() || err != null) {
            StartPageHost.loadDemo(c);
            if (err != null) c.say(err, true);
            else start.show();
        }
        StartupReport.mark("loaded");
        wire(stage, wb);
        stage.setScene(wb.scene());
        place(stage, small, screen);
        StartupReport.arm(wb.scene());
        StartupReport.mark("before-show");
        stage.show();
        StartupReport.mark("shown");
        autosave = SessionActions.install(stage, wb, start::hide);
        ImportWarmup.afterNextPulse(wb.scene());
    }

    /**
     * No arguments: the first frame is the start page alone (the lessons, parsed off the FX thread while the
     * toolkit started); the lab (six views, the text panes, the demo scenario) is built on the turn after that
     * frame, and slid under the page. The window is the same as when built at once.
     */
    private void startOnPage(Stage stage, double width, double height, boolean small,
                             javafx.geometry.Rectangle2D screen) {
        StartPageHost.Early early = StartPageHost.early();
        StartupReport.mark("early");
        javafx.scene.Scene first = new javafx.scene.Scene(new javafx.scene.layout.StackPane(early.page), width, height);
        StartupReport.mark("scene");
        Themes.apply(first, vmalab.viewmodel.Theme.LIGHT); // a new Session's theme, as Looks will set it
        StartupReport.mark("start-page");
        stage.setScene(first);
        place(stage, small, screen);
        StartupReport.arm(first);
        FirstFrame.afterNextPulse(first, () -> {
            Workbench wb = Workbench.create(width, height);
            StartupReport.mark("workbench");
            StartPageHost start = early.install(wb);
            start.show();
            StartPageHost.loadDemo(wb.controller());
            wire(stage, wb);
            stage.setScene(wb.scene());
            autosave = SessionActions.install(stage, wb, start::hide);
            StartupReport.mark("lab-built");
            ImportWarmup.afterNextPulse(wb.scene());
        });
        StartupReport.mark("before-show");
        stage.show();
        StartupReport.mark("shown");
    }

    /** The window's menus and actions, and presenter mode's full screen. */
    private static void wire(Stage stage, Workbench wb) {
        Controller c = wb.controller();
        MainWindow w = wb.window();
        w.setOnOpen(() -> open(stage, c, w));
        w.setOnSave(() -> save(stage, c));
        w.setOnExport(() -> ExportDialog.run(stage, w, c));
        w.setOnHelp(() -> ShortcutsSheet.show(stage));
        w.setOnQuit(Platform::exit);
        fullScreenWhilePresenting(stage, w.presenter());
    }

    private static void place(Stage stage, boolean small, javafx.geometry.Rectangle2D screen) {
        stage.setTitle("vmalab — Linux process memory");
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setResizable(true);
        if (small) {
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
        }
    }

    /** Presenter mode is full screen, without the exit hint; Esc is presenter mode's, not the stage's. */
    private static void fullScreenWhilePresenting(Stage stage, Presenter presenter) {
        stage.setFullScreenExitHint("");
        stage.setFullScreenExitKeyCombination(javafx.scene.input.KeyCombination.NO_MATCH);
        presenter.activeProperty().addListener((o, a, on) -> stage.setFullScreen(on));
        stage.fullScreenProperty().addListener((o, a, fs) -> {
            if (!fs) presenter.activeProperty().set(false);
        });
    }

    /** The session written now, for the crash dialog: where it went, or why it could not. */
    private String saveAfterCrash() {
        if (autosave == null) return "No session was saved (the lab had not started yet).";
        String err = autosave.saveNow();
        return err == null ? "The session is saved in " + autosave.file() + "; the next start offers it." : err;
    }

    /** A clean quit (File ▸ Quit or the window closed): the autosave goes, there is nothing to restore. */
    @Override
    public void stop() {
        if (autosave != null) autosave.stop();
    }

    /** A scenario file, or a built-in lesson by NAME (a path that exists wins); null when loaded, else why not. */
    private static String openArg(Controller c, MainWindow w, String arg) {
        try {
            Optional<Lessons.Source> src = Lessons.resolve(arg);
            if (src.isEmpty()) return Lessons.notFound(arg);
            String err = c.load(src.get().text(), src.get().fileName());
            if (err == null) {
                LessonTabs.showCurrent(w, c.timeline(), Lessons.find(arg).isPresent() ? ViewKind.STORY : null);
            }
            c.say(err == null ? "Opened " + arg : err, err != null);
            return err;
        } catch (IOException e) {
            return "Could not read " + arg + ": " + e.getMessage();
        }
    }

    private static FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("vmalab scenario", "*.vlab", "*.txt"),
            new FileChooser.ExtensionFilter("All files", "*"));
        return fc;
    }

    private static void open(Stage stage, Controller c, MainWindow w) {
        File f = chooser("Open scenario").showOpenDialog(stage);
        if (f != null && c.open(f.toPath()) == null) LessonTabs.showCurrent(w, c.timeline(), null);
    }

    private static void save(Stage stage, Controller c) {
        FileChooser fc = chooser("Save scenario");
        fc.setInitialFileName(c.timeline().fileName());
        File f = fc.showSaveDialog(stage);
        if (f != null) c.save(f.toPath());
    }

    public static void main(String[] args) {
        launch(VmaLabApp.class, args);
    }
}
