package vmalab.model.maple;

/** lib/maple_tree.c: enum store_type - the path a write takes, as mas_wr_store_type() chooses it. */
public enum StoreType {
    /** wr_new_root: the store covers 0..ULONG_MAX; the tree becomes one entry (or empty). */
    NEW_ROOT,
    /** wr_store_root: the tree had no node; mas_root_expand() makes the first leaf. */
    STORE_ROOT,
    /** wr_exact_fit: the range is exactly one slot's; only the slot changes. */
    EXACT_FIT,
    /** wr_append: a non-RCU store at the end of a leaf, in place. */
    APPEND,
    /** wr_slot_store: the node keeps its number of slots; pivots move in place. */
    SLOT_STORE,
    /** wr_node_store: the leaf is rewritten (a new node in RCU mode). */
    NODE_STORE,
    /** wr_split_store: the leaf overflows; mas_split() through the big node. */
    SPLIT_STORE,
    /** wr_rebalance: the leaf falls under mt_min_slots; mas_rebalance() with a sibling. */
    REBALANCE,
    /** wr_spanning_store: the range leaves the node (or writes NULL at its end); mas_wr_spanning_store(). */
    SPANNING_STORE
}
