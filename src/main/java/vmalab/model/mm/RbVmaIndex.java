package vmalab.model.mm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import vmalab.model.event.BulkCounts;
import vmalab.model.event.EventSink;
import vmalab.model.event.RbStepped;
import vmalab.model.event.SimEvent;
import vmalab.model.rbtree.RbNode;
import vmalab.model.rbtree.RbStep;
import vmalab.model.rbtree.RbTree;

/**
 * The VMA index of the rb-tree era (Linux 2.6–6.0): mm_rb keyed by vm_start, threaded as the vm_next list,
 * augmented with rb_subtree_gap (the largest free gap below any VMA of a subtree) for the O(log n) gap search.
 * The tree holds one mutable {@link Entry} per VMA, which is both the handle callers keep and the node views
 * draw, so find_vma() allocates nothing.
 */
final class RbVmaIndex implements VmaIndex {
    private final long mmId;
    private final RbTree<Entry> mmRb;

    RbVmaIndex(long mmId) {
        this.mmId = mmId;
        this.mmRb = new RbTree<>(e -> e.vma.start());
        this.mmRb.setAugment(RbVmaIndex::gapBelow);
    }

    private RbVmaIndex(long mmId, RbTree<Entry> tree) {
        this.mmId = mmId;
        this.mmRb = tree;
    }

    /** A VMA's place in mm_rb: the handle of {@link VmaRef} and the drawn node of {@link IndexNode}. */
    private static final class Entry implements VmaRef, IndexNode<Vma> {
        private Vma vma;
        /** vm_end, kept beside the key so that find_vma() reads no more memory than a walk of Vma nodes. */
        private long end;
        private RbNode<Entry> node;

        Entry(Vma vma) {
            set(vma);
        }

        void set(Vma v) {
            vma = v;
            end = v.end();
        }

        @Override public Vma vma() { return vma; }
        @Override public VmaRef prev() { return of(node.prev()); }
        @Override public VmaRef next() { return of(node.next()); }
        @Override public long key() { return node.key(); }
        @Override public Vma value() { return vma; }
        @Override public boolean isRed() { return node.isRed(); }
        @Override public IndexNode<Vma> left() { return of(node.left()); }
        @Override public IndexNode<Vma> right() { return of(node.right()); }

        @Override
        public String toString() {
            return "VmaRef[" + vma + "]";
        }
    }

    private static Entry of(RbNode<Entry> n) {
        return n == null ? null : n.value();
    }

    /** mm/mmap.c: vma_compute_gap() - the free space below a VMA, down to the end of the previous one. */
    private static long gapBelow(RbNode<Entry> n) {
        return Math.max(0, Mm.startGap(n.value().vma) - prevEnd(n));
    }

    private static long prevEnd(RbNode<Entry> n) {
        return n.prev() == null ? 0 : n.prev().value().end;
    }

    // mm/mmap.c: find_vma() of the rb-tree era - the first VMA with vm_end > addr
    @Override
    public VmaRef find(long addr, List<Long> visited) {
        if (visited == null) return findByStart(addr);
        RbNode<Entry> node = mmRb.root();
        RbNode<Entry> result = null;
        while (node != null) {
            if (visited != null) visited.add(node.key());
            if (Long.compareUnsigned(node.value().end, addr) > 0) {
                result = node;
                if (Long.compareUnsigned(node.key(), addr) <= 0) break;
                node = node.left();
            } else {
                node = node.right();
            }
        }
        return of(result);
    }

    /**
     * find_vma() when nobody asks for the path: the last VMA starting at or below addr if it ends above addr,
     * else the one after it. The same VMA as the kernel's walk (VMAs do not overlap and are sorted), but each
     * level reads only the node's own key, not the VMA behind it: half the memory touched per level.
     */
    private VmaRef findByStart(long addr) {
        RbNode<Entry> node = mmRb.root();
        RbNode<Entry> floor = null;
        while (node != null) {
            if (Long.compareUnsigned(node.key(), addr) <= 0) {
                floor = node;
                node = node.right();
            } else {
                node = node.left();
            }
        }
        if (floor == null) return of(mmRb.first());
        return Long.compareUnsigned(floor.value().end, addr) > 0 ? of(floor) : of(floor.next());
    }

    @Override
    public VmaRef findPrev(long addr) {
        RbNode<Entry> node = mmRb.root();
        RbNode<Entry> best = null;
        while (node != null) {
            if (Long.compareUnsigned(node.key(), addr) < 0) {
                best = node;
                node = node.right();
            } else {
                node = node.left();
            }
        }
        return of(best);
    }

    @Override public VmaRef first() { return of(mmRb.first()); }
    @Override public VmaRef last() { return of(mmRb.last()); }
    @Override public int size() { return mmRb.size(); }
    @Override public int height() { return mmRb.height(); }
    @Override public IndexNode<Vma> root() { return of(mmRb.root()); }

