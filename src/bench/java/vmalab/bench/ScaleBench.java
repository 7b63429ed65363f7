package vmalab.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import vmalab.app.BenchImport;
import vmalab.app.ViewKind;
import vmalab.app.Workbench;
import vmalab.model.mm.Vma;
import vmalab.view.PageTableView;

/**
 * Issue 10's scale goals, headless (Monocle, {@code prism.order=sw}), in a 1920×1080 window: a capture of
 * {@code bench.scale.vmas} VMAs (default 65,530) with its pagemap, written by {@link ScaleCapture}, opened the way
 * File ▸ Open capture… opens it. Timed: the import (the call until the window's callback: read, parse, the
 * model's import step); the first frame after it (from that callback until the queued repaints ran, the window
 * was laid out and the whole scene rendered once, {@code Scene.snapshot}); the heap used after a GC, before and
 * after. Then for the Layout, VMA tree and Page tables views, {@link #STEPS} (200) pan steps and as many
 * zoom steps, each one frame: fire the gesture's event at the view's canvas (the view's own drag or wheel handler
 * moves its camera and redraws the canvas; then the repaints it queued run), lay the window out ({@code applyCss} + {@code layout}, as a pulse
 * does), render the canvas ({@code Canvas.snapshot} into one reused image: the software pipeline runs the
 * canvas's queued drawing commands). These "snapshot frames" are kept for continuity, but no real frame does a
 * snapshot (it renders the whole canvas into a new target and reads its pixels back). Each gesture is then timed
 * again as real frames ({@link PulseClock}): from the gesture until the pulse after its repaints has been rendered
 * and presented by Quantum (Monocle's frame buffer), split into gesture + repaints, the wait for the 60 Hz
 * pulse timer, the pulse's CSS + layout + copy, and render + present; "work" is the whole minus the timer wait.
 * Anchors in the same run: the same frames over the hello capture (24 VMAs), and a bare 1920×1080 canvas filled
 * with 100 rectangles that move each frame, timed both ways. A window is hidden once its series are done: without
 * a window manager Quantum repaints and composes every shown window at each pulse.
 */
final class ScaleBench {
    static final int WIDTH = 1920;
    static final int HEIGHT = 1080;
    /**
     * Frames a series keeps: a p99 by nearest rank over 60 frames is the slowest frame itself; over 200 it is the
     * third slowest ({@code -Dbench.scale.frames}).
     */
    static final int STEPS = Integer.getInteger("bench.scale.frames", 200);
    static final int WARM = 10;

    /** One series of frame times (ms): the whole frame and its parts (gesture + redraw, layout, render). */
    record Series(String what, double[] ms, double[] gestureMs, double[] layoutMs, double[] renderMs) {
        double p(double q) {
            return FrameBench.Frames.percentile(ms, q);
        }

        static double p(double[] xs, double q) {
            return FrameBench.Frames.percentile(xs, q);
        }
    }

    /** The import's figures. */
    record Import(int vmas, double importMs, double firstFrameMs, long heapBefore, long heapAfter, String error) { }

    /** Hears each figure as soon as it is measured. */
    interface Sink {
        void imported(Import i);

        void series(Series s);

        /** Real frames of the same gesture ({@link PulseClock}). */
        void pulses(PulseClock.Frames f);
    }

    private ScaleBench() {
    }

    static void run(Sink sink) throws Exception {
        int vmas = Integer.getInteger("bench.scale.vmas", 65_530);
        Path dir = ScaleCapture.write(Path.of(System.getProperty("bench.work", "target/bench"), "scale-capture"),
            vmas);
        FrameBench.startToolkit();
        bareCanvas(sink);
        Workbench small = window();
        Import smallImport = open(small, ScaleCapture.HELLO, "hello");
        sink.imported(smallImport);
        views(small, "24 VMAs", sink);
        // without a window manager Quantum repaints and composes every shown window at each pulse: one at a time
        hide(small.scene());
        Workbench big = window();
        Import bigImport = open(big, dir, "many");
        sink.imported(bigImport);
        System.out.println("scene nodes after the import: " + FrameBench.onFx(() -> nodeCounts(big.scene().getRoot())));
        views(big, String.format("%,d VMAs", bigImport.vmas()), sink);
    }

    private static Workbench window() throws Exception {
        return FrameBench.onFx(() -> {
            Workbench w = Workbench.create(WIDTH, HEIGHT);
            Stage stage = new Stage();
            stage.setScene(w.scene());
            stage.show();
            w.window().selectView(ViewKind.LAYOUT.id());
            w.layoutNow();
            return w;
        });
    }

