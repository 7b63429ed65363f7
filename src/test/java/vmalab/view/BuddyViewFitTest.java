package vmalab.view;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javafx.geometry.Dimension2D;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vmalab.app.Workbench;
import vmalab.model.paging.FrameKind;
import vmalab.model.paging.PhysicalMemory;
import vmalab.view.paint.RecordingPen;
import vmalab.view.paint.TextAudit;
import vmalab.viewmodel.Physical;

/**
 * The Physical memory view in the real window at a projector's 1280×720, at 100 % and 250 % type, on the end
 * states of a few lessons: no text off the canvas or on other text (screen and slide), no label cut with "…",
 * the frame map zoomed so that the frames in use are cells one can read, the zero page and COW-shared frames
 * in colours of their own.
 */
@ExtendWith(ApplicationExtension.class)
class BuddyViewFitTest {
    private static final String[] LESSONS = {"buddy", "heap-fault", "fork-cow", "zero-page"};
    private static final Color ZERO = Color.web("#81d4fa");
    private static final Color COW = Color.web("#ffb74d");
    private static final Color KERNEL = Color.web("#37474f");
    private static final Color FIRST_PROCESS = Color.web("#1e88e5");

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private Workbench show(FxRobot robot, double scale) {
        Workbench[] wb = new Workbench[1];
        robot.interact(() -> {
            wb[0] = Workbench.create(1280, 720);
            wb[0].session().reduceMotionProperty().set(true);
            wb[0].session().fontScaleProperty().set(scale);
            stage.setScene(wb[0].scene());
            stage.setX(0);
            stage.setY(0);
            stage.show();
            wb[0].window().selectView("buddy");
        });
        WaitForAsyncUtils.waitForFxEvents();
        return wb[0];
    }

