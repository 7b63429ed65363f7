package vmalab.model.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vmalab.model.paging.PhysLab.PAGE;
import static vmalab.model.paging.PhysLab.RW;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vmalab.model.op.Op;
import vmalab.model.paging.FrameKind;
import vmalab.model.paging.PhysLab;
import vmalab.model.paging.Pte;
import vmalab.model.paging.Rss;

/** Shared anonymous memory: shmem pages in the page cache of a "/dev/zero (deleted)" file. */
class ShmemFaultTest {
    PhysLab lab;
    long addr;

    @BeforeEach
    void start() {
        lab = new PhysLab();
        lab.exec("p", "empty");
        addr = lab.mmapAnon(null, 4 * PAGE, RW, true);
    }

    @Test
    void aWriteTakesAShmemPageCountedAsShmem() {
        // when
        long faults = lab.touch(addr, 1, 'w');

        // then
        assertEquals(1, faults);
        Pte pte = lab.pte("p", addr);
        assertEquals(FrameKind.SHMEM, lab.mem().frameKind(pte.frame()));
        assertEquals(new Rss(0, 0, 1), lab.rss("p"));
        assertEquals("/dev/zero (deleted)", lab.mem().pageCache().get(0).file());
        assertTrue(lab.mem().pageCache().get(0).shmem());
    }

    @Test
    void aReadMapsTheShmemPageWritableButCleanAndTheFirstWriteIsNoFault() {
        // given
        lab.touch(addr, 1, 'r');
        Pte pte = lab.pte("p", addr);
        assertTrue(pte.write() && !pte.dirty() && !pte.zero());

        // when
        long faults = lab.touch(addr, 1, 'w');

        // then
        assertEquals(0, faults);
        assertTrue(lab.pte("p", addr).dirty());
    }

    @Test
    void forkDoesNotCopyTheSharedMappingTheChildFaultsIntoTheSameFrames() {
        // given
        lab.touch(addr, PAGE, 'w');
        long frame = lab.pte("p", addr).frame();

        // when
        lab.run(new Op.Fork("c"));

        // then
        assertTrue(lab.pte("c", addr).none());
        assertEquals(1, lab.touch("c", addr, 1, 'r'));
        assertEquals(frame, lab.pte("c", addr).frame());
        assertEquals(new Rss(0, 0, 1), lab.rss("c"));
        assertEquals(2, lab.mem().mapcount(frame));
    }

    @Test
    void thePagesOutliveOneMapperAndGoWithTheLast() {
        // given: parent and child share the mapping; the parent wrote a page the child has not touched
        lab.run(new Op.Fork("c"));
        lab.touch("p", addr, 1, 'w');
        long frame = lab.pte("p", addr).frame();

        // when the parent unmaps, the child still sees the same page
        lab.run("p", new Op.Munmap(addr, 4 * PAGE));
        assertEquals(FrameKind.SHMEM, lab.mem().frameKind(frame));
        lab.touch("c", addr, 1, 'r');
        assertEquals(frame, lab.pte("c", addr).frame());

        // and when the child unmaps too, the file and its page are gone
        lab.run("c", new Op.Munmap(addr, 4 * PAGE));
        assertEquals(FrameKind.FREE, lab.mem().frameKind(frame));
        assertFalse(lab.mem().pageCache().stream().anyMatch(c -> c.shmem()));
    }

    @Test
    void dontneedKeepsTheShmemPage() {
        // given
        lab.touch(addr, 1, 'w');
        long frame = lab.pte("p", addr).frame();

        // when
        lab.madvise(null, addr, PAGE, vmalab.model.op.Advice.DONTNEED);

        // then: the data lives on in the shmem file
        assertEquals(0, lab.rss("p").pages());
        lab.touch(addr, 1, 'r');
        assertEquals(frame, lab.pte("p", addr).frame());
    }

    @Test
    void aMovedMappingStillHoldsTheFile() {
        // given: the child shares the mapping; the parent wrote page 0, then mremap moved its mapping
        lab.run(new Op.Fork("c"));
        lab.touch("p", addr, 1, 'w');
        long frame = lab.pte("p", addr).frame();
        lab.run("p", new Op.Mmap(addr + 4 * PAGE, PAGE, RW, false, null, 0, true, false, false, false, false));
        long moved = lab.run("p", new Op.Mremap(addr, 4 * PAGE, 8 * PAGE, true)).result();
        assertEquals(frame, lab.pte("p", moved).frame());

        // when the child unmaps
        lab.run("c", new Op.Munmap(addr, 4 * PAGE));

        // then the parent's moved mapping keeps the file and its page
        assertEquals(FrameKind.SHMEM, lab.mem().frameKind(frame));
        lab.run("p", new Op.Munmap(moved, 8 * PAGE));
        assertEquals(FrameKind.FREE, lab.mem().frameKind(frame));
    }
}
