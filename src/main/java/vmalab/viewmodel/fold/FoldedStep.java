package vmalab.viewmodel.fold;

import vmalab.io.Narrator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.event.Narration;
import vmalab.model.event.SimEvent;
import vmalab.model.event.TaskEvent;
import vmalab.model.fault.FaultEvent;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.model.paging.PagingEvent;
import vmalab.model.paging.PhysicalMemory;
import vmalab.model.paging.Rss;

/**
 * One operation on show, folded once: its events read into the frames every view paints (tree states, free-list
 * states, frame owners, narration, counters), so that {@link #at(int)} is cheap for any cursor. Built from the
 * kernel after the operation, the operation's result and what the fold keeps of the state before it
 * ({@link StepStart}); without a start (a jump on the timeline) every cursor shows the end state.
 *
 * <p>Valid while the kernel stays at the state it was built for (the timeline changes the kernel in place and
 * folds again after every operation).
 */
public final class FoldedStep {
    /** Nothing on show: no kernel. */
    public static final FoldedStep NONE = new FoldedStep(null, null, null, null, 0);

    private final Kernel kernel;
    private final OpResult result;
    private final StepStart start;
    private vmalab.model.mm.MapleReplay.Frame lastMapleFrame;
    private long lastMapleKey;
    private final List<SimEvent> events;
    private final PhysicalMemory pm;
    private final int version;
    /** Indexes of the Narration events, in order. */
    private final int[] narrations;
    private final List<String> trail = new ArrayList<>();
    private final Map<Long, TreeFrames> trees = new HashMap<>();
    private BuddyFrames buddy;
    /** faultsBefore[i]: the minor faults among the first i events, counted on first use. */
    private int[] faultsBefore;
    private int[] signalEvents;

