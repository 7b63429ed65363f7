package vmalab.model.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vmalab.model.paging.PhysLab.PAGE;
import static vmalab.model.paging.PhysLab.RW;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vmalab.model.fault.FaultEvent.Kind;
import vmalab.model.op.Op;
import vmalab.model.paging.PhysLab;
import vmalab.model.paging.Pte;
import vmalab.model.paging.Rss;

/** copy_page_range() / copy_present_pte() at fork, then do_wp_page(): wp_page_copy() or wp_page_reuse(). */
class ForkCowTest {
    PhysLab lab;
    long addr;

    @BeforeEach
    void start() {
        lab = new PhysLab();
        lab.exec("p", "empty");
        addr = lab.mmapAnon(null, 2 * PAGE, RW, false);
    }

    @Test
    void forkWriteProtectsBothSidesAndSharesTheFrames() {
        // given
        lab.touch(addr, 2 * PAGE, 'w');
        long frame = lab.pte("p", addr).frame();

        // when
        lab.run(new Op.Fork("c"));

        // then
        Pte parent = lab.pte("p", addr);
        Pte child = lab.pte("c", addr);
        assertEquals(frame, child.frame());
        assertFalse(parent.write());
        assertFalse(child.write());
        assertTrue(parent.cow() && child.cow());
        assertFalse(child.accessed(), "copy_present_pte() makes the child's entry old");
        assertEquals(2, lab.mem().refcount(frame));
        assertEquals(2, lab.mem().mapcount(frame));
        assertEquals(new Rss(0, 2, 0), lab.rss("c"));
        assertEquals(new Rss(0, 2, 0), lab.rss("p"));
    }

    @Test
    void theChildsWriteCopiesThePageAndTheParentsFrameLosesAReference() {
        // given
        lab.touch(addr, 2 * PAGE, 'w');
        long frame = lab.pte("p", addr).frame();
        lab.run(new Op.Fork("c"));
        long free = lab.mem().freeFrames();

        // when
        long faults = lab.touch("c", addr, 1, 'w');

        // then
        assertEquals(1, faults);
        assertEquals(Kind.WP_COPY, lab.events(FaultEvent.PageFault.class).get(0).kind());
        FaultEvent.CowCopied copied = lab.events(FaultEvent.CowCopied.class).get(0);
        assertEquals(frame, copied.fromPfn());
        Pte child = lab.pte("c", addr);
        assertNotEquals(frame, child.frame());
        assertTrue(child.write() && child.dirty() && !child.cow());
        assertEquals(1, lab.mem().refcount(frame));
        assertEquals(free - 1, lab.mem().freeFrames());
    }

    @Test
    void thenTheParentsWriteReusesItsFrameWithoutACopy() {
        // given
        lab.touch(addr, 2 * PAGE, 'w');
        long frame = lab.pte("p", addr).frame();
        lab.run(new Op.Fork("c"));
        lab.touch("c", addr, 1, 'w');
        long free = lab.mem().freeFrames();

        // when
        long faults = lab.touch("p", addr, 1, 'w');

        // then
        assertEquals(1, faults);
        assertEquals(Kind.WP_REUSE, lab.events(FaultEvent.PageFault.class).get(0).kind());
        assertEquals(frame, lab.pte("p", addr).frame());
        assertTrue(lab.pte("p", addr).write());
        assertEquals(free, lab.mem().freeFrames());
    }

    @Test
    void aChildsExitGivesTheParentItsFramesBack() {
        // given
        lab.touch(addr, 2 * PAGE, 'w');
        long frame = lab.pte("p", addr).frame();
        lab.run(new Op.Fork("c"));

        // when
        lab.run("c", new Op.Exit());

        // then
        assertEquals(1, lab.mem().refcount(frame));
        assertEquals(1, lab.mem().mapcount(frame));
    }

    @Test
    void aVmaWithoutAnonVmaIsNotCopiedTheChildFaultsItIn() {
        // given: only read, so only the zero page: no anon_vma
        lab.touch(addr, 2 * PAGE, 'r');

        // when
        lab.run(new Op.Fork("c"));

        // then
        assertTrue(lab.pte("c", addr).none());
        assertEquals(1, lab.touch("c", addr, 1, 'r'));
        assertTrue(lab.pte("c", addr).zero());
    }

    @Test
    void aForkedZeroPageStaysTheZeroPage() {
        // given: one page written (anon_vma), one only read (zero page)
        lab.touch(addr, 1, 'w');
        lab.touch(addr + PAGE, 1, 'r');

        // when
        lab.run(new Op.Fork("c"));

        // then
        assertTrue(lab.pte("c", addr + PAGE).zero());
        assertEquals(1, lab.rss("c").pages());
    }

    @Test
    void aThreadSharesTheMmAndItsCounters() {
        // given
        lab.run(new Op.Thread("t"));

        // when
        lab.touch("t", addr, PAGE, 'w');

        // then
        assertEquals(4, lab.rss("p").kb());
        assertEquals(0, lab.touch("p", addr, 1, 'w'));
    }
}
