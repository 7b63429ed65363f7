package vmalab.viewmodel.fold;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vmalab.model.Kernel;
import vmalab.model.mm.Mm;
import vmalab.model.paging.FrameKind;

/**
 * The state every view paints: the operation on show folded up to one event cursor. Views read pages, the tree,
 * the free lists, the narration and the counters from here, never from the events, so they cannot disagree
 * about the cursor. Obtained from {@link FoldedStep#at(int)}; per-mm parts are computed on first use and kept.
 */
public final class StepState {
    /** Nothing to show. */
    public static final StepState NONE = FoldedStep.NONE.at(0);

    private final FoldedStep step;
    private final int cursor;
    private final Map<Long, PtesAtCursor> ptes = new HashMap<>();
    private NarrationAt narration;

    StepState(FoldedStep step, int cursor) {
        this.step = step;
        this.cursor = cursor;
    }

    /** The kernel after the operation (read only; the parts a later event changes are overridden here). */
    public Kernel kernel() { return step.kernel(); }
    /** Events of the operation shown: 0 … {@link #eventCount()}. */
    public int cursor() { return cursor; }
    public int eventCount() { return step.eventCount(); }
    /** Whether every event is shown: the picture is the model's end state. */
    public boolean atEnd() { return cursor >= step.eventCount(); }
    /** Whether an operation is on show (false at step 0 and after a jump, when only the end state is drawn). */
    public boolean hasStep() { return step.result() != null; }
    public int version() { return step.version(); }
    public FoldedStep step() { return step; }

    /** The page tables of {@code mm} at the cursor (null mm: an empty picture). */
    public PtesAtCursor ptes(Mm mm) {
        if (mm == null) return PtesAtCursor.of(step.pm(), null, List.of(), 0);
        return ptes.computeIfAbsent(mm.id(), id -> PtesAtCursor.of(step.pm(), mm, step.events(), cursor));
    }

    /** The VMA tree of {@code mm} at the cursor. */
    public TreeAt tree(Mm mm) {
        if (mm == null) return TreeAt.EMPTY;
        TreeFrames f = step.tree(mm);
        return new TreeAt(f, f.frameAtCursor(cursor), cursor, step.created(mm));
    }

    /**
     * The stores into {@code mm}'s maple tree among the events up to the cursor, in order (the path each took,
     * the nodes it walked, made and retired): empty for a red-black mm or a step without any.
     */
    public java.util.List<vmalab.model.maple.MapleStep> mapleStores(Mm mm) {
        if (mm == null) return java.util.List.of();
        java.util.List<vmalab.model.maple.MapleStep> out = new java.util.ArrayList<>();
        java.util.List<vmalab.model.event.SimEvent> ev = step.events();
        for (int i = 0; i < Math.min(cursor, ev.size()); i++) {
            if (ev.get(i) instanceof vmalab.model.event.MapleStepped m && m.mmId() == mm.id()) out.add(m.step());
        }
        return out;
    }

    /**
     * {@code mm}'s maple tree at the cursor, part way through the operation's stores, with the stores replayed
     * so far; null when the model's tree after the step is the picture (every event shown, or nothing to replay).
     */
    public vmalab.model.mm.MapleReplay.Frame mapleFrame(Mm mm) {
        return step.mapleAt(mm, cursor);
    }

    /** The buddy allocator at the cursor, or null without a physical memory model. */
    public BuddyAt buddy() {
        BuddyFrames f = step.buddy();
        return f == null ? null : new BuddyAt(f, f.frameAtCursor(cursor), cursor);
    }

    /** The owner kind of frame {@code pfn} at the cursor, or null when it is the end state's. */
    public FrameKind frameKindAt(long pfn) {
        BuddyFrames f = step.buddy();
        return f == null ? null : f.kindAt(pfn, cursor);
    }

    public NarrationAt narration() {
        if (narration == null) narration = step.narration(cursor);
        return narration;
    }

    /** RSS, VSZ, map_count, free frames and the step's minor faults at the cursor. */
    public Counters counters(Mm mm) {
        BuddyAt b = buddy();
        long free = b == null ? -1 : b.freeFrames();
        if (mm == null) return new Counters(new vmalab.model.paging.Rss(0, 0, 0), 0, 0, free, step.minorFaults(cursor));
        TreeShape t = tree(mm).shape();
        return new Counters(step.rss(mm, cursor), t.totalPages(), t.size(), free, step.minorFaults(cursor));
    }

    /** What the event at the cursor is about (the last event shown), or a change of kind OTHER. */
    public Change change() {
        return cursor == 0 || !hasStep() ? Change.NONE : Change.of(step.events().get(cursor - 1));
    }

    /** Every signal sent among the events shown, in order. */
    public java.util.List<StepSignal> signals() {
        return step.signals(cursor);
    }

    /** The signal the step has sent so far, or null. */
    public StepSignal signal() {
        return step.signal(cursor);
    }
}
