package vmalab.io.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vmalab.io.lesson.LessonRun.lines;

import java.util.List;
import org.junit.jupiter.api.Test;
import vmalab.io.ScenarioParser;
import vmalab.io.ScenarioRunner;
import vmalab.model.Kernel;
import vmalab.model.event.EventDetail;
import vmalab.model.mm.Mm;

/**
 * Every key of {@code expect}, right and wrong, each on a small scenario whose answer follows from what the
 * kernel documents (a 5-page VMA with 3 pages touched is 20K mapped and 12K resident; mprotect of a middle page
 * splits a VMA in three; a read of untouched anonymous memory maps the zero page; …).
 */
class ChecksTest {
    /** The scenario runs to its end with every check passing, and it checked something. */
    static LessonRun passes(String text) {
        LessonRun r = LessonRun.of(text);
        assertNull(r.error(), r.error());
        long checked = r.ran().stream().mapToLong(x -> x.verdicts().size()).sum();
        assertTrue(checked > 0, "the scenario checks something");
        for (ScenarioRunner.Ran ran : r.ran()) for (Verdict v : ran.verdicts()) assertTrue(v.passed(), v.message());
        return r;
    }

    static void fails(String message, String text) {
        assertEquals(message, LessonRun.of(text).error());
    }

    private static final String FIVE_PAGES = lines(
        "exec p empty",
        "mmap 0x10000000 20K rw- private anon",
        "touch 0x10000000 w",
        "touch 0x10001000 w",
        "touch 0x10003000 w");

    @Test
    void rssAndVszOfFivePagesWithThreePresent() {
        passes(FIVE_PAGES + lines("expect rss 12K", "expect rss 12", "expect rss 12KiB", "expect vsz 20K",
            "expect total_vm 20", "expect vsz 20KB"));
        fails("t.vlab:6: expected rss 16K, got 12K", FIVE_PAGES + "expect rss 16K\n");
        fails("t.vlab:6: expected vsz 12K, got 20K", FIVE_PAGES + "expect vsz 12K\n");
        fails("t.vlab:6: expected total_vm 1M, got 20K", FIVE_PAGES + "expect total_vm 1M\n");
    }

    @Test
    void theZeroPageIsPresentButInNoRss() {
        String zero = lines("exec p empty", "mmap 0x10000000 16K rw- private anon", "touch 0x10000000 16K r");
        passes(zero + lines("expect rss 0", "expect vsz 16K", "expect present 0x10000000 yes",
            "expect zero 0x10003000 yes"));
        fails("t.vlab:4: expected rss 16K, got 0K", zero + "expect rss 16K\n");
    }

    @Test
    void resultIsTheKernelsReturnValue() {
        LessonRun exec = LessonRun.of("exec p x86_64\n");
        long startBrk = exec.kernel().current().mm().startBrk();
        String grown = String.format("0x%x", startBrk + 8192);
        // sys_brk() returns the new break
        passes(lines("exec p x86_64", "brk +8K", "expect result " + grown,
            "expect result " + (startBrk + 8192), "expect errno none"));
        fails("t.vlab:3: expected result 0, got " + grown, lines("exec p x86_64", "brk +8K", "expect result 0"));
        // munmap and mprotect return 0 when they succeed
        passes(lines("exec p empty", "mmap 0x10000000 8K rw- private anon", "munmap 0x10000000 4K",
            "expect result 0"));
    }

    @Test
    void aFailedCallIsMinusErrnoInEitherSpelling() {
        // mprotect() of a range with no VMA: -ENOMEM (mm/mprotect.c: do_mprotect_pkey)
        String fail = lines("exec p empty", "mprotect 0x20000000 4K r--");
        passes(fail + lines("expect result -ENOMEM", "expect result -12", "expect result ENOMEM",
            "expect errno ENOMEM", "expect errno enomem"));
        fails("t.vlab:3: expected result 0, got -ENOMEM", fail + "expect result 0\n");
        fails("t.vlab:3: expected errno EINVAL, got ENOMEM", fail + "expect errno EINVAL\n");
        fails("t.vlab:3: expected errno none, got ENOMEM", fail + "expect errno none\n");
        // munmap() of an address that is not page aligned: -EINVAL
        passes(lines("exec p empty", "munmap 0x10000001 4K", "expect errno EINVAL", "expect result -22"));
    }

