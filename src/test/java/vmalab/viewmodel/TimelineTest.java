package vmalab.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vmalab.io.ScenarioParser;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.syscall.Syscalls;

/** The timeline: stepping back restores exactly what replaying from scratch gives. No toolkit needed. */
class TimelineTest {
    static final String SCENARIO = String.join("\n",
        "exec cat x86_64",
        "brk +8K",
        "touch 0x55555555b000 w",
        "brk +8K",
        "touch 0x55555555d000 w",
        "touch 0x55555555e000 r",
        "file /data/notes.txt 16K",
        "mmap 16K r-- private file:/data/notes.txt",
        "touch 0x7ffff7dde000 r",
        "touch 0x1000 r",
        "fork child",
        "child: touch 0x55555555b000 w",
        "munmap 0x7ffff7dde000 16K",
        "thread worker",
        "brk -4K");

    static List<Timeline.Entry> entries(String text) {
        ScenarioParser.Result r = ScenarioParser.parse(text, "t.vlab");
        assertTrue(r.ok(), r.error());
        List<Timeline.Entry> out = new ArrayList<>();
        for (ScenarioParser.Step s : r.steps()) out.add(new Timeline.Entry(s.text(), s.op(), s.line()));
        return out;
    }

    /** The state after the first k steps, run on a fresh kernel. */
    static String replayed(List<Timeline.Entry> e, int k) {
        Kernel kernel = Kernels.fresh();
        for (int i = 0; i < k; i++) Syscalls.apply(kernel, e.get(i).op());
        return StateText.of(kernel);
    }

    @Test
    void everyStepBackEqualsAReplayFromScratch() {
        // given: checkpoints every 4 steps, so some steps back restore a checkpoint and replay
        Session session = new Session();
        Timeline t = new Timeline(session, Syscalls::apply, Kernels::fresh, 4);
        List<Timeline.Entry> e = entries(SCENARIO);
        t.reset(e, "t.vlab");
        t.jumpTo(e.size());

        // when / then: walk all the way back, one step at a time
        for (int k = e.size(); k > 0; k--) {
            assertEquals(replayed(e, k), StateText.of(session.kernel()), "state at step " + k);
            assertTrue(t.stepBack());
            assertEquals(k - 1, t.position());
        }
        assertEquals(replayed(e, 0), StateText.of(session.kernel()));
        assertFalse(t.stepBack());
    }

    @Test
    void stepThenStepBackRestoresTheStateExactly() {
        // given
        Session session = new Session();
        Timeline t = new Timeline(session, Syscalls::apply, Kernels::fresh, 16);
        t.reset(entries(SCENARIO), "t.vlab");
        t.jumpTo(5);
        String before = StateText.of(session.kernel());

        // when
        assertTrue(t.stepOp());
        assertTrue(t.stepOp());
        t.stepBack();
        t.stepBack();

        // then
        assertEquals(before, StateText.of(session.kernel()));
        assertEquals(5, t.position());
        assertNull(session.lastResultProperty().get(), "a jump back has no result to animate");
    }

    @Test
    void jumpingAnywhereGivesTheReplayedState() {
        Session session = new Session();
        Timeline t = new Timeline(session, Syscalls::apply, Kernels::fresh, 3);
        List<Timeline.Entry> e = entries(SCENARIO);
        t.reset(e, "t.vlab");
        for (int k : new int[] {15, 2, 9, 0, 11, 11, 4, 13, 1}) {
            t.jumpTo(k);
            assertEquals(replayed(e, k), StateText.of(session.kernel()), "jump to " + k);
        }
    }

    @Test
    void aCheckpointIsNeverChangedByLaterSteps() {
        // given: checkpoint at 2; run past it, then come back twice
        Session session = new Session();
        Timeline t = new Timeline(session, Syscalls::apply, Kernels::fresh, 2);
        List<Timeline.Entry> e = entries(SCENARIO);
        t.reset(e, "t.vlab");
        t.jumpTo(2);
        Kernel atTwo = session.kernel();
        t.jumpTo(12);
        t.jumpTo(2);
        Kernel again = session.kernel();
        t.jumpTo(12);
        t.jumpTo(2);

        // then: each restore is a fresh copy, and all equal the replay
        assertNotSame(atTwo, again);
        assertEquals(replayed(e, 2), StateText.of(session.kernel()));
    }

