package vmalab.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vmalab.app.WindowFixture;
import vmalab.app.Workbench;

/** task_struct → mm_struct boxes: live fields, the ones a step changed highlighted. */
@ExtendWith(ApplicationExtension.class)
class StructuresViewTest {
    private static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");
    private Workbench wb;

    @Start
    void start(Stage stage) {
        wb = WindowFixture.show(stage);
    }

    private Label field(FxRobot robot, String name) {
        Set<Label> all = robot.lookup("." + StructuresView.FIELD).queryAllAs(Label.class);
        for (Label l : all) if (l.getText().startsWith(name + " ")) return l;
        throw new AssertionError("no field " + name);
    }

    @Test
    void brkIsLiveAndHighlightedWhenItMoves(FxRobot robot) {
        WindowFixture.load(robot, wb, "exec cat x86_64\nbrk +8K\ntouch 0x1000 r", 1);
        robot.clickOn("#tab-structures");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(field(robot, "brk").getText().endsWith("0x55555555b000"));

        robot.interact(() -> wb.controller().stepOp());
        WaitForAsyncUtils.waitForFxEvents();

        Label brk = field(robot, "brk");
        assertTrue(brk.getText().endsWith("0x55555555d000"), brk.getText());
        assertTrue(brk.getPseudoClassStates().contains(CHANGED));
        assertFalse(field(robot, "start_brk").getPseudoClassStates().contains(CHANGED));
        assertTrue(field(robot, "map_count").getPseudoClassStates().contains(CHANGED));

        // the SIGSEGV shows in the task_struct
        robot.interact(() -> wb.controller().stepOp());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(field(robot, "sig").getText().contains("SIGSEGV at 0x1000"));
    }

    @Test
    void aMapleProcessPointsAtMmMtNotMmRb(FxRobot robot) {
        WindowFixture.load(robot, wb, "exec cat x86_64 maple\nmmap 4K rw- private anon", 2);
        robot.clickOn("#tab-structures");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(field(robot, "mm_mt").getText().endsWith("→ maple_tree"));
        Set<Label> all = robot.lookup("." + StructuresView.FIELD).queryAllAs(Label.class);
        assertFalse(all.stream().anyMatch(l -> l.getText().startsWith("mm_rb ")));
    }

    @Test
    void clickingAVmaChipSelectsIt(FxRobot robot) {
        WindowFixture.load(robot, wb, "exec cat x86_64", -1);
        robot.clickOn("#tab-structures");
        WaitForAsyncUtils.waitForFxEvents();
        Label text = null;
        for (Label l : robot.lookup("." + StructuresView.CHIP).queryAllAs(Label.class)) {
            if (l.getText().contains("555555555000 r-xp")) text = l;
        }
        // at this width the list box may sit under the mm_struct, below the fold: scroll it into sight first
        Label chip = text;
        robot.interact(() -> wb.window().structuresView().reveal(chip));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(chip.localToScreen(30, chip.getHeight() / 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0x555555555000L, wb.session().selectedVmaProperty().get());
    }

    @Test
    void changesInOneTurnBuildTheBoxesOnce(FxRobot robot) {
        // given a process with two threads (two task boxes, one mm_struct)
        WindowFixture.load(robot, wb, "exec cat x86_64\nthread worker", -1);
        StructuresView v = wb.window().structuresView();
        int[] builds = new int[3];
        boolean[] chipAtOnce = new boolean[1];
        // when the selected task, the selected VMA and the type size change in one turn of the FX thread (as an
        // import sets the version, the pid and the VMA)
        robot.interact(() -> {
            builds[0] = v.builds();
            wb.session().selectedPidProperty().set(1000);
            wb.session().selectedVmaProperty().set(0x555555555000L);
            wb.session().fontScaleProperty().set(wb.session().fontScale() * 1.25);
            builds[1] = v.builtSoFar(); // not built yet
            // a caller asking for the boxes in the same turn gets the new ones
            chipAtOnce[0] = v.selectedChip() != null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> builds[2] = v.builds());
        // then the boxes were built once, with all three changes
        assertEquals(builds[0], builds[1], "no build inside the turn");
        assertEquals(builds[0] + 1, builds[2], "one build for three changes");
        assertTrue(chipAtOnce[0], "the selected chip was there when asked for");
        assertNotNull(v.selectedChip());
        assertTrue(((Label) v.selectedChip()).getText().contains("555555555000"));
    }
}