    @Test
    void signalIsWhatTheAccessRaised() {
        String hole = lines("exec p empty", "touch 0x10000000 r");
        passes(hole + lines("expect signal SIGSEGV", "expect signal SIGSEGV/SEGV_MAPERR", "expect signal segv",
            "p: expect signal SIGSEGV"));
        fails("t.vlab:3: expected signal none, got SIGSEGV/SEGV_MAPERR", hole + "expect signal none\n");
        fails("t.vlab:3: expected signal SIGSEGV/SEGV_ACCERR, got SIGSEGV/SEGV_MAPERR",
            hole + "expect signal SIGSEGV/SEGV_ACCERR\n");
        // a write to a read-only VMA: access_error(), SEGV_ACCERR
        passes(lines("exec p empty", "mmap 0x10000000 4K r-- private anon", "touch 0x10000000 w",
            "expect signal SIGSEGV/SEGV_ACCERR", "touch 0x10000000 r", "expect signal none"));
        fails("t.vlab:4: expected signal SIGBUS, got SIGSEGV/SEGV_ACCERR", lines("exec p empty",
            "mmap 0x10000000 4K r-- private anon", "touch 0x10000000 w", "expect signal SIGBUS"));
    }

    @Test
    void minfltCountsTheFaultsOfOneOperation() {
        String three = lines("exec p empty", "mmap 0x10000000 12K rw- private anon", "touch 0x10000000 12K w");
        passes(three + lines("expect minflt 3", "touch 0x10000000 12K w", "expect minflt 0"));
        fails("t.vlab:4: expected minflt 1, got 3", three + "expect minflt 1\n");
        LessonRun r = LessonRun.of(three);
        assertEquals(3, r.last().result().minorFaults(), "what run prints as (3 minor faults)");
    }

    @Test
    void mapCountSeesMprotectSplitAVma() {
        // mprotect_fixup() of the middle page: __split_vma() twice, three VMAs
        String split = lines("exec p empty", "mmap 0x10000000 12K rw- private anon", "expect map_count 1",
            "mprotect 0x10001000 4K r--");
        passes(split + lines("expect map_count 3", "expect vma 0x10000000 rw-p", "expect vma 0x10001000 r--p",
            "expect vma 0x10002fff RW-P", "expect vma 0x10003000 none"));
        fails("t.vlab:5: expected map_count 1, got 3", split + "expect map_count 1\n");
        fails("t.vlab:5: expected vma 0x10001000 rw-p, got r--p", split + "expect vma 0x10001000 rw-p\n");
        fails("t.vlab:5: expected vma 0x20000000 rw-p, got none", split + "expect vma 0x20000000 rw-p\n");
        passes(lines("exec p empty", "mmap 0x10000000 4K rw- shared anon", "expect vma 0x10000000 rw-s"));
    }

    @Test
    void presentZeroAndCowFollowTheZeroPageAndTheFirstWrite() {
        String read = lines("exec p empty", "mmap 0x10000000 16K rw- private anon", "touch 0x10000000 8K r");
        // do_anonymous_page(): a read maps the zero page, write-protected; a write would go to do_wp_page()
        passes(read + lines("expect present 0x10000000 yes", "expect zero 0x10000000 yes",
            "expect cow 0x10001000 yes", "expect present 0x10002000 no", "expect zero 0x10002000 no",
            "expect cow 0x10002000 no", "touch 0x10001000 w", "expect zero 0x10001000 no",
            "expect present 0x10001000 true", "expect cow 0x10001000 false"));
        fails("t.vlab:4: expected present 0x10002000 yes, got no", read + "expect present 0x10002000 yes\n");
        fails("t.vlab:4: expected zero 0x10000000 no, got yes", read + "expect zero 0x10000000 no\n");
        fails("t.vlab:4: expected cow 0x10000000 no, got yes", read + "expect cow 0x10000000 no\n");
        // in a read-only VMA the zero page is no copy-on-write page: a write is refused, not copied
        passes(lines("exec p empty", "mmap 0x10000000 4K r-- private anon", "touch 0x10000000 r",
            "expect zero 0x10000000 yes", "expect cow 0x10000000 no"));
    }

