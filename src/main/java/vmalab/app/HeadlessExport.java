package vmalab.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Node;

/**
 * {@code vmalab export}: a scenario run to a step and a view written as PNG with no display. Before the
 * toolkit starts it selects Monocle's headless glass and the software renderer; then it builds the window
 * off-screen at {@value #WIDTH_PX}×{@value #HEIGHT_PX}, runs the scenario to the step with motion reduced,
 * and snapshots the view. Call from any thread but the FX thread. If this call started the toolkit it also
 * stops it, so a JVM can run one export that way; inside a running app or test it leaves the toolkit up.
 */
public final class HeadlessExport {
    public static final int WIDTH_PX = 1600;
    public static final int HEIGHT_PX = 1000;
    private static final long TIMEOUT_SECONDS = 120;

    private HeadlessExport() {
    }

    /**
     * Exports with the standard caption (file, step and its line) when {@code caption} is true.
     *
     * @see #export(String, String, String, int, double, String, Path)
     */
    public static void export(String scenarioText, String fileName, String view, int step, double scale,
                              boolean caption, Path out) throws IOException {
        export(scenarioText, fileName, view, step, scale, caption ? "" : null, out);
    }

    /**
     * Runs {@code scenarioText} to step {@code step} (operations run; negative: all) and writes view
     * {@code view} (a {@link ViewKind} id: layout, tree, pagetable, buddy, structures or window) at
     * {@code scale} to {@code out}.
     * {@code caption}: null for none, empty for the standard one, else the text to draw under the image.
     *
     * @throws IllegalArgumentException for an unknown view, a bad scale or a scenario that does not parse
     *                                  (its message is {@code FILE:LINE: problem})
     * @throws IOException              when the file cannot be written (nothing is left half-written)
     */
    public static void export(String scenarioText, String fileName, String view, int step, double scale,
                              String caption, Path out) throws IOException {
        if (!MainWindow.isViewName(view)) {
            throw new IllegalArgumentException("unknown view " + view + " (" + ViewKind.ids() + ")");
        }
        if (!(scale > 0 && scale <= 8)) throw new IllegalArgumentException("scale must be between 0 and 8: " + scale);
        boolean started = startToolkit();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                render(scenarioText, fileName, view, step, scale, caption, out);
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                done.countDown();
            }
        });
        try {
            if (!done.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) throw new IOException("export timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("export interrupted", e);
        } finally {
            if (started) Platform.exit();
        }
        Throwable t = failure.get();
        if (t instanceof IOException io) throw io;
        if (t instanceof RuntimeException re) throw re;
        if (t instanceof Error err) throw err;
        if (t != null) throw new IOException(t);
    }

    private static void render(String text, String fileName, String view, int step, double scale, String caption,
                               Path out) throws IOException {
        Workbench wb = Workbench.create(WIDTH_PX, HEIGHT_PX);
        wb.session().reduceMotionProperty().set(true);
        String err = wb.controller().load(text, fileName);
        if (err != null) throw new IllegalArgumentException(err);
        int target = step < 0 ? wb.timeline().size() : Math.min(step, wb.timeline().size());
        wb.controller().jumpTo(target);
        wb.controller().director().showAll();
        if (!MainWindow.WINDOW.equals(view)) {
            wb.window().selectView(view);
            wb.window().widenViews(1.0); // a single view gets the whole width of the off-screen window
        }
        wb.layoutNow();
        wb.layoutNow();
        Node node = wb.window().view(view);
        String cap = caption == null ? null : caption.isEmpty() ? wb.controller().caption() : caption;
        PngExporter.write(node, scale, cap, out);
    }

    /** Starts the toolkit headless unless it is running; true when this call started it. */
    static boolean startToolkit() {
        if (isToolkitRunning()) return false;
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            return false;
        }
        try {
            up.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Platform.setImplicitExit(false);
        return true;
    }

    private static boolean isToolkitRunning() {
        try {
            Platform.runLater(() -> { });
            return true;
        } catch (IllegalStateException notStarted) {
            return false;
        }
    }
}
