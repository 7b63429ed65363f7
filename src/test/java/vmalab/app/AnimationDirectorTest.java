package vmalab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vmalab.io.Narrator;
import vmalab.model.event.Narration;
import vmalab.model.event.SimEvent;
import vmalab.model.buddy.BuddyEvent;
import vmalab.model.event.BuddyStepped;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.Timeline;

/** Wait for me: a step plays in stages, each held until Space; Play holds them briefly; reduce motion shows all. */
@ExtendWith(ApplicationExtension.class)
class AnimationDirectorTest {
    private static final String HEAP = """
        exec heapdemo x86_64
        brk +8K
        touch 0x55555555b000 8K w
        brk +8K
        touch 0x55555555d000 w
        """;

    private Session session;
    private Timeline timeline;
    private Controller controller;
    private AnimationDirector director;

    @Start
    void start(Stage stage) {
        session = new Session();
        timeline = new Timeline(session, Operations::apply);
        controller = new Controller(session, timeline);
        director = controller.director();
        stage.show();
    }

    /** Loads the heap story at step 4 (before the touch), motion on and fast, waiting for the teacher. */
    private void atTheTouch(FxRobot robot) {
        robot.interact(() -> {
            session.reduceMotionProperty().set(true);
            assertNull(controller.load(HEAP, "heap.vlab"));
            controller.jumpTo(4);
            session.reduceMotionProperty().set(false);
            director.speedProperty().set(20);
            director.waitForTeacherProperty().set(true);
        });
    }

    /** The heap story's touch run with Reduce motion on. */
    private void touchWithoutMotion(FxRobot robot) {
        atTheTouch(robot);
        robot.interact(() -> {
            session.reduceMotionProperty().set(true);
            assertTrue(controller.stepOp());
        });
    }

    private int cursor(FxRobot robot) {
        AtomicReference<Integer> c = new AtomicReference<>();
        robot.interact(() -> c.set(session.eventCursorProperty().get()));
        return c.get();
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }

    @Test
    void stagesStartAtEachNarrationAndTheSplitIsOneOfThem() {
        List<SimEvent> events = Operations.apply(new vmalab.model.Kernel(new vmalab.model.paging.PhysicalMemory()),
            vmalab.io.ScenarioParser.parseLine("exec a x86_64", "t", 1).op()).events();
        int[] ends = AnimationDirector.stageEnds(events);
        assertEquals(events.size(), ends[ends.length - 1]);
        for (int i = 0; i < ends.length - 1; i++) {
            assertTrue(events.get(ends[i]) instanceof Narration, "stage " + (i + 1) + " starts at a narration");
        }
        assertEquals(1, ends.length, "exec tells dozens of functions: setup plays as one stage, not Space by Space");
        assertEquals(1, AnimationDirector.stageEnds(List.of()).length, "a step without events is one stage");
    }

    @Test
    void aStepOfBulkWorkIsOneStage(FxRobot robot) {
        // given the heap story's write fault (told in stages: handle_mm_fault, __rmqueue_smallest, expand, …)
        touchWithoutMotion(robot);
        List<SimEvent> fault = session.lastEvents();
        assertTrue(AnimationDirector.stageEnds(fault).length > 1, "the fault is told in stages");
        // when the same step carries bulk work after it (an import's thousands of VMAs)
        List<SimEvent> bulk = new java.util.ArrayList<>(fault);
        SimEvent filler = fault.stream().filter(e -> !(e instanceof Narration)).findFirst().orElseThrow();
        while (bulk.size() <= AnimationDirector.SETUP_EVENTS) bulk.add(filler);
        // then it plays as one stage, like setup
        assertEquals(1, AnimationDirector.stageEnds(bulk).length);
        assertEquals(bulk.size(), AnimationDirector.stageEnds(bulk)[0]);
    }

