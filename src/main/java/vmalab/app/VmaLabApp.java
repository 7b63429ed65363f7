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
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Workbench wb = Workbench.create(Math.min(WIDTH, screen.getWidth()), Math.min(HEIGHT, screen.getHeight()));
        Controller c = wb.controller();
        MainWindow w = wb.window();
        List<String> args = getParameters().getUnnamed();
        StartPageHost start = StartPageHost.install(wb);
        String err = args.isEmpty() ? null : openArg(c, w, args.get(0));
        if (args.isEmpty() || err != null) {
            StartPageHost.loadDemo(c);
            if (err != null) c.say(err, true);
            else start.show();
        }
        w.setOnOpen(() -> open(stage, c));
        w.setOnSave(() -> save(stage, c));
        w.setOnExport(() -> ExportDialog.run(stage, w, c));
        w.setOnHelp(() -> ShortcutsSheet.show(stage));
        w.setOnQuit(Platform::exit);
        stage.setTitle("vmalab — Linux process memory");
        stage.setScene(wb.scene());
        stage.show();
        autosave = SessionActions.install(stage, wb, start::hide);
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
            if (err == null && Lessons.find(arg).isPresent()) w.selectView(ViewKind.STORY.id());
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

    private static void open(Stage stage, Controller c) {
        File f = chooser("Open scenario").showOpenDialog(stage);
        if (f != null) c.open(f.toPath());
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
