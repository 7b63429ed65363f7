package vmalab.model.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vmalab.model.paging.PhysLab.PAGE;
import static vmalab.model.paging.PhysLab.RW;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vmalab.model.event.TaskEvent;
import vmalab.model.mm.Prot;
import vmalab.model.op.Op;
import vmalab.model.paging.PhysLab;
import vmalab.model.syscall.Syscalls;

/** A tiny memory runs out: the fault fails with OOM, nothing is corrupted; reclaim frees unmapped cache. */
class OutOfMemoryTest {
    PhysLab lab;

    @BeforeEach
    void start() {
        lab = new PhysLab();
        // 64 frames, 8 of them the kernel's (zero page and vDSO inside)
        lab.run(new Op.Memory(64, 3, 8));
        lab.exec("p", "empty");
    }

    @Test
    void writingMoreThanMemoryEndsInOneSigkillAndTheProcessIsGone() {
        // given: 56 free frames less the PGD
        assertEquals(55, lab.mem().freeFrames());
        // MAP_NORESERVE: 100 pages is more than RAM, which __vm_enough_memory() would refuse to charge
        long addr = lab.run(new Op.Mmap(0, 100 * PAGE, RW, false, null, 0, false, false, false, true, false))
            .result();

        // when
        lab.last = Syscalls.apply(lab.k, new Op.Touch(addr, 100 * PAGE, 'w'));

        // then: PUD, PMD and PTE tables, then 52 pages, then nothing left: out_of_memory() kills the only
        // process, once; its exit gives every frame back, the PGD's too
        assertEquals(-1, lab.last.result());
        List<TaskEvent.SignalRaised> sigs = lab.events(TaskEvent.SignalRaised.class);
        assertEquals(1, sigs.size());
        assertEquals("SIGKILL", sigs.get(0).signal());
        assertEquals(addr + 52 * PAGE, sigs.get(0).addr());
        assertEquals(52, lab.last.minorFaults(), "the fault that ended in VM_FAULT_OOM counts nothing");
        assertNull(lab.k.taskNamed("p"));
        assertTrue(lab.k.mms().isEmpty());
        assertEquals(56, lab.mem().freeFrames());
        assertNull(lab.mem().checkInvariants(lab.k.mms()));
    }

    @Test
    void exitGivesEveryFrameBack() {
        // given
        long addr = lab.mmapAnon(null, 10 * PAGE, RW, false);
        Syscalls.apply(lab.k, new Op.Touch(addr, 10 * PAGE, 'w'));

        // when
        lab.run(new Op.Exit());

        // then
        assertEquals(56, lab.mem().freeFrames());
        assertTrue(lab.k.mms().isEmpty());
    }

    @Test
    void unmappedPageCachePagesAreReclaimedBeforeGivingUp() {
        // given: 40 pages of a file read, then unmapped: they stay in the page cache
        lab.file("big", 40 * PAGE);
        long f = lab.mmapFile(null, "big", 40 * PAGE, Prot.READ, false, 0);
        lab.touch(f, 40 * PAGE, 'r');
        lab.run(new Op.Munmap(f, 40 * PAGE));
        assertEquals(40, lab.mem().pageCache().size());
        long addr = lab.mmapAnon(null, 40 * PAGE, RW, false);

        // when
        long faults = lab.touch(addr, 40 * PAGE, 'w');

        // then
        assertEquals(40, faults);
        assertEquals(40, lab.rss("p").anonPages());
        assertTrue(lab.mem().pageCache().size() < 40);
    }
}
