package vmalab.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vmalab.app.WindowFixture;
import vmalab.app.Workbench;

/** max_map_count VMAs: the layout paints only what is in sight and stays quick. */
@ExtendWith(ApplicationExtension.class)
class LayoutViewScaleTest {
    private Workbench wb;

    @Start
    void start(Stage stage) {
        wb = WindowFixture.show(stage);
    }

    @Test
    void sixtyFiveThousandVmasPaintOnlyTheVisibleRows(FxRobot robot) {
        // given: one page mappings with alternating protections (so they cannot merge) up to max_map_count
        StringBuilder sb = new StringBuilder("exec cat x86_64\n");
        for (int i = 0; i < 65510; i++) sb.append(i % 2 == 0 ? "mmap 4K r-- private anon\n" : "mmap 4K rw- private anon\n");
        WindowFixture.load(robot, wb, sb.toString(), -1);
        assertEquals(65530, wb.session().selectedMm().mapCount());
        LayoutView layout = wb.window().layoutView();

        // when: zoomed in to one small range, then redrawn
        long t0 = System.nanoTime();
        robot.interact(() -> layout.reveal(0x7ffff7fb7000L - 0x8000, 0x7ffff7fb7000L));
        WaitForAsyncUtils.waitForFxEvents();
        long ms = (System.nanoTime() - t0) / 1_000_000;

        // then
        assertTrue(layout.paintedRows() < 200, "painted " + layout.paintedRows() + " rows");
        assertTrue(ms < 3000, "reveal took " + ms + " ms");

        // and fitted, no more rows than pixel lines are painted
        robot.interact(layout::fit);
        assertTrue(layout.paintedRows() <= layout.canvas().getHeight() + 2, "painted " + layout.paintedRows());
    }
}
