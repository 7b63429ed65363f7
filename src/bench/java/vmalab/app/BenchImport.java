package vmalab.app;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The benchmarks' way into the window's import: File ▸ Open capture… through {@link LiveImport#openCapture}, as
 * a user's (the class is the app's own, so it stays package-private; this door lives in the bench sources only).
 */
public final class BenchImport {
    private BenchImport() {
    }

    /** Opens capture {@code dir} in {@code wb}; {@code done} hears the error or null, on the FX thread. */
    public static void openCapture(Workbench wb, Path dir, Consumer<String> done) {
        wb.live().openCapture(dir, done);
    }
}
