package vmalab.app;

import java.lang.management.ManagementFactory;
import javafx.scene.Scene;

/**
 * {@code -Dvmalab.startup.report}: prints how long the JVM took to the window's first painted frame (ms since
 * the JVM started, as the runtime counts it), then ends the process. The start-up benchmark runs the app and a
 * bare JavaFX window this way and compares the two. {@link #mark} prints a phase on the way (with the report
 * on only).
 */
public final class StartupReport {
    public static final String PROPERTY = "vmalab.startup.report";

    private StartupReport() {
    }

    public static boolean on() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** The CPU time the whole process has used so far (all threads, user and system), or -1. */
    static long processCpuMs() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1_000_000;
        }
        return -1;
    }

    /** Milliseconds since the JVM started. */
    public static long sinceStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /** With the report on, prints {@code what} and the time since the JVM started. */
    public static void mark(String what) {
        if (on()) System.out.println("startup " + what + " " + sinceStart() + " ms");
    }

    /**
     * With the report on: once {@code scene} has had its first pulse on screen (laid out, handed to the
     * renderer), prints {@code first-frame N ms} and exits.
     */
    public static void arm(Scene scene) {
        if (!on()) return;
        // the pulse renders after its layout: report on the turn after it, when the frame has gone out
        FirstFrame.afterNextPulse(scene, () -> {
            System.out.println("startup first-frame " + sinceStart() + " ms");
            System.out.println("startup cpu " + processCpuMs() + " ms"); // all threads, to the first frame
            System.out.flush();
            // halt: no shutdown hooks or exit work in the figure; -Dvmalab.startup.exit=true exits normally
            // instead, so a flight recording (-XX:StartFlightRecording) is written out
            if (Boolean.getBoolean("vmalab.startup.exit")) System.exit(0);
            Runtime.getRuntime().halt(0);
        });
    }
}
