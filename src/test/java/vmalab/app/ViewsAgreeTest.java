package vmalab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vmalab.model.event.BuddyStepped;
import vmalab.model.event.Narration;
import vmalab.model.event.SimEvent;
import vmalab.model.paging.PagingEvent;

/**
 * Stepping one event at a time (E) through a write fault, the narration line and the headers of the page-table,
 * buddy and tree views show the same cursor: the narration's "k of n", the present pages, the buddy step and
 * the free frames are each what the events shown so far say, counted here from the events directly.
 */
@ExtendWith(ApplicationExtension.class)
class ViewsAgreeTest {
    private static final long HEAP = 0x55555555b000L;
    private Workbench wb;

    @Start
    void start(Stage stage) {
        wb = WindowFixture.show(stage);
    }

    /**
     * A view's label as the user sees it: with the view on show (a view on a background tab paints, and so
     * sets its header, when it is brought to the front).
     */
    private String shown(FxRobot robot, ViewKind view, String id) {
        robot.interact(() -> wb.window().selectView(view.id()));
        WaitForAsyncUtils.waitForFxEvents();
        return text(robot, id);
    }

    private String text(FxRobot robot, String id) {
        Label l = robot.lookup(id).queryAs(Label.class);
        assertNotNull(l, id);
        return l.getText();
    }

    @Test
    void at_every_event_of_a_fault_the_views_show_the_same_cursor(FxRobot robot) {
        WindowFixture.load(robot, wb, "exec cat x86_64 rbtree\nbrk +8K\ntouch 0x55555555b000 w", 2);
        robot.interact(() -> wb.controller().stepEvent());
        WaitForAsyncUtils.waitForFxEvents();
        List<SimEvent> events = wb.session().lastEvents();
        long freeAtEnd = wb.session().stepState().step().at(events.size()).counters(null).freeFrames();
        int midBuddy = 0;
        for (int c = 1; c <= events.size(); c++) {
            assertEquals(c, wb.session().eventCursorProperty().get());
            List<SimEvent> shown = events.subList(0, c);
            long told = shown.stream().filter(e -> e instanceof Narration).count();
            long all = events.stream().filter(e -> e instanceof Narration).count();
            long buddySteps = shown.stream().filter(e -> e instanceof BuddyStepped).count();
            long allBuddy = events.stream().filter(e -> e instanceof BuddyStepped).count();
            boolean mapped = shown.stream().anyMatch(e -> e instanceof PagingEvent.PteSet p && p.addr() == HEAP
                && p.after().present());
            String where = "at event " + c + " of " + events.size() + " (" + events.get(c - 1) + ")";

            assertEquals(told + " of " + all, text(robot, "#narration-count"), where);
            String pageTables = shown(robot, ViewKind.PAGETABLE, "#page-table-view-title");
            assertTrue(pageTables.endsWith((mapped ? 1 : 0) + " present"), where + ": " + pageTables);
            String caption = shown(robot, ViewKind.BUDDY, "#buddy-caption");
            if (c < events.size() && buddySteps > 0) {
                assertTrue(caption.startsWith("step " + buddySteps + " of " + allBuddy + ": "), where + ": " + caption);
                midBuddy++;
            }
            String buddyTitle = shown(robot, ViewKind.BUDDY, "#buddy-view-title");
            long free = wb.session().stepState().buddy().freeFrames();
            assertTrue(buddyTitle.endsWith(free + " free"), where + ": " + buddyTitle);
            assertTrue(shown(robot, ViewKind.TREE, "#vma-tree-view-title").contains(wb.session().selectedMm()
                .mapCount() + " VMAs"), where);
            if (c < events.size()) robot.interact(() -> wb.controller().stepEvent());
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(midBuddy > 3, "the buddy steps were seen mid-step");
        assertTrue(shown(robot, ViewKind.BUDDY, "#buddy-view-title").endsWith(freeAtEnd + " free"));
    }

    @Test
    void every_view_kind_has_its_tab_and_export_name(FxRobot robot) {
        for (ViewKind k : ViewKind.values()) {
            assertTrue(MainWindow.isViewName(k.id()), k.id());
            assertNotNull(wb.window().view(k.id()), k.id());
            if (k.isTab()) {
                assertTrue(wb.window().views().getTabs().stream()
                    .anyMatch(t -> ("tab-" + k.id()).equals(t.getId()) && t.getText().equals(k.title())), k.id());
            }
        }
        assertEquals(ViewKind.values().length - 1, wb.window().views().getTabs().size());
    }
}
