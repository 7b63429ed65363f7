package vmalab.bench;

import com.sun.javafx.perf.PerformanceTracker;
import com.sun.javafx.tk.TKPulseListener;
import com.sun.javafx.tk.Toolkit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Times real frames of one scene: from firing a gesture on the FX thread until the Quantum toolkit has rendered
 * that frame and presented it (under Monocle headless: uploaded into the screen's frame buffer), with no
 * snapshot and no layout call of ours. A frame is:
 * <ol>
 * <li>{@code t0}: the gesture runs (an event fired at a node, a property set);</li>
 * <li>{@code t1}: the repaints it queued have run ({@code runLater} is first in, first out);</li>
 * <li>{@code pulse}: the first pulse after {@code t1} reaches the scene (its pre-layout pulse listener: the
 *     pulse timer ticks at 60 Hz, so this waits 0–16.7 ms);</li>
 * <li>{@code synced}: that pulse has done CSS, layout and copied the scene into the render graph (a toolkit
 *     post-scene pulse listener, {@code Toolkit.addPostSceneTkPulseListener});</li>
 * <li>{@code rendered}: the render thread has painted the scene and presented it ({@code PerformanceTracker}'s
 *     rendered-frame task: Quantum's {@code PaintCollector.done} calls it when the scene's render job is
 *     complete, after the present).</li>
 * </ol>
 * A render that completes before {@code synced} belongs to an earlier pulse (the scene's pulse waits for the
 * previous render before it copies state), so it is counted as stray and never ends a frame. The frame's
 * <em>work</em> is its time minus the wait for the pulse timer: what the FX and render threads spent on it (for a
 * frame that a pulse rendered between the gesture and its repaints, minus the wait from the gesture's return to
 * that pulse).
 */
final class PulseClock {
    /** One frame's instants (System.nanoTime). */
    private volatile boolean armed;
    private volatile long t0;
    private volatile long t1;
    /** When the gesture itself returned (its repaints still queued). */
    private volatile long gestureEnd;
    /** A pulse that began between the gesture and its repaints. */
    private volatile long midPulseAt;
    private volatile long pulseAt;
    private volatile long syncedAt;
    private volatile long renderedAt;
    /** A render of this frame's scene that came from a pulse between the gesture and its repaints. */
    private volatile long strayAt;
    private volatile CountDownLatch done = new CountDownLatch(0);
    private volatile int strays;
    private final Scene scene;
    private final Runnable prePulse = this::pulsed;
    private final TKPulseListener postScene = this::synced;

    /** Frame times (ms) of one series: the whole frame, its work, and its four parts. */
    record Frames(String what, double[] ms, double[] workMs, double[] gestureMs, double[] waitMs, double[] pulseMs,
                  double[] renderMs, int strays, int renderedMidGesture, int dropped) {
        double p(double[] xs, double q) {
            return xs.length == 0 ? Double.NaN : FrameBench.Frames.percentile(xs, q);
        }
    }

    private PulseClock(Scene scene) {
        this.scene = scene;
    }

    /** Times {@code warm + n} frames of {@code gesture} on {@code scene}'s window, keeping the last {@code n}. */
    static Frames time(Scene scene, String what, int warm, int n, IntConsumer gesture) throws Exception {
        PulseClock c = new PulseClock(scene);
        FrameBench.onFx(() -> {
            c.install();
            return null;
        });
        try {
            return c.frames(what, warm, n, gesture);
        } finally {
            FrameBench.onFx(() -> {
                c.uninstall();
                return null;
            });
        }
    }

    private void install() {
        PerformanceTracker.getSceneTracker(scene).setOnRenderedFrameTask(this::rendered);
        scene.addPreLayoutPulseListener(prePulse);
        Toolkit.getToolkit().addPostSceneTkPulseListener(postScene);
    }

    private void uninstall() {
        PerformanceTracker.getSceneTracker(scene).setOnRenderedFrameTask(null);
        PerformanceTracker.releaseSceneTracker(scene);
        scene.removePreLayoutPulseListener(prePulse);
        Toolkit.getToolkit().removePostSceneTkPulseListener(postScene);
    }

    private Frames frames(String what, int warm, int n, IntConsumer gesture) throws Exception {
        int all = warm + n;
        double[][] xs = new double[6][n];
        int k = 0;
        int stray0 = 0;
        int dropped = 0;
        double[] wholeMid = new double[n];
        double[] workMid = new double[n];
        long[] starts = new long[n];
        int m = 0;
        for (int i = 0; i < all; i++) {
            if (i == warm) {
                stray0 = strays;
                dropped = 0;
            }
            int frame = i;
            done = new CountDownLatch(1);
            Platform.runLater(() -> {
                t1 = 0;
                pulseAt = 0;
                syncedAt = 0;
                renderedAt = 0;
                strayAt = 0;
                midPulseAt = 0;
                t0 = System.nanoTime();
                armed = true;
                gesture.accept(frame);
                gestureEnd = System.nanoTime();
                Platform.runLater(() -> t1 = System.nanoTime());
            });
            // no pulse after the repaints: the gesture changed nothing (a pan at the picture's edge, a zoom at its
            // limit), or a pulse that came between the gesture and its repaints rendered all of it
            if (!awaitFrame()) {
                // the pulse between the gesture and its repaints rendered the whole frame (the next pulse found
                // nothing dirty): the frame ends at that render; its parts are not told apart
                if (i >= warm && strayAt > t0) {
                    double total = (strayAt - t0) / 1e6;
                    // its wait for the pulse timer: from the gesture's return to that pulse
                    double wait = midPulseAt > gestureEnd ? (midPulseAt - gestureEnd) / 1e6 : 0;
                    wholeMid[m] = total;
                    workMid[m++] = total - wait;
                } else if (i >= warm) {
                    dropped++;
                }
                continue;
            }
            if (i < warm) continue;
            double total = (renderedAt - t0) / 1e6;
            double wait = (pulseAt - t1) / 1e6;
            xs[0][k] = total;
            xs[1][k] = total - wait;
            xs[2][k] = (t1 - t0) / 1e6;
            xs[3][k] = wait;
            xs[4][k] = (syncedAt - pulseAt) / 1e6;
            xs[5][k] = (renderedAt - syncedAt) / 1e6;
            starts[k] = t0;
            k++;
        }
        if (Boolean.getBoolean("bench.scale.dump")) dumpWorst(what, xs, k, starts);
        // whole and work over every rendered frame; the four parts over the frames whose pulse came after the
        // repaints
        double[] whole = java.util.Arrays.copyOf(xs[0], k + m);
        double[] workAll = java.util.Arrays.copyOf(xs[1], k + m);
        System.arraycopy(wholeMid, 0, whole, k, m);
        System.arraycopy(workMid, 0, workAll, k, m);
        xs[0] = whole;
        xs[1] = workAll;
        for (int j = 2; j < xs.length; j++) xs[j] = java.util.Arrays.copyOf(xs[j], k);
        return new Frames(what, xs[0], xs[1], xs[2], xs[3], xs[4], xs[5], strays - stray0, m, dropped);
    }

    /**
     * -Dbench.scale.dump=true: the five frames with the most work, each with its parts and when it began (ms of
     * JVM uptime, to line up with a -Xlog:gc log).
     */
    private static void dumpWorst(String what, double[][] xs, int k, long[] starts) {
        long nowNs = System.nanoTime();
        long upMs = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(xs[1][b], xs[1][a]));
        StringBuilder sb = new StringBuilder("  worst frames of " + what + ":");
        for (int j = 0; j < Math.min(5, k); j++) {
            int i = order[j];
            sb.append(String.format(java.util.Locale.ROOT,
                "%n    #%d at %.3fs: work %.1f (gesture %.1f, wait %.1f, pulse %.1f, render %.1f)", i,
                (upMs - (nowNs - starts[i]) / 1e6) / 1000, xs[1][i], xs[2][i], xs[3][i], xs[4][i], xs[5][i]));
        }
        System.out.println(sb);
    }

    /**
     * Whether the frame was rendered; false if no pulse came within 100 ms after its repaints, or none of the
     * pulses after them rendered within 0.5 s (the scene was not dirty any more: an earlier pulse rendered it).
     */
    private boolean awaitFrame() throws Exception {
        while (!done.await(100, TimeUnit.MILLISECONDS)) {
            boolean noPulse = t1 != 0 && pulseAt == 0;
            boolean stale = t1 != 0 && System.nanoTime() - t1 > 500_000_000L;
            if (noPulse || stale) {
                boolean late = FrameBench.onFx(() -> {
                    if (!stale && pulseAt != 0) return true;
                    armed = false;
                    return false;
                });
                if (!late) return done.getCount() == 0;
            }
        }
        return true;
    }

    /** FX thread, at each pulse's scene pass, before CSS and layout. */
    private void pulsed() {
        if (!armed) return;
        if (t1 != 0 && pulseAt == 0) pulseAt = System.nanoTime();
        else if (t1 == 0 && midPulseAt == 0) midPulseAt = System.nanoTime();
    }

    /** FX thread, after every scene of the pulse was copied to the render graph, before the render starts. */
    private void synced() {
        if (pulseAt != 0 && syncedAt == 0) syncedAt = System.nanoTime();
    }

    /** Render thread, once the scene's frame was painted and presented. */
    private void rendered() {
        long now = System.nanoTime();
        if (armed && syncedAt != 0 && renderedAt == 0) {
            renderedAt = now;
            armed = false;
            done.countDown();
        } else {
            if (armed && syncedAt == 0) strayAt = now;
            strays++;
        }
    }
}
