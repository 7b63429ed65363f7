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

    /** Opens running process {@code pid} in {@code wb} (File ▸ Open process…); {@code done} as above. */
    public static void openProcess(Workbench wb, int pid, Consumer<String> done) {
        wb.live().openProcess(pid, done);
    }

    /** What the app does after its lab's first frame: the import warm-up, unless -Dvmalab.import.warmup=false. */
    public static void warmUpAfterNextPulse(Workbench wb) {
        ImportWarmup.afterNextPulse(wb.scene());
    }
}
