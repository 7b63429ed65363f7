package vmalab.viewmodel.fold;

import vmalab.model.syscall.Syscalls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vmalab.io.ScenarioParser;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.event.Narration;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.model.paging.FrameKind;
import vmalab.model.paging.PageInfo;
import vmalab.model.paging.PhysicalMemory;
import vmalab.model.paging.Rss;

/**
 * The views paint one folded state, so they agree when the fold agrees with itself: for every lesson, every
 * operation and every event cursor, the parts folded from different events (pages backwards from the end,
 * free lists and the tree forwards from the start, frame owners backwards) tell one story, the state at
 * cursor 0 is the state before the operation, and the state after the last event is the model's.
 */
class FoldAgreementTest {
    /** VMAs larger than this are not walked page by page (no lesson has one). */
    private static final long MAX_PAGES = 1 << 16;

    static Stream<Path> lessons() throws IOException {
        return Files.list(Path.of("src/main/resources/vmalab/lessons")).filter(p -> p.toString().endsWith(".vlab")).sorted();
    }

    /** What the model holds before an operation, read directly (the fold's cursor 0 must match it). */
    private record Before(List<List<Long>> freeLists, Map<Long, Set<Long>> present, Map<Long, Rss> rss,
                          Map<Long, Long> totalVm, Map<Long, Integer> mapCount, Map<Long, List<Long>> starts) {
        static Before of(Kernel k) {
            PhysicalMemory pm = (PhysicalMemory) k.pages();
            Map<Long, Set<Long>> present = new HashMap<>();
            Map<Long, Rss> rss = new HashMap<>();
            Map<Long, Long> total = new HashMap<>();
            Map<Long, Integer> count = new HashMap<>();
            Map<Long, List<Long>> starts = new HashMap<>();
            for (Mm mm : k.mms()) {
                Set<Long> p = new HashSet<>();
                for (Vma v : mm.vmas()) {
                    for (PageInfo i : pm.pages(mm, v)) if (i.pte().present()) p.add(i.addr());
                }
                present.put(mm.id(), p);
                rss.put(mm.id(), pm.rss(mm));
                total.put(mm.id(), mm.totalVm());
                count.put(mm.id(), mm.mapCount());
                starts.put(mm.id(), mm.vmas().stream().map(Vma::start).toList());
            }
            return new Before(copy(pm.buddy().freeLists()), present, rss, total, count, starts);
        }
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void every_cursor_of_every_step_tells_one_story(Path lesson) throws IOException {
        tellsOneStory(Files.readString(lesson), lesson.getFileName().toString());
    }

    /** The same lessons with every process's VMAs in the maple tree: the fold follows mm_mt's VMA set too. */
    @ParameterizedTest
    @MethodSource("lessons")
    void every_cursor_tells_one_story_in_the_maple_era(Path lesson) throws IOException {
        String maple = Files.readString(lesson).replaceAll("(?m)^(\\s*(?:\\S+:\\s*)?exec\\s+\\S+\\s+\\S+)[ \\t]*$", "$1 maple");
        if (!maple.contains(" maple")) return; // a lesson without a process (memory, alloc_pages only)
        tellsOneStory(maple, lesson.getFileName().toString());
    }

    private void tellsOneStory(String text, String name) {
        ScenarioParser.Result parsed = ScenarioParser.parse(text, name);
        assertTrue(parsed.ok(), parsed.error());
        Kernel k = new Kernel();
        int checked = 0;
        for (ScenarioParser.Step step : parsed.steps()) {
            StepStart start = StepStart.of(k);
            Before before = Before.of(k);
            OpResult r = Syscalls.apply(k, step.op());
            FoldedStep f = FoldedStep.of(k, r, start, null, 1);
            String where = name + ":" + step.line() + " " + step.text();
            for (int c = 0; c <= r.events().size(); c++) {
                StepState st = f.at(c);
                assertEquals(c, st.cursor());
                agrees(k, r, st, where + " @" + c);
                checked++;
            }
            if (!r.events().isEmpty()) isTheStateBefore(k, f.at(0), before, where + " @0");
            isTheModelsState(k, r, f.at(r.events().size()), where + " @end");
        }
        assertTrue(checked > parsed.steps().size(), "events were stepped through");
    }

    /** The parts of one folded state agree with each other. */
    private static void agrees(Kernel k, OpResult r, StepState st, String where) {
        // the narration shown is one of the events shown, the last narration among them
        NarrationAt n = st.narration();
        long told = r.events().subList(0, st.cursor()).stream().filter(e -> e instanceof Narration).count();
        long all = r.events().stream().filter(e -> e instanceof Narration).count();
        if (!r.failed()) {
            assertEquals(told - 1, n.index(), where + ": narration index");
            assertEquals(all, n.count(), where + ": narrations of the step");
            assertEquals(all, n.trail().size(), where + ": trail");
        }
        PhysicalMemory pm = (PhysicalMemory) k.pages();
        for (Mm mm : k.mms()) {
            PtesAtCursor ptes = st.ptes(mm);
            for (Vma v : mm.vmas()) {
                if (v.pages() > MAX_PAGES) continue;
                long strip = 0;
                for (long a = v.start(); a < v.end(); a += Vma.PAGE_SIZE) if (ptes.pte(a).present()) strip++;
                assertEquals(strip, ptes.presentIn(v), where + ": header vs strip of " + Long.toHexString(v.start()));
            }
            Counters cs = st.counters(mm);
            assertEquals(st.tree(mm).shape().size(), cs.mapCount(), where + ": map_count vs tree");
        }
        // free lists at the cursor (replayed forwards) hold only frames whose owner (worked backwards) is FREE
        BuddyAt b = st.buddy();
        assertNotNull(b, where);
        long free = 0;
        List<List<Long>> lists = b.lists().lists();
        for (int o = 0; o < lists.size(); o++) {
            for (long pfn : lists.get(o)) {
                free += 1L << o;
                for (long p = pfn; p < pfn + (1L << o); p++) {
                    FrameKind kind = st.frameKindAt(p);
                    assertEquals(FrameKind.FREE, kind != null ? kind : pm.frameKind(p),
                        where + ": frame " + p + " on free list " + o);
                }
            }
        }
        assertEquals(free, b.freeFrames(), where + ": free frames");
        if (!k.mms().isEmpty()) assertEquals(free, st.counters(k.mms().get(0)).freeFrames(), where);
    }

    /** Cursor 0 shows the state before the operation. */
    private static void isTheStateBefore(Kernel k, StepState st, Before before, String where) {
        assertEquals(before.freeLists(), st.buddy().lists().lists(), where + ": free lists");
        for (Mm mm : k.mms()) {
            if (!before.present().containsKey(mm.id())) continue; // made by this operation
            Counters cs = st.counters(mm);
            assertEquals(before.rss().get(mm.id()), cs.rss(), where + ": rss");
            assertEquals(before.totalVm().get(mm.id()), cs.totalVmPages(), where + ": total_vm");
            assertEquals(before.mapCount().get(mm.id()), cs.mapCount(), where + ": map_count");
            TreeShape t = st.tree(mm).shape();
            List<Long> keys = new ArrayList<>();
            for (int i = 0; i < t.size(); i++) keys.add(t.key(t.byRank(i)));
            assertEquals(before.starts().get(mm.id()), keys, where + ": tree keys");
            PtesAtCursor ptes = st.ptes(mm);
            Set<Long> shown = new HashSet<>();
            for (Vma v : mm.vmas()) {
                if (v.pages() > MAX_PAGES) continue;
                for (long a = v.start(); a < v.end(); a += Vma.PAGE_SIZE) if (ptes.pte(a).present()) shown.add(a);
            }
            Set<Long> expected = new HashSet<>(before.present().get(mm.id()));
            expected.removeIf(a -> mm.vmaAt(a) == null || mm.vmaAt(a).pages() > MAX_PAGES);
            assertEquals(expected, shown, where + ": present pages");
        }
        assertEquals(0, st.counters(null).minorFaults(), where);
    }

    /** After the last event the folded state is the model's end state. */
    private static void isTheModelsState(Kernel k, OpResult r, StepState st, String where) {
        PhysicalMemory pm = (PhysicalMemory) k.pages();
        assertTrue(st.atEnd(), where);
        assertEquals(pm.buddy().freeLists(), st.buddy().lists().lists(), where + ": free lists");
        assertTrue(st.buddy().lists().inHand().isEmpty(), where + ": nothing in hand");
        for (long p = 0; p < pm.frames(); p++) assertEquals(null, st.frameKindAt(p), where + ": frame " + p);
        for (Mm mm : k.mms()) {
            Counters cs = st.counters(mm);
            assertEquals(pm.rss(mm), cs.rss(), where + ": rss");
            assertEquals(mm.totalVm(), cs.totalVmPages(), where + ": total_vm");
            assertEquals(mm.mapCount(), cs.mapCount(), where + ": map_count");
            assertEquals(pm.freeFrames(), cs.freeFrames(), where + ": free frames");
            assertEquals(r.minorFaults(), cs.minorFaults(), where + ": minflt");
            assertTrue(st.tree(mm).shape().sameTree(TreeShape.layout(mm.index())), where + ": tree");
            assertTrue(st.ptes(mm).changedLater().isEmpty(), where + ": no PTE differs from the model's");
        }
    }

    private static List<List<Long>> copy(List<List<Long>> lists) {
        List<List<Long>> out = new ArrayList<>();
        for (List<Long> l : lists) out.add(List.copyOf(l));
        return out;
    }
}
