package vmalab.model.maple;

import java.util.ArrayList;
import java.util.List;

/**
 * A maple tree as lib/maple_tree.c builds it for an allocation-range tree (MT_FLAGS_ALLOC_RANGE: leaves
 * maple_leaf_64, internal nodes maple_arange_64 with gap arrays), optionally in RCU mode (MT_FLAGS_USE_RCU, as
 * mm_mt always is: no in-place appends, node stores allocate). Every index 0..ULONG_MAX is in exactly one
 * range; NULL ranges coalesce, equal non-NULL neighbours do not. An empty tree is one NULL range (no node).
 * Addresses compare unsigned. Each {@link #store} follows mas_wr_store_type() and reports its path.
 */
public final class MapleTree<T> {
    public static final long ULONG_MAX = -1L;

    private final boolean rcu;
    MapleNode root;
    int height;
    private long nextId = 1;
    private List<Long> walked = new ArrayList<>();
    private List<Long> created = new ArrayList<>();
    private List<Long> freed = new ArrayList<>();

    public MapleTree(boolean rcu) {
        this.rcu = rcu;
    }

    /** A copy with new nodes (ids kept) whose leaf entries are mapped through {@code copyEntry}. */
    public MapleTree<T> copy(java.util.function.UnaryOperator<T> copyEntry) {
        MapleTree<T> c = new MapleTree<>(rcu);
        c.root = root == null ? null : copyNode(root, copyEntry);
        c.height = height;
        c.nextId = nextId;
        return c;
    }

    @SuppressWarnings("unchecked")
    private MapleNode copyNode(MapleNode n, java.util.function.UnaryOperator<T> copyEntry) {
        MapleNode c = new MapleNode(n.id, n.type);
        c.end = n.end;
        System.arraycopy(n.pivots, 0, c.pivots, 0, n.pivots.length);
        if (n.gaps != null) System.arraycopy(n.gaps, 0, c.gaps, 0, n.gaps.length);
        c.metaGap = n.metaGap;
        for (int i = 0; i <= n.end; i++) {
            Object s = n.slots[i];
            c.slots[i] = s == null ? null : n.isLeaf() ? copyEntry.apply((T) s) : copyNode((MapleNode) s, copyEntry);
        }
        return c;
    }

    /** mt_height(): levels of nodes, 0 for an empty tree. */
    public int height() { return height; }
    public boolean rcu() { return rcu; }

    static boolean ult(long a, long b) { return Long.compareUnsigned(a, b) < 0; }
    static boolean ugt(long a, long b) { return Long.compareUnsigned(a, b) > 0; }

    // --- node bookkeeping for the store being recorded
    MapleNode newNode(MapleType t) {
        MapleNode n = new MapleNode(nextId++, t);
        created.add(n.id);
        return n;
    }

    void retire(MapleNode n) {
        if (n != null && !freed.contains(n.id)) freed.add(n.id);
    }

    /** mab_mas_cp(): a new node holding entries a..b of bn. */
    MapleNode fromBig(BigNode bn, int a, int b, MapleType t) {
        MapleNode n = newNode(t);
        for (int i = a; i <= b; i++) {
            n.slots[i - a] = bn.slot[i];
            if (i < b) n.pivots[i - a] = bn.pivot[i];
            if (n.gaps != null) n.gaps[i - a] = bn.gap[i];
        }
        n.end = b - a;
        if (n.gaps != null) n.metaGap = n.scanMaxGap(); // mab_mas_cp() -> ma_set_meta()
        return n;
    }

    /** Puts {@code nn} where node[d] of the path was (mas_replace_node()). */
    void replace(MaState m, int d, MapleNode nn) {
        retire(m.node[d]);
        if (d == 0) root = nn;
        else m.node[d - 1].slots[m.off[d - 1]] = nn;
        m.node[d] = nn;
    }

    void setRoot(MapleNode n, int h) {
        root = n;
        height = h;
    }

