package vmalab.app;

import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;

/**
 * The window's last word on a bug: an exception no one caught on the FX thread (or any other) shows a dialog
 * with its message and where the session was saved, instead of leaving a window that no longer answers. The
 * trace goes to stderr for the report; the window stays usable, as JavaFX keeps its thread running.
 */
final class CrashDialog {
    private static volatile boolean showing;

    private CrashDialog() {
    }

    /** Installs the handler; {@code save} writes the session now and says where (or why it could not). */
    static void install(Supplier<String> save) {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            System.err.println("vmalab: " + describe(e) + " (thread " + thread.getName() + ")");
            e.printStackTrace();
            if (Platform.isFxApplicationThread()) show(e, save);
            else Platform.runLater(() -> show(e, save));
        });
    }

    /** The line the dialog and stderr show: the exception's kind and message. */
    static String describe(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "out of memory: the JVM may use " + (Runtime.getRuntime().maxMemory() >> 20)
                + " MiB (-Xmx); load a smaller scenario (fewer operations, processes or pages) or start with "
                + "a larger -Xmx";
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + vmalab.io.Text.shown(m, 300));
    }

    private static void show(Throwable e, Supplier<String> save) {
        if (showing) return; // one dialog for a burst of the same failure
        showing = true;
        try {
            String saved;
            try {
                saved = save.get();
            } catch (RuntimeException | Error again) {
                saved = "the session could not be saved (" + describe(again) + ")";
            }
            Alert a = new Alert(Alert.AlertType.ERROR, describe(e) + "\n\n" + saved
                + "\n\nThis is a bug in vmalab; the details are on the terminal.", ButtonType.OK);
            a.setHeaderText("Something went wrong");
            a.setTitle("vmalab");
            a.getDialogPane().setId("crash-dialog");
            a.showAndWait();
        } finally {
            showing = false;
        }
    }
}
