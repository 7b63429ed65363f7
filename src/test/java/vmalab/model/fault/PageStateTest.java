package vmalab.model.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vmalab.model.paging.PhysLab.PAGE;
import static vmalab.model.paging.PhysLab.RW;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vmalab.model.OpResult;
import vmalab.model.event.TaskEvent;
import vmalab.model.mm.Prot;
import vmalab.model.op.Advice;
import vmalab.model.op.Op;
import vmalab.model.paging.PhysLab;
import vmalab.model.syscall.Errno;

/**
 * Present pages and fault counts against Linux 6.18, as a C program recorded them on this machine
 * (/proc/self/pagemap present bit, getrusage() around each access, signals caught).
 */
class PageStateTest {
    static final long AT = 0x10000000L;
    PhysLab lab;

    @BeforeEach
    void start() {
        lab = new PhysLab();
        lab.exec("a", "empty");
        lab.exec("b", "empty");
    }

    private OpResult madvise(String task, long addr, long len, Advice a) {
        return lab.run(task, new Op.Madvise(addr, len, a));
    }

    private long mapFile(String task, String file, long len, int prot, boolean shared, boolean populate) {
        return lab.run(task, new Op.Mmap(AT, len, prot, shared, file, 0, true, false, false, false, populate))
            .result();
    }

    @Test
    void protNoneKeepsThePagesAndMprotectBackNeedsNoFault() {
        // given: 4 written pages (6.18: after mprotect(PROT_NONE) pagemap reports all 4 present)
        long a = lab.mmapAnon("a", 4 * PAGE, RW, false);
        lab.touch("a", a, 4 * PAGE, 'w');

        // when
        lab.run("a", new Op.Mprotect(a, 4 * PAGE, 0));

        // then: pte_present() is still true, the MMU's Present bit is not
        for (int i = 0; i < 4; i++) {
            assertTrue(lab.pte("a", a + i * PAGE).mapped());
            assertFalse(lab.pte("a", a + i * PAGE).present());
        }
        assertEquals(4, lab.rss("a").anonPages());
        OpResult touch = lab.run("a", new Op.Touch(a, 1, 'r'));
        assertEquals("SIGSEGV", lab.events(TaskEvent.SignalRaised.class).get(0).signal());
        assertEquals(0, touch.minorFaults());
        lab.run("a", new Op.Mprotect(a, 4 * PAGE, RW));
        assertEquals(0, lab.touch("a", a, 4 * PAGE, 'w'), "6.18: read and write after mprotect back: minflt 0");
    }

    @Test
    void madvFreeKeepsThePagesUntilMemoryRunsOut() {
        // given
        long a = lab.mmapAnon("a", 4 * PAGE, RW, false);
        lab.touch("a", a, 4 * PAGE, 'w');
        long frame = lab.pte("a", a).frame();

        // when
        long r = madvise("a", a, 4 * PAGE, Advice.FREE).result();

        // then: 6.18: madvise 0, 4 present, a read and a write fault nothing and see the old data
        assertEquals(0, r);
        assertEquals(4, lab.rss("a").anonPages());
        assertEquals(frame, lab.pte("a", a).frame());
        assertFalse(lab.pte("a", a).dirty(), "madvise_free_pte_range() cleans the PTE");
        assertEquals(0, lab.touch("a", a, PAGE, 'r'));
        assertEquals(0, lab.touch("a", a + PAGE, PAGE, 'w'));
    }

    @Test
    void lazyfreePagesAreReclaimedBeforeTheOomKillerAndReadBackAsZeros() {
        // given: a small machine; 20 pages freed lazily, one of them written again
        PhysLab small = new PhysLab();
        small.run(new Op.Memory(64, 3, 8));
        small.exec("p", "empty");
        long a = small.mmapAnon("p", 20 * PAGE, RW, false);
        small.touch("p", a, 20 * PAGE, 'w');
        small.madvise("p", a, 20 * PAGE, Advice.FREE);
        small.touch("p", a, PAGE, 'w');
        long b = small.mmapAnon("p", 40 * PAGE, RW, false);

        // when: more than the free frames are needed
        long faults = small.touch("p", b, 40 * PAGE, 'w');

        // then: the clean lazyfree pages went, nobody was killed, the written one stayed
        assertEquals(40, faults);
        assertTrue(small.events(TaskEvent.SignalRaised.class).isEmpty());
        assertTrue(small.pte("p", a).present(), "the write cancelled the free of this page");
        assertTrue(small.pte("p", a + 19 * PAGE).none());
        small.touch("p", a + 19 * PAGE, PAGE, 'r');
        assertTrue(small.pte("p", a + 19 * PAGE).zero(), "a discarded page reads back as zeros");
        assertNull(small.mem().checkInvariants(small.k.mms()));
    }

