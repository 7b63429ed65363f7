package vmalab.model.rbtree;

import java.util.function.UnaryOperator;

/**
 * The deep copy of an {@link RbTree}: the same shape, colours and augmented values in new nodes, then the
 * prev/next threading rebuilt by an in-order walk over the tree links (lib/rbtree.c: rb_first(), rb_next()).
 */
final class RbCopy {
    private RbCopy() {
    }

    /** Fills {@code into} (fresh, with keyOf, augment and size set) with a copy of {@code from}'s nodes. */
    static <V> void into(RbTree<V> from, RbTree<V> into, UnaryOperator<V> copyOf) {
        RbNode<V> root = copySubtree(from.root(), null, into, copyOf);
        RbNode<V> first = null;
        RbNode<V> prev = null;
        for (RbNode<V> n = leftmost(root); n != null; n = inOrderNext(n)) {
            n.prev = prev;
            if (prev == null) {
                first = n;
            } else {
                prev.next = n;
            }
            prev = n;
        }
        into.setCopied(root, first, prev);
    }

    private static <V> RbNode<V> copySubtree(RbNode<V> n, RbNode<V> parent, RbTree<V> owner,
            UnaryOperator<V> copyOf) {
        if (n == null) {
            return null;
        }
        RbNode<V> c = new RbNode<>(copyOf.apply(n.value), n.key);
        c.color = n.color;
        c.aug = n.aug;
        c.parent = parent;
        c.tree = owner;
        c.left = copySubtree(n.left, c, owner, copyOf);
        c.right = copySubtree(n.right, c, owner, copyOf);
        return c;
    }

    private static <V> RbNode<V> leftmost(RbNode<V> n) {
        if (n == null) {
            return null;
        }
        while (n.left != null) {
            n = n.left;
        }
        return n;
    }

    // lib/rbtree.c: rb_next() - by tree links only, independent of the threading
    private static <V> RbNode<V> inOrderNext(RbNode<V> n) {
        if (n.right != null) {
            return leftmost(n.right);
        }
        RbNode<V> p = n.parent;
        while (p != null && n == p.right) {
            n = p;
            p = n.parent;
        }
        return p;
    }
}
