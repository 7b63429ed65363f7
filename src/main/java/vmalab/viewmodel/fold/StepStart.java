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
    private final Map<Long, vmalab.model.mm.MapleReplay> maple;

    /**
     * A maple tree with more VMAs than this is not copied before a step: its stores show on the tree after the
     * step (a copy per step costs as much as the tree is big; nobody follows a split among 65,530 VMAs by eye).
     */
    public static final int MAPLE_REPLAY_VMAS = 4096;

    private StepStart(List<List<Long>> freeLists, Map<Long, ShadowTree> trees, Map<Long, Rss> rss,
                      Map<Long, Map<String, Long>> numbers, Map<Long, vmalab.model.mm.MapleReplay> maple) {
        this.freeLists = freeLists;
        this.trees = trees;
        this.rss = rss;
        this.numbers = numbers;
        this.maple = maple;
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
        Map<Long, vmalab.model.mm.MapleReplay> maple = new HashMap<>();
        for (Mm mm : k.mms()) {
            vmalab.model.mm.MapleReplay r = mm.index().mapleReplay(MAPLE_REPLAY_VMAS);
            if (r != null) maple.put(mm.id(), r);
            trees.put(mm.id(), ShadowTree.of(mm.index()));
            if (pm != null) rss.put(mm.id(), pm.rss(mm));
            numbers.put(mm.id(), MmNumbers.of(mm, pm == null ? null : pm.rss(mm)));
        }
        return new StepStart(lists, trees, rss, numbers, maple);
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

    /** mm_mt before, to replay the step's stores on; null for a red-black mm, a big tree or a new mm. */
    vmalab.model.mm.MapleReplay maple(long mmId) {
        return maple.get(mmId);
    }

    /** RSS before; zero when the mm did not exist yet. */
    Rss rss(long mmId) {
        Rss r = rss.get(mmId);
        return r == null ? new Rss(0, 0, 0) : r;
    }
}
