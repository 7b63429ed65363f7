package vmalab.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import vmalab.app.ViewKind;
import vmalab.app.Workbench;
import vmalab.io.ScenarioParser;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.Timeline;

/**
 * A fault animated in the window, frame by frame, headless (Monocle, software pipeline). The step is a
 * one-page write fault (the heap-fault lesson's last line); each of its events is shown over
 * {@value #FRAMES_PER_EVENT} frames (eventProgress 1/6 … 1, 0.1 s at 60 frames a second). One frame is: set
 * the cursor and progress (the views fold), let the queued repaints run, then render the whole scene
 * ({@code Scene.snapshot}), timed from the first to the last. The anchors: a bare window of the same size whose
 * label changes each frame, rendered the same way; and the same window "at rest" (rendered with nothing
 * changed), which is the software pipeline's cost for this scene graph without any fold or repaint.
 */
final class FrameBench {
    static final int WIDTH = 1240;
    static final int HEIGHT = 760;
    static final int FRAMES_PER_EVENT = 6;
    /** Frames rendered with nothing changed: the window's own render cost, the second anchor. */
    static final int IDLE_FRAMES = 24;
    static final String FAULT = """
        exec heapdemo x86_64
        brk +8K
        touch 0x55555555b000 8K w
        brk +8K
        touch 0x55555555d000 w
        """;

    /**
     * Frame times of one view (or the bare window) in milliseconds: the whole frame, and its first part (the
     * change and the repaints it queued, before the render).
     */
    record Frames(String what, int events, double[] ms, double[] paintMs) {
        double percentile(double q) {
            return percentile(ms, q);
        }

        double paintPercentile(double q) {
            return percentile(paintMs, q);
        }

        static double percentile(double[] xs, double q) {
            double[] s = xs.clone();
            Arrays.sort(s);
            return s[Math.min(s.length - 1, (int) Math.ceil(q * s.length) - 1)];
        }
    }

    /** The frame times of one pass. */
    private record Pass(double[] ms, double[] paintMs) { }

    private FrameBench() {
    }

    private static boolean started;

    static synchronized void startToolkit() throws InterruptedException {
        if (started) return;
        started = true;
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        // Monocle's headless screen is 1280x800 unless told: a larger window overflows its frame buffer
        System.setProperty("headless.geometry", System.getProperty("headless.geometry", "2048x1200-32"));
        System.setProperty("java.awt.headless", "true");
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        // a benchmark hides a window it is done with: the toolkit must outlive its last shown window
        Platform.setImplicitExit(false);
    }

    static List<Frames> run() throws Exception {
        startToolkit();
        List<Frames> out = new ArrayList<>();
        out.add(bare());
        Workbench wb = onFx(() -> {
            Workbench w = Workbench.create(WIDTH, HEIGHT);
            Stage stage = new Stage();
            stage.setScene(w.scene());
            stage.show();
            List<Timeline.Entry> entries = new ArrayList<>();
            for (ScenarioParser.Step s : ScenarioParser.parse(FAULT, "fault.vlab").steps()) {
                entries.add(new Timeline.Entry(s.text(), s.op(), s.line()));
            }
            w.timeline().reset(entries, "fault.vlab");
            w.timeline().jumpTo(entries.size() - 1);
            w.timeline().stepOp();
            return w;
        });
        Session session = wb.session();
        int events = onFx(() -> session.lastEvents().size());
        for (Map.Entry<String, Runnable> view : views(wb).entrySet()) {
            onFx(() -> {
                view.getValue().run();
                return null;
            });
            DoubleConsumer frame = i -> {
                int e = (int) i / FRAMES_PER_EVENT;
                session.eventCursorWritable().set(e + 1);
                session.eventProgressWritable().set(((int) i % FRAMES_PER_EVENT + 1) / (double) FRAMES_PER_EVENT);
            };
            int n = events * FRAMES_PER_EVENT;
            frames(wb.scene(), 2 * FRAMES_PER_EVENT, frame); // warm-up: the first two events
            Pass p = frames(wb.scene(), n, frame);
            out.add(new Frames(view.getKey(), events, p.ms(), p.paintMs()));
            Pass rest = frames(wb.scene(), IDLE_FRAMES, i -> { });
            out.add(new Frames(view.getKey() + " at rest", events, rest.ms(), rest.paintMs()));
        }
        return out;
    }

    /**
     * The view-specific part, in one place: the window's views by name, each with the action that brings it
     * to the front.
     */
    private static Map<String, Runnable> views(Workbench wb) {
        Map<String, Runnable> views = new LinkedHashMap<>();
        for (ViewKind kind : List.of(ViewKind.LAYOUT, ViewKind.STRUCTURES, ViewKind.TREE, ViewKind.PAGETABLE,
            ViewKind.BUDDY)) {
            views.put(kind.id(), () -> wb.window().selectView(kind.id()));
        }
        return views;
    }

    private static Frames bare() throws Exception {
        Label label = new Label();
        Scene scene = onFx(() -> {
            Stage stage = new Stage();
            Scene s = new Scene(new StackPane(label), WIDTH, HEIGHT);
            stage.setScene(s);
            stage.show();
            return s;
        });
        int n = 16 * FRAMES_PER_EVENT;
        DoubleConsumer frame = i -> label.setText("frame " + (int) i);
        frames(scene, n, frame);
        Pass p = frames(scene, n, frame);
        return new Frames("bare window", 0, p.ms(), p.paintMs());
    }

    /** Times {@code n} frames: the change, then (after the repaints it queued) a render of the scene. */
    private static Pass frames(Scene scene, int n, DoubleConsumer change) throws InterruptedException {
        double[] ms = new double[n];
        double[] paintMs = new double[n];
        for (int i = 0; i < n; i++) {
            int frame = i;
            CountDownLatch done = new CountDownLatch(1);
            Platform.runLater(() -> {
                long t0 = System.nanoTime();
                change.accept(frame);
                // runs after every repaint the change queued (runLater is first in, first out)
                Platform.runLater(() -> {
                    paintMs[frame] = (System.nanoTime() - t0) / 1e6;
                    scene.snapshot(null);
                    ms[frame] = (System.nanoTime() - t0) / 1e6;
                    done.countDown();
                });
            });
            if (!done.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("frame " + i + " hung");
        }
        return new Pass(ms, paintMs);
    }

    interface FxCall<T> {
        T call() throws Exception;
    }

    static <T> T onFx(FxCall<T> body) throws Exception {
        Object[] box = new Object[2];
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                box[0] = body.call();
            } catch (Exception | Error e) {
                box[1] = e;
            } finally {
                done.countDown();
            }
        });
        if (!done.await(600, TimeUnit.SECONDS)) throw new IllegalStateException("FX call hung");
        if (box[1] instanceof Exception e) throw e;
        if (box[1] instanceof Error e) throw e;
        @SuppressWarnings("unchecked") T t = (T) box[0];
        return t;
    }
}
