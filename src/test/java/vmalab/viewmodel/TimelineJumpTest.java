package vmalab.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vmalab.model.syscall.Syscalls;

/**
 * A jump worked out in pieces off the FX thread ({@link Timeline.Jump}) shows exactly what {@link Timeline#jumpTo}
 * shows, a cancelled one changes nothing, and one planned before the steps changed is not installed.
 */
class TimelineJumpTest {
    /** The scenario of TimelineTest, run several times over, long enough for several checkpoints. */
    private static List<Timeline.Entry> longEntries() {
        List<Timeline.Entry> e = new ArrayList<>(TimelineTest.entries("exec cat x86_64"));
        for (int i = 0; i < 40; i++) {
            e.addAll(TimelineTest.entries(String.join("\n",
                "brk +8K", "touch 0x55555555b000 w", "mmap 8K rw- private anon", "brk -4K")));
        }
        return e;
    }

    private static Timeline timeline(Session s, List<Timeline.Entry> e) {
        Timeline t = new Timeline(s, Syscalls::apply, Kernels::fresh, 4);
        t.reset(e, "long.vlab");
        return t;
    }

    /** Runs {@code j} a few operations at a time, as a cancelled-then-resumed replay would. */
    private static void runInPieces(Timeline.Jump j, int piece) {
        while (true) {
            int stopAt = j.done() + piece;
            if (j.run(() -> j.done() >= stopAt)) return;
        }
    }

    @Test
    void aJumpRunInPiecesShowsWhatJumpToShowsForwardAndBack() {
        List<Timeline.Entry> e = longEntries();
        for (int[] hop : new int[][] {{0, e.size()}, {e.size(), 37}, {37, 90}, {90, 3}, {3, 3 + 1}}) {
            Session a = new Session();
            Timeline direct = timeline(a, e);
            direct.jumpTo(hop[0]);
            direct.jumpTo(hop[1]);

            Session b = new Session();
            Timeline jumped = timeline(b, e);
            jumped.jumpTo(hop[0]);
            Timeline.Jump j = jumped.planJump(hop[1]);
            runInPieces(j, 3);
            assertTrue(jumped.install(j));

            String what = "jump " + hop[0] + " → " + hop[1];
            assertEquals(hop[1], jumped.position(), what);
            assertEquals(StateText.of(a.kernel()), StateText.of(b.kernel()), what);
            assertEquals(TimelineTest.replayed(e, hop[1]), StateText.of(b.kernel()), what);
            assertEquals(direct.results().size(), jumped.results().size(), what);
            assertEquals(String.valueOf(a.lastResultProperty().get()), String.valueOf(b.lastResultProperty().get()), what);
            // stepping back from there replays from the checkpoints the jump kept
            jumped.stepBack();
            assertEquals(TimelineTest.replayed(e, hop[1] - 1), StateText.of(b.kernel()), what + ", then back");
        }
    }

    @Test
    void aCancelledJumpChangesNothing() {
        List<Timeline.Entry> e = longEntries();
        Session s = new Session();
        Timeline t = timeline(s, e);
        t.jumpTo(20);
        String before = StateText.of(s.kernel());

        Timeline.Jump j = t.planJump(e.size());
        assertFalse(j.run(() -> j.done() >= 10), "stopped part way");
        assertEquals(10, j.done());
        assertFalse(t.install(j), "a jump that did not finish is not shown");

        assertEquals(20, t.position());
        assertEquals(before, StateText.of(s.kernel()));
        assertEquals(TimelineTest.replayed(e, 21), stepped(t, s), "the timeline goes on as before");
    }

    @Test
    void aJumpPlannedBeforeTheStepsChangedIsDropped() {
        List<Timeline.Entry> e = longEntries();
        Session s = new Session();
        Timeline t = timeline(s, e);
        Timeline.Jump j = t.planJump(e.size());
        t.stepOp();
        String after = StateText.of(s.kernel());
        assertTrue(j.run(() -> false));

        assertFalse(t.install(j));
        assertEquals(1, t.position());
        assertEquals(after, StateText.of(s.kernel()));
    }

    @Test
    void replayCostCountsTheOperationsAJumpRuns() {
        List<Timeline.Entry> e = longEntries();
        Session s = new Session();
        Timeline t = timeline(s, e);
        assertEquals(e.size(), t.replayCost(e.size()), "from step 0 every operation runs");
        t.jumpTo(e.size());
        assertEquals(0, t.replayCost(e.size()));
        int back = t.replayCost(e.size() - 1);
        assertTrue(back >= 0 && back < Math.max(4, e.size() / 16) + 1, "a step back replays from a checkpoint: " + back);
        assertEquals(back, t.planJump(e.size() - 1).total());
    }

    private static String stepped(Timeline t, Session s) {
        t.stepOp();
        return StateText.of(s.kernel());
    }
}
