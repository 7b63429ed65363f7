package vmalab.model.mm;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import vmalab.model.event.BulkCounts;
import vmalab.model.event.EventSink;
import vmalab.model.event.MapleStepped;
import vmalab.model.event.SimEvent;
import vmalab.model.maple.MapleInvariants;
import vmalab.model.maple.MapleStep;
import vmalab.model.maple.MapleTree;

/**
 * The VMA index of Linux 6.1+: mm->mm_mt, a maple tree created with MM_MT_FLAGS (MT_FLAGS_ALLOC_RANGE |
 * MT_FLAGS_LOCK_EXTERN | MT_FLAGS_USE_RCU). A VMA [vm_start, vm_end) is stored at [vm_start, vm_end - 1]; the
 * free ranges between are NULL. Each store is reported as a {@link MapleStepped}.
 */
final class MapleVmaIndex implements VmaIndex {
    private final long mmId;
    private final MapleTree<Entry> mmMt;
    private int mapCount;

    MapleVmaIndex(long mmId) {
        this(mmId, new MapleTree<>(true), 0);
    }

    private MapleVmaIndex(long mmId, MapleTree<Entry> tree, int mapCount) {
        this.mmId = mmId;
        this.mmMt = tree;
        this.mapCount = mapCount;
    }

    /** The vm_area_struct pointer the tree's slots hold. */
    private static final class Entry implements VmaRef {
        private Vma vma;
        private MapleVmaIndex owner;
        private boolean linked = true;

        Entry(Vma vma, MapleVmaIndex owner) {
            this.vma = vma;
            this.owner = owner;
        }

        @Override public Vma vma() { return vma; }
        // include/linux/mm.h: vma_prev() / vma_next() walk the tree, there is no list
        @Override public VmaRef prev() { return owner.mmMt.findPrev(vma.start()); }
        @Override public VmaRef next() { return owner.mmMt.find(vma.end(), null); }

        MapleVmaIndex owner() {
            return owner;
        }

        @Override
        public String toString() {
            return "VmaRef[" + vma + "]";
        }
    }

    // mm/mmap.c: find_vma() - mt_find(&mm->mm_mt, &addr, ULONG_MAX)
    @Override
    public VmaRef find(long addr, List<Long> visited) {
        if (visited == null) return mmMt.find(addr, null);
        List<MapleTree.WalkSlot> slots = new ArrayList<>();
        Entry e = mmMt.find(addr, slots);
        for (MapleTree.WalkSlot s : slots) visited.add(s.min());
        return e;
    }

    // mm/mmap.c: find_vma_prev() - mas_prev() from addr
    @Override
    public VmaRef findPrev(long addr) {
        return mmMt.findPrev(addr);
    }

    @Override public VmaRef first() { return mmMt.find(0, null); }
    @Override public VmaRef last() { return mmMt.findPrev(MapleTree.ULONG_MAX); }
    @Override public int size() { return mapCount; }
    @Override public int height() { return mmMt.height(); }
    @Override public boolean isMaple() { return true; }
    @Override public MapleTree.NodeInfo mapleRoot() { return mmMt.rootInfo(); }

    /** The maple tree has no binary shape: the red-black views see no node (see {@link #mapleRoot()}). */
    @Override public IndexNode<Vma> root() { return null; }

    @Override
    public List<Vma> vmas() {
        List<Vma> out = new ArrayList<>(mapCount);
        for (Object[] r : mmMt.ranges()) {
            if (r[2] != null) out.add(((Entry) r[2]).vma);
        }
        return out;
    }

    private void report(MapleStep s, Consumer<SimEvent> ev) {
        BulkCounts counts = EventSink.bulkCounts(ev);
        if (counts != null) counts.other();
        else ev.accept(new MapleStepped(mmId, s));
    }

    // mm/vma.c: vma_iter_store_new() - the range must be free
    @Override
    public VmaRef insert(Vma v, Consumer<SimEvent> ev) {
        Entry in = mmMt.find(v.start(), null);
        if (in != null && Long.compareUnsigned(in.vma.start(), v.end()) < 0) {
            throw new IllegalArgumentException("the range of " + v + " is not free: " + in.vma);
        }
        Entry e = new Entry(v, this);
        report(mmMt.store(v.start(), v.end() - 1, e), ev);
        mapCount++;
        return e;
    }

    // mm/vma.c: vma_iter_clear() over the VMA's range (vms_complete_munmap_vmas())
    @Override
    public void erase(VmaRef ref, Consumer<SimEvent> ev) {
        Entry e = mine(ref);
        clearOwn(e, e.vma.start(), e.vma.end() - 1, ev);
        e.linked = false;
        mapCount--;
    }

