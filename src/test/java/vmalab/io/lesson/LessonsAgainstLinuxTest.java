package vmalab.io.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vmalab.io.ScenarioParser;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.event.SimEvent;
import vmalab.model.event.TaskEvent;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.model.mm.VmFlags;
import vmalab.model.paging.PhysicalMemory;
import vmalab.model.syscall.Syscalls;

/**
 * The built-in lessons against the kernel: tools/kernel-probe/lessons.c performed the lessons' operations on
 * Linux 6.18 and recorded what smaps, pagemap, kpagecount, getrusage and mincore said
 * (src/test/resources/kernel/lessons.txt, one {@code key value…} line each). Each test runs a lesson to the
 * step that makes the claim and holds the model to the record.
 */
class LessonsAgainstLinuxTest {
    static final Map<String, String[]> KERNEL = new HashMap<>();

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = LessonsAgainstLinuxTest.class.getResourceAsStream("/kernel/lessons.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] w = line.strip().split("\\s+");
                KERNEL.put(w[0], w);
            }
        }
    }

    /** The value after {@code name} on the kernel's line {@code key} ({@code key} itself for the first value). */
    private static String linux(String key, String name) {
        String[] w = KERNEL.get(key);
        assertNotNull(w, key);
        if (name.equals(key)) return w[1];
        for (int i = 1; i < w.length - 1; i++) if (w[i].equals(name)) return w[i + 1];
        throw new AssertionError(key + " has no " + name);
    }

    private static int linuxInt(String key, String name) {
        return Integer.parseInt(linux(key, name));
    }

    /** A lesson run to the {@code nth} step (1-based) whose text starts with {@code text}. */
    private record At(Kernel k, OpResult r) {
        PhysicalMemory pm() {
            return (PhysicalMemory) k.pages();
        }

        Mm mm(String process) {
            return k.taskNamed(process).mm();
        }

        long rssKb(String process) {
            return pm().rss(mm(process)).kb();
        }

        boolean present(String process, long addr) {
            return pm().pte(mm(process), addr).present();
        }

        long frame(String process, long addr) {
            return pm().pte(mm(process), addr).frame();
        }

        String signalCode() {
            for (SimEvent e : r.events()) if (e instanceof TaskEvent.SignalRaised s) return s.cause().code();
            return "ok";
        }
    }

    private static At at(String lesson, String text, int nth) {
        Lesson l = Lessons.find(lesson).orElseThrow();
        ScenarioParser.Result parsed = ScenarioParser.parse(l.text(), l.fileName());
        Kernel k = new Kernel();
        int seen = 0;
        for (ScenarioParser.Step s : parsed.steps()) {
            OpResult r = Syscalls.apply(k, s.op());
            assertTrue(!r.failed(), r.error());
            if (s.text().strip().startsWith(text) && ++seen == nth) return new At(k, r);
        }
        throw new AssertionError(lesson + " has no step " + nth + " \"" + text + "\"");
    }

    private static At at(String lesson, String text) {
        return at(lesson, text, 1);
    }

    private static String bits(At a, String process, long from, int pages) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pages; i++) b.append(a.present(process, from + i * 4096L) ? '1' : '0');
        return b.toString();
    }

    @Test
    void rssVszFivePagesThreePresent() {
        assertEquals(linuxInt("rssvsz_first_write_minflt", "rssvsz_first_write_minflt"),
            at("rss-vsz", "touch 0x10000000 w").r().minorFaults());
        At end = at("rss-vsz", "touch 0x10003000 w");
        Vma v = end.mm("rssdemo").vmaAt(0x10000000L);
        assertEquals(linuxInt("rssvsz_size_kb", "rssvsz_size_kb"), (v.end() - v.start()) >> 10);
        assertEquals(linuxInt("rssvsz_size_kb", "rss_kb"), end.rssKb("rssdemo"));
        assertEquals(linux("rssvsz_size_kb", "present"), bits(end, "rssdemo", 0x10000000L, 5));
    }

    @Test
    void heapFaultBrkGrowsWithoutPagesAndTheFirstWriteFaults() {
        At before = at("heap-fault", "touch 0x55555555b000 8K w");
        At grown = at("heap-fault", "brk +8K", 2);
        Vma heap = grown.mm("heapdemo").vmaAt(0x55555555b000L);
        long grewKb = (heap.end() - before.mm("heapdemo").vmaAt(0x55555555b000L).end()) >> 10;
        assertEquals(linuxInt("heap_brk_grow_size_kb", "heap_brk_grow_size_kb"), grewKb);
        assertEquals(linuxInt("heap_brk_grow_size_kb", "rss_kb_unchanged") == 1,
            grown.rssKb("heapdemo") == before.rssKb("heapdemo"));
        assertEquals(linuxInt("heap_brk_grow_size_kb", "new_page_present_before") == 1,
            grown.present("heapdemo", 0x55555555d000L));
        At fault = at("heap-fault", "touch 0x55555555d000 w");
        assertEquals(linuxInt("heap_brk_grow_size_kb", "write_minflt"), fault.r().minorFaults());
        assertEquals(linuxInt("heap_brk_grow_size_kb", "present_after") == 1, fault.present("heapdemo", 0x55555555d000L));
        assertEquals(linuxInt("heap_brk_grow_size_kb", "rss_kb_grew"), fault.rssKb("heapdemo") - grown.rssKb("heapdemo"));
    }

    @Test
    void zeroPageReadsCostNoRssAndAWriteCopies() {
        At read = at("zero-page", "touch 0x10000000 16K r");
        assertEquals(linuxInt("zero_read4_minflt", "zero_read4_minflt"), read.r().minorFaults());
        assertEquals(linuxInt("zero_read4_minflt", "rss_kb"), read.rssKb("zerodemo"));
        assertEquals(linux("zero_read4_minflt", "present"), bits(read, "zerodemo", 0x10000000L, 4));
        long zero = read.frame("zerodemo", 0x10000000L);
        assertEquals(linuxInt("zero_read4_minflt", "same_pfn") == 1, zero == read.frame("zerodemo", 0x10003000L)
            && zero == read.pm().zeroPfn());
        At write = at("zero-page", "touch 0x10001000 w");
        assertEquals(linuxInt("zero_write_minflt", "zero_write_minflt"), write.r().minorFaults());
        assertEquals(linuxInt("zero_write_minflt", "rss_kb"), write.rssKb("zerodemo"));
        assertEquals(linuxInt("zero_write_minflt", "new_pfn") == 1, write.frame("zerodemo", 0x10001000L) != zero);
        At dropped = at("zero-page", "madvise 0x10001000 4K dontneed");
        assertEquals(linuxInt("zero_dontneed", "rss_kb"), dropped.rssKb("zerodemo"));
        assertEquals(linuxInt("zero_dontneed", "present") == 1, dropped.present("zerodemo", 0x10001000L));
        At again = at("zero-page", "touch 0x10001000 r");
        assertEquals(linuxInt("zero_reread", "minflt"), again.r().minorFaults());
        assertEquals(linuxInt("zero_reread", "zero_pfn_again") == 1, again.frame("zerodemo", 0x10001000L) == zero);
        assertEquals(linuxInt("zero_reread", "rss_kb"), again.rssKb("zerodemo"));
    }

    @Test
    void forkSharesFramesUntilAWriteCopiesOrReuses() {
        long page = 0x55555555b000L;
        At forked = at("fork-cow", "fork child");
        long shared = forked.frame("parent", page);
        assertEquals(linuxInt("forkcow_child_shares", "forkcow_child_shares") == 1,
            forked.frame("child", page) == shared);
        assertEquals(linuxInt("forkcow_child_shares", "mapcount_after_fork"), forked.pm().mapcount(shared));
        At child = at("fork-cow", "child: touch 0x55555555b000 w");
        assertEquals(linuxInt("forkcow_child_shares", "child_write_minflt"), child.r().minorFaults());
        assertEquals(linuxInt("forkcow_child_shares", "child_new_pfn") == 1, child.frame("child", page) != shared);
        assertEquals(linuxInt("forkcow_parent_mapcount_after_child_copy", "forkcow_parent_mapcount_after_child_copy"),
            child.pm().mapcount(shared));
        assertEquals(linuxInt("forkcow_parent_read_minflt", "forkcow_parent_read_minflt"),
            at("fork-cow", "child: touch 0x55555555c000 r").r().minorFaults());
        long third = 0x55555555dL << 12;
        At parent = at("fork-cow", "parent: touch 0x55555555d000 w");
        assertEquals(linuxInt("forkcow_parent_write_shared_minflt", "forkcow_parent_write_shared_minflt"),
            parent.r().minorFaults());
        assertEquals(linuxInt("forkcow_parent_write_shared_minflt", "parent_new_pfn") == 1,
            parent.frame("parent", third) != forked.frame("parent", third));
        assertEquals(linuxInt("forkcow_parent_write_shared_minflt", "child_keeps_old") == 1,
            parent.frame("child", third) == forked.frame("parent", third));
        At reuse = at("fork-cow", "parent: touch 0x55555555b000 w");
        assertEquals(linuxInt("forkcow_parent_write_exclusive_minflt", "forkcow_parent_write_exclusive_minflt"),
            reuse.r().minorFaults());
        assertEquals(linuxInt("forkcow_parent_write_exclusive_minflt", "reused_pfn") == 1,
            reuse.frame("parent", page) == shared);
    }

    @Test
    void sharedLibcIsOneFrameInTwoProcesses() {
        At two = at("shared-libc", "touch 0x7ffff7e10000 64K x", 2);
        long frame = two.frame("one", 0x7ffff7e10000L);
        assertEquals(linuxInt("sharedlibc_same_pfn", "sharedlibc_same_pfn") == 1,
            frame == two.frame("two", 0x7ffff7e10000L));
        assertEquals(linuxInt("sharedlibc_same_pfn", "mapcount_ge2") == 1, two.pm().mapcount(frame) >= 2);
    }

    @Test
    void stackGrowsDownStopsAtTheGuardGapAndStrayWritesFault() {
        At one = at("stack-segv", "touch 0x7ffffffdd000 w");
        assertEquals(linux("stack_below_by_one_page", "stack_below_by_one_page"), one.signalCode());
        assertEquals(linuxInt("stack_below_by_one_page", "grew_kb"),
            (0x7ffffffde000L - one.mm("stackdemo").vmaAt(0x7ffffffdd000L).start()) >> 10);
        assertEquals(linux("stack_below_by_one_page", "further"), at("stack-segv", "touch 0x7ffffffd0000 w").signalCode());
        assertEquals(linux("stack_guard_gap_mapping", "below_stack"),
            at("stack-segv", "touch 0x7ffffffcf000 w").signalCode());
        assertEquals(linux("stack_after_gap_unmapped", "stack_after_gap_unmapped"),
            at("stack-segv", "touch 0x7ffffffcf000 w", 2).signalCode());
        assertEquals(linux("stack_wild_read", "stack_wild_read"), at("stack-segv", "touch 0x0000deadb000 r").signalCode());
        At header = at("stack-segv", "touch 0x555555554000 w");
        Vma first = header.mm("stackdemo").vmas().get(0);
        assertEquals(linux("exe_first_mapping", "exe_first_mapping"), first.perms());
        assertEquals(0x555555554000L, first.start());
        assertEquals(linux("exe_first_mapping", "then"), header.mm("stackdemo").vmaAt(first.end()).perms());
        assertEquals(linux("stack_write_header", "stack_write_header"), header.signalCode());
        assertEquals(linux("stack_write_header", "write_text"), at("stack-segv", "touch 0x555555555000 w").signalCode());
    }

    @Test
    void madviseHintsSplitAndMergeAndDontneedDropsMappingsNotTheCache() {
        At seq = at("madvise", "madvise 0x10000000 64K sequential");
        assertEquals(linuxInt("madvise_sequential_vmas", "madvise_sequential_vmas"), seq.mm("advdemo").mapCount());
        assertTrue(seq.mm("advdemo").vmaAt(0x10000000L).has(VmFlags.SEQ_READ));
        assertTrue(linux("madvise_sequential_vmas", "flags").equals("rd")
            && String.join(" ", KERNEL.get("madvise_sequential_vmas")).endsWith(" sr"));
        At rand = at("madvise", "madvise 0x10030000 64K random");
        assertTrue(rand.mm("advdemo").vmaAt(0x10030000L).has(VmFlags.RAND_READ));
        assertTrue(String.join(" ", KERNEL.get("madvise_random_vmas")).endsWith(" rr"));
        assertEquals(linuxInt("madvise_normal_vmas", "madvise_normal_vmas"),
            at("madvise", "madvise 0x10000000 256K normal").mm("advdemo").mapCount());
        At dropped = at("madvise", "madvise 0x10000000 64K dontneed");
        assertEquals(linuxInt("madvise_dontneed_file", "rss_kb"), dropped.rssKb("advdemo"));
        assertTrue(linuxInt("madvise_dontneed_file", "cache_kept_pages") > 0);
        assertTrue(dropped.pm().pageCache().size() >= 16, "the page cache keeps the file's pages");
        At reread = at("madvise", "touch 0x10000000 64K r", 2);
        assertEquals(linuxInt("madvise_dontneed_file", "reread_minflt"), reread.r().minorFaults());
    }

    @Test
    void threadsShareTheMmAndAForkedChildDoesNot() {
        At written = at("threads", "worker: touch 0x10000000 16K w");
        assertEquals(linuxInt("threads_mapping_visible_to_main", "threads_mapping_visible_to_main") == 1,
            written.rssKb("server") == 16 && written.mm("server") == written.mm("worker"));
        At child = at("threads", "child: touch 0x20000000 8K w");
        assertEquals(linuxInt("process_mapping_visible_to_parent", "process_mapping_visible_to_parent") == 1,
            child.mm("server").vmaAt(0x20000000L) != null);
        assertEquals(linuxInt("process_mapping_visible_to_parent", "parent_vmrss_grew_kb") == 1,
            child.rssKb("server") != at("threads", "server: fork child").rssKb("server"));
        assertNotEquals(child.mm("server"), child.mm("child"));
    }

    @Test
    void munmapAndDontforkSplitLikeTheKernel() {
        assertEquals(linuxInt("munmap_middle_vmas", "munmap_middle_vmas"),
            at("mprotect-merge", "munmap 0x10008000 8K").mm("splitdemo").mapCount());
        At dontfork = at("mprotect-merge", "madvise 0x10000000 16K dontfork");
        assertEquals(linuxInt("dontfork_vmas", "dontfork_vmas"), dontfork.mm("splitdemo").mapCount());
        assertTrue(String.join(" ", KERNEL.get("dontfork_vmas")).contains(" dc "));
        assertTrue(dontfork.mm("splitdemo").vmaAt(0x10000000L).has(VmFlags.DONTCOPY));
    }
}
