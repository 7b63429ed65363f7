package vmalab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vmalab.viewmodel.StateText;

/**
 * Issue 12: a long jump in the window runs off the FX thread with its progress, Esc cancels it and leaves the
 * step on show; one that finishes shows what a jump on the FX thread shows. The FX budget is set to 0 so every
 * jump goes to the worker, whatever the machine's speed.
 */
@ExtendWith(ApplicationExtension.class)
class LongJumpTest {
    private Workbench wb;

    @Start
    void start(Stage stage) {
        wb = WindowFixture.show(stage);
    }

    @AfterEach
    void budget() {
        BackgroundJob.fxBudgetNanos = BackgroundJob.FX_BUDGET_NANOS;
    }

    private static String scenario() {
        StringBuilder b = new StringBuilder("exec cat x86_64\n");
        for (int i = 0; i < 400; i++) b.append("brk +8K\ntouch 0x55555555b000 w\nmmap 8K rw- private anon\nbrk -4K\n");
        return b.toString();
    }

    private void waitUntilDone(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            boolean[] busy = new boolean[1];
            robot.interact(() -> busy[0] = wb.controller().isBusy());
            return !busy[0];
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void esc_cancels_a_long_jump_and_the_step_on_show_stays(FxRobot robot) {
        WindowFixture.load(robot, wb, scenario(), 5);
        String before = StateText.of(wb.session().kernel());
        BackgroundJob.fxBudgetNanos = 0;
        boolean[] jumping = new boolean[1];
        robot.interact(() -> {
            wb.controller().seek(wb.timeline().size());
            jumping[0] = wb.controller().isBusy();
            assertTrue(wb.controller().statusProperty().get().startsWith("Replaying to step 1,601"),
                wb.controller().statusProperty().get());
            // Esc, as the window's key filter gets it, in the same turn of the FX thread as the seek
            javafx.event.Event.fireEvent(wb.window().root(), new KeyEvent(KeyEvent.KEY_PRESSED, "", "",
                KeyCode.ESCAPE, false, false, false, false));
        });
        assertTrue(jumping[0], "the jump went to the worker");
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(wb.controller().isBusy());
        assertEquals(5, wb.timeline().position());
        assertEquals(before, StateText.of(wb.session().kernel()), "nothing changed");
        assertTrue(wb.controller().statusProperty().get().contains("cancelled"), wb.controller().statusProperty().get());
    }

    @Test
    void a_long_jump_that_finishes_shows_what_jumpTo_shows(FxRobot robot) throws Exception {
        WindowFixture.load(robot, wb, scenario(), 1);
        BackgroundJob.fxBudgetNanos = 0;
        robot.interact(() -> wb.controller().seek(1200));
        waitUntilDone(robot);
        assertEquals(1200, wb.timeline().position());
        String seen = StateText.of(wb.session().kernel());

        robot.interact(() -> {
            wb.controller().jumpTo(0);
            wb.controller().jumpTo(1200);
        });
        assertEquals(StateText.of(wb.session().kernel()), seen);
        // and back through the checkpoints the worker kept
        robot.interact(() -> wb.controller().seekBack());
        waitUntilDone(robot);
        assertEquals(1199, wb.timeline().position());
    }

    @Test
    void a_new_seek_replaces_the_one_under_way(FxRobot robot) throws Exception {
        WindowFixture.load(robot, wb, scenario(), 0);
        BackgroundJob.fxBudgetNanos = 0;
        robot.interact(() -> {
            wb.controller().seek(1500);
            wb.controller().seek(700);
        });
        waitUntilDone(robot);
        assertEquals(700, wb.timeline().position());
    }

    @Test
    void a_step_during_a_long_jump_stops_the_jump_and_steps_from_where_it_was(FxRobot robot) {
        WindowFixture.load(robot, wb, scenario(), 3);
        BackgroundJob.fxBudgetNanos = 0;
        robot.interact(() -> {
            wb.controller().seek(1600);
            wb.controller().stepOp();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(wb.controller().isBusy());
        assertEquals(4, wb.timeline().position());
    }

    @Test
    void a_typed_operation_given_up_changes_nothing(FxRobot robot) {
        WindowFixture.load(robot, wb, "exec cat x86_64\nbrk +8K\n", -1);
        String before = StateText.of(wb.session().kernel());
        BackgroundJob.fxBudgetNanos = 0;
        String[] heard = new String[1];
        robot.interact(() -> {
            wb.controller().submitLine("mmap 64M rw- private anon", e -> heard[0] = e);
            assertTrue(wb.controller().isBusy());
            assertTrue(wb.controller().statusProperty().get().startsWith("Running `mmap 64M"),
                wb.controller().statusProperty().get());
            javafx.event.Event.fireEvent(wb.window().root(), new KeyEvent(KeyEvent.KEY_PRESSED, "", "",
                KeyCode.ESCAPE, false, false, false, false));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(wb.controller().isBusy());
        assertEquals(2, wb.timeline().size(), "no step was added");
        assertEquals(before, StateText.of(wb.session().kernel()));
        assertTrue(heard[0] != null && heard[0].startsWith("Gave up on `mmap 64M"), heard[0]);
    }

    @Test
    void a_typed_operation_in_the_background_is_inserted_as_the_command_bar_would(FxRobot robot) throws Exception {
        WindowFixture.load(robot, wb, "exec cat x86_64\nbrk +8K\nbrk +8K\n", 2);
        BackgroundJob.fxBudgetNanos = 0;
        String[] heard = {"not yet"};
        robot.interact(() -> wb.controller().submitLine("touch 0x55555555b000 w", e -> heard[0] = e));
        waitUntilDone(robot);
        assertEquals(null, heard[0]);
        assertEquals(3, wb.timeline().position());
        assertEquals(4, wb.timeline().size(), "inserted at step 3, the step ahead kept");
        assertEquals("touch 0x55555555b000 w", wb.timeline().entries().get(2).text());
        String seen = StateText.of(wb.session().kernel());
        robot.interact(() -> {
            wb.controller().jumpTo(0);
            wb.controller().jumpTo(3);
        });
        assertEquals(seen, StateText.of(wb.session().kernel()), "what a replay from step 0 gives");

        // a refused operation is not kept, and its error reaches the caller
        robot.interact(() -> wb.controller().submitLine("nosuch: brk +4K", e -> heard[0] = e));
        waitUntilDone(robot);
        assertTrue(heard[0] != null && heard[0].contains("nosuch"), heard[0]);
        assertEquals(4, wb.timeline().size());
    }
}