    /**
     * mm/vma.c: __split_vma() allocates the new VMA, shrinks the old one in place and stores only the new one,
     * over its range (vma_complete() → vma_iter_store_new()): the part the old VMA gave up is overwritten, not
     * cleared first.
     */
    @Override
    public VmaRef split(VmaRef ref, Vma kept, Vma created, Consumer<SimEvent> ev) {
        Entry e = mine(ref);
        Vma before = e.vma;
        long lo = Long.compareUnsigned(kept.start(), created.start()) < 0 ? kept.start() : created.start();
        long hi = Long.compareUnsigned(kept.end(), created.end()) > 0 ? kept.end() : created.end();
        boolean adjacent = kept.end() == created.start() || created.end() == kept.start();
        if (lo != before.start() || hi != before.end() || !adjacent) {
            throw new IllegalArgumentException(kept + " and " + created + " do not split " + before);
        }
        Entry n = new Entry(created, this);
        e.vma = kept;
        report(mmMt.store(created.start(), created.end() - 1, n), ev);
        mapCount++;
        return n;
    }

    /** mm/vma.c: commit_merge() → vma_iter_store_overwrite(): the grown VMA over [vm_start, vm_end - 1]. */
    @Override
    public void grow(VmaRef ref, Vma merged, Consumer<SimEvent> ev) {
        Entry e = mine(ref);
        Vma before = e.vma;
        if (Long.compareUnsigned(merged.start(), before.start()) > 0 || Long.compareUnsigned(merged.end(), before.end()) < 0) {
            throw new IllegalArgumentException(merged + " does not cover " + before);
        }
        e.vma = merged;
        report(mmMt.store(merged.start(), merged.end() - 1, e), ev);
    }

    /**
     * mm/vma.c: do_vmi_align_munmap() gathers the VMAs of the range (vms_gather_munmap_vmas(), after its
     * splits), then clears the whole range in one store, vma_iter_clear_gfp(vmi, start, end): one NULL store
     * over [start, end - 1], which spans nodes when the range does.
     */
    @Override
    public void eraseRange(List<VmaRef> refs, long start, long end, Consumer<SimEvent> ev) {
        List<Entry> es = new ArrayList<>(refs.size());
        for (VmaRef r : refs) {
            Entry e = mine(r);
            if (Long.compareUnsigned(e.vma.start(), start) < 0 || Long.compareUnsigned(e.vma.end(), end) > 0) {
                throw new IllegalArgumentException(e.vma + " is not inside the range cleared");
            }
            es.add(e);
        }
        if (Long.compareUnsigned(start, end) < 0) report(mmMt.store(start, end - 1, null), ev);
        for (Entry e : es) {
            e.linked = false;
            mapCount--;
        }
    }

    /**
     * mm/vma.c: vma_shrink() clears the part a VMA gives up (vma_iter_clear()); commit_merge() stores a VMA that
     * grows over its whole new range (vma_iter_store_overwrite()). A range the VMA keeps is not written.
     */
    @Override
    public void replace(VmaRef ref, Vma after, Consumer<SimEvent> ev) {
        Entry e = mine(ref);
        Vma before = e.vma;
        VmaRef p = findPrev(before.start());
        VmaRef n = mmMt.find(before.end(), null);
        if ((p != null && Long.compareUnsigned(p.vma().start(), after.start()) >= 0)
            || (n != null && Long.compareUnsigned(n.vma().start(), after.start()) <= 0)) {
            throw new IllegalArgumentException(after + " leaves the place of " + before);
        }
        e.vma = after;
        if (Long.compareUnsigned(before.start(), after.start()) < 0) {
            clearOwn(e, before.start(), Math.min(after.start(), before.end()) - 1, ev);
        }
        if (Long.compareUnsigned(after.end(), before.end()) < 0) {
            clearOwn(e, Math.max(after.end(), before.start()), before.end() - 1, ev);
        }
        if (Long.compareUnsigned(after.start(), before.start()) < 0 || Long.compareUnsigned(after.end(), before.end()) > 0) {
            report(mmMt.store(after.start(), after.end() - 1, e), ev);
        }
    }

    /** Stores NULL over the parts of [first, last] that still hold e (a neighbour may have taken some). */
    private void clearOwn(Entry e, long first, long last, Consumer<SimEvent> ev) {
        long pos = first;
        while (Long.compareUnsigned(pos, last) <= 0) {
            long[] r = mmMt.rangeOf(pos);
            long end = Long.compareUnsigned(r[1], last) < 0 ? r[1] : last;
            if (mmMt.load(pos) == e) report(mmMt.store(pos, end, null), ev);
            if (end == MapleTree.ULONG_MAX) break;
            pos = end + 1;
        }
    }