    @Test
    void forkWriteProtectsBothSidesUntilOneWrites() {
        String fork = lines("exec p empty", "mmap 0x10000000 8K rw- private anon", "touch 0x10000000 8K w",
            "fork c");
        // copy_present_pte(): a private writable page is write-protected in parent and child
        passes(fork + lines("expect cow 0x10000000 yes", "c: expect cow 0x10000000 yes", "c: expect rss 8K",
            "expect processes 2", "c: touch 0x10000000 w", "expect cow 0x10000000 no",
            "p: expect cow 0x10000000 yes", "c: expect cow 0x10001000 yes", "c: expect present 0x10000000 yes"));
        fails("t.vlab:5: expected c: cow 0x10000000 no, got yes", fork + "c: expect cow 0x10000000 no\n");
    }

    @Test
    void aNamedProcessIsFoundByNameOrPidLikeTheOperationPrefix() {
        String two = lines("exec p empty", "mmap 0x10000000 8K rw- private anon", "touch 0x10000000 w",
            "exec q empty", "expect rss 0");
        LessonRun r = passes(two + lines("p: expect rss 4K", "p: expect map_count 1", "q: expect map_count 0"));
        int pidOfP = r.kernel().taskNamed("p").pid();
        passes(two + lines(pidOfP + ": expect rss 4K"));
        fails("t.vlab:6: expect nobody: rss 0: no process called nobody", two + "nobody: expect rss 0\n");
        fails("t.vlab:6: expected p: rss 0, got 4K", two + "p: expect rss 0\n");
    }

    @Test
    void majfltCountsTheReadsOfAColdFile() {
        String read = lines("file data 64K cold", "exec p empty", "mmap 0x10000000 64K r-- private file:data",
            "touch 0x10000000 1 r");
        passes(read + lines("expect majflt 1", "expect minflt 0"));
        fails("t.vlab:5: expected majflt 0, got 1", read + lines("expect majflt 0"));
    }

    @Test
    void processesCountsLeadersNotThreadsAndNotTheExited() {
        String three = lines("exec p empty", "fork c", "thread t", "expect processes 2");
        // exit is exit_group(): the thread's exit ends its whole process, p with it
        passes(three + lines("c: exit", "expect processes 1", "t: exit", "expect processes 0"));
        fails("t.vlab:4: expected processes 3, got 2", lines("exec p empty", "fork c", "thread t",
            "expect processes 3"));
        passes(lines("memory 16 maxorder 4 reserve 0", "expect processes 0"));
    }

    @Test
    void freeAndFramesFreeReadTheBuddyAllocator() {
        // 16 frames at MAX_ORDER 4: one free block of order 4; one page splits it down (expand()): one block
        // each of order 3, 2, 1 and 0 are left
        String buddy = lines("memory 16 maxorder 4 reserve 0", "expect free 4 1", "expect frames_free 16",
            "alloc_pages 0 a");
        passes(buddy + lines("expect free 4 0", "expect free 3 1", "expect free 2 1", "expect free 1 1",
            "expect free 0 1", "expect frames_free 15", "expect frames_free 0xf"));
        fails("t.vlab:5: expected free 0 0, got 1", buddy + "expect free 0 0\n");
        fails("t.vlab:5: expected frames_free 16, got 15", buddy + "expect frames_free 16\n");
        fails("t.vlab:5: expect free 5 0: order 5 is above the allocator's MAX_ORDER 4", buddy + "expect free 5 0\n");
        // alloc_pages returns the block's first frame, in hex as frames are written
        LessonRun r = LessonRun.of(buddy);
        long pfn = r.last().result().result();
        passes(buddy + lines("expect result 0x" + Long.toHexString(pfn), "expect errno none"));
    }

