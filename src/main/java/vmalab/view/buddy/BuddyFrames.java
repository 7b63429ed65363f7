package vmalab.view.buddy;

import java.util.ArrayList;
import java.util.List;
import vmalab.model.buddy.BuddyEvent;
import vmalab.model.event.BuddyStepped;
import vmalab.model.event.SimEvent;
import vmalab.model.paging.PagingEvent;

/**
 * The free lists and frame owners one operation went through: state {@code k} is after the operation's
 * {@code k}-th buddy step. Built by replaying the steps on the previous picture; when they do not lead to the
 * model's end state (a jump on the timeline, the first picture) there is one state, the end.
 */
final class BuddyFrames {
    /** One step: the event's index, the block it is about, what it says. */
    record Step(int eventIndex, BuddyEvent event, String caption) { }

    private final List<FreeListState> states;
    private final List<Step> steps;
    private final int[] endColours;
    private final int[] startColours;
    /** Per frame, the index of the first event that changes its owner, or -1. */
    private final int[] changedAt;

    private BuddyFrames(List<FreeListState> states, List<Step> steps, int[] start, int[] end, int[] changedAt) {
        this.states = states;
        this.steps = steps;
        this.startColours = start;
        this.endColours = end;
        this.changedAt = changedAt;
    }

    static BuddyFrames still(FreeListState end, int[] endColours) {
        return new BuddyFrames(List.of(end), List.of(), null, endColours, null);
    }

    static BuddyFrames replay(FreeListState before, int[] beforeColours, List<SimEvent> events,
                              List<List<Long>> endLists, FreeListState end, int[] endColours) {
        if (before == null || beforeColours == null || beforeColours.length != endColours.length) {
            return still(end, endColours);
        }
        List<FreeListState> states = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        FreeListState s = before.copy();
        states.add(s.copy());
        int[] changedAt = new int[endColours.length];
        java.util.Arrays.fill(changedAt, -1);
        for (int i = 0; i < events.size(); i++) {
            SimEvent e = events.get(i);
            if (e instanceof BuddyStepped b) {
                if (!s.apply(b.step())) return still(end, endColours);
                states.add(s.copy());
                steps.add(new Step(i, b.step(), caption(b.step())));
            } else if (e instanceof PagingEvent.FrameOwnerChanged f) {
                int order = orderOf(events, f.pfn());
                for (long p = f.pfn(); p < f.pfn() + (1L << order) && p < changedAt.length; p++) {
                    if (changedAt[(int) p] < 0) changedAt[(int) p] = i;
                }
            }
        }
        if (steps.isEmpty() || !s.sameAs(endLists)) return still(end, endColours);
        return new BuddyFrames(states, steps, beforeColours, endColours, changedAt);
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

    private static String caption(BuddyEvent e) {
        if (e instanceof BuddyEvent.ListDel d) {
            return String.format("__del_page_from_free_list: block %d leaves free list %d", d.pfn(), d.order());
        }
        if (e instanceof BuddyEvent.Split s) {
            return String.format("expand: order-%d block %d splits into buddies %d and %d of order %d", s.order(),
                s.pfn(), s.pfn(), s.pfn() + (1L << (s.order() - 1)), s.order() - 1);
        }
        if (e instanceof BuddyEvent.ListAdd a) {
            return String.format("__add_to_free_list: block %d joins free list %d at the %s", a.pfn(), a.order(),
                a.tail() ? "tail" : "head");
        }
        if (e instanceof BuddyEvent.Merge m) {
            return String.format("__free_one_page: %d and its free buddy %d merge into order-%d block %d", m.pfn(),
                m.buddyPfn(), m.order() + 1, m.pfn() & m.buddyPfn());
        }
        if (e instanceof BuddyEvent.Allocated a) {
            return String.format("__rmqueue_smallest: order-%d block %d handed out", a.order(), a.pfn());
        }
        if (e instanceof BuddyEvent.Freed f) {
            return String.format("__free_pages: order-%d block %d given back", f.order(), f.pfn());
        }
        return "";
    }

    boolean animated() { return !steps.isEmpty(); }
    int last() { return steps.size(); }
    FreeListState state(int k) { return states.get(Math.min(k, states.size() - 1)); }
    Step step(int k) { return steps.get(k - 1); }

    /** The state showing the first {@code cursor} events. */
    int frameAtCursor(int cursor) {
        int k = 0;
        while (k < steps.size() && steps.get(k).eventIndex() < cursor) k++;
        return k;
    }

    /** Frame colours with the first {@code cursor} events applied. */
    int[] coloursAt(int cursor) {
        if (changedAt == null) return endColours;
        int[] c = endColours.clone();
        for (int p = 0; p < c.length; p++) {
            if (changedAt[p] >= cursor) c[p] = startColours[p];
        }
        return c;
    }
}