    @Test
    void madvRemovePunchesAHoleInEveryMappingOfTheFile() {
        // given: a shared and a private mapping of a 4-page file, every page mapped in both
        lab.file("f", 4 * PAGE);
        mapFile("a", "f", 4 * PAGE, RW, true, false);
        mapFile("b", "f", 4 * PAGE, RW, false, false);
        lab.touch("a", AT, 4 * PAGE, 'w');
        lab.touch("b", AT, 4 * PAGE, 'r');

        // when
        long r = madvise("a", AT, 2 * PAGE, Advice.REMOVE).result();

        // then: 6.18: 0; 2 present left in each mapping; the private one's next read is a major fault
        assertEquals(0, r);
        assertEquals(2, lab.rss("a").filePages());
        assertEquals(2, lab.rss("b").filePages());
        assertEquals(2, lab.mem().pageCache().size());
        OpResult reread = lab.run("b", new Op.Touch(AT, 1, 'r'));
        assertEquals(1, reread.majorFaults());
        assertEquals(0, reread.minorFaults());
    }

    @Test
    void madvRemoveChecksLikeMadviseRemove() {
        // given
        lab.file("f", 4 * PAGE);
        long anon = lab.mmapAnon("a", 4 * PAGE, RW, false);
        long ro = mapFile("a", "f", 4 * PAGE, Prot.READ, true, false);
        long priv = lab.run("a", new Op.Mmap(0, 4 * PAGE, RW, false, "f", 0, false, false, false, false, false))
            .result();

        // then: 6.18: private anon EINVAL, shared read-only 0, private file EACCES
        assertEquals(Errno.EINVAL.ret(), madvise("a", anon, PAGE, Advice.REMOVE).result());
        assertEquals(0, madvise("a", ro, PAGE, Advice.REMOVE).result());
        assertEquals(Errno.EACCES.ret(), madvise("a", priv, PAGE, Advice.REMOVE).result());
    }

    @Test
    void aColdFileIsReadFromDiskOnceThenFaultAroundMapsWhatReadAheadBrought() {
        // given
        lab.run(new Op.CreateFile("cold", 64 * PAGE, null, null, null, true));
        mapFile("a", "cold", 64 * PAGE, Prot.READ, false, false);

        // when
        OpResult first = lab.run("a", new Op.Touch(AT + 8 * PAGE, 1, 'r'));
        long mappedAfterFirst = lab.rss("a").filePages();
        OpResult second = lab.run("a", new Op.Touch(AT + 20 * PAGE, 1, 'r'));

        // then: lessons.txt readahead_normal: majflt 1, 16 pages mapped; the read-around window (pages 0-31)
        // makes the next block's read a minor fault that maps 16 more
        assertEquals(1, first.majorFaults());
        assertEquals(0, first.minorFaults());
        assertEquals(16, mappedAfterFirst);
        assertEquals(0, second.majorFaults());
        assertEquals(1, second.minorFaults());
        assertEquals(32, lab.rss("a").filePages());
    }

    @Test
    void mapPopulateIgnoresErrorsAndSkipsProtNone() {
        // given: a one-page file
        lab.file("one", PAGE);

        // when
        OpResult past = lab.run("a", new Op.Mmap(AT, 4 * PAGE, Prot.READ, false, "one", 0, true, false, false,
            false, true));
        OpResult none = lab.run("b", new Op.Mmap(AT, 4 * PAGE, 0, false, null, 0, true, false, false, false, true));

        // then: 6.18: populate across EOF: minflt 1, 1 present, no signal; PROT_NONE: nothing present
        assertEquals(AT, past.result());
        assertEquals(1, past.minorFaults());
        assertEquals(1, lab.rss("a").filePages());
        assertTrue(lab.events(TaskEvent.SignalRaised.class).isEmpty());
        assertEquals(AT, none.result());
        assertEquals(0, none.minorFaults());
        assertTrue(lab.pte("b", AT).none());
    }

    @Test
    void madvPopulateReturnsWhatMadvisePopulateReturns() {
        // given
        lab.file("one", PAGE);
        long none = lab.mmapAnon("a", 4 * PAGE, 0, false);
        long ro = lab.mmapAnon("a", 4 * PAGE, Prot.READ, false);
        mapFile("b", "one", 4 * PAGE, Prot.READ, false, false);

        // when
        long r1 = madvise("a", none, 4 * PAGE, Advice.POPULATE_READ).result();
        long r2 = madvise("a", ro, 4 * PAGE, Advice.POPULATE_WRITE).result();
        OpResult past = madvise("b", AT, 4 * PAGE, Advice.POPULATE_READ);

        // then: 6.18: EINVAL, EINVAL, EFAULT with the page before EOF populated (minflt 1) and no signal
        assertEquals(Errno.EINVAL.ret(), r1);
        assertEquals(Errno.EINVAL.ret(), r2);
        assertEquals(Errno.EFAULT.ret(), past.result());
        assertEquals(1, past.minorFaults());
        assertEquals(1, lab.rss("b").filePages());
        assertTrue(lab.events(TaskEvent.SignalRaised.class).isEmpty());
    }
}