    @Test
    void aBadValueOrArgumentIsAFailedVerdictNotAnException() {
        LessonRun r = LessonRun.of(FIVE_PAGES);
        Verdict addr = Checks.check(r.kernel(), r.last().result(), new Check(9, null, new Query("present", "0xzz"),
            "yes"), "t.vlab");
        assertFalse(addr.passed());
        assertEquals("t.vlab:9: expect present 0xzz yes: bad address \"0xzz\": expected a number like 0x555555559000",
            addr.message());
        Verdict value = Checks.check(r.kernel(), r.last().result(), new Check(9, null,
            new Query("present", "0x10000000"), "maybe"), "t.vlab");
        assertFalse(value.passed());
        assertEquals("t.vlab:9: \"maybe\" is not yes or no for present (yes|no)", value.message());
        Verdict key = Checks.check(r.kernel(), r.last().result(), new Check(9, null, new Query("rsss", null), "1"),
            "t.vlab");
        assertEquals("t.vlab:9: expect rsss 1: unknown key \"rsss\"", key.message());
        Verdict before = Checks.check(r.kernel(), null, new Check(1, null, new Query("result", null), "0"), "t.vlab");
        assertEquals("t.vlab:1: expect result 0: no operation has run yet", before.message());
    }

    @Test
    void valueIsWhatAnExpectWouldWrite() {
        LessonRun r = LessonRun.of(FIVE_PAGES);
        var last = r.last().result();
        assertEquals("12K", Checks.value(r.kernel(), last, null, new Query("rss", null)));
        assertEquals("20K", Checks.value(r.kernel(), last, "p", new Query("vsz", null)));
        assertEquals("no", Checks.value(r.kernel(), last, null, new Query("present", "0x10002000")));
        assertEquals("rw-p", Checks.value(r.kernel(), last, null, new Query("vma", "0x10004000")));
        assertEquals("(no process called x)", Checks.value(r.kernel(), last, "x", new Query("rss", null)));
        LessonRun exec = LessonRun.of("exec p x86_64\nbrk +4K\n");
        Mm mm = exec.kernel().current().mm();
        assertEquals(String.format("0x%x", mm.brk()), Checks.value(exec.kernel(), exec.last().result(), null,
            new Query("result", null)));
    }

    @Test
    void summaryModeGivesTheSameVerdictsAsRunGivesThem() {
        // run asks for summarised events; the signal, the fault count and the state must not depend on it
        String text = lines("exec p empty", "mmap 0x10000000 64K rw- private anon", "touch 0x10000000 64K w",
            "expect minflt 16", "expect rss 64K", "touch 0x20000000 r", "expect signal SIGSEGV/SEGV_MAPERR");
        for (EventDetail detail : List.of(EventDetail.SUMMARY, EventDetail.upTo(4), EventDetail.FULL)) {
            ScenarioRunner runner = new ScenarioRunner(new Kernel(), "t.vlab");
            for (ScenarioParser.Step s : ScenarioParser.parse(text, "t.vlab").steps()) {
                assertNull(runner.errorOf(runner.run(s, detail)), detail.toString());
            }
        }
    }

    @Test
    void everyKeyOfTheContractIsInTheTable() {
        assertEquals(List.of("result", "errno", "signal", "minflt", "majflt", "rss", "vsz", "total_vm", "map_count", "present",
            "zero", "cow", "vma", "free", "frames_free", "processes"), LessonKey.words());
        assertEquals(List.of("present", "zero", "cow", "vma", "free"), LessonKey.wordsWithArg());
    }
}
