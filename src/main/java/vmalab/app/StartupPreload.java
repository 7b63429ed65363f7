package vmalab.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Start-up work that needs no FX thread, done on a daemon thread while the toolkit starts: the lesson catalogue
 * is parsed (the start page then finds it cached), and the classes the window loads before its first frame are
 * loaded but not initialised (the model's and io's are, as they never touch JavaFX; other static initialisers still run where the class is first used, on the FX
 * thread). Reading and defining some two thousand classes from the jar is most of the start-up's cost; on a
 * second core it overlaps with the toolkit's own start. The list is {@code /vmalab/startup-classes.txt}
 * (regenerate with {@code tools/bench/startup-classes.sh}); a name that no longer exists is skipped.
 * The catalogue and the fonts are always done this way; the class preload only with
{@code -Dvmalab.startup.preload=true} (on a loaded two-CPU machine it cost more than it saved).
 */
final class StartupPreload {
    static final String PROPERTY = "vmalab.startup.preload";
    private static final String LIST = "/vmalab/startup-classes.txt";

    private StartupPreload() {
    }

    /** Starts the preload thread; returns at once. */
    static void start() {
        Thread t = new Thread(StartupPreload::run, "vmalab-preload");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        t.start();
    }

    /**
     * Once the toolkit runs: looks up the CSS's font families on a daemon thread, so the font list (fontconfig)
     * is read there and not in the first frame's CSS pass.
     */
    static void fonts() {
        Thread t = new Thread(() -> {
            for (String family : new String[] {"DejaVu Sans", "DejaVu Sans Mono"}) {
                javafx.scene.text.Font.font(family, javafx.scene.text.FontWeight.NORMAL, Themes.BASE_FONT_PX);
                javafx.scene.text.Font.font(family, javafx.scene.text.FontWeight.BOLD, Themes.BASE_FONT_PX);
            }
        }, "vmalab-fonts");
        t.setDaemon(true);
        t.start();
    }

    private static void run() {
        try {
            vmalab.io.lesson.Lessons.all();
            StartupReport.mark("lessons");
        } catch (RuntimeException e) {
            // the start page reports a broken catalogue itself, on the FX thread
        }
        // measured on a loaded 2-CPU machine, the class preload cost more than it saved: opt in only
        if (!Boolean.getBoolean(PROPERTY)) return;
        ClassLoader loader = StartupPreload.class.getClassLoader();
        try (InputStream in = StartupPreload.class.getResourceAsStream(LIST)) {
            if (in == null) return;
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String name; (name = r.readLine()) != null; ) {
                name = name.strip();
                if (name.isEmpty()) continue;
                try {
                    // the model and io never touch JavaFX (ArchUnit): safe to initialise here too
                    Class.forName(name, name.startsWith("vmalab.model.") || name.startsWith("vmalab.io."), loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    // a stale list: the class is gone or moved; the window loads what it needs itself
                }
            }
        } catch (IOException e) {
            // no list: nothing to preload
        }
    }
}