    @Test
    void spaceAdvancesOneStageAtATimeThenRunsTheNextStep(FxRobot robot) throws Exception {
        atTheTouch(robot);
        robot.interact(() -> assertTrue(controller.stepOp()));
        List<SimEvent> events = session.lastEvents();
        int[] ends = AnimationDirector.stageEnds(events);
        assertTrue(ends.length >= 4, "the fault tells several kernel functions");
        boolean sawSplit = false;
        for (int s = 0; s < ends.length; s++) {
            int stage = s;
            if (s < ends.length - 1) {
                waitUntil(() -> director.isHolding());
                // held: the stage's events are shown, none of the next
                assertEquals(ends[s], cursor(robot), "stage " + (s + 1) + " is shown whole, and no more");
                assertFalse(director.isBusy());
                assertEquals(stage, director.stage());
                for (int i = s == 0 ? 0 : ends[s - 1]; i < ends[s]; i++) {
                    if (events.get(i) instanceof BuddyStepped b && b.step() instanceof BuddyEvent.Split) sawSplit = true;
                }
                robot.interact(() -> assertTrue(controller.stepOp()));
                assertEquals(5, timeline.position(), "Space shows the next stage, not the next step");
            } else {
                waitUntil(() -> !director.isBusy() && !director.isHolding());
                assertEquals(events.size(), cursor(robot));
            }
        }
        assertTrue(sawSplit, "expand()'s split is among the stages");
        assertTrue(Narrator.function((Narration) events.get(ends[0])).length() > 0);
        // the whole step is shown: now Space runs the next one (here: the end)
        robot.interact(() -> assertFalse(controller.stepOp()));
    }

    @Test
    void spaceDuringAStageShowsItWhole(FxRobot robot) throws Exception {
        atTheTouch(robot);
        robot.interact(() -> {
            director.speedProperty().set(0.05);
            assertTrue(controller.stepOp());
            assertTrue(director.isBusy());
            int[] ends = AnimationDirector.stageEnds(session.lastEvents());
            assertTrue(controller.stepOp());
            assertEquals(ends[0], session.eventCursorProperty().get());
            assertTrue(director.isHolding());
        });
    }

    @Test
    void reduceMotionShowsTheWholeStepAtOnce(FxRobot robot) {
        touchWithoutMotion(robot);
        robot.interact(() -> {
            assertEquals(session.lastEvents().size(), session.eventCursorProperty().get());
            assertFalse(director.isBusy());
            assertFalse(director.isHolding());
        });
    }

    @Test
    void playHoldsEachStageBrieflyAndPlaysThrough(FxRobot robot) throws Exception {
        atTheTouch(robot);
        // Play: the player runs the step; its stages are held briefly, with no Space, to the end of the lesson
        robot.interact(() -> controller.playingProperty().set(true));
        waitUntil(() -> timeline.position() == 5 && !controller.playingProperty().get());
        int n = session.lastEvents().size();
        waitUntil(() -> session.eventCursorProperty().get() == n && !director.isBusy());
        assertFalse(director.isHolding());
    }

    @Test
    void stepBackFromAHeldStageShowsThePreviousStep(FxRobot robot) throws Exception {
        atTheTouch(robot);
        robot.interact(() -> assertTrue(controller.stepOp()));
        waitUntil(() -> director.isHolding());
        robot.interact(() -> {
            controller.stepBack();
            assertEquals(4, timeline.position());
            assertFalse(director.isHolding());
            assertFalse(director.isBusy());
            assertEquals(session.lastEvents().size(), session.eventCursorProperty().get());
        });
    }

    @Test
    void aStepOfThousandsOfEventsPlaysAFrameOfThemAtATime(FxRobot robot) throws Exception {
        // given the hello capture's import as a step (its present pages: one fault story each, 1,695 events)
        int[] played = new int[2];
        robot.interact(() -> {
            session.reduceMotionProperty().set(true);
            assertNull(controller.load("import src/test/resources/real/capture/hello\n", "import.vlab"));
            controller.jumpTo(0);
            session.reduceMotionProperty().set(false);
            director.waitForTeacherProperty().set(false);
            director.speedProperty().set(20);
            played[0] = director.transitionsPlayed();
            assertTrue(controller.stepOp());
        });
        int n = session.lastEvents().size();
        assertTrue(n > 1000, "an import of many events: " + n);
        // when it plays through
        waitUntil(() -> session.eventCursorProperty().get() == n && !director.isBusy());
        robot.interact(() -> played[1] = director.transitionsPlayed());
        // then it took about one transition per frame of its scaled time (6 s at speed 20: 18 frames), not one per
        // event: a transition lasts at least a pulse, so 1,695 of them had taken 28 s
        double frames = AnimationDirector.MAX_STEP_MILLIS / 20 / AnimationDirector.FRAME_MILLIS;
        int transitions = played[1] - played[0];
        assertTrue(transitions <= frames + 2, transitions + " transitions for " + n + " events");
        assertTrue(transitions >= frames / 2, "still animated: " + transitions);
    }
}
