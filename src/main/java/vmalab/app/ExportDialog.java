package vmalab.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import vmalab.app.export.Deck;

/**
 * File → Export… (Ctrl+E): the form ({@link ExportForm}), then a file (one view) or a folder (a deck), written by
 * {@link WindowExport}. A deck is drawn one step per frame with its progress and a Cancel button, so the window
 * stays live; cancelled or failed, the folder is left as it was. The result is told on the status line, a
 * failure also in an alert.
 */
final class ExportDialog {
    private ExportDialog() {
    }

    static void run(Window owner, MainWindow window, Controller controller) {
        Optional<ExportChoice> choice = ask(owner, window, controller);
        if (choice.isEmpty()) return;
        ExportChoice c = choice.get();
        if (c.deck()) {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("Export the deck into a folder");
            File dir = dc.showDialog(owner);
            if (dir != null) exportDeck(window, controller, c, dir.toPath(), ok -> { });
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle("Export " + c.format().name());
        String ext = c.format().extension();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(c.format().name() + " image", "*." + ext));
        fc.setInitialFileName(c.suggestedName(controller.timeline().position()));
        File f = fc.showSaveDialog(owner);
        if (f == null) return;
        Path path = f.getName().toLowerCase(java.util.Locale.ROOT).endsWith("." + ext) ? f.toPath()
            : f.toPath().resolveSibling(f.getName() + "." + ext);
        export(window, controller, c, path);
    }

    /** Writes one view; says so on the status line (and in an alert when it fails). */
    static boolean export(MainWindow window, Controller controller, ExportChoice c, Path path) {
        try {
            int[] px = WindowExport.view(window, controller, c, path);
            controller.say(String.format(java.util.Locale.ROOT, "Exported %d×%d %s to %s", px[0], px[1], c.format().name(), path), false);
            return true;
        } catch (IOException | RuntimeException e) {
            fail(window, controller, "Could not export to " + path + ": " + message(e));
            return false;
        }
    }

    /**
     * Writes the deck into {@code dir}, one step per frame; {@code done} hears true when it is written, false
     * when it failed or was cancelled. Returns the job (tests cancel it or wait for it).
     */
    static DeckJob exportDeck(MainWindow window, Controller controller, ExportChoice c, Path dir,
                              Consumer<Boolean> done) {
        Deck.Run run;
        try {
            run = WindowExport.deck(controller, c, dir);
        } catch (IOException | RuntimeException e) {
            fail(window, controller, "Could not export the deck to " + dir + ": " + message(e));
            done.accept(false);
            return null;
        }
        DeckJob job = new DeckJob(window, controller, run, dir, done);
        job.start();
        return job;
    }

    /**
     * A deck being drawn: a step per turn of the FX event queue (between pulses, so the window repaints and Cancel
     * answers; a step may wait for the views' fold, which a pulse could not), its progress on the status line and
     * in a small dialog with Cancel.
     */
    static final class DeckJob {
        private final MainWindow window;
        private final Controller controller;
        private final Deck.Run run;
        private final Path dir;
        private final Consumer<Boolean> done;
        private final Alert progress;
        private boolean over;

        DeckJob(MainWindow window, Controller controller, Deck.Run run, Path dir, Consumer<Boolean> done) {
            this.window = window;
            this.controller = controller;
            this.run = run;
            this.dir = dir;
            this.done = done;
            progress = new Alert(Alert.AlertType.NONE);
            progress.setTitle("Exporting the deck");
            progress.setHeaderText("Drawing " + run.steps() + " slides into " + dir);
            progress.getButtonTypes().setAll(ButtonType.CANCEL);
            javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar(0);
            bar.setId("export-progress");
            bar.setPrefWidth(360);
            progress.getDialogPane().setContent(bar);
            progress.resultProperty().addListener((o, a, b) -> {
                if (b == ButtonType.CANCEL) cancel();
            });
            var w = window.root().getScene() == null ? null : window.root().getScene().getWindow();
            if (w != null && w.isShowing()) {
                progress.initOwner(w);
                progress.show();
            }
        }

        void start() {
            Platform.runLater(this::step);
        }

        private void step() {
            if (over) return;
            try {
                if (run.next()) {
                    double f = run.drawn() / (double) Math.max(1, run.steps());
                    ((javafx.scene.control.ProgressBar) progress.getDialogPane().getContent()).setProgress(f);
                    controller.say("Exporting the deck: slide " + run.drawn() + " of " + run.steps() + "…", false);
                    Platform.runLater(this::step);
                    return;
                }
                List<Path> files = run.commit();
                finish(true, "Exported " + (files.size() - 1) + " slides and " + Deck.NOTES + " to " + dir);
            } catch (IOException | RuntimeException e) {
                finish(false, null);
                fail(window, controller, "Could not export the deck to " + dir + ": " + message(e));
            }
        }

        /** Stops the deck; the folder keeps what it had. */
        void cancel() {
            if (over) return;
            finish(false, "Export cancelled; " + dir + " is as it was");
        }

        boolean isOver() { return over; }

        private void finish(boolean ok, String message) {
            over = true;
            try {
                run.close();
            } catch (IOException e) {
                // the staging folder is hidden and named for the deck; a later export of it removes nothing it needs
            }
            if (progress.isShowing()) {
                progress.setResult(ButtonType.OK);
                progress.close();
            }
            if (message != null) controller.say(message, false);
            done.accept(ok);
        }
    }

    private static String message(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static void fail(MainWindow window, Controller controller, String msg) {
        controller.say(msg, true);
        var scene = window.root().getScene();
        if (scene != null && scene.getWindow() != null && scene.getWindow().isShowing()) {
            Alert a = new Alert(Alert.AlertType.ERROR, msg, ButtonType.OK);
            a.initOwner(scene.getWindow());
            a.setHeaderText("Export failed");
            a.show();
        }
    }

    private static Optional<ExportChoice> ask(Window owner, MainWindow window, Controller controller) {
        Dialog<ExportChoice> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Export");
        d.setHeaderText("Export a diagram for slides: the diagram alone, PNG or SVG");
        boolean lesson = controller.quiz().header().title() != null;
        ExportForm form = new ExportForm(window.selectedView(), controller.session().themeProperty().get(), lesson);
        d.getDialogPane().setContent(form.node());
        Themes.apply(d.getDialogPane(), controller.session().themeProperty().get());
        Themes.applyScale(d.getDialogPane(), controller.session().fontScale());
        ButtonType ok = new ButtonType("Export…", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        d.setResultConverter(bt -> bt == ok ? form.choice() : null);
        return d.showAndWait();
    }
}