    @Test
    void stepOpPublishesTheResultWithItsEvents() {
        Session session = new Session();
        Timeline t = new Timeline(session, Syscalls::apply);
        t.reset(entries(SCENARIO), "t.vlab");
        int v = session.versionProperty().get();

        assertTrue(t.stepOp());

        OpResult r = session.lastResultProperty().get();
        assertNotNull(r);
        assertFalse(r.events().isEmpty());
        assertEquals(0, session.eventCursorProperty().get());
        assertEquals(v + 1, session.versionProperty().get());
        assertEquals(1000, session.selectedPidProperty().get());
    }

    @Test
    void stepEventWalksTheEventsThenRunsTheNextStep() {
        Session session = new Session();
        Timeline t = new Timeline(session, Syscalls::apply);
        t.reset(entries("exec cat x86_64\nbrk +8K"), "t.vlab");

        assertTrue(t.stepEvent());
        assertEquals(1, t.position());
        assertEquals(1, session.eventCursorProperty().get());
        int n = session.lastEvents().size();
        for (int i = 2; i <= n; i++) {
            assertTrue(t.stepEvent());
            assertEquals(i, session.eventCursorProperty().get());
        }
        assertTrue(t.stepEvent());
        assertEquals(2, t.position());
        assertEquals(1, session.eventCursorProperty().get());
    }

    @Test
    void aLineRunMidwayIsInsertedAndTheRestStays() {
        // given
        Session session = new Session();
        Timeline t = new Timeline(session, Syscalls::apply);
        List<Timeline.Entry> e = entries(SCENARIO);
        t.reset(e, "t.vlab");
        t.jumpTo(2);

        // when
        Timeline.Entry extra = entries("touch 0x55555555c000 w").get(0);
        OpResult r = t.run(extra);

        // then
        assertFalse(r.failed());
        assertEquals(3, t.position());
        assertEquals(e.size() + 1, t.size());
        assertEquals("touch 0x55555555c000 w", t.entries().get(2).text());
        assertEquals(e.get(2).text(), t.entries().get(3).text());
        t.stepBack();
        assertEquals(replayed(e, 2), StateText.of(session.kernel()));
    }

    @Test
    void aRefusedLineIsNotKept() {
        Session session = new Session();
        Timeline t = new Timeline(session, Syscalls::apply);
        t.reset(entries("exec cat x86_64"), "t.vlab");
        t.jumpTo(1);
        String before = StateText.of(session.kernel());

        OpResult r = t.run(entries("ghost: brk +8K").get(0));

        assertTrue(r.failed());
        assertEquals(1, t.position());
        assertEquals(1, t.size());
        assertEquals(before, StateText.of(session.kernel()));
    }

    @Test
    void restartGoesBackToAnEmptyMachine() {
        Session session = new Session();
        Timeline t = new Timeline(session, Syscalls::apply);
        t.reset(entries(SCENARIO), "t.vlab");
        t.jumpTo(7);
        t.restart();
        assertEquals(0, t.position());
        assertTrue(session.kernel().tasks().isEmpty());
        assertNull(t.currentEntry());
    }

    @Test
    void aTimelinePreparedOffTheFxThreadShowsWhatAJumpShows() throws Exception {
        // given the same steps, jumped to step 12 on one timeline and prepared on a worker thread for another
        List<Timeline.Entry> e = entries(SCENARIO);
        Session jumped = new Session();
        Timeline a = new Timeline(jumped, Syscalls::apply, Kernels::fresh, 4);
        a.reset(e, "t.vlab");
        a.jumpTo(12);
        Session installed = new Session();
        Timeline b = new Timeline(installed, Syscalls::apply, Kernels::fresh, 4);
        Timeline.Prepared[] p = new Timeline.Prepared[1];
        Thread worker = new Thread(() -> p[0] = b.prepare(e, 12));
        worker.start();
        worker.join();
        assertEquals(0, b.position(), "preparing leaves the timeline as it was");

        // when
        b.install(p[0], "t.vlab");

        // then: the same state, the same last result shown, and stepping on and back still replays exactly
        assertEquals(12, b.position());
        assertEquals(e.size(), b.size());
        assertEquals(StateText.of(a.kernel()), StateText.of(b.kernel()));
        assertEquals(a.resultOf(11).events(), b.resultOf(11).events());
        assertEquals(jumped.lastResultProperty().get().events(), installed.lastResultProperty().get().events());
        b.stepOp();
        assertEquals(replayed(e, 13), StateText.of(b.kernel()));
        b.jumpTo(3);
        assertEquals(replayed(e, 3), StateText.of(b.kernel()));
        b.jumpTo(0);
        assertEquals(replayed(e, 0), StateText.of(b.kernel()));
    }
}
