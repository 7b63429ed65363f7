package vmalab.model.rbtree;

/** A node of an {@link RbTree}; read-only outside the tree. */
public final class RbNode<V> {
    V value;
    long key;
    RbColor color = RbColor.RED;
    RbNode<V> parent, left, right, prev, next;
    /** The augmented value: the largest {@link RbTree.Augment#own} in this node's subtree. */
    long aug;
    /** The tree this node is linked in; null once erased. Lets the tree reject a foreign or stale node. */
    RbTree<V> tree;

    RbNode(V value, long key) {
        this.value = value;
        this.key = key;
    }

    public V value() { return value; }
    public long key() { return key; }
    public RbColor color() { return color; }
    public RbNode<V> parent() { return parent; }
    public RbNode<V> left() { return left; }
    public RbNode<V> right() { return right; }
    /** The previous node in key order (vm_prev). */
    public RbNode<V> prev() { return prev; }
    /** The next node in key order (vm_next). */
    public RbNode<V> next() { return next; }
    public boolean isRed() { return color == RbColor.RED; }
    /** The largest own value in this subtree, when the tree is augmented (rb_subtree_gap for VMAs). */
    public long augmented() { return aug; }
}
