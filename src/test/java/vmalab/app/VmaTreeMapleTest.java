package vmalab.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The VMA tree tab tells a maple process plainly that it has no mm_rb, and sends it to the Maple tree tab. */
@ExtendWith(ApplicationExtension.class)
class VmaTreeMapleTest {
    private Workbench wb;

    @Start
    void start(Stage stage) {
        wb = WindowFixture.show(stage);
    }

    private String caption(FxRobot robot, String era) {
        WindowFixture.load(robot, wb, "exec demo x86_64 " + era + "\nmmap 4K rw- private anon\n", 2);
        robot.interact(() -> wb.window().selectView(ViewKind.TREE.id()));
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#vma-tree-caption").queryAs(Label.class).getText();
    }

    @Test
    void aMapleProcessIsSentToTheMapleTreeTab(FxRobot robot) {
        String c = caption(robot, "maple");
        assertTrue(c.contains("maple tree") && c.contains("Maple tree tab"), c);
    }

    @Test
    void aRedBlackProcessKeepsItsTreeCaption(FxRobot robot) {
        assertFalse(caption(robot, "rbtree").contains("Maple tree tab"));
    }
}
