package vmalab.viewmodel.fold;

import java.util.ArrayList;
import java.util.List;
import vmalab.model.buddy.BuddyEvent;
import vmalab.model.event.BuddyStepped;
import vmalab.model.event.SimEvent;
import vmalab.model.paging.FrameKind;
import vmalab.model.paging.PagingEvent;

/**
 * The free lists and frame owners one operation went through: state {@code k} is after the operation's
 * {@code k}-th buddy step. Built by replaying the steps on the previous picture; when they do not lead to the
 * model's end state (a jump on the timeline, the first picture) there is one state, the end.
 */
public final class BuddyFrames {
    /** One step: the event's index, the block it is about, what it says. */
    public record Step(int eventIndex, BuddyEvent event, String caption, FreeListState.Block subject) { }

    private final List<FreeListState> states;
    private final List<Step> steps;
    /** Per frame, the index of the first event that changes its owner, or -1; null when nothing is replayed. */
    private final int[] changedAt;
    /** Per frame, its kind before that first change (null where unchanged). */
    private final FrameKind[] kindBefore;

    private BuddyFrames(List<FreeListState> states, List<Step> steps, int[] changedAt, FrameKind[] kindBefore) {
        this.states = states;
        this.steps = steps;
        this.changedAt = changedAt;
        this.kindBefore = kindBefore;
    }

    public static BuddyFrames still(FreeListState end) {
        return new BuddyFrames(List.of(end), List.of(), null, null);
    }

    /**
     * Replays the operation's buddy steps on the free lists it started from; falls back to {@link #still} when
     * they do not lead to the model's end lists. Frame owners are worked out backwards from the end state, from
     * the "before" kind each {@link PagingEvent.FrameOwnerChanged} records.
     */
    public static BuddyFrames replay(FreeListState before, List<SimEvent> events, List<List<Long>> endLists,
                                     FreeListState end, int frames) {
        if (before == null) return still(end);
        List<FreeListState> states = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        FreeListState s = before.copy();
        states.add(s.copy());
        int[] changedAt = new int[frames];
        FrameKind[] kindBefore = new FrameKind[frames];
        java.util.Arrays.fill(changedAt, -1);
        for (int i = 0; i < events.size(); i++) {
            SimEvent e = events.get(i);
            if (e instanceof BuddyStepped b) {
                if (!s.apply(b.step())) return still(end);
                states.add(s.copy());
                steps.add(new Step(i, b.step(), caption(b.step()), subject(b.step())));
            } else if (e instanceof PagingEvent.FrameOwnerChanged f) {
                int order = orderOf(events, f.pfn());
                for (long p = f.pfn(); p < f.pfn() + (1L << order) && p < frames; p++) {
                    if (changedAt[(int) p] < 0) {
                        changedAt[(int) p] = i;
                        kindBefore[(int) p] = f.before();
                    }
                }
            }
        }
        if (!s.sameAs(endLists)) return still(end);
        return new BuddyFrames(states, steps, changedAt, kindBefore);
    }

    /** The order of the block an owner change is about: from the Allocated or Freed step for its first frame. */
    private static int orderOf(List<SimEvent> events, long pfn) {
        for (SimEvent e : events) {
            if (e instanceof BuddyStepped b) {
                if (b.step() instanceof BuddyEvent.Allocated a && a.pfn() == pfn) return a.order();
                if (b.step() instanceof BuddyEvent.Freed f && f.pfn() == pfn) return f.order();
            }
        }
        return 0;
    }

    private static FreeListState.Block subject(BuddyEvent e) {
        if (e instanceof BuddyEvent.ListDel d) return new FreeListState.Block(d.pfn(), d.order());
        if (e instanceof BuddyEvent.ListAdd a) return new FreeListState.Block(a.pfn(), a.order());
        if (e instanceof BuddyEvent.Split s) return new FreeListState.Block(s.pfn(), s.order() - 1);
        if (e instanceof BuddyEvent.Merge m) return new FreeListState.Block(m.pfn() & m.buddyPfn(), m.order() + 1);
        if (e instanceof BuddyEvent.Allocated a) return new FreeListState.Block(a.pfn(), a.order());
        if (e instanceof BuddyEvent.Freed f) return new FreeListState.Block(f.pfn(), f.order());
        return null;
    }

    private static String caption(BuddyEvent e) {
        if (e instanceof BuddyEvent.ListDel d) {
            return String.format(java.util.Locale.ROOT, "__del_page_from_free_list: block %d leaves free list %d", d.pfn(), d.order());
        }
        if (e instanceof BuddyEvent.Split s) {
            return String.format(java.util.Locale.ROOT, "expand: order-%d block %d splits into buddies %d and %d of order %d", s.order(),
                s.pfn(), s.pfn(), s.pfn() + (1L << (s.order() - 1)), s.order() - 1);
        }
        if (e instanceof BuddyEvent.ListAdd a) {
            return String.format(java.util.Locale.ROOT, "__add_to_free_list: block %d joins free list %d at the %s", a.pfn(), a.order(),
                a.tail() ? "tail" : "head");
        }
        if (e instanceof BuddyEvent.Merge m) {
            return String.format(java.util.Locale.ROOT, "__free_one_page: %d and its free buddy %d merge into order-%d block %d", m.pfn(),
                m.buddyPfn(), m.order() + 1, m.pfn() & m.buddyPfn());
        }
        if (e instanceof BuddyEvent.Allocated a) {
            return String.format(java.util.Locale.ROOT, "__rmqueue_smallest: order-%d block %d handed out", a.order(), a.pfn());
        }
        if (e instanceof BuddyEvent.Freed f) {
            return String.format(java.util.Locale.ROOT, "__free_pages: order-%d block %d given back", f.order(), f.pfn());
        }
        return "";
    }

    public boolean animated() { return !steps.isEmpty(); }
    public int last() { return steps.size(); }
    public FreeListState state(int k) { return states.get(Math.min(k, states.size() - 1)); }
    public Step step(int k) { return steps.get(k - 1); }

    /** The state showing the first {@code cursor} events. */
    public int frameAtCursor(int cursor) {
        int k = 0;
        while (k < steps.size() && steps.get(k).eventIndex() < cursor) k++;
        return k;
    }

    /**
     * The owner kind of frame {@code pfn} with the first {@code cursor} events applied, or null when it is the
     * same as in the end state (the model's).
     */
    public FrameKind kindAt(long pfn, int cursor) {
        if (changedAt == null || pfn < 0 || pfn >= changedAt.length) return null;
        int at = changedAt[(int) pfn];
        return at >= 0 && at >= cursor ? kindBefore[(int) pfn] : null;
    }
}