    private Entry mine(VmaRef ref) {
        if (!(ref instanceof Entry e) || e.owner() != this || !e.linked) {
            throw new IllegalArgumentException(ref + " is not a VMA of this maple tree");
        }
        return e;
    }

    /**
     * mm/vma.c: unmapped_area() - vma_iter_area_lowest() (mas_empty_area() over the gap arrays), then the
     * stack guard gap of a VM_GROWSDOWN VMA above moves the search past it and it starts again.
     */
    @Override
    public long unmappedArea(long len, long low, long high) {
        while (Long.compareUnsigned(low, high) < 0 && Long.compareUnsigned(high - low, len) >= 0) {
            long gap = mmMt.emptyArea(low, high - 1, len);
            if (gap == -1) return -1;
            Entry next = mmMt.find(gap, null);
            if (next != null && (next.vma.flags() & VmFlags.GROWSDOWN) != 0
                && Long.compareUnsigned(Mm.startGap(next.vma), gap + len - 1) < 0) {
                low = next.vma.end();
                continue;
            }
            return gap;
        }
        return -1;
    }

    /** mm/vma.c: unmapped_area_topdown() - vma_iter_area_highest() (mas_empty_area_rev()), the same retry. */
    @Override
    public long unmappedAreaTopDown(long len, long low, long high) {
        while (Long.compareUnsigned(low, high) < 0 && Long.compareUnsigned(high - low, len) >= 0) {
            long gapEnd = mmMt.emptyAreaRev(low, high - 1, len);
            if (gapEnd == -1) return -1;
            Entry next = mmMt.find(gapEnd, null);
            if (next != null && (next.vma.flags() & VmFlags.GROWSDOWN) != 0
                && Long.compareUnsigned(Mm.startGap(next.vma), gapEnd) < 0) {
                high = Mm.startGap(next.vma);
                continue;
            }
            return gapEnd - len;
        }
        return -1;
    }

    /** A copy of mm_mt as it is now, its entries the VMA records of this moment; null above {@code maxVmas}. */
    @Override
    public MapleReplay mapleReplay(int maxVmas) {
        if (mapCount > maxVmas) return null;
        MapleTree<Entry> snapshot = mmMt.copy(e -> new Entry(e.vma, null));
        return (ranges, written) -> {
            MapleTree<Entry> t = snapshot.copy(e -> e);
            List<MapleStep> steps = new ArrayList<>(ranges.size());
            for (int i = 0; i < ranges.size(); i++) {
                Vma v = written.get(i);
                steps.add(t.store(ranges.get(i)[0], ranges.get(i)[1], v == null ? null : new Entry(v, null)));
            }
            return new MapleReplay.Frame(t.rootInfo(), t.height(), List.copyOf(steps));
        };
    }

    /** A deep copy (dup_mmap()'s __mt_dup()): new nodes, new handles over the same VMA records. */
    @Override
    public VmaIndex copy(long newMmId) {
        List<Entry> made = new ArrayList<>();
        Map<Entry, Entry> map = new IdentityHashMap<>();
        MapleTree<Entry> c = mmMt.copy(e -> map.computeIfAbsent(e, x -> {
            Entry n = new Entry(x.vma, null);
            made.add(n);
            return n;
        }));
        MapleVmaIndex copy = new MapleVmaIndex(newMmId, c, mapCount);
        for (Entry e : made) e.owner = copy;
        return copy;
    }

    /** The tree's rules (MapleInvariants), then the contents: each VMA in exactly one slot [vm_start, vm_end - 1]. */
    @Override
    public String checkInvariants() {
        String t = MapleInvariants.check(mmMt);
        if (t != null) return t;
        int n = 0;
        java.util.Set<Entry> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Object[] r : mmMt.ranges()) {
            if (!(r[2] instanceof Entry e)) continue;
            n++;
            if (!seen.add(e)) return "the VMA at " + Long.toHexString(e.vma.start()) + " is in two slots";
            if (e.vma.start() != (Long) r[0] || e.vma.end() - 1 != (Long) r[1]) {
                return String.format("the VMA %x-%x is stored at [%x, %x]", e.vma.start(), e.vma.end(), r[0], r[1]);
            }
        }
        if (n != mapCount) return "map_count " + mapCount + " but the tree holds " + n + " VMAs";
        return null;
    }
}