    /** The path to the leaf holding index (mas_wr_walk_index()). */
    MaState walkIndex(long index, boolean record) {
        MaState m = new MaState(height);
        m.node[0] = root;
        m.min[0] = 0;
        m.max[0] = ULONG_MAX;
        for (int d = 0; ; d++) {
            if (record) walked.add(m.node[d].id);
            m.off[d] = MaState.offsetOf(m.node[d], index);
            if (d == height - 1) return m;
            m.descend(d);
        }
    }

    /**
     * Stores {@code entry} (null to clear) over [index, last] inclusive, as mas_store_prealloc() does through
     * mas_wr_store_type() and mas_wr_store_entry().
     */
    public MapleStep store(long index, long last, T entry) {
        if (ugt(index, last)) throw new IllegalArgumentException("index above last");
        walked = new ArrayList<>();
        created = new ArrayList<>();
        freed = new ArrayList<>();
        int before = height;
        StoreType t = write(index, last, entry);
        if (root != null) {
            refreshGaps(index);
            refreshGaps(last);
        }
        return new MapleStep(t, index, last, entry == null, walked, created, freed, before, height);
    }

    private StoreType write(long index, long last, Object entry) {
        if (root == null) {
            // mas_store_root() -> mas_root_expand(): NULL below, the entry, NULL above
            if (entry == null) return StoreType.STORE_ROOT;
            MapleNode n = newNode(MapleType.LEAF_64);
            int s = 0;
            if (index != 0) n.pivots[s++] = index - 1;
            n.slots[s] = entry;
            if (last != ULONG_MAX) n.pivots[s++] = last;
            n.end = s;
            setRoot(n, 1);
            return StoreType.STORE_ROOT;
        }
        // mas_wr_walk(): descend, stopping when the write spans the node (mas_is_span_wr())
        MaState m = new MaState(height);
        m.node[0] = root;
        m.max[0] = ULONG_MAX;
        for (int d = 0; ; d++) {
            MapleNode n = m.node[d];
            walked.add(n.id);
            int o = MaState.offsetOf(n, index);
            m.off[d] = o;
            if (isSpanWrite(n, n.pivot(o, m.max[d]), m.max[d], last, entry)) {
                MapleWrites.spanningStore(this, index, last, entry);
                return StoreType.SPANNING_STORE;
            }
            if (n.isLeaf()) break;
            m.descend(d);
        }
        return MapleWrites.leafStore(this, m, index, last, entry, rcu);
    }

    /** mas_is_span_wr(): the write leaves this node, or writes NULL at the end of a node that is not the last. */
    private static boolean isSpanWrite(MapleNode n, long rMax, long nodeMax, long last, Object entry) {
        long max = rMax;
        if (ult(last, max)) return false;
        if (n.isLeaf()) {
            max = nodeMax;
            if (ult(last, max)) return false;
        }
        return last != max || (entry == null && last != ULONG_MAX);
    }

    /** mas_new_root(): the whole range holds one entry, or the tree becomes empty. */
    void newRoot(Object entry) {
        retireAll(root);
        if (entry == null) {
            setRoot(null, 0);
            return;
        }
        MapleNode n = newNode(MapleType.LEAF_64);
        n.slots[0] = entry;
        n.end = 0;
        setRoot(n, 1);
    }

    private void retireAll(MapleNode n) {
        if (n == null) return;
        retire(n);
        if (!n.isLeaf()) for (int i = 0; i <= n.end; i++) retireAll(n.child(i));
    }

    /** mas_update_gap() along the path to index: each parent's gap for the child below is the child's max gap. */
    private void refreshGaps(long index) {
        MaState m = walkIndex(index, false);
        for (int d = height - 2; d >= 0; d--) {
            int o = m.off[d];
            long g = m.node[d + 1].maxGap(m.min[d + 1], m.max[d + 1]);
            if (m.node[d].gaps[o] != g) m.node[d].setGap(o, g); // mas_update_gap() -> mas_parent_gap()
        }
    }

    // --- reading

