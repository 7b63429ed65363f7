package vmalab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** {@code expect KEY [ARG] VALUE} typed in the command bar checks the state on show and adds no step. */
@ExtendWith(ApplicationExtension.class)
class CommandBarExpectTest {
    private Workbench wb;

    @Start
    void start(Stage stage) {
        wb = WindowFixture.show(stage);
    }

    private String run(FxRobot robot, String line) {
        AtomicReference<String> err = new AtomicReference<>();
        robot.interact(() -> err.set(wb.controller().runLine(line)));
        return err.get();
    }

    @Test
    void anExpectIsCheckedAgainstTheStepOnShow(FxRobot robot) {
        WindowFixture.load(robot, wb, "exec p empty\nmmap 0x10000000 20K rw- private anon\n"
            + "touch 0x10000000 12K w\n", -1);
        int steps = wb.timeline().size();

        assertNull(run(robot, "expect rss 12K"));
        assertEquals(steps, wb.timeline().size(), "no step added");
        assertFalse(wb.controller().statusIsErrorProperty().get());
        String status = wb.controller().statusProperty().get();
        assertTrue(status.contains("rss is 12K"), status);

        assertNull(run(robot, "expect minflt 2"), "a failed check is told in the status line, not as a bad line");
        assertTrue(wb.controller().statusIsErrorProperty().get());
        assertEquals("command:3: expected minflt 2, got 3", wb.controller().statusProperty().get());
        assertEquals(steps, wb.timeline().size());

        // one step back: the state on show is the mmap's, nothing touched yet
        robot.interact(() -> wb.controller().jumpTo(2));
        assertNull(run(robot, "p: expect present 0x10000000 no"));
        assertFalse(wb.controller().statusIsErrorProperty().get(), wb.controller().statusProperty().get());
        assertTrue(run(robot, "say \"hello\"").contains("belong in a lesson file"));
    }
}