    @Override
    public List<Vma> vmas() {
        List<Vma> out = new ArrayList<>(mmRb.size());
        for (RbNode<Entry> n = mmRb.first(); n != null; n = n.next()) {
            out.add(n.value().vma);
        }
        return out;
    }

    // mm/mmap.c: __vma_link_rb() - rb_link_node(), rb_insert_augmented()
    @Override
    public VmaRef insert(Vma v, Consumer<SimEvent> ev) {
        Entry e = new Entry(v);
        BulkCounts counts = EventSink.bulkCounts(ev);
        e.node = mmRb.insert(e, steps(counts, ev));
        return e;
    }

    /** The tree's steps as events, or only counted (past the cap) without building either. */
    private Consumer<RbStep> steps(BulkCounts counts, Consumer<SimEvent> ev) {
        if (counts == null) return s -> ev.accept(new RbStepped(mmId, s));
        return (RbTree.StepCounter) counts::others;
    }

    // mm/mmap.c: vma_rb_erase() - rb_erase_augmented()
    @Override
    public void erase(VmaRef ref, Consumer<SimEvent> ev) {
        BulkCounts counts = EventSink.bulkCounts(ev);
        mmRb.erase(mine(ref).node, steps(counts, ev));
    }

    // mm/mmap.c: vma_adjust() - the node stays, vma_gap_update() refreshes rb_subtree_gap
    @Override
    public void replace(VmaRef ref, Vma after, Consumer<SimEvent> ev) {
        Entry e = mine(ref);
        Vma before = e.vma;
        e.set(after);
        try {
            mmRb.replace(e.node, e);
        } catch (IllegalArgumentException bad) {
            e.set(before);
            throw bad;
        }
    }

    private Entry mine(VmaRef ref) {
        if (!(ref instanceof Entry e)) {
            throw new IllegalArgumentException(ref + " is not a VMA of an rb-tree index");
        }
        return e;
    }

    /**
     * mm/mmap.c: unmapped_area_topdown() - the highest gap of len bytes in [low, high), found through each
     * node's rb_subtree_gap in O(log n).
     */
    @Override
    public long unmappedAreaTopDown(long len, long low, long high) {
        RbNode<Entry> last = mmRb.last();
        long above = Math.max(last == null ? 0 : last.value().end, low);
        if (above < high && high - above >= len) return high - len;
        return topDown(mmRb.root(), len, low, high);
    }

    private static long topDown(RbNode<Entry> n, long len, long low, long high) {
        if (n == null || n.augmented() < len) return -1;
        if (n.right() != null && n.value().end < high) {
            long r = topDown(n.right(), len, low, high);
            if (r >= 0) return r;
        }
        long gs = Math.max(prevEnd(n), low);
        long ge = Math.min(Mm.startGap(n.value().vma), high);
        if (ge > gs && ge - gs >= len) return ge - len;
        if (prevEnd(n) <= low) return -1;
        return topDown(n.left(), len, low, high);
    }

    /** mm/mmap.c: unmapped_area() - the lowest gap of len bytes in [low, high), in O(log n). */
    @Override
    public long unmappedArea(long len, long low, long high) {
        long r = bottomUp(mmRb.root(), len, low, high);
        if (r >= 0) return r;
        RbNode<Entry> last = mmRb.last();
        long gs = Math.max(last == null ? 0 : last.value().end, low);
        return gs < high && high - gs >= len ? gs : -1;
    }

    private static long bottomUp(RbNode<Entry> n, long len, long low, long high) {
        if (n == null || n.augmented() < len) return -1;
        if (n.left() != null && n.key() > low) {
            long r = bottomUp(n.left(), len, low, high);
            if (r >= 0) return r;
        }
        long gs = Math.max(prevEnd(n), low);
        long ge = Math.min(Mm.startGap(n.value().vma), high);
        if (ge > gs && ge - gs >= len) return gs;
        if (n.value().end >= high) return -1;
        return bottomUp(n.right(), len, low, high);
    }

    /** A deep copy: new nodes and new handles over the same VMA records. */
    @Override
    public VmaIndex copy(long newMmId) {
        RbTree<Entry> c = mmRb.copy(e -> new Entry(e.vma));
        for (RbNode<Entry> n = c.first(); n != null; n = n.next()) {
            n.value().node = n;
        }
        return new RbVmaIndex(newMmId, c);
    }

    /** The tree's rules (RbTree's checker), then each handle's link to its node and its cached vm_end. */
    @Override
    public String checkInvariants() {
        String t = mmRb.checkInvariants();
        if (t != null) return t;
        for (RbNode<Entry> n = mmRb.first(); n != null; n = n.next()) {
            Entry e = n.value();
            if (e.node != n) return "the VMA at " + Long.toHexString(n.key()) + " does not point back to its node";
            if (e.end != e.vma.end()) return "the VMA at " + Long.toHexString(n.key()) + " caches a stale vm_end";
        }
        return null;
    }
}
