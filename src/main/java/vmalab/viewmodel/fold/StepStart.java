package vmalab.viewmodel.fold;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vmalab.model.Kernel;
import vmalab.model.mm.Mm;
import vmalab.model.paging.PhysicalMemory;
import vmalab.model.paging.Rss;

/**
 * What the fold needs of the state before an operation, taken just before it runs: the buddy free lists, each
 * live mm's tree shape and RSS counters. A few arrays, not a copy of the kernel: page tables and frame owners
 * are worked out backwards from the end state, from the "before" values the events record.
 */
public final class StepStart {
    private final List<List<Long>> freeLists;
    private final Map<Long, ShadowTree> trees;
    private final Map<Long, Rss> rss;
    private final Map<Long, Map<String, Long>> numbers;

    private StepStart(List<List<Long>> freeLists, Map<Long, ShadowTree> trees, Map<Long, Rss> rss,
                      Map<Long, Map<String, Long>> numbers) {
        this.freeLists = freeLists;
        this.trees = trees;
        this.rss = rss;
        this.numbers = numbers;
    }

    /** The parts of {@code k} the fold replays from; {@code k} is read, never changed. */
    public static StepStart of(Kernel k) {
        PhysicalMemory pm = k.pages() instanceof PhysicalMemory p ? p : null;
        List<List<Long>> lists = null;
        if (pm != null) {
            lists = new ArrayList<>();
            for (List<Long> l : pm.buddy().freeLists()) lists.add(List.copyOf(l));
        }
        Map<Long, ShadowTree> trees = new HashMap<>();
        Map<Long, Rss> rss = new HashMap<>();
        Map<Long, Map<String, Long>> numbers = new HashMap<>();
        for (Mm mm : k.mms()) {
            trees.put(mm.id(), ShadowTree.of(mm.index()));
            if (pm != null) rss.put(mm.id(), pm.rss(mm));
            numbers.put(mm.id(), MmNumbers.of(mm, pm == null ? null : pm.rss(mm)));
        }
        return new StepStart(lists, trees, rss, numbers);
    }

    /** The free lists before, or null without a physical memory model. */
    List<List<Long>> freeLists() {
        return freeLists;
    }

    /** The mm's tree before; an empty tree when the mm did not exist yet. Callers copy before changing it. */
    ShadowTree tree(long mmId) {
        ShadowTree t = trees.get(mmId);
        return t == null ? ShadowTree.empty() : t;
    }

    /** The mm's numbers before ({@link MmNumbers}), or null when it did not exist yet. */
    Map<String, Long> numbers(long mmId) {
        return numbers.get(mmId);
    }

    /** RSS before; zero when the mm did not exist yet. */
    Rss rss(long mmId) {
        Rss r = rss.get(mmId);
        return r == null ? new Rss(0, 0, 0) : r;
    }
}