    private static void hide(Scene scene) throws Exception {
        FrameBench.onFx(() -> {
            scene.getWindow().hide();
            return null;
        });
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static Import open(Workbench wb, Path dir, String what) throws Exception {
        long before = heapAfterGc();
        double[] t = new double[2];
        String[] err = new String[1];
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            long t0 = System.nanoTime();
            BenchImport.openCapture(wb, dir, e -> {
                long t1 = System.nanoTime();
                t[0] = (t1 - t0) / 1e6;
                err[0] = e;
                // after the repaints the import queued (runLater is first in, first out)
                Platform.runLater(() -> {
                    wb.layoutNow();
                    wb.scene().snapshot(null);
                    t[1] = (System.nanoTime() - t1) / 1e6;
                    done.countDown();
                });
            });
        });
        if (!done.await(600, TimeUnit.SECONDS)) throw new IllegalStateException("import of " + what + " hung");
        long after = heapAfterGc();
        int n = FrameBench.onFx(() -> wb.session().selectedMm() == null ? 0 : wb.session().selectedMm().mapCount());
        return new Import(n, t[0], t[1], before, after, err[0]);
    }

    /** Pan and zoom frames of the three views. */
    private static void views(Workbench wb, String label, Sink out) throws Exception {
        String only = System.getProperty("bench.scale.views", "");
        for (ViewKind kind : List.of(ViewKind.LAYOUT, ViewKind.TREE, ViewKind.PAGETABLE)) {
            // -Dbench.scale.views=tree,pagetable: only these views (a profile of one view's frames)
            if (!only.isBlank() && !List.of(only.split(",")).contains(kind.id())) continue;
            Canvas canvas = FrameBench.onFx(() -> {
                wb.window().selectView(kind.id());
                wb.layoutNow();
                return largestCanvas(wb.window().view(kind.id()));
            });
            System.out.println("  under the " + kind.id() + " canvas: " + FrameBench.onFx(() -> layersUnder(canvas)));
            if (kind == ViewKind.PAGETABLE) {
                // the view has no camera of its own: its pan is the wheel over a strip of pages too long to show
                // (the biggest VMA's, as a student looking at a heap would), else the scroll pane; a click walks a
                // page (the select series below)
                PageTableView pv = (PageTableView) FrameBench.onFx(() -> wb.window().view(kind.id()));
                long[] was = FrameBench.onFx(() -> {
                    long[] w = {wb.session().selectedVmaProperty().get(), wb.session().selectedAddressProperty().get(),
                        0};
                    Vma big = wb.session().selectedMm().vmas().stream().max(Comparator.comparingLong(Vma::pages))
                        .orElseThrow();
                    wb.session().selectedVmaProperty().set(big.start());
                    wb.session().selectedAddressProperty().set(big.start());
                    wb.layoutNow();
                    w[2] = big.start();
                    return w;
                });
                Point2D cell = FrameBench.onFx(() -> {
                    Point2D p = pv.stripScrolls() ? pv.pageCentre(was[2]) : null;
                    return p == null ? null : canvas.sceneToLocal(pv.localToScene(p));
                });
                if (cell != null) {
                    System.out.println("  page-table strip: the wheel over the pages of the VMA at 0x"
                        + Long.toHexString(was[2]));
                    both(wb, canvas, kind.id() + " strip wheel, " + label, i -> scroll(canvas, cell.getX(),
                        cell.getY(), (i / 10) % 2 == 0 ? -40 : 40), () -> { }, out);
                } else {
                    ScrollPane sp = FrameBench.onFx(() -> (ScrollPane) pv.lookup("#page-table-scroll"));
                    both(wb, canvas, kind.id() + " scroll, " + label, i -> sp.setVvalue(wave(i) / 10.0), () -> { },
                        out);
                }
                FrameBench.onFx(() -> {
                    wb.session().selectedVmaProperty().set(was[0]);
                    wb.session().selectedAddressProperty().set(was[1]);
                    wb.layoutNow();
                    return null;
                });
                long[] addrs = FrameBench.onFx(() -> wb.session().selectedMm().vmas().stream()
                    .mapToLong(v -> v.start()).toArray());
                both(wb, canvas, kind.id() + " select, " + label, i -> wb.session()
                    .selectedAddressProperty().set(addrs[(int) ((long) i * 997 % addrs.length)]), () -> { }, out);
                shot(wb, "select-" + addrs.length);
                continue;
            }
            double[] press = new double[2];
            both(wb, canvas, kind.id() + " pan, " + label, i -> {
                double cx = canvas.getWidth() / 2;
                double cy = canvas.getHeight() / 2;
                if (i == 0) {
                    press[0] = cx;
                    press[1] = cy;
                    mouse(canvas, MouseEvent.MOUSE_PRESSED, cx, cy);
                }
                // down and back up, 15 px a frame (the tree pans both ways)
                double d = 15 * wave(i);
                mouse(canvas, MouseEvent.MOUSE_DRAGGED, press[0] + d, press[1] + d);
            }, () -> mouse(canvas, MouseEvent.MOUSE_RELEASED, canvas.getWidth() / 2, canvas.getHeight() / 2), out);
            both(wb, canvas, kind.id() + " zoom, " + label, i -> scroll(canvas, canvas.getWidth() / 2,
                canvas.getHeight() / 2, (i / 10) % 2 == 0 ? 40 : -40), () -> { }, out);
        }
    }

    /**
     * One gesture measured both ways: the snapshot frames (as before, for continuity), then the real pulse's
     * frames ({@link PulseClock}); {@code end} runs after each (a drag's release).
     */
    private static void both(Workbench wb, Canvas canvas, String what, IntConsumer gesture, Runnable end, Sink out)
        throws Exception {
        out.series(frames(wb, canvas, what, gesture));
        onFx(end);
        out.pulses(PulseClock.time(wb.scene(), what, WARM, STEPS, gesture));
        onFx(end);
    }

    private static void onFx(Runnable r) throws Exception {
        FrameBench.onFx(() -> {
            r.run();
            return null;
        });
    }

    /**
     * -Dbench.scale.shot=DIR (with -Dprism.showdirty=true): the screen as the last frame left it, as raw BGRA
     * 1920×1080 in DIR/NAME.bgra (ImageMagick: {@code convert -size 1920x1080 -depth 8 bgra:F F.png}).
     */
    private static void shot(Workbench wb, String name) throws Exception {
        String dir = System.getProperty("bench.scale.shot", "");
        if (dir.isBlank()) return;
        Thread.sleep(200);
        WritableImage img = FrameBench.onFx(() -> new javafx.scene.robot.Robot().getScreenCapture(null, 0, 0, WIDTH,
            HEIGHT));
        byte[] px = new byte[WIDTH * HEIGHT * 4];
        img.getPixelReader().getPixels(0, 0, WIDTH, HEIGHT, javafx.scene.image.PixelFormat.getByteBgraInstance(), px,
            0, WIDTH * 4);
        java.nio.file.Files.write(Path.of(dir, name + ".bgra"), px);
    }

    /** 0, 1, …, 10, 9, …, 0, 1, …: a drag that goes out and back. */
    private static int wave(int i) {
        int k = i % 20;
        return k <= 10 ? k : 20 - k;
    }

    private static Series frames(Workbench wb, Canvas canvas, String what, IntConsumer gesture) throws Exception {
        WritableImage img = FrameBench.onFx(() -> new WritableImage((int) canvas.getWidth(),
            (int) Math.max(1, Math.min(canvas.getHeight(), 4 * HEIGHT))));
        return time(what, WARM + STEPS, gesture, wb::layoutNow, () -> canvas.snapshot(null, img));
    }

    private static Series time(String what, int n, IntConsumer gesture, Runnable layout, Runnable render)
        throws Exception {
        double[] ms = new double[n];
        double[] g = new double[n];
        double[] l = new double[n];
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            int frame = i;
            CountDownLatch done = new CountDownLatch(1);
            Platform.runLater(() -> {
                long t0 = System.nanoTime();
                gesture.accept(frame);
                // then the repaints the gesture queued (runLater is first in, first out), as before a pulse
                Platform.runLater(() -> {
                    long t1 = System.nanoTime();
                    layout.run();
                    long t2 = System.nanoTime();
                    render.run();
                    long t3 = System.nanoTime();
                    ms[frame] = (t3 - t0) / 1e6;
                    g[frame] = (t1 - t0) / 1e6;
                    l[frame] = (t2 - t1) / 1e6;
                    r[frame] = (t3 - t2) / 1e6;
                    done.countDown();
                });
            });
            if (!done.await(120, TimeUnit.SECONDS)) throw new IllegalStateException(what + ": frame " + i + " hung");
        }
        return new Series(what, tail(ms), tail(g), tail(l), tail(r));
    }

    private static double[] tail(double[] xs) {
        return java.util.Arrays.copyOfRange(xs, WARM, xs.length);
    }

    /**
     * The anchor: a bare canvas of the window's size, 100 rectangles moved each frame, rendered the same way
     * (snapshot frames), then as real frames; its window is hidden afterwards.
     */
    private static void bareCanvas(Sink out) throws Exception {
        Canvas c = new Canvas(WIDTH, HEIGHT);
        Scene scene = new Scene(new Pane(c), WIDTH, HEIGHT);
        WritableImage img = FrameBench.onFx(() -> {
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            return new WritableImage(WIDTH, HEIGHT);
        });
        GraphicsContext g = c.getGraphicsContext2D();
        IntConsumer rects = i -> {
            g.setFill(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setFill(Color.STEELBLUE);
            for (int k = 0; k < 100; k++) {
                g.fillRect((k % 10) * 190 + i % 20, (k / 10) * 105 + 15 * wave(i), 170, 90);
            }
        };
        String what = "bare canvas, 100 rects";
        out.series(time(what, WARM + 2 * STEPS, rects, () -> { }, () -> c.snapshot(null, img)));
        out.pulses(PulseClock.time(scene, what, WARM, 2 * STEPS, rects));
        hide(scene);
    }

    /**
     * Nodes in the scene graph, and the subtrees with an id that hold over 2,000 of them: every render walks all
     * of them, shown or not (NGGroup.renderForcedContent), so a view that made a node per VMA would show here.
     */
    static String nodeCounts(Parent root) {
        java.util.Map<String, Integer> big = new java.util.TreeMap<>();
        int all = count(root, big, 0);
        return all + " " + big;
    }

    private static int count(Node n, java.util.Map<String, Integer> big, int depth) {
        int c = 1;
        if (n instanceof Parent p) for (Node k : p.getChildrenUnmodifiable()) c += count(k, big, depth + 1);
        if (c > 2000 && n.getId() != null) big.put(n.getId() + "@" + depth, c);
        return c;
    }

    /**
     * The regions from the canvas up to the scene's root that paint a background: under the software pipeline
     * each one fills the canvas's dirty area again at every frame, behind the canvas.
     */
    static String layersUnder(Canvas canvas) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (Node p = canvas.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.layout.Region r && r.getBackground() != null
                && !r.getBackground().getFills().isEmpty()) {
                n++;
                sb.append(String.format("%n    %s %s %.0fx%.0f fills %d", r.getClass().getSimpleName(),
                    r.getStyleClass(), r.getWidth(), r.getHeight(), r.getBackground().getFills().size()));
                for (var f : r.getBackground().getFills()) sb.append(" [").append(f.getFill()).append(' ')
                    .append(f.getInsets()).append(f.getRadii().isUniform() && f.getRadii().getTopLeftHorizontalRadius() == 0 ? "" : " rounded").append(']');
            }
        }
        return n + " regions with a background:" + sb;
    }

    static Canvas largestCanvas(Node root) {
        Canvas best = null;
        List<Node> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            Node n = todo.remove(todo.size() - 1);
            if (n instanceof Canvas c && (best == null || c.getWidth() * c.getHeight() > best.getWidth()
                * best.getHeight())) best = c;
            if (n instanceof Parent p) todo.addAll(p.getChildrenUnmodifiable());
            if (n instanceof ScrollPane sp && sp.getContent() != null) todo.add(sp.getContent());
        }
        if (best == null) throw new IllegalStateException("no canvas in " + root);
        return best;
    }

    private static void mouse(Canvas canvas, javafx.event.EventType<MouseEvent> type, double x, double y) {
        Point2D s = canvas.localToScene(x, y);
        boolean down = type != MouseEvent.MOUSE_RELEASED;
        canvas.fireEvent(new MouseEvent(type, s.getX(), s.getY(), s.getX(), s.getY(), MouseButton.PRIMARY, 1,
            false, false, false, false, down, false, false, false, false, false, null));
    }

    private static void scroll(Canvas canvas, double x, double y, double dy) {
        Point2D s = canvas.localToScene(x, y);
        canvas.fireEvent(new ScrollEvent(ScrollEvent.SCROLL, s.getX(), s.getY(), s.getX(), s.getY(), false, false,
            false, false, false, false, 0, dy, 0, dy, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
            ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
    }
}
