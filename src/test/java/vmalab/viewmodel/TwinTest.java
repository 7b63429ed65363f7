package vmalab.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vmalab.io.ScenarioParser;
import vmalab.model.Kernel;
import vmalab.model.mm.Mm;
import vmalab.model.op.Op;
import vmalab.model.syscall.Syscalls;

/**
 * The side-by-side twin is the flipped scenario run directly: after every step forward, after steps back and
 * jumps, and after a new scenario; it is worked out only while on, and a replay too long is refused with a reason.
 */
class TwinTest {
    private static final String SCENARIO = """
        exec a x86_64
        mmap 0x10000000 4K rw- private anon
        mmap 0x10002000 4K r-- private anon
        mmap 0x10004000 4K rw- private anon
        exec b x86_64 rbtree
        b: mmap 0x20000000 8K rw- private anon
        exec c i386-2.6
        a: munmap 0x10002000 4K
        a: mprotect 0x10000000 4K r--
        a: touch 0x10004000 w
        """;

    private static List<Timeline.Entry> entries(String text) {
        ScenarioParser.Result r = ScenarioParser.parse(text, "t.vlab");
        List<Timeline.Entry> out = new ArrayList<>();
        for (ScenarioParser.Step s : r.steps()) out.add(new Timeline.Entry(s.text(), s.op(), s.line()));
        return out;
    }

    /** The state with each mm's index (which tree, its height and size) written out as well. */
    private static String state(Kernel k) {
        StringBuilder sb = new StringBuilder(StateText.of(k));
        for (Mm mm : k.mms()) {
            sb.append("index ").append(mm.id()).append(mm.index().isMaple() ? " maple" : " rb")
                .append(" height ").append(mm.index().height()).append(" size ").append(mm.index().size())
                .append(" nodes ").append(IndexFigures.of(mm, -1).nodes()).append('\n');
        }
        return sb.toString();
    }

    private static String direct(List<Timeline.Entry> e, int k) {
        Kernel kernel = Kernels.fresh();
        for (int i = 0; i < k; i++) Syscalls.apply(kernel, e.get(i).op());
        return state(kernel);
    }

    private static final class Rig {
        final Session session = new Session();
        final Timeline main = new Timeline(session, Syscalls::apply);
        final Twin twin = new Twin(main, session, Syscalls::apply);
    }

    @Test
    void theTwinFollowsAJumpWorkedOutOffTheFxThread() {
        Rig r = new Rig();
        List<Timeline.Entry> e = entries(SCENARIO);
        r.main.reset(e, "t.vlab");
        r.twin.onProperty().set(true);
        r.main.jumpTo(3);
        Timeline.Jump j = r.main.planJump(e.size());
        assertTrue(j.run(() -> false));
        assertTrue(r.main.install(j));
        assertEquals(e.size(), r.twin.timeline().position());
        assertEquals(direct(Twin.flipped(e), e.size()), state(r.twin.session().kernel()));
    }

    @Test
    void theTwinShowsEachStepsEndForNobodyPlaysItsEvents() {
        Rig r = new Rig();
        List<Timeline.Entry> e = entries(SCENARIO);
        r.main.reset(e, "t.vlab");
        r.twin.onProperty().set(true);
        for (int k = 1; k <= e.size(); k++) {
            r.main.stepOp();
            assertTrue(r.twin.session().stepState().atEnd(), "the twin's views draw step " + k + "'s end");
        }
        r.main.jumpTo(2);
        assertTrue(r.twin.session().stepState().atEnd());
    }

    @Test
    void flipsOnlyExecsOfTheProfileWithBothIndexes() {
        assertEquals(new Op.Exec("a", "x86_64", "rbtree"), Twin.flip(new Op.Exec("a", "x86_64", null)));
        assertEquals(new Op.Exec("a", "x86_64", "maple"), Twin.flip(new Op.Exec("a", "x86_64", "rbtree")));
        assertEquals(new Op.InTask("p", new Op.Exec("a", "x86_64", "rbtree")),
            Twin.flip(new Op.InTask("p", new Op.Exec("a", "x86_64", "maple"))));
        Op old = new Op.Exec("c", "i386-2.6", null);
        assertEquals(old, Twin.flip(old));
    }

