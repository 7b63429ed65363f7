package vmalab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vmalab.io.lesson.Lessons;

/** At a projector's 1280×720 the window is compact: the narration takes one line, the views the room. */
@ExtendWith(ApplicationExtension.class)
class CompactWindowTest {
    private Workbench wb;

    @Start
    void start(Stage stage) {
        wb = WindowFixture.show(stage, 1280, 720);
    }

    /** A window laid out off-screen at a size larger than the headless screen (no stage). */
    private static Workbench offScreen(FxRobot robot, double w, double h) {
        AtomicReference<Workbench> out = new AtomicReference<>();
        robot.interact(() -> {
            Workbench b = Workbench.create(w, h);
            b.session().reduceMotionProperty().set(true);
            out.set(b);
        });
        return out.get();
    }

    private static void settle(FxRobot robot, Workbench b) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(b::layoutNow);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void lessonAtStep(FxRobot robot, Workbench b, int step) {
        String text = Lessons.find("heap-fault").orElseThrow().text();
        WindowFixture.load(robot, b, text, step);
        settle(robot, b);
    }

    private static Node narration(Workbench b) {
        return b.window().root().lookup("#narration");
    }

    private void settle(FxRobot robot) {
        settle(robot, wb);
    }

    private void lessonAtStep(FxRobot robot, int step) {
        lessonAtStep(robot, wb, step);
    }

    private Node narration() {
        return narration(wb);
    }

    private double viewsHeight() {
        return wb.window().views().getHeight();
    }

    @Test
    void onTheStoryTabTheNarrationFoldsAwayOnceAStepHasRun(FxRobot robot) {
        lessonAtStep(robot, 0);
        robot.interact(() -> wb.window().selectView(ViewKind.STORY.id()));
        settle(robot);
        assertTrue(wb.window().isCompact());
        assertTrue(narration().isManaged(), "at the start it says how to begin");
        double before = viewsHeight();

        robot.interact(() -> wb.controller().jumpTo(2));
        settle(robot);

        assertFalse(narration().isManaged(), "the Story tells the narration itself");
        assertTrue(viewsHeight() > before + 40, before + " → " + viewsHeight());
    }

    @Test
    void onOtherTabsItIsOneLineWithTheTrailInItsTooltip(FxRobot robot) {
        lessonAtStep(robot, 3);
        robot.interact(() -> wb.window().selectView(MainWindow.LAYOUT));
        settle(robot);
        Label trail = (Label) wb.window().root().lookup("#narration-trail");
        Label function = (Label) wb.window().root().lookup("#narration-function");
        assertTrue(narration().isManaged());
        assertFalse(trail.isManaged(), "the trail folds into the tooltip");
        AtomicReference<Double> h = new AtomicReference<>();
        robot.interact(() -> h.set(((javafx.scene.layout.Region) narration()).getHeight()));
        assertTrue(h.get() < function.getHeight() * 2, "one line: " + h.get() + " for a line of " + function.getHeight());

        Workbench big = offScreen(robot, 1600, 1000);
        lessonAtStep(robot, big, 3);
        robot.interact(() -> big.window().selectView(MainWindow.LAYOUT));
        settle(robot, big);
        assertFalse(big.window().isCompact());
        Node bigTrail = big.window().root().lookup("#narration-trail");
        assertTrue(bigTrail.isManaged() && bigTrail.isVisible(), "with room the trail is under the line");
        assertTrue(narration(big).isManaged());
    }

    @Test
    void zoomingInMakesALargeWindowCompact(FxRobot robot) {
        Workbench big = offScreen(robot, 1920, 1080);
        lessonAtStep(robot, big, 2);
        assertFalse(big.window().isCompact());
        robot.interact(() -> big.session().fontScaleProperty().set(2.5));
        settle(robot, big);
        assertTrue(big.window().isCompact(), "1080 px at 250 % is 432 px at 1×");
        robot.interact(() -> big.session().fontScaleProperty().set(1));
        settle(robot, big);
        assertEquals(false, big.window().isCompact());
    }
}
