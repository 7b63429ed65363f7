package vmalab.app;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The vmalab window. Opens on the built-in demo scenario (or on the scenario file given as the first
 * argument), one step in, so the first process is on show.
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
        Workbench wb = Workbench.create(WIDTH, HEIGHT);
        Controller c = wb.controller();
        MainWindow w = wb.window();
        List<String> args = getParameters().getUnnamed();
        String err = args.isEmpty() ? null : c.open(Path.of(args.get(0)));
        if (args.isEmpty() || err != null) {
            String demoErr = c.load(demoScenario(), "demo.vlab");
            if (demoErr != null) c.say(demoErr, true);
            else c.jumpTo(1);
            if (err != null) c.say(err, true);
        }
        w.setOnOpen(() -> open(stage, c));
        w.setOnSave(() -> save(stage, c));
        w.setOnExport(() -> ExportDialog.run(stage, w, c));
        w.setOnHelp(() -> ShortcutsSheet.show(stage));
        w.setOnQuit(Platform::exit);
        stage.setTitle("vmalab — Linux process memory");
        stage.setScene(wb.scene());
        stage.show();
        autosave = SessionActions.install(stage, wb);
    }

    /** A clean quit (File ▸ Quit or the window closed): the autosave goes, there is nothing to restore. */
    @Override
    public void stop() {
        if (autosave != null) autosave.stop();
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
