package vmalab.model.rbtree;

import java.util.ArrayList;
import java.util.List;

/**
 * The consistency rules of an {@link RbTree}, checked from scratch: what lib/rbtree_test.c's check() asserts
 * (a black root, no red node with a red child, equal black heights), plus what this tree adds: BST order of
 * the keys, parent links, the size, the prev/next threading (the vm_next list) and, when augmented, each
 * node's subtree maximum (include/linux/rbtree_augmented.h: RB_DECLARE_CALLBACKS' compute).
 */
final class RbInvariants<V> {
    /** A valid red-black tree of fewer than 2^31 nodes is at most 62 deep; deeper means a cycle. */
    private static final int MAX_SANE_DEPTH = 128;

    private final RbTree<V> tree;

    private RbInvariants(RbTree<V> tree) {
        this.tree = tree;
    }

    /** Null when all invariants hold, else a sentence naming the first broken one. */
    static <V> String check(RbTree<V> tree) {
        RbInvariants<V> c = new RbInvariants<>(tree);
        String structure = c.checkStructure();
        if (structure != null || tree.augment() == null) {
            return structure;
        }
        return c.checkAugment(tree.root());
    }

    private String checkAugment(RbNode<V> n) {
        if (n == null) {
            return null;
        }
        String l = checkAugment(n.left);
        if (l != null) {
            return l;
        }
        String r = checkAugment(n.right);
        if (r != null) {
            return r;
        }
        long want = tree.augment().own(n);
        if (n.left != null) {
            want = Math.max(want, n.left.aug);
        }
        if (n.right != null) {
            want = Math.max(want, n.right.aug);
        }
        return want == n.aug ? null : "node " + n.key + " keeps augmented value " + n.aug + " but its subtree has "
                + want;
    }

    private String checkStructure() {
        RbNode<V> root = tree.root();
        int size = tree.size();
        if (root == null) {
            if (size != 0 || tree.first() != null || tree.last() != null) {
                return "empty tree but size is " + size + " or first/last are set";
            }
            return null;
        }
        if (root.parent != null) {
            return "root " + root.key + " has a parent";
        }
        if (root.isRed()) {
            return "root " + root.key + " is red";
        }
        List<RbNode<V>> inOrder = new ArrayList<>(size);
        String problem = checkSubtree(root, null, null, 0, inOrder);
        if (problem != null) {
            return problem;
        }
        if (inOrder.size() != size) {
            return "size is " + size + " but the tree holds " + inOrder.size() + " nodes";
        }
        return checkThreading(inOrder);
    }

    /** Returns a problem, or null; black heights go through {@link #blackHeight}. */
    private String checkSubtree(RbNode<V> n, Long lower, Long upper, int depth, List<RbNode<V>> inOrder) {
        if (depth > MAX_SANE_DEPTH) {
            return "tree deeper than " + MAX_SANE_DEPTH + " at " + n.key + ": a cycle or no balance";
        }
        if (n.tree != tree) {
            return "node " + n.key + " does not belong to this tree";
        }
        if (lower != null && n.key <= lower || upper != null && n.key >= upper) {
            return "node " + n.key + " breaks BST order (must lie in (" + lower + ", " + upper + "))";
        }
        String linkProblem = checkChildLink(n, n.left);
        if (linkProblem == null) {
            linkProblem = checkChildLink(n, n.right);
        }
        if (linkProblem != null) {
            return linkProblem;
        }
        if (n.left != null) {
            String p = checkSubtree(n.left, lower, n.key, depth + 1, inOrder);
            if (p != null) {
                return p;
            }
        }
        inOrder.add(n);
        if (n.right != null) {
            String p = checkSubtree(n.right, n.key, upper, depth + 1, inOrder);
            if (p != null) {
                return p;
            }
        }
        if (blackHeight(n.left) != blackHeight(n.right)) {
            return "node " + n.key + " has unequal black heights: left " + blackHeight(n.left)
                    + ", right " + blackHeight(n.right);
        }
        return null;
    }

    private static String checkChildLink(RbNode<?> n, RbNode<?> child) {
        if (child == null) {
            return null;
        }
        if (child.parent != n) {
            return "node " + child.key + " has a wrong parent pointer (expected " + n.key + ")";
        }
        if (n.isRed() && child.isRed()) {
            return "red node " + n.key + " has red child " + child.key;
        }
        return null;
    }

    /** Black height along the leftmost path; equal on all paths once every subtree below checked out. */
    private static int blackHeight(RbNode<?> n) {
        int h = 0;
        for (; n != null; n = n.left) {
            if (!n.isRed()) {
                h++;
            }
        }
        return h;
    }

    private String checkThreading(List<RbNode<V>> inOrder) {
        if (tree.first() != inOrder.get(0)) {
            return "first() is not the leftmost node " + inOrder.get(0).key;
        }
        if (tree.last() != inOrder.get(inOrder.size() - 1)) {
            return "last() is not the rightmost node " + inOrder.get(inOrder.size() - 1).key;
        }
        RbNode<V> n = tree.first();
        for (int i = 0; i < inOrder.size(); i++, n = n.next) {
            if (n != inOrder.get(i)) {
                return "next list differs from in-order at position " + i + " (expected " + inOrder.get(i).key + ")";
            }
        }
        if (n != null) {
            return "next list runs past the last node";
        }
        n = tree.last();
        for (int i = inOrder.size() - 1; i >= 0; i--, n = n.prev) {
            if (n != inOrder.get(i)) {
                return "prev list differs from in-order at position " + i + " (expected " + inOrder.get(i).key + ")";
            }
        }
        if (n != null) {
            return "prev list runs past the first node";
        }
        return null;
    }
}
