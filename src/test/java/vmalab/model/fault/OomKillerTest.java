package vmalab.model.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vmalab.model.paging.PhysLab.PAGE;
import static vmalab.model.paging.PhysLab.RW;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vmalab.model.event.TaskEvent;
import vmalab.model.mm.Prot;
import vmalab.model.op.Op;
import vmalab.model.paging.PhysLab;
import vmalab.model.syscall.Errno;

/**
 * Out of memory as Linux 6.18 handles it: __vm_enough_memory() (OVERCOMMIT_GUESS) refuses a private writable
 * mapping or brk larger than RAM plus swap, and out_of_memory() kills one process (the highest oom_badness()).
 * Checked on 6.18 (24 GiB, no swap, overcommit_memory 0): mmap(30 GiB, rw-, private anon) = ENOMEM,
 * the same read-only succeeds, sbrk(30 GiB) = ENOMEM.
 */
class OomKillerTest {
    PhysLab lab;

    @BeforeEach
    void start() {
        lab = new PhysLab();
        // 128 frames, 8 the kernel's: 120 pages of RAM
        lab.run(new Op.Memory(128, 3, 8));
    }

    @Test
    void aPrivateWritableMappingLargerThanRamFailsWithEnomem() {
        // given
        lab.exec("p", "empty");

        // when
        long rw = lab.run(new Op.Mmap(0, 121 * PAGE, RW, false, null, 0, false, false, false, false, true)).result();
        long ro = lab.run(new Op.Mmap(0, 121 * PAGE, Prot.READ, false, null, 0, false, false, false, false, false))
            .result();
        long fits = lab.mmapAnon("p", 120 * PAGE, RW, false);

        // then
        assertEquals(Errno.ENOMEM.ret(), rw);
        assertTrue(lab.events(TaskEvent.SignalRaised.class).isEmpty());
        assertTrue(ro > 0, "a read-only mapping is not charged");
        assertTrue(fits > 0, "exactly RAM passes the heuristic");
    }

    @Test
    void mprotectMakingAPrivateMappingLargerThanRamWritableFailsWithEnomem() {
        // given: read-only private memory is not charged
        lab.exec("p", "empty");
        long ro = lab.mmapAnon("p", 121 * PAGE, Prot.READ, false);

        // when: mprotect_fixup() charges it when it becomes writable (6.18: mprotect(30 GiB, rw) = ENOMEM)
        long r = lab.run(new Op.Mprotect(ro, 121 * PAGE, RW)).result();

        // then
        assertEquals(Errno.ENOMEM.ret(), r);
        assertEquals("r--p", lab.vma("p", ro).perms());
    }

    @Test
    void brkPastRamKeepsTheOldBreak() {
        // given
        lab.exec("p", "x86_64");
        long before = lab.mm("p").brk();

        // when
        long r = lab.run(new Op.Brk(121 * PAGE, false)).result();

        // then
        assertEquals(before, r);
        assertEquals(before, lab.mm("p").brk());
    }

    @Test
    void theBiggestProcessIsKilledAndTheFaultingOneCarriesOn() {
        // given: big holds 60 pages, small will want 80
        lab.exec("big", "empty");
        long b = lab.mmapAnon("big", 60 * PAGE, RW, false);
        lab.touch("big", b, 60 * PAGE, 'w');
        lab.exec("small", "empty");
        long s = lab.mmapAnon("small", 80 * PAGE, RW, false);

        // when
        long faults = lab.touch("small", s, 80 * PAGE, 'w');

        // then: select_bad_process() took big; small's faults all went through
        assertEquals(80, faults);
        assertNull(lab.k.taskNamed("big"));
        assertNotNull(lab.k.taskNamed("small"));
        assertTrue(lab.events(TaskEvent.SignalRaised.class).isEmpty(), "small gets no signal");
        assertEquals(80, lab.rss("small").anonPages());
        assertNull(lab.mem().checkInvariants(lab.k.mms()));
    }

    @Test
    void aPopulateThatRunsOutStopsAtTheOneKill() {
        // given: a read-only terabyte is not charged; populating it maps the zero page until the page tables
        // use up memory
        lab.exec("p", "empty");

        // when
        var r = lab.run(new Op.Mmap(0, 1L << 40, Prot.READ, false, null, 0, false, false, false, false, true));

        // then: one SIGKILL, the process is gone, the populate stopped there (no signal per page)
        assertTrue(r.result() > 0);
        assertEquals(1, lab.events(TaskEvent.SignalRaised.class).size());
        assertEquals("SIGKILL", lab.events(TaskEvent.SignalRaised.class).get(0).signal());
        assertNull(lab.k.taskNamed("p"));
        assertEquals(120, lab.mem().freeFrames());
    }
}