    @Test
    void theTwinIsTheFlippedScenarioStepByStepForwardAndBack() {
        Rig r = new Rig();
        List<Timeline.Entry> e = entries(SCENARIO);
        List<Timeline.Entry> flipped = Twin.flipped(e);
        r.main.reset(e, "t.vlab");
        r.twin.onProperty().set(true);
        assertTrue(r.twin.shownProperty().get());
        for (int k = 1; k <= e.size(); k++) {
            r.main.stepOp();
            assertEquals(k, r.twin.timeline().position());
            assertEquals(direct(flipped, k), state(r.twin.session().kernel()), "twin after step " + k);
            assertEquals(direct(e, k), state(r.main.kernel()), "main after step " + k);
        }
        // the twin's era really is the other one
        assertNotEquals(state(r.main.kernel()), state(r.twin.session().kernel()));
        for (int k = e.size() - 1; k >= 0; k -= 3) {
            r.main.jumpTo(k);
            assertEquals(direct(flipped, k), state(r.twin.session().kernel()), "twin after going back to " + k);
        }
        r.main.stepBack();
        r.main.stepOp();
        r.main.stepOp();
        assertEquals(direct(flipped, r.main.position()), state(r.twin.session().kernel()));
    }

    @Test
    void followsTheSelectionAndANewScenario() {
        Rig r = new Rig();
        r.twin.onProperty().set(true);
        List<Timeline.Entry> e = entries(SCENARIO);
        r.main.reset(e, "t.vlab");
        r.main.jumpTo(6);
        int b = r.main.kernel().tasks().stream().filter(t -> t.comm().equals("b")).findFirst().orElseThrow().pid();
        r.session.selectedPidProperty().set(b);
        r.session.selectedAddressProperty().set(0x20000000L);
        assertEquals(b, r.twin.session().selectedPidProperty().get());
        assertEquals(0x20000000L, r.twin.session().selectedAddressProperty().get());
        assertTrue(r.twin.session().selectedMm().index().isMaple(), "b is rbtree here, maple in the twin");
        List<Timeline.Entry> other = entries("exec z x86_64\nmmap 4K rw- private anon\n");
        r.main.reset(other, "u.vlab");
        r.main.stepOp();
        assertEquals(direct(Twin.flipped(other), 1), state(r.twin.session().kernel()));
    }

    @Test
    void offItComputesNothingAndALongReplayIsRefusedWithAReason() {
        Rig r = new Rig();
        List<Timeline.Entry> e = new ArrayList<>(entries("exec p x86_64\n"));
        String touch = "touch 0x10000000 r\n";
        Timeline.Entry one = entries("exec p x86_64\nmmap 0x10000000 4K rw- private anon\n").get(1);
        e.add(one);
        for (int i = 0; i < Twin.MAX_REPLAY + 10; i++) e.add(entries("exec p x86_64\n" + touch).get(1));
        r.main.reset(e, "t.vlab");
        r.main.jumpTo(e.size());
        assertEquals(0, r.twin.timeline().position(), "off: the twin is not worked out");
        r.twin.onProperty().set(true);
        assertFalse(r.twin.shownProperty().get());
        assertTrue(r.twin.reasonProperty().get().contains(String.valueOf(Twin.MAX_REPLAY)),
            r.twin.reasonProperty().get());
        r.main.jumpTo(3);
        assertTrue(r.twin.shownProperty().get());
        assertEquals(direct(Twin.flipped(e), 3), state(r.twin.session().kernel()));
        r.twin.onProperty().set(false);
        assertFalse(r.twin.shownProperty().get());
    }
}
