package vmalab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vmalab.model.mm.Mm;
import vmalab.viewmodel.StateText;

/** The real window, driven headless: the command bar, stepping back, the narration and the process selector. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private Workbench wb;

    @Start
    void start(Stage stage) {
        wb = WindowFixture.show(stage);
    }

    /**
     * Waits (up to 10 s) until {@code done} holds after the robot's keys: on a loaded machine the keys of
     * {@code write} can still be queued when one turn of the FX thread has passed. Then lets the FX thread settle.
     */
    private static void awaitFx(java.util.concurrent.Callable<Boolean> done) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, done);
        } catch (java.util.concurrent.TimeoutException e) {
            // the assertions that follow say what is missing
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theCommandBarRunsALine(FxRobot robot) {
        // given
        WindowFixture.load(robot, wb, "exec cat x86_64", -1);
        long brkBefore = wb.session().selectedMm().brk();

        // when
        robot.clickOn("#command-field").write("brk +8K").type(KeyCode.ENTER);
        awaitFx(() -> wb.timeline().position() == 2);

        // then: a new step ran, the break moved, the field is cleared, no error shows
        Mm mm = wb.session().selectedMm();
        assertEquals(brkBefore + 8192, mm.brk());
        assertEquals(2, wb.timeline().position());
        assertEquals("brk +8K", wb.timeline().currentEntry().text());
        assertEquals("", robot.lookup("#command-field").queryAs(TextField.class).getText());
        assertFalse(robot.lookup("#command-error").queryAs(Label.class).isVisible());
        assertTrue(robot.lookup("#maps-text").queryAs(vmalab.view.panes.LinePane.class).text().contains("[heap]"));
    }

    @Test
    void aBadLineShowsItsErrorInRedUnderTheField(FxRobot robot) {
        // given
        WindowFixture.load(robot, wb, "exec cat x86_64", -1);
        String before = StateText.of(wb.session().kernel());

        // when
        robot.clickOn("#command-field").write("brk 12").type(KeyCode.ENTER);
        awaitFx(() -> robot.lookup("#command-error").queryAs(Label.class).isVisible());

        // then
        Label error = robot.lookup("#command-error").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertTrue(error.getText().startsWith("command:2: "), error.getText());
        assertTrue(error.getText().contains("brk takes +N"), error.getText());
        assertTrue(error.getStyleClass().contains("command-error"));
        javafx.scene.paint.Color fill = (javafx.scene.paint.Color) error.getTextFill();
        assertTrue(fill.getRed() > 0.6 && fill.getGreen() < 0.3, "red text, was " + fill);
        assertEquals("brk 12", robot.lookup("#command-field").queryAs(TextField.class).getText());
        assertEquals(1, wb.timeline().size());
        assertEquals(before, StateText.of(wb.session().kernel()));
    }

    @Test
    void aLineTheModelRefusesShowsWhy(FxRobot robot) {
        WindowFixture.load(robot, wb, "exec cat x86_64", -1);

        robot.clickOn("#command-field").write("nobody: brk +8K").type(KeyCode.ENTER);
        awaitFx(() -> robot.lookup("#command-error").queryAs(Label.class).isVisible());

        Label error = robot.lookup("#command-error").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertTrue(error.getText().contains("no process called nobody"), error.getText());
        assertEquals(1, wb.timeline().size());
    }

    @Test
    void stepBackRestoresThePreviousStateExactly(FxRobot robot) {
        // given: the demo at step 5
        WindowFixture.load(robot, wb, VmaLabApp.demoScenario(), 5);
        String stateBefore = StateText.of(wb.session().kernel());
        String mapsBefore = robot.lookup("#maps-text").queryAs(vmalab.view.panes.LinePane.class).text();
        Mm mm = wb.session().selectedMm();
        long[] fieldsBefore = {mm.startBrk(), mm.brk(), mm.totalVm(), mm.mapCount(), mm.startStack(), mm.mmapBase()};

        // when: step (Space), step again (button), then back twice (Backspace, button)
        robot.clickOn("#step-label");
        robot.type(KeyCode.SPACE);
        robot.clickOn("#step-op");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(7, wb.timeline().position());
        robot.type(KeyCode.BACK_SPACE);
        robot.clickOn("#step-back");
        WaitForAsyncUtils.waitForFxEvents();

        // then
        assertEquals(5, wb.timeline().position());
        assertEquals(stateBefore, StateText.of(wb.session().kernel()));
        assertEquals(mapsBefore, robot.lookup("#maps-text").queryAs(vmalab.view.panes.LinePane.class).text());
        Mm after = wb.session().selectedMm();
        assertEquals(fieldsBefore[0], after.startBrk());
        assertEquals(fieldsBefore[1], after.brk());
        assertEquals(fieldsBefore[2], after.totalVm());
        assertEquals(fieldsBefore[3], after.mapCount());
        assertEquals(fieldsBefore[4], after.startStack());
        assertEquals(fieldsBefore[5], after.mmapBase());
        assertEquals("Step 5 / 12", robot.lookup("#step-label").queryAs(Label.class).getText());
    }

    @Test
    void theNarrationNamesTheKernelFunction(FxRobot robot) {
        WindowFixture.load(robot, wb, VmaLabApp.demoScenario(), 2);

        robot.interact(() -> wb.controller().stepOp());
        WaitForAsyncUtils.waitForFxEvents();

        String fn = robot.lookup("#narration-function").queryAs(Label.class).getText();
        String trail = robot.lookup("#narration-trail").queryAs(Label.class).getText();
        assertEquals("do_anonymous_page()", fn);
        assertTrue(trail.contains("handle_mm_fault"), trail);
        String strace = robot.lookup("#strace-text").queryAs(TextArea.class).getText();
        assertTrue(strace.contains("brk(NULL) = 0x55555555b000"), strace);
    }

    @Test
    void theDirectorPlaysEveryEventOnTheAnimationClock(FxRobot robot) throws Exception {
        // given: motion on, fast
        WindowFixture.load(robot, wb, VmaLabApp.demoScenario(), 1);
        robot.interact(() -> {
            wb.session().reduceMotionProperty().set(false);
            wb.controller().director().speedProperty().set(4);
            wb.controller().stepOp();
        });

        // then: the cursor starts low and reaches the end without blocking the FX thread
        int n = wb.session().lastEvents().size();
        assertTrue(n > 1);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> wb.session().eventCursorProperty().get() == n
            && !wb.controller().director().isBusy());
        assertEquals(1.0, wb.session().eventProgressProperty().get());
    }

    @Test
    void theProcessSelectorFollowsTheChildAndSwitchesTheViews(FxRobot robot) {
        WindowFixture.load(robot, wb, VmaLabApp.demoScenario(), -1);
        var combo = robot.lookup("#process-selector").queryComboBox();
        assertEquals(2, combo.getItems().size());
        assertEquals(1001, wb.session().selectedTask().pid());

        robot.interact(() -> combo.setValue(1000));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1000, wb.session().selectedTask().pid());
        assertNotNull(wb.window().structuresView().taskBox(1001));
        assertEquals(2, wb.window().structuresView().mmBoxCount(), "two processes, two mm_structs");
    }

    @Test
    void twoThreadsShareOneMmStruct(FxRobot robot) {
        WindowFixture.load(robot, wb, "exec cat x86_64\nthread worker", -1);
        assertEquals(1, wb.window().structuresView().mmBoxCount());
        assertNotNull(wb.window().structuresView().taskBox(1000));
        assertNotNull(wb.window().structuresView().taskBox(1001));
    }
}
