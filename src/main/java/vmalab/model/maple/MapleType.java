package vmalab.model.maple;

/**
 * The node types of a 64-bit maple tree (include/linux/maple_tree.h: enum maple_type, MAPLE_RANGE64_SLOTS 16,
 * MAPLE_ARANGE64_SLOTS 10) with lib/maple_tree.c's mt_slots[], mt_pivots[] and mt_min_slots[].
 */
public enum MapleType {
    DENSE("maple_dense", 31, 0, 15),
    LEAF_64("maple_leaf_64", 16, 15, 16 / 2 - 2),
    RANGE_64("maple_range_64", 16, 15, 16 / 2 - 2),
    ARANGE_64("maple_arange_64", 10, 9, 10 / 2 - 1);

    private final String kernelName;
    private final int slots;
    private final int pivots;
    private final int minSlots;

    MapleType(String kernelName, int slots, int pivots, int minSlots) {
        this.kernelName = kernelName;
        this.slots = slots;
        this.pivots = pivots;
        this.minSlots = minSlots;
    }

    /** The kernel's name of the type, as mt_dump() and the JSON trace print it. */
    public String kernelName() { return kernelName; }
    /** mt_slots[] */
    public int slots() { return slots; }
    /** mt_pivots[] */
    public int pivots() { return pivots; }
    /** mt_min_slots[]: a non-root node whose last used slot is below this is insufficient. */
    public int minSlots() { return minSlots; }
    /** ma_is_leaf() */
    public boolean isLeaf() { return this == DENSE || this == LEAF_64; }
    /** Whether the node keeps a gap array (maple_arange_64, in trees with MT_FLAGS_ALLOC_RANGE). */
    public boolean hasGaps() { return this == ARANGE_64; }
}
