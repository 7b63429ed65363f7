package vmalab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vmalab.model.Kernel;
import vmalab.viewmodel.Timeline;

/** The import warm-up: it imports its own made-up process, leaves the window's session alone, and can be off. */
@ExtendWith(ApplicationExtension.class)
class ImportWarmupTest {
    private Workbench wb;

    @Start
    void start(Stage stage) {
        wb = WindowFixture.show(stage);
    }

    @Test
    void itImportsItsOwnProcessAndLeavesTheSessionUntouched(FxRobot robot) throws Exception {
        Kernel[] before = new Kernel[1];
        int[] version = new int[1];
        List<Timeline.Entry>[] steps = new List[1];
        robot.interact(() -> {
            before[0] = wb.session().kernel();
            version[0] = wb.session().versionProperty().get();
            steps[0] = wb.timeline().entries();
        });

        int imported = ImportWarmup.run();
        WaitForAsyncUtils.waitForFxEvents();

        // the made-up process's VMAs were imported (its [vsyscall] is the profile's, not the mm's) ...
        assertEquals(ImportWarmup.VMAS + 10, imported);
        // ... on a timeline of its own: the window shows what it showed
        robot.interact(() -> {
            assertSame(before[0], wb.session().kernel());
            assertEquals(version[0], wb.session().versionProperty().get());
            assertEquals(steps[0], wb.timeline().entries());
        });
    }

    @Test
    void itIsOffWithTheProperty() throws Exception {
        String was = System.getProperty(ImportWarmup.PROPERTY);
        System.setProperty(ImportWarmup.PROPERTY, "false");
        try {
            assertFalse(ImportWarmup.enabled());
            assertNull(ImportWarmup.start());
        } finally {
            if (was == null) System.clearProperty(ImportWarmup.PROPERTY);
            else System.setProperty(ImportWarmup.PROPERTY, was);
        }
        assertTrue(ImportWarmup.enabled());
        Thread t = ImportWarmup.start();
        assertTrue(t.isDaemon());
        t.join(120_000);
        assertFalse(t.isAlive());
    }
}
