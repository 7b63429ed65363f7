package vmalab.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;

/**
 * {@code vmalab export}: a scenario run to a step and a view written as a slide (PNG or SVG) with no display.
 * Before the toolkit starts it selects Monocle's headless glass and the software renderer; then
 * {@link #exportSlide} and {@link #exportDeck} build the one view in a scene of its own, run the scenario with
 * motion reduced, and draw slides from the view's SlideSource.
 * Call from any thread but the FX thread. The toolkit stays up afterwards (JavaFX cannot start twice in a JVM;
 * the command line ends with System.exit).
 */
public final class HeadlessExport {
    private static final long TIMEOUT_SECONDS = 120;
    /** Held so the level set on it stays (java.util.logging keeps loggers weakly). */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    private HeadlessExport() {
    }

    /**
     * What a slide export is asked for: the view, the step (negative: the end), the scale (1, 2 or 4), a caption,
     * a fixed size in px (0 for content-sized), the theme, the font scale and the file format.
     */
    public record SlideOptions(String view, int step, double scale, boolean caption, int width, int height,
                               vmalab.viewmodel.Theme theme, double fontScale, vmalab.app.export.SlideFiles.Format format) {
        public SlideOptions {
            if (!MainWindow.isViewName(view)) {
                throw new IllegalArgumentException("unknown view " + view + " (" + ViewKind.ids() + ")");
            }
            if (!(scale > 0 && scale <= 8)) throw new IllegalArgumentException("--scale must be between 0 and 8: " + scale);
            if (width < 0 || height < 0 || (width == 0) != (height == 0)) {
                throw new IllegalArgumentException("--width and --height go together, both above 0: " + width + "×" + height);
            }
            if (!(fontScale >= vmalab.viewmodel.Session.MIN_SCALE && fontScale <= vmalab.viewmodel.Session.MAX_SCALE)) {
                throw new IllegalArgumentException("--font-scale must be between " + vmalab.viewmodel.Session.MIN_SCALE
                    + " and " + vmalab.viewmodel.Session.MAX_SCALE + ": " + fontScale);
            }
        }

        /** The slide's size at 1× for a fixed pixel size, or null for content-sized. */
        javafx.geometry.Dimension2D design() {
            return width == 0 ? null : new javafx.geometry.Dimension2D(width / scale, height / scale);
        }
    }

    /**
     * Writes view {@code o.view()} of the scenario at step {@code o.step()} as a slide: the diagram only, sized
     * to its content (or fitted into {@code width×height}), with the caption under it when asked, PNG or SVG.
     * Returns the image's size in px.
     */
    public static int[] exportSlide(String scenarioText, String fileName, SlideOptions o, Path out) throws IOException {
        return onFx(() -> {
            vmalab.app.export.LessonScene scene = scene(scenarioText, fileName, o);
            scene.show(o.step() < 0 ? scene.steps() : o.step());
            vmalab.app.export.Slide slide = scene.slide(o.caption(), o.design());
            String big = vmalab.app.export.SlideFiles.tooBig(slide, o.scale());
            if (big != null) throw new IllegalArgumentException(big);
            vmalab.app.export.SlideFiles.write(slide, o.scale(), o.format(), out);
            return vmalab.app.export.SlideFiles.pixelSize(slide, o.scale());
        });
    }

    /** Writes the lesson's deck to {@code dir}: {@code step-001.png} … one per step, and {@code notes.md}. */
    public static java.util.List<Path> exportDeck(String scenarioText, String fileName, SlideOptions o, Path dir)
        throws IOException {
        return exportDeck(scenarioText, fileName, o, dir, false);
    }

    /**
     * The deck; with {@code lessonViews} each step is drawn in the view the lesson's {@code view} lines choose
     * there ({@link LessonTabs#at}), {@code o.view()} where they name none; else every step in {@code o.view()}.
     */
    public static java.util.List<Path> exportDeck(String scenarioText, String fileName, SlideOptions o, Path dir,
                                                  boolean lessonViews) throws IOException {
        return onFx(() -> {
            ViewKind fallback = ViewKind.byId(o.view()).orElseThrow();
            vmalab.app.export.LessonScene scene = scene(scenarioText, fileName, o, fallback);
            if (!lessonViews) {
                return vmalab.app.export.Deck.write(scene, o.format(), o.scale(), o.design(), o.caption(), dir, null);
            }
            java.util.Map<ViewKind, vmalab.app.export.LessonScene> scenes = new java.util.EnumMap<>(ViewKind.class);
            scenes.put(fallback, scene);
            java.util.function.IntFunction<vmalab.app.export.LessonScene> at = i -> {
                ViewKind k = LessonTabs.at(scene.timeline(), i);
                return scenes.computeIfAbsent(k == null ? fallback : k, v -> scene(scenarioText, fileName, o, v));
            };
            return vmalab.app.export.Deck.write(scene, at, o.format(), o.scale(), o.design(), o.caption(), dir, null);
        });
    }

    private static vmalab.app.export.LessonScene scene(String text, String fileName, SlideOptions o) {
        return scene(text, fileName, o, ViewKind.byId(o.view()).orElseThrow());
    }

    private static vmalab.app.export.LessonScene scene(String text, String fileName, SlideOptions o, ViewKind kind) {
        vmalab.app.export.LessonScene scene = vmalab.app.export.LessonScene.create(kind, o.theme(), o.fontScale());
        String err = scene.load(text, fileName);
        if (err != null) throw new IllegalArgumentException(err);
        return scene;
    }

    /** Runs {@code work} on the FX thread (starting the toolkit headless if needed) and hands back its result. */
    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws IOException {
        startToolkit();
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                result.set(work.call());
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
        }
        // the toolkit stays up: the command line ends the JVM with System.exit, and a later export in the same
        // JVM (a test run, the window) needs it, since JavaFX cannot start twice
        Throwable t = failure.get();
        if (t instanceof IOException io) throw io;
        if (t instanceof RuntimeException re) throw re;
        if (t instanceof Error err) throw err;
        if (t != null) throw new IOException(t);
        @SuppressWarnings("unchecked")
        T r = (T) result.get();
        return r;
    }

    /** Starts the toolkit headless unless it is running; true when this call started it. */
    static boolean startToolkit() {
        if (isToolkitRunning()) return false;
        // a command-line export prints what it wrote, not JavaFX's own notes (the class-path start-up note, CSS
        // lookups of controls the slide never shows)
        JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
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