    private FoldedStep(Kernel kernel, OpResult result, StepStart start, OpResult narrated, int version) {
        this.kernel = kernel;
        this.result = result;
        this.start = start;
        this.version = version;
        this.events = result == null ? List.of() : result.events();
        this.pm = kernel != null && kernel.pages() instanceof PhysicalMemory p ? p : null;
        List<SimEvent> told = result != null ? events : narrated == null ? List.of() : narrated.events();
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < told.size(); i++) {
            if (told.get(i) instanceof Narration n) {
                idx.add(i);
                trail.add(function(n));
            }
        }
        narrations = idx.stream().mapToInt(Integer::intValue).toArray();
        this.narratedEvents = told;
    }

    private final List<SimEvent> narratedEvents;

    /**
     * Folds {@code result} (what brought {@code kernel} to its state; null at step 0 or after a jump back) over
     * {@code start} (the state before it, or null). {@code narrated} is the step whose narration the line shows
     * when {@code result} is null (the step that led here, all of it told), or null.
     */
    public static FoldedStep of(Kernel kernel, OpResult result, StepStart start, OpResult narrated, int version) {
        return new FoldedStep(kernel, result, start, narrated, version);
    }

    public Kernel kernel() { return kernel; }
    public OpResult result() { return result; }
    public int version() { return version; }
    public int eventCount() { return events.size(); }
    PhysicalMemory pm() { return pm; }
    List<SimEvent> events() { return events; }

    /** The state after the first {@code cursor} events (clamped to 0 … eventCount). */
    public StepState at(int cursor) {
        int c = Math.max(0, Math.min(cursor, events.size()));
        return new StepState(this, result == null ? events.size() : c);
    }

    /** The tree frames of {@code mm} for this operation (the end state only when there is nothing to replay). */
    TreeFrames tree(Mm mm) {
        return trees.computeIfAbsent(mm.id(), id -> {
            ShadowTree end = ShadowTree.of(mm.index());
            if (start == null || events.isEmpty()) return TreeFrames.still(end);
            return TreeFrames.replay(start.tree(id), events, id, end);
        });
    }

    /**
     * {@code mm}'s maple tree after {@code cursor} of this operation's events: its stores up to there replayed on
     * the tree before the operation. Null when every event is shown (the model's tree is the picture), or when
     * there is nothing to replay from (a jump, a red-black mm, a tree too big to copy, an mm made by this step).
     */
    public vmalab.model.mm.MapleReplay.Frame mapleAt(Mm mm, int cursor) {
        if (mm == null || start == null || cursor >= events.size()) return null;
        vmalab.model.mm.MapleReplay r = start.maple(mm.id());
        if (r == null) return null;
        long key = mm.id() * 1_000_003L + cursor;
        if (lastMapleFrame != null && lastMapleKey == key) return lastMapleFrame;
        List<long[]> ranges = new ArrayList<>();
        List<Vma> written = new ArrayList<>();
        for (int i = 0; i < cursor; i++) {
            if (events.get(i) instanceof vmalab.model.event.MapleStepped m && m.mmId() == mm.id()) {
                ranges.add(new long[] {m.step().index(), m.step().last()});
                // the VMA written: the one the end state holds at that address (its record at the end of the
                // step; the slot's range comes from the store itself)
                written.add(m.step().erase() ? null : writtenVma(mm, m.step().index(), m.step().last()));
            }
        }
        lastMapleFrame = r.upTo(ranges, written);
        lastMapleKey = key;
        return lastMapleFrame;
    }

    private static Vma writtenVma(Mm mm, long index, long last) {
        Vma v = mm.findVma(index);
        if (v != null && Long.compareUnsigned(v.start(), last) <= 0) return v;
        // gone by the end of the step (a VMA made and unmapped in one operation): a stand-in of that range
        return new Vma(index, last + 1, 0, 0, null, 0, null);
    }

    BuddyFrames buddy() {
        if (buddy == null && pm != null) {
            List<List<Long>> endLists = pm.buddy().freeLists();
            FreeListState end = FreeListState.of(endLists);
            buddy = start == null || start.freeLists() == null || events.isEmpty() ? BuddyFrames.still(end)
                : BuddyFrames.replay(FreeListState.of(start.freeLists()), events, endLists, end, pm.frames());
        }
        return buddy;
    }

    /** The narration shown after {@code cursor} events. */
    NarrationAt narration(int cursor) {
        if (result != null && result.failed()) return new NarrationAt(-1, 0, "error", result.error(), List.of());
        int shown = result == null ? narratedEvents.size() : cursor;
        int current = -1;
        for (int k = 0; k < narrations.length && narrations[k] < shown; k++) current = k;
        if (current < 0) return new NarrationAt(-1, narrations.length, "", "", List.copyOf(trail));
        Narration n = (Narration) narratedEvents.get(narrations[current]);
        return new NarrationAt(current, narrations.length, function(n), text(n), List.copyOf(trail));
    }

    /** mm's RSS after {@code cursor} events: the last RssChanged shown, else the counters before the operation. */
    Rss rss(Mm mm, int cursor) {
        // every event shown: the end state is the truth (bulk work, an import of thousands of pages, reports a
        // summary and no RssChanged per page, so the last one among the events can be far behind)
        if (cursor >= events.size() && pm != null) return pm.rss(mm);
        for (int i = Math.min(cursor, events.size()) - 1; i >= 0; i--) {
            if (events.get(i) instanceof PagingEvent.RssChanged r && r.mmId() == mm.id()) return r.rss();
        }
        if (start != null && !events.isEmpty() && cursor < events.size()) return start.rss(mm.id());
        return pm == null ? new Rss(0, 0, 0) : pm.rss(mm);
    }

    /** Minor faults among the first {@code cursor} events: handle_mm_fault() entries that took a fault path. */
    long minorFaults(int cursor) {
        if (faultsBefore == null) {
            // counted once a step: every view asks for the counters at every paint
            faultsBefore = new int[events.size() + 1];
            for (int i = 0; i < events.size(); i++) {
                boolean fault = events.get(i) instanceof FaultEvent.PageFault f && f.kind() != FaultEvent.Kind.NONE;
                faultsBefore[i + 1] = faultsBefore[i] + (fault ? 1 : 0);
            }
        }
        return faultsBefore[Math.max(0, Math.min(cursor, events.size()))];
    }

    /** The last signal among the first {@code cursor} events, or null. */
    StepSignal signal(int cursor) {
        int[] at = signalEvents();
        int shown = Math.min(cursor, events.size());
        for (int k = at.length - 1; k >= 0; k--) {
            if (at[k] < shown) return signalAt(at[k]);
        }
        return null;
    }

    List<StepSignal> signals(int cursor) {
        List<StepSignal> out = new ArrayList<>();
        int shown = Math.min(cursor, events.size());
        for (int i : signalEvents()) {
            if (i < shown) out.add(signalAt(i));
        }
        return out;
    }

    private StepSignal signalAt(int i) {
        TaskEvent.SignalRaised s = (TaskEvent.SignalRaised) events.get(i);
        return new StepSignal(s.pid(), s.signal(), s.addr(), Narrator.reason(s));
    }

    /** The indexes of the step's SignalRaised events, found once: the layout asks at every paint. */
    private int[] signalEvents() {
        if (signalEvents == null) {
            int[] at = new int[8];
            int n = 0;
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i) instanceof TaskEvent.SignalRaised) {
                    if (n == at.length) at = java.util.Arrays.copyOf(at, 2 * n);
                    at[n++] = i;
                }
            }
            signalEvents = java.util.Arrays.copyOf(at, n);
        }
        return signalEvents;
    }

    /** The mm's numbers before the operation, or null (no operation on show, or the mm is new). */
    public Map<String, Long> numbersBefore(Mm mm) {
        return start == null || result == null || mm == null ? null : start.numbers(mm.id());
    }

    /** Whether the operation created {@code mm} (exec, fork). */
    boolean created(Mm mm) {
        for (SimEvent e : events) {
            if (e instanceof TaskEvent.TaskCreated c && c.mmId() == mm.id()) return true;
        }
        return false;
    }

    // The narration's words: the one place that reads them (narration becomes data rendered by a narrator).
    private static String function(Narration n) {
        return Narrator.function(n);
    }

    private static String text(Narration n) {
        return Narrator.text(n);
    }
}
