package vmalab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vmalab.io.lesson.Lesson;
import vmalab.io.lesson.Lessons;

/**
 * A lesson's {@code view ID} lines in the real window: opening the lesson shows the tab its first view names, the
 * Step button brings the Maple tree tab to the front at the step the lesson asks for, a tab the user clicks stays
 * while the lesson asks for nothing new, and stepping back to an earlier step brings its tab back.
 */
@ExtendWith(ApplicationExtension.class)
class LessonTabsTest {
    private static final String LESSON = """
        title "Tabs"
        view layout
        exec p x86_64 maple
        mmap 4K rw- private anon
        say "The maple tree from here on."
        view maple
        mmap 4K r-- private anon
        mmap 4K rw- private anon
        """;

    private Workbench wb;
    private StartPageHost host;

    @Start
    void start(Stage stage) {
        wb = WindowFixture.show(stage);
        host = StartPageHost.install(wb);
    }

    private void open(FxRobot robot, Lesson lesson) {
        AtomicReference<String> err = new AtomicReference<>();
        robot.interact(() -> err.set(host.open(lesson)));
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(err.get());
    }

    private void click(FxRobot robot, String id) {
        robot.clickOn(id);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String tab() {
        return wb.window().selectedView();
    }

    @Test
    void theLessonChoosesTheTabAtItsStepAndStepBackBringsTheEarlierOneBack(FxRobot robot) {
        // given the lesson opened at step 0: its first view, Layout, is on show (not the Story tab)
        open(robot, new Lesson("tabs", "Tabs", "", List.of(), 4, LESSON));
        assertEquals(0, wb.timeline().position());
        assertEquals(ViewKind.LAYOUT.id(), tab());

        // when it steps to the mmap before the view line: still Layout
        click(robot, "#step-op");
        click(robot, "#step-op");
        assertEquals(2, wb.timeline().position());
        assertEquals(ViewKind.LAYOUT.id(), tab());

        // when it steps to the operation after view maple: the Maple tree tab
        click(robot, "#step-op");
        assertEquals(3, wb.timeline().position());
        assertEquals(ViewKind.MAPLE.id(), tab());

        // when the user clicks another tab and steps on: the lesson asks for nothing new, the click stays
        click(robot, "#tab-structures");
        assertEquals(ViewKind.STRUCTURES.id(), tab());
        click(robot, "#step-op");
        assertEquals(4, wb.timeline().position());
        assertEquals(ViewKind.STRUCTURES.id(), tab());

        // when it steps back to step 3 (still maple's) and then to step 2: Layout again, as at step 2
        click(robot, "#step-back");
        assertEquals(ViewKind.STRUCTURES.id(), tab());
        click(robot, "#step-back");
        assertEquals(2, wb.timeline().position());
        assertEquals(ViewKind.LAYOUT.id(), tab());

        // when it steps forward again: the Maple tree tab, and a jump back to the start shows Layout
        click(robot, "#step-op");
        assertEquals(ViewKind.MAPLE.id(), tab());
        click(robot, "#restart");
        assertEquals(0, wb.timeline().position());
        assertEquals(ViewKind.LAYOUT.id(), tab());
    }

    @Test
    void aBuiltInLessonOpensOnTheTabItNamesAndOneWithoutAViewOnTheStory(FxRobot robot) {
        open(robot, Lessons.find("maple-gaps").orElseThrow());
        assertEquals(ViewKind.MAPLE.id(), tab());

        open(robot, Lessons.find("rss-vsz").orElseThrow());
        assertEquals(ViewKind.STORY.id(), tab());

        open(robot, Lessons.find("rbtree").orElseThrow());
        assertEquals(ViewKind.TREE.id(), tab());
    }
}