    private static String lesson(String name) {
        try (InputStream in = BuddyViewFitTest.class.getResourceAsStream("/vmalab/lessons/" + name + ".vlab")) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void load(FxRobot robot, Workbench wb, String name, int step) {
        String[] err = new String[1];
        robot.interact(() -> {
            err[0] = wb.controller().load(lesson(name), name + ".vlab");
            if (err[0] == null) wb.controller().jumpTo(step < 0 ? wb.timeline().size() : step);
            wb.window().selectView("buddy");
        });
        WaitForAsyncUtils.waitForFxEvents();
        if (err[0] != null) throw new AssertionError(err[0]);
    }

    private static BuddyView view(FxRobot robot) {
        return robot.lookup("#buddy-view").queryAs(BuddyView.class);
    }

    @Test
    void text_fits_on_screen_and_on_the_slide_at_100_and_250_percent(FxRobot robot) {
        for (double scale : new double[] {1.0, 2.5}) {
            Workbench wb = show(robot, scale);
            for (String name : LESSONS) {
                load(robot, wb, name, -1);
                String what = name + " at " + (int) (scale * 100) + " %";
                BuddyView v = view(robot);
                Canvas canvas = robot.lookup("#buddy-canvas").queryAs(Canvas.class);
                RecordingPen screen = new RecordingPen();
                double[] size = new double[2];
                robot.interact(() -> {
                    v.paintScreen(screen, canvas.getWidth(), canvas.getHeight());
                    size[0] = canvas.getWidth();
                    size[1] = canvas.getHeight();
                });
                assertTrue(size[0] <= 1280 && size[0] > 200, what + ": canvas width " + size[0]);
                assertTrue(!screen.marks().isEmpty(), what + ": the view drew text");
                TextAudit.assertReadable(what + " on screen", screen, size[0], size[1]);
                TextAudit.assertNoEllipsis(what, v);
                RecordingPen slide = new RecordingPen();
                Dimension2D d = ViewTesting.onFx(robot, v::slideSize);
                robot.interact(() -> v.paintSlide(slide, d.getWidth(), d.getHeight()));
                TextAudit.assertReadable(what + " on the slide " + d, slide, d.getWidth(), d.getHeight());
                ViewTesting.shot(robot, wb.window().root(), "buddy-fit-" + name + "-" + (int) (scale * 100));
            }
        }
    }

    @Test
    void the_map_opens_on_the_frames_in_use_at_a_readable_cell_size(FxRobot robot) {
        for (double scale : new double[] {1.0, 2.5}) {
            Workbench wb = show(robot, scale);
            for (String name : LESSONS) {
                load(robot, wb, name, -1);
                BuddyView v = view(robot);
                long[] used = ViewTesting.onFx(robot, v::usedRange);
                int cell = ViewTesting.onFx(robot, v::frameCellSize);
                long first = v.windowFirst();
                long n = v.windowFrames();
                String what = name + " at " + scale + ": cell " + cell + " px, window " + first + "+" + n
                    + ", used " + used[0] + "–" + used[1];
                assertTrue(cell >= 14 * scale - 0.5, what);
                assertTrue(first <= used[0] && used[0] < first + n, what + ": the first frame in use is shown");
                PhysicalMemory pm = Physical.of(wb.session().kernel());
                assertTrue(n < pm.frames() || pm.frames() <= 1024, what + ": zoomed in, not all of memory");
            }
        }
    }

    @Test
    void all_memory_and_back_to_the_frames_in_use(FxRobot robot) {
        Workbench wb = show(robot, 1.0);
        load(robot, wb, "heap-fault", -1);
        BuddyView v = view(robot);
        int fitted = ViewTesting.onFx(robot, v::frameCellSize);
        robot.interact(() -> robot.lookup("#buddy-show-all").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        PhysicalMemory pm = Physical.of(wb.session().kernel());
        assertTrue(v.windowFrames() == pm.frames(), "All memory shows " + v.windowFrames() + " of " + pm.frames());
        assertTrue(v.frameCellSize() < fitted, "smaller cells for all of memory");
        robot.interact(() -> robot.lookup("#buddy-fit-used").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(ViewTesting.onFx(robot, v::frameCellSize) == fitted, "back to the fitted zoom");
    }

    private static Color pixel(FxRobot robot, BuddyView v, WritableImage img, long pfn) {
        Canvas canvas = robot.lookup("#buddy-canvas").queryAs(Canvas.class);
        Point2D c = ViewTesting.onFx(robot, () -> {
            Point2D p = v.frameCentre(pfn);
            return p == null ? null : canvas.sceneToLocal(v.localToScene(p));
        });
        assertNotNull(c, "frame " + pfn + " is in the window");
        return img.getPixelReader().getColor((int) Math.floor(c.getX()), (int) Math.floor(c.getY()));
    }

    @Test
    void the_zero_page_and_cow_shared_frames_have_their_own_colours(FxRobot robot) {
        Workbench wb = show(robot, 1.0);
        // zero-page: a read of untouched anonymous memory maps the shared zero page
        load(robot, wb, "zero-page", -1);
        BuddyView v = view(robot);
        PhysicalMemory pm = Physical.of(wb.session().kernel());
        long zero = pm.zeroPfn();
        assertTrue(zero >= 0, "the lesson has a zero page");
        WritableImage img = ViewTesting.shot(robot, robot.lookup("#buddy-canvas").query(), "buddy-zero-page");
        Color z = pixel(robot, v, img, zero);
        assertTrue(ViewTesting.near(z, ZERO), "zero page " + z);
        assertTrue(!ViewTesting.near(z, KERNEL), "not the kernel's colour");

        // fork-cow right after fork: the heap's frames are mapped by parent and child
        int step = -1;
        for (int s = 1; s <= 8 && step < 0; s++) {
            load(robot, wb, "fork-cow", s);
            pm = Physical.of(wb.session().kernel());
            for (int p = 0; p < pm.frames(); p++) {
                if (pm.frameKind(p) == FrameKind.ANON && pm.mapcount(p) > 1) {
                    step = p;
                    break;
                }
            }
        }
        assertTrue(step >= 0, "fork-cow has COW-shared frames after the fork");
        WritableImage cowShot = ViewTesting.shot(robot, robot.lookup("#buddy-canvas").query(), "buddy-cow");
        Color c = pixel(robot, v, cowShot, step);
        assertTrue(ViewTesting.near(c, COW), "COW-shared frame " + c);
        assertTrue(!ViewTesting.near(c, FIRST_PROCESS) && !ViewTesting.near(c, z), "distinct from anon and zero");
    }
}