    /** The entry at index (mtree_load()), or null. */
    @SuppressWarnings("unchecked")
    public T load(long index) {
        if (root == null) return null;
        MaState m = walkIndex(index, false);
        return (T) m.node[height - 1].slots[m.off[height - 1]];
    }

    /** A slot a walk read: the node, the offset taken, and the slot's range. */
    public record WalkSlot(long nodeId, int depth, int offset, long min, long max) { }

    /**
     * mt_find(index, ULONG_MAX): the first entry whose range ends at or above index, or null; {@code visited}
     * (may be null) gets each slot read, from the root down and on along the leaves.
     */
    @SuppressWarnings("unchecked")
    public T find(long index, List<WalkSlot> visited) {
        if (root == null) return null;
        MaState m = walkIndex(index, false);
        int leaf = height - 1;
        if (visited != null) {
            for (int d = 0; d <= leaf; d++) {
                MapleNode n = m.node[d];
                visited.add(new WalkSlot(n.id, d, m.off[d], n.slotMin(m.off[d], m.min[d]), n.pivot(m.off[d], m.max[d])));
            }
        }
        while (true) {
            Object e = m.node[leaf].slots[m.off[leaf]];
            if (e != null) return (T) e;
            if (!next(m, visited)) return null;
        }
    }

    /** mas_next_slot(): moves the path to the next leaf slot; false at the end of the tree. */
    private boolean next(MaState m, List<WalkSlot> visited) {
        int leaf = height - 1;
        int d = leaf;
        while (d >= 0 && m.off[d] >= m.node[d].end) d--;
        if (d < 0) return false;
        m.off[d]++;
        record(m, d, visited);
        for (int k = d; k < leaf; k++) {
            m.descend(k);
            m.off[k + 1] = 0;
            record(m, k + 1, visited);
        }
        return true;
    }

    private static void record(MaState m, int d, List<WalkSlot> visited) {
        if (visited == null) return;
        MapleNode n = m.node[d];
        visited.add(new WalkSlot(n.id, d, m.off[d], n.slotMin(m.off[d], m.min[d]), n.pivot(m.off[d], m.max[d])));
    }

    /** The last entry whose range starts below index (mas_prev() from index), or null. */
    @SuppressWarnings("unchecked")
    public T findPrev(long index) {
        if (root == null || index == 0) return null;
        MaState m = walkIndex(index - 1, false);
        int leaf = height - 1;
        while (true) {
            Object e = m.node[leaf].slots[m.off[leaf]];
            if (e != null) return (T) e;
            int d = leaf;
            while (d >= 0 && m.off[d] == 0) d--;
            if (d < 0) return null;
            m.off[d]--;
            for (int k = d; k < leaf; k++) {
                m.descend(k);
                m.off[k + 1] = m.node[k + 1].end;
            }
        }
    }

    /** The range [min, max] of the slot holding index (mas_walk()'s index and last). */
    public long[] rangeOf(long index) {
        if (root == null) return new long[] {0, ULONG_MAX};
        MaState m = walkIndex(index, false);
        int leaf = height - 1;
        MapleNode n = m.node[leaf];
        return new long[] {n.slotMin(m.off[leaf], m.min[leaf]), n.pivot(m.off[leaf], m.max[leaf])};
    }

    /** The entries in order with their ranges: [first, last, entry] triples, NULL ranges included. */
    public List<Object[]> ranges() {
        List<Object[]> out = new ArrayList<>();
        if (root == null) {
            out.add(new Object[] {0L, ULONG_MAX, null});
            return out;
        }
        collect(root, 0, ULONG_MAX, out);
        return out;
    }

    private static void collect(MapleNode n, long min, long max, List<Object[]> out) {
        for (int i = 0; i <= n.end; i++) {
            long a = n.slotMin(i, min), b = n.pivot(i, max);
            if (n.isLeaf()) out.add(new Object[] {a, b, n.slots[i]});
            else collect(n.child(i), a, b, out);
        }
    }

    // --- gap searches over the gap arrays

