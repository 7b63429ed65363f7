package vmalab.model.maple;

/**
 * One maple node (struct maple_node as maple_leaf_64 or maple_arange_64): pivots are inclusive upper bounds of
 * slots 0..end-1, slot end runs to the node's max, which like its min comes from the parent. Mutable inside the
 * package only; read through {@link MapleTree.NodeInfo}.
 */
final class MapleNode {
    final long id;
    final MapleType type;
    final long[] pivots;
    final Object[] slots;
    /** The largest NULL range below each slot (arange only, unsigned). */
    final long[] gaps;
    /** The last used slot (mas_data_end()). */
    int end;
    /**
     * The slot the metadata names as holding the largest gap (arange only). The kernel keeps it as state: set
     * when a node is filled from a big node (mab_mas_cp()) and moved only as mas_parent_gap() moves it, so among
     * equal gaps which slot it names depends on the history of the node.
     */
    int metaGap;

    MapleNode(long id, MapleType type) {
        this.id = id;
        this.type = type;
        this.pivots = new long[type.pivots()];
        this.slots = new Object[type.slots()];
        this.gaps = type.hasGaps() ? new long[type.slots()] : null;
    }

    boolean isLeaf() {
        return type.isLeaf();
    }

    MapleNode child(int i) {
        return (MapleNode) slots[i];
    }

    /** The pivot of slot i, or the node's max for the last slot (mas_safe_pivot()). */
    long pivot(int i, long max) {
        return i < end ? pivots[i] : max;
    }

    /** The first index of slot i (mas_safe_min()). */
    long slotMin(int i, long min) {
        return i > 0 ? pivots[i - 1] + 1 : min;
    }

    /** ma_meta_gap() */
    int metaGap() {
        return metaGap;
    }

    /**
     * ma_max_gap() (and the same scan in mab_mas_cp()): from the end slot down, a slot replaces the best only
     * with a strictly larger gap, so of equal largest gaps the highest slot wins; 0 when every gap is 0.
     */
    int scanMaxGap() {
        int best = 0;
        long max = 0;
        for (int i = end; i >= 0; i--) {
            if (Long.compareUnsigned(gaps[i], max) > 0) {
                max = gaps[i];
                best = i;
            }
        }
        return best;
    }

    /**
     * mas_parent_gap() at one level: gap[offset] becomes {@code g}; the metadata follows the kernel's rule -
     * unchanged when the old largest equals g or stays larger elsewhere, moved to offset when g beats it, and
     * found again by {@link #scanMaxGap()} when the largest gap itself shrank.
     */
    void setGap(int offset, long g) {
        int meta = metaGap;
        long metaValue = gaps[meta];
        gaps[offset] = g;
        if (metaValue == g) return;
        if (offset != meta) {
            if (Long.compareUnsigned(metaValue, g) > 0) return;
            metaGap = offset;
        } else if (Long.compareUnsigned(g, metaValue) < 0) {
            metaGap = scanMaxGap();
        }
    }

    /** mas_max_gap() for an internal node, mas_leaf_max_gap() for a leaf spanning [min, max]. */
    long maxGap(long min, long max) {
        long best = 0;
        if (!isLeaf()) {
            for (int i = 0; i <= end; i++) if (Long.compareUnsigned(gaps[i], best) > 0) best = gaps[i];
            return best;
        }
        for (int i = 0; i <= end; i++) {
            if (slots[i] != null) continue;
            long g = pivot(i, max) - slotMin(i, min) + 1;
            if (Long.compareUnsigned(g, best) > 0) best = g;
        }
        return best;
    }
}
