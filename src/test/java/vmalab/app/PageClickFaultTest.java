package vmalab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Point2D;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.model.paging.PhysicalMemory;
import vmalab.view.PageTableView;
import vmalab.viewmodel.Physical;

/** Issue 9: a click on a page in the Page tables view faults it in, as the README says; the model shows it. */
@ExtendWith(ApplicationExtension.class)
class PageClickFaultTest {
    private Workbench wb;

    @Start
    void start(Stage stage) {
        wb = WindowFixture.show(stage);
    }

    private Vma heap(Mm mm) {
        Vma heap = null;
        for (Vma v : mm.vmas()) if ("[heap]".equals(v.name()) || v.start() == 0x55555555b000L) heap = v;
        assertNotNull(heap, "the 16 KiB heap in " + mm.vmas());
        return heap;
    }

    @Test
    void a_click_on_a_page_not_present_faults_it_in(FxRobot robot) {
        // given: a heap of four pages, none touched, shown in the Page tables view
        WindowFixture.load(robot, wb, "exec cat x86_64\nbrk +16K\n", -1);
        Mm mm = wb.session().selectedMm();
        Vma heap = heap(mm);
        long page = heap.start() + 2 * Vma.PAGE_SIZE;
        PhysicalMemory pm = Physical.of(wb.session().kernel());
        assertFalse(pm.pte(mm, page).present(), "not present before the click");
        int steps = wb.timeline().size();
        robot.interact(() -> {
            wb.window().selectView("pagetable");
            wb.session().selectedVmaProperty().set(heap.start());
        });
        WaitForAsyncUtils.waitForFxEvents();
        PageTableView view = robot.lookup("#page-table-view").queryAs(PageTableView.class);
        Point2D[] at = new Point2D[1];
        robot.interact(() -> at[0] = view.pageCentre(page));
        assertNotNull(at[0], "the page's cell is on screen");

        // when: the page's cell is clicked
        robot.clickOn(view.localToScreen(at[0]));
        WaitForAsyncUtils.waitForFxEvents();

        // then: a touch step ran: the page is present and a step was added to the timeline
        Mm after = wb.session().selectedMm();
        PhysicalMemory pm2 = Physical.of(wb.session().kernel());
        assertTrue(pm2.pte(after, page).present(), "present after the click");
        assertFalse(pm2.pte(after, page).write(), "a plain click is a read");
        assertFalse(pm2.pte(after, heap.start()).present(), "only the clicked page");
        assertEquals(steps + 1, wb.timeline().size(), "one touch step");
    }

    @Test
    void a_shift_click_writes(FxRobot robot) {
        WindowFixture.load(robot, wb, "exec cat x86_64\nbrk +16K\n", -1);
        Mm mm = wb.session().selectedMm();
        Vma heap = heap(mm);
        long page = heap.start() + Vma.PAGE_SIZE;
        robot.interact(() -> {
            wb.window().selectView("pagetable");
            wb.session().selectedVmaProperty().set(heap.start());
        });
        WaitForAsyncUtils.waitForFxEvents();
        PageTableView view = robot.lookup("#page-table-view").queryAs(PageTableView.class);
        Point2D[] at = new Point2D[1];
        robot.interact(() -> at[0] = view.pageCentre(page));
        robot.press(javafx.scene.input.KeyCode.SHIFT);
        try {
            robot.clickOn(view.localToScreen(at[0]));
        } finally {
            robot.release(javafx.scene.input.KeyCode.SHIFT);
        }
        WaitForAsyncUtils.waitForFxEvents();
        PhysicalMemory pm = Physical.of(wb.session().kernel());
        assertTrue(pm.pte(wb.session().selectedMm(), page).present(), "present");
        assertTrue(pm.pte(wb.session().selectedMm(), page).write(), "written: a private frame, writable");
    }
}
