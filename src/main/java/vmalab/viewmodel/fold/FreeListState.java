package vmalab.viewmodel.fold;

import java.util.ArrayList;
import java.util.List;
import vmalab.model.buddy.BuddyEvent;

/**
 * The buddy allocator's free lists as the view replays them, plus the blocks "in hand": taken off a list (to
 * allocate or to merge) or just freed, and not yet on a list or handed out. Replaying the reported
 * {@link BuddyEvent}s on the previous picture gives the states between two model states.
 */
public final class FreeListState {
    /** A block in hand: its first frame and order. */
    public record Block(long pfn, int order) { }

    private final List<List<Long>> lists;
    private final List<Block> inHand;

    private FreeListState(List<List<Long>> lists, List<Block> inHand) {
        this.lists = lists;
        this.inHand = inHand;
    }

    public static FreeListState of(List<List<Long>> modelLists) {
        List<List<Long>> l = new ArrayList<>();
        for (List<Long> x : modelLists) l.add(new ArrayList<>(x));
        return new FreeListState(l, new ArrayList<>());
    }

    public FreeListState copy() {
        FreeListState c = of(lists);
        c.inHand.addAll(inHand);
        return c;
    }

    public int orders() { return lists.size(); }
    /** Every free list, lowest order first (read only). */
    public List<List<Long>> lists() { return java.util.Collections.unmodifiableList(lists); }
    public List<Long> list(int order) { return lists.get(order); }
    public List<Block> inHand() { return inHand; }

    /** Replays one step; false when it does not fit (the view then shows only the end state). */
    public boolean apply(BuddyEvent e) {
        if (e instanceof BuddyEvent.ListDel d) {
            if (!valid(d.order()) || !lists.get(d.order()).remove((Long) d.pfn())) return false;
            inHand.add(new Block(d.pfn(), d.order()));
            return true;
        }
        if (e instanceof BuddyEvent.ListAdd a) {
            if (!valid(a.order())) return false;
            inHand.remove(new Block(a.pfn(), a.order()));
            if (a.tail()) lists.get(a.order()).add(a.pfn());
            else lists.get(a.order()).add(0, a.pfn());
            return true;
        }
        if (e instanceof BuddyEvent.Split s) {
            // expand(): the block in hand becomes its two halves; the upper one goes to a list next
            if (!inHand.remove(new Block(s.pfn(), s.order())) || s.order() == 0) return false;
            inHand.add(new Block(s.pfn(), s.order() - 1));
            inHand.add(new Block(s.pfn() + (1L << (s.order() - 1)), s.order() - 1));
            return true;
        }
        if (e instanceof BuddyEvent.Merge m) {
            if (!inHand.remove(new Block(m.pfn(), m.order())) || !inHand.remove(new Block(m.buddyPfn(), m.order()))) {
                return false;
            }
            inHand.add(new Block(m.pfn() & m.buddyPfn(), m.order() + 1));
            return true;
        }
        if (e instanceof BuddyEvent.Allocated a) {
            return inHand.remove(new Block(a.pfn(), a.order()));
        }
        if (e instanceof BuddyEvent.Freed f) {
            inHand.add(new Block(f.pfn(), f.order()));
            return true;
        }
        return false;
    }

    private boolean valid(int order) {
        return order >= 0 && order < lists.size();
    }

    /** Same lists in the same order and nothing in hand. */
    public boolean sameAs(List<List<Long>> model) {
        return inHand.isEmpty() && lists.equals(model);
    }
}
