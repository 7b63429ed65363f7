package vmalab.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vmalab.app.Controller;
import vmalab.app.Operations;
import vmalab.model.mm.Vma;
import vmalab.model.paging.PhysicalMemory;
import vmalab.view.story.PagesPainter;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.Timeline;

/** The Story view tells the heap-fault story: the heap in focus, the page made present, the walk, the counters. */
@ExtendWith(ApplicationExtension.class)
class StoryViewTest {
    /** heap-fault.vlab's steps, with the say lines a lesson gives them. */
    private static final String HEAP_STORY = """
        exec heapdemo x86_64
        brk +8K
        touch 0x55555555b000 8K w
        say "brk() grows the heap: a bigger VMA, no memory yet"
        brk +8K
        say "The first touch of the new page faults"
        touch 0x55555555d000 w
        """;
    private static final long NEW_PAGE = 0x55555555d000L;

    private Session session;
    private Controller controller;
    private StoryView view;

    /** The story area of a 1280 × 720 window: the smallest the view must tell the story in. */
    @Start
    void start(Stage stage) {
        session = new Session();
        session.reduceMotionProperty().set(true);
        controller = new Controller(session, new Timeline(session, Operations::apply));
        view = new StoryView(session);
        stage.setScene(ViewScenes.styled(new StackPane(view), 1280, 400));
        stage.show();
    }

    private void load(FxRobot robot, String text, int steps) {
        robot.interact(() -> {
            assertNull(controller.load(text, "heap-fault.vlab"));
            for (int i = 0; i < steps; i++) assertTrue(controller.stepOp());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void step(FxRobot robot) {
        robot.interact(() -> {
            assertTrue(controller.stepOp());
            // the lesson asks before some steps: answer (any choice) and the step runs
            if (controller.quiz().pending() != null) controller.answer(controller.quiz().pending().choices().get(0));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void afterBrkTheHeapIsInFocusAndHasGrown(FxRobot robot) {
        load(robot, HEAP_STORY, 4);

        Vma heap = ViewTesting.onFx(robot, view::focusedVma);
        assertNotNull(heap);
        assertEquals(session.selectedMm().startBrk(), heap.start());
        assertEquals(session.selectedMm().brk(), heap.end());
        assertEquals(8 * 1024, ViewTesting.onFx(robot, () -> view.focus().before().length()), "the heap before brk");
        String title = robot.lookup("#story-layout-title").queryLabeled().getText();
        assertTrue(title.contains("[heap]") && title.contains("8 KiB → 16 KiB"), title);
        // the camera frames the heap: it is on screen and far larger than at Fit
        assertTrue(ViewTesting.onFx(robot, () -> view.layoutView().inView(heap.start(), heap.end())));
        assertTrue(ViewTesting.onFx(robot, () -> view.layoutView().pagesVisible(heap.start())));
        // brk maps no page: VSZ grows, RSS stays
        long vszKb = session.selectedMm().totalVm() * 4;
        assertEquals(String.format(java.util.Locale.ROOT, "%,d → %,d KiB", vszKb - 8, vszKb),
            ViewTesting.onFx(robot, () -> view.counters().value("vsz")));
        assertEquals("+8 KiB", ViewTesting.onFx(robot, () -> view.counters().delta("vsz")));
        assertTrue(ViewTesting.onFx(robot, () -> view.counters().changed("vsz")));
        assertFalse(ViewTesting.onFx(robot, () -> view.counters().changed("rss")));
        assertEquals("brk() grows the heap: a bigger VMA, no memory yet", ViewTesting.onFx(robot, view::sayText));
        ViewTesting.shot(robot, view, "story-brk");
    }

    @Test
    void afterTheTouchThePageIsPresentTheWalkReachesAFrameAndRssGrew(FxRobot robot) {
        load(robot, HEAP_STORY, 4);
        long rssBefore = ViewTesting.onFx(robot, () -> session.stepState().counters(session.selectedMm()).rss().kb());

        step(robot);

        List<PagesPainter.Cell> cells = ViewTesting.onFx(robot, view::pageCells);
        PagesPainter.Cell touched = cells.stream().filter(c -> c.addr() == NEW_PAGE).findFirst().orElseThrow();
        assertTrue(touched.present() && touched.write(), "the new page is present and writable");
        assertTrue(touched.changed(), "the step's page keeps its highlight");
        assertFalse(cells.stream().filter(c -> c.addr() == NEW_PAGE + 4096).findFirst().orElseThrow().present());
        assertEquals(NEW_PAGE, (long) ViewTesting.onFx(robot, view::walkAddress));
        List<String> walk = ViewTesting.onFx(robot, view::walkBoxes);
        assertEquals(5, walk.size(), walk.toString());
        assertTrue(walk.get(0).startsWith("PGD") && walk.get(3).startsWith("PTE"), walk.toString());
        long pfn = ((PhysicalMemory) session.kernel().pages()).pte(session.selectedMm(), NEW_PAGE).frame();
        assertEquals("frame 0x" + Long.toHexString(pfn), walk.get(4));
        String rss = ViewTesting.onFx(robot, () -> view.counters().value("rss"));
        assertEquals(String.format(java.util.Locale.ROOT, "%,d → %,d KiB", rssBefore, rssBefore + 4), rss);
        assertEquals("+4 KiB", ViewTesting.onFx(robot, () -> view.counters().delta("rss")));
        assertTrue(ViewTesting.onFx(robot, () -> view.counters().changed("rss")));
        assertEquals("0 → 1", ViewTesting.onFx(robot, () -> view.counters().value("minflt")));
        assertEquals("The first touch of the new page faults", ViewTesting.onFx(robot, view::sayText));
        assertTrue(ViewTesting.onFx(robot, view::narrationText).startsWith("do_anonymous_page()"));
        // the buddy allocator split a block for the page: the caption names the frame handed out, in hex
        assertTrue(ViewTesting.onFx(robot, view::buddyCaption).contains("0x" + Long.toHexString(pfn)));
        ViewTesting.shot(robot, view, "story-touch");
    }

    @Test
    void theBuiltInLessonFocusesTheHeapAtEachStep(FxRobot robot) throws IOException {
        String lesson;
        try (InputStream in = getClass().getResourceAsStream("/vmalab/lessons/heap-fault.vlab")) {
            lesson = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        load(robot, lesson, 1);
        assertNull(ViewTesting.onFx(robot, () -> session.selectedMm().vmaAt(session.selectedMm().startBrk())));
        for (int i = 1; i < 5; i++) step(robot);
        Vma heap = ViewTesting.onFx(robot, view::focusedVma);
        assertEquals(session.selectedMm().startBrk(), heap.start());
        // 8 KiB mapped before brk, one page touched after it: three of the four pages present, the last not
        List<PagesPainter.Cell> cells = ViewTesting.onFx(robot, view::pageCells);
        assertEquals(heap.pages(), cells.size());
        assertEquals(List.of(true, true, true, false), cells.stream().map(PagesPainter.Cell::present).toList());
        assertEquals(NEW_PAGE, (long) ViewTesting.onFx(robot, view::walkAddress));
    }
}
