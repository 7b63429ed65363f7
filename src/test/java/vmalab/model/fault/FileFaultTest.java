package vmalab.model.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vmalab.model.paging.PhysLab.PAGE;
import static vmalab.model.paging.PhysLab.RW;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vmalab.model.event.TaskEvent;
import vmalab.model.fault.FaultEvent.Kind;
import vmalab.model.mm.Prot;
import vmalab.model.op.Advice;
import vmalab.model.op.Op;
import vmalab.model.paging.CachedPage;
import vmalab.model.paging.FrameKind;
import vmalab.model.paging.PhysLab;
import vmalab.model.paging.Pte;
import vmalab.model.paging.Rss;
import vmalab.model.syscall.Syscalls;

/** do_read_fault() with do_fault_around(), do_cow_fault(), do_shared_fault(), wp_page_shared(), SIGBUS. */
class FileFaultTest {
    static final long AT = 0x10000000L;
    PhysLab lab;

    @BeforeEach
    void start() {
        lab = new PhysLab();
        lab.file("data", 16 * PAGE);
        lab.exec("a", "empty");
        lab.exec("b", "empty");
    }

    long mapFixed(String task, long at, long len, int prot, boolean shared) {
        return lab.run(task, new Op.Mmap(at, len, prot, shared, "data", 0, true, false, false, false, false))
            .result();
    }

    @Test
    void aReadFaultReadsThePageIntoThePageCacheAndMapsItReadOnly() {
        // given
        mapFixed("a", AT, 16 * PAGE, RW, false);

        // when
        long faults = lab.touch("a", AT, 1, 'r');

        // then
        assertEquals(1, faults);
        assertEquals(Kind.READ, lab.events(FaultEvent.PageFault.class).get(0).kind());
        Pte pte = lab.pte("a", AT);
        assertTrue(pte.present() && !pte.write() && pte.cow());
        assertEquals(FrameKind.FILE, lab.mem().frameKind(pte.frame()));
        // "file" wrote the file, so it is cached: fault-around maps the whole 64 KiB block in the one fault
        // (6.18, a 64-page file just written, one read of page 20: minflt 1, pagemap 16 present)
        assertEquals(new CachedPage("data", 0, pte.frame(), false, 1, false), lab.mem().pageCache().get(0));
        assertEquals(16, lab.mem().pageCache().size());
        assertEquals(new Rss(16, 0, 0), lab.rss("a"));
        assertEquals(2, lab.mem().refcount(pte.frame()), "the page cache's reference and the PTE's");
    }

    @Test
    void faultAroundMapsTheCachedPagesOfTheAligned64KiBBlockInOneFault() {
        // given: process a has read the whole file into the page cache
        mapFixed("a", AT, 16 * PAGE, Prot.READ, false);
        assertEquals(1, lab.touch("a", AT, 16 * PAGE, 'r'), "the first fault maps the written file's block");
        mapFixed("b", AT, 16 * PAGE, Prot.READ, false);

        // when
        long faults = lab.touch("b", AT + 5 * PAGE, 1, 'r');

        // then: one fault maps all 16 pages, the same frames as a's
        assertEquals(1, faults);
        FaultEvent.FaultAround around = lab.events(FaultEvent.FaultAround.class).get(0);
        assertEquals(16, around.mapped().size());
        for (int i = 0; i < 16; i++) {
            Pte pb = lab.pte("b", AT + i * PAGE);
            assertEquals(lab.pte("a", AT + i * PAGE).frame(), pb.frame());
            assertEquals(i == 5, pb.accessed(), "only the faulting access sets Accessed");
            assertEquals(2, lab.mem().mapcount(pb.frame()));
        }
        assertEquals(64, lab.rss("b").kb());
        assertEquals(0, lab.touch("b", AT, 16 * PAGE, 'r'));
    }

    @Test
    void faultAroundStaysInsideTheVma() {
        // given: the cache holds the file; b maps 8 pages from file page 4 at an address 4 pages into a block
        mapFixed("a", AT, 16 * PAGE, Prot.READ, false);
        lab.touch("a", AT, 16 * PAGE, 'r');
        lab.run("b", new Op.Mmap(AT + 4 * PAGE, 8 * PAGE, Prot.READ, false, "data", 4 * PAGE, true, false, false,
            false, false));

        // when
        lab.touch("b", AT + 6 * PAGE, 1, 'r');

        // then
        assertEquals(8, lab.rss("b").pages());
        assertEquals(lab.pte("a", AT + 4 * PAGE).frame(), lab.pte("b", AT + 4 * PAGE).frame());
    }

    @Test
    void afterDontneedOneReadFaultMapsTheWholeBlockBack() {
        // given
        mapFixed("a", AT, 16 * PAGE, Prot.READ, false);
        lab.touch("a", AT, 16 * PAGE, 'r');
        lab.madvise("a", AT, 16 * PAGE, Advice.DONTNEED);
        assertEquals(0, lab.rss("a").pages());

        // when
        long faults = lab.touch("a", AT, 16 * PAGE, 'r');

        // then
        assertEquals(1, faults);
        assertEquals(16, lab.rss("a").pages());
    }

