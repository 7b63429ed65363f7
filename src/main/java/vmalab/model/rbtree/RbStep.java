package vmalab.model.rbtree;

/**
 * One step of an rb-tree insert or erase, in the order lib/rbtree.c performs it. Nodes are named by their key
 * (for the VMA tree: vm_start). The views animate these one by one.
 */
public sealed interface RbStep {
    /** Descending to insert {@code newKey}: compared with {@code nodeKey} and went left or right. */
    record Compare(long nodeKey, long newKey, boolean wentLeft) implements RbStep { }

    /** rb_link_node(): the new node linked as a red leaf under {@code parentKey} ({@code null} parent: the root). */
    record Link(long key, Long parentKey, boolean asLeft) implements RbStep { }

    /** A node painted {@code color}. */
    record Recolor(long key, RbColor color) implements RbStep { }

    /** __rb_rotate_set_parents(): a left rotation at {@code key} moves its right child up, a right rotation its left. */
    record Rotate(long key, boolean left) implements RbStep { }

    /** rb_erase() of a node with two children: its in-order successor takes its place in the tree. */
    record SuccessorSwap(long erasedKey, long successorKey) implements RbStep { }

    /** The node has left the tree. */
    record Unlink(long key) implements RbStep { }
}