    /**
     * mas_empty_area(): the lowest index of a NULL range part of at least size indexes inside [min, max]
     * (inclusive), descending only into slots whose gap is large enough; -1 when there is none.
     */
    public long emptyArea(long min, long max, long size) {
        if (root == null) return fits(min, max, size) ? min : -1;
        return lowest(root, 0, ULONG_MAX, min, max, size);
    }

    /** mas_empty_area_rev(): the end (exclusive) of the highest such part; -1 when there is none. */
    public long emptyAreaRev(long min, long max, long size) {
        if (root == null) return fits(min, max, size) ? max + 1 : -1;
        return highest(root, 0, ULONG_MAX, min, max, size);
    }

    private static boolean fits(long a, long b, long size) {
        if (ugt(a, b)) return false;
        long len = b - a + 1;
        return len == 0 || !ult(len, size); // len 0: the whole of 0..ULONG_MAX
    }

    private static long lowest(MapleNode n, long nMin, long nMax, long lo, long hi, long size) {
        for (int i = 0; i <= n.end; i++) {
            long a = n.slotMin(i, nMin), b = n.pivot(i, nMax);
            if (ult(b, lo)) continue;
            if (ugt(a, hi)) break;
            if (n.isLeaf()) {
                long s = ugt(a, lo) ? a : lo, e = ult(b, hi) ? b : hi;
                if (n.slots[i] == null && fits(s, e, size)) return s;
            } else if (!ult(n.gaps[i], size)) {
                long r = lowest(n.child(i), a, b, lo, hi, size);
                if (r != -1) return r;
            }
        }
        return -1;
    }

    private static long highest(MapleNode n, long nMin, long nMax, long lo, long hi, long size) {
        for (int i = n.end; i >= 0; i--) {
            long a = n.slotMin(i, nMin), b = n.pivot(i, nMax);
            if (ugt(a, hi)) continue;
            if (ult(b, lo)) break;
            if (n.isLeaf()) {
                long s = ugt(a, lo) ? a : lo, e = ult(b, hi) ? b : hi;
                if (n.slots[i] == null && fits(s, e, size)) return e + 1;
            } else if (!ult(n.gaps[i], size)) {
                long r = highest(n.child(i), a, b, lo, hi, size);
                if (r != -1) return r;
            }
        }
        return -1;
    }

    // --- the shape, read-only

    /** The root's shape, or null when the tree is empty. */
    public NodeInfo rootInfo() {
        return root == null ? null : new NodeInfo(root, 0, ULONG_MAX);
    }

    /** A node of the tree as the trace and the views read it. */
    public static final class NodeInfo {
        private final MapleNode n;
        private final long min;
        private final long max;

        NodeInfo(MapleNode n, long min, long max) {
            this.n = n;
            this.min = min;
            this.max = max;
        }

        public long id() { return n.id; }
        public MapleType type() { return n.type; }
        public long min() { return min; }
        public long max() { return max; }
        /** The last used slot. */
        public int end() { return n.end; }
        /** Leaves carry metadata when their last slot is free (mas_leaf_set_meta()); arange nodes always do. */
        public boolean hasMeta() { return n.type.hasGaps() || n.end < n.type.slots() - 1; }
        public boolean isLeaf() { return n.isLeaf(); }
        /** Pivot i, 0 &lt;= i &lt; end. */
        public long pivot(int i) { return n.pivots[i]; }
        /** The first index of slot i. */
        public long slotMin(int i) { return n.slotMin(i, min); }
        /** The last index of slot i. */
        public long slotMax(int i) { return n.pivot(i, max); }
        /** The entry of leaf slot i, or null for a NULL range. */
        public Object entry(int i) { return n.isLeaf() ? n.slots[i] : null; }
        /** The child in internal slot i. */
        public NodeInfo child(int i) { return new NodeInfo(n.child(i), slotMin(i), slotMax(i)); }
        /** gap[i] of an arange node (unsigned). */
        public long gap(int i) { return n.gaps[i]; }
        /** ma_meta_gap() */
        public int metaGap() { return n.metaGap(); }
    }
}