    @Test
    void twoProcessesMappingTheSameLibraryShareItsTextFrames() {
        // given
        lab.exec("x", "x86_64");
        lab.exec("y", "x86_64");
        long text = lab.mm("x").vmas().stream().filter(v -> v.file() != null && v.file().path().endsWith("libc.so.6")
            && v.perms().equals("r-xp")).findFirst().orElseThrow().start();

        // when
        lab.touch("x", text, 1, 'x');
        lab.touch("y", text, 1, 'x');

        // then
        long frame = lab.pte("x", text).frame();
        assertEquals(frame, lab.pte("y", text).frame());
        assertEquals(2, lab.mem().mapcount(frame));
        assertFalse(lab.pte("x", text).nx());
        assertEquals(FrameKind.FILE, lab.mem().frameKind(frame));
    }

    @Test
    void aWriteToAPrivateFileMappingMakesAnAnonymousCopy() {
        // given
        mapFixed("a", AT, 16 * PAGE, RW, false);

        // when
        long faults = lab.touch("a", AT, 1, 'w');

        // then
        assertEquals(1, faults);
        assertEquals(Kind.COW, lab.events(FaultEvent.PageFault.class).get(0).kind());
        Pte pte = lab.pte("a", AT);
        assertEquals(FrameKind.ANON, lab.mem().frameKind(pte.frame()));
        assertTrue(pte.write() && pte.dirty());
        assertEquals(new Rss(0, 1, 0), lab.rss("a"));
        assertNotEquals(0, lab.vma("a", AT).anonVma());
        CachedPage cached = lab.mem().pageCache().get(0);
        assertEquals(0, cached.mapcount());
        assertFalse(cached.dirty(), "the file is not written");
    }

    @Test
    void aWriteAfterAReadOfAPrivateFilePageCopiesIt() {
        // given
        mapFixed("a", AT, 16 * PAGE, RW, false);
        lab.touch("a", AT, 1, 'r');
        long filePage = lab.pte("a", AT).frame();

        // when
        long faults = lab.touch("a", AT, 1, 'w');

        // then
        assertEquals(1, faults);
        assertEquals(Kind.WP_COPY, lab.events(FaultEvent.PageFault.class).get(0).kind());
        assertNotEquals(filePage, lab.pte("a", AT).frame());
        assertEquals(new Rss(15, 1, 0), lab.rss("a"), "fault-around mapped the other 15 pages on the read");
        assertEquals(1, lab.mem().refcount(filePage), "only the page cache holds it now");
    }

    @Test
    void aWriteToASharedFileMappingDirtiesTheCachePageEveryMapperSees() {
        // given
        mapFixed("a", AT, 16 * PAGE, RW, true);
        mapFixed("b", AT, 16 * PAGE, RW, true);

        // when
        long faults = lab.touch("a", AT, 1, 'w');
        lab.touch("b", AT, 1, 'r');

        // then
        assertEquals(1, faults);
        long frame = lab.pte("a", AT).frame();
        assertEquals(frame, lab.pte("b", AT).frame());
        assertTrue(lab.mem().frame(frame).dirty());
        assertEquals(FrameKind.FILE, lab.mem().frameKind(frame));
        assertEquals(new Rss(1, 0, 0), lab.rss("a"));
        assertTrue(lab.mem().usage(lab.mm("a"), lab.vma("a", AT)).sharedDirty() > 0);
    }

    @Test
    void aSharedFilePageIsMappedReadOnlyUntilItsFirstWrite() {
        // given
        mapFixed("a", AT, 16 * PAGE, RW, true);
        lab.touch("a", AT, 1, 'r');
        assertFalse(lab.pte("a", AT).write(), "write notification: the filesystem wants to see the first write");

        // when
        long faults = lab.touch("a", AT, 1, 'w');

        // then
        assertEquals(1, faults);
        assertEquals(Kind.WP_SHARED, lab.events(FaultEvent.PageFault.class).get(0).kind());
        assertTrue(lab.pte("a", AT).write());
        assertTrue(lab.mem().frame(lab.pte("a", AT).frame()).dirty());
    }

    @Test
    void aPagePastTheEndOfTheFileRaisesSigbus() {
        // given: a one-page file mapped over two pages
        lab.file("small", 100);
        long at = lab.mmapFile("a", "small", 2 * PAGE, Prot.READ, false, 0);

        // when
        lab.last = Syscalls.apply(lab.k, new Op.InTask("a", new Op.Touch(at + PAGE, 1, 'r')));

        // then
        assertEquals(-1, lab.last.result());
        TaskEvent.SignalRaised sig = lab.events(TaskEvent.SignalRaised.class).get(0);
        assertEquals("SIGBUS", sig.signal());
        assertTrue(lab.pte("a", at + PAGE).none());
        // fault-around mapped page 0 (cached: the file was just written); nothing past EOF is cached
        assertTrue(lab.mem().pageCache().stream().allMatch(c -> c.index() == 0));
        // mm_account_fault(): a fault that ends in VM_FAULT_SIGBUS counts nothing (6.18: minflt 0)
        assertEquals(0, lab.last.minorFaults());
    }

    @Test
    void faultAroundNeverMapsPastTheEndOfTheFile() {
        // given
        lab.file("small", PAGE + 1);
        long at = lab.run("a", new Op.Mmap(AT, 4 * PAGE, Prot.READ, false, "small", 0, true, false, false, false,
            false)).result();
        lab.touch("a", at, 2 * PAGE, 'r');
        lab.madvise("a", at, 4 * PAGE, Advice.DONTNEED);

        // when
        lab.touch("a", at, 1, 'r');

        // then
        assertEquals(2, lab.rss("a").pages());
        assertTrue(lab.pte("a", at + 2 * PAGE).none());
    }
}
