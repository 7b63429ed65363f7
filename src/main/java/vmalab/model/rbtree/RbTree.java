package vmalab.model.rbtree;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

/**
 * The project's own red-black tree, keyed by a long (vm_start for the VMA tree), behaving like Linux
 * lib/rbtree.c: __rb_insert() fix-up, rb_erase() replacing a node with two children by its successor,
 * ____rb_erase_color() fix-up. Nodes are also threaded in key order (prev/next), as the vm_next list was.
 * Every structural step is reported, in order, to the {@link Consumer} given to insert and erase.
 *
 * <p>Step conventions: a {@link RbStep.Recolor} is reported only when a node's colour really changes, in the
 * order the kernel paints; a {@link RbStep.Rotate} is reported when the kernel starts rewiring, before the
 * paints it makes while finishing that rotation (__rb_rotate_set_parents()). Nodes keep their identity: an
 * erase moves the successor node into the erased node's place, it never copies values between nodes.
 */
public final class RbTree<V> {
    private static final Consumer<RbStep> NO_STEPS = step -> { };

    /**
     * An augmentation: each node keeps the largest {@link #own} value of its subtree, kept up to date through
     * inserts, erases, rotations and value changes (include/linux/rbtree_augmented.h: RB_DECLARE_CALLBACKS).
     * For the VMA tree the own value is the free gap below a VMA, as vma_compute_gap() computes it; it may
     * read the node's prev.
     */
    public interface Augment<V> {
        long own(RbNode<V> node);
    }

    /**
     * A consumer that only counts the steps (bulk work past its event cap): the tree bumps it by the number
     * of steps it would have reported, in the same order, without building them.
     */
    public interface StepCounter extends Consumer<RbStep> {
        void count(int steps);

        @Override
        default void accept(RbStep step) {
            count(1);
        }
    }

    private final ToLongFunction<V> keyOf;
    private Augment<V> augment;
    private RbNode<V> spliceLow;
    private RbNode<V> root;
    private RbNode<V> first;
    private RbNode<V> last;
    private int size;

    public RbTree(ToLongFunction<V> keyOf) {
        this.keyOf = Objects.requireNonNull(keyOf, "keyOf");
    }

    /**
     * Inserts a value whose key is not in the tree yet; reports Compare, Link, Recolor, Rotate steps.
     * {@code steps} may be null when nobody watches.
     *
     * @throws IllegalArgumentException if the key is already present; the tree and the consumer are untouched
     */
    public RbNode<V> insert(V value, Consumer<RbStep> steps) {
        Consumer<RbStep> out = steps == null ? NO_STEPS : steps;
        long key = keyOf(value);
        // mm/mmap.c: find_vma_links() - descend, remembering the parent, the side and the predecessor
        StepCounter counter = out instanceof StepCounter c ? c : null;
        List<RbStep> compares = out == NO_STEPS || counter != null ? null : new ArrayList<>();
        RbNode<V> parent = null;
        RbNode<V> pred = null;
        boolean asLeft = false;
        int depth = 0;
        for (RbNode<V> cur = root; cur != null; ) {
            if (key == cur.key) {
                throw new IllegalArgumentException("key " + key + " is already in the tree");
            }
            asLeft = key < cur.key;
            depth++;
            if (compares != null) {
                compares.add(new RbStep.Compare(cur.key, key, asLeft));
            }
            parent = cur;
            if (asLeft) {
                cur = cur.left;
            } else {
                pred = cur;
                cur = cur.right;
            }
        }
        if (compares != null) {
            compares.forEach(out); // only now: a duplicate key must leave the consumer untouched too
        }

        // include/linux/rbtree.h: rb_link_node() - a red leaf
        RbNode<V> node = new RbNode<>(value, key);
        node.tree = this;
        node.parent = parent;
        if (parent == null) {
            root = node;
        } else if (asLeft) {
            parent.left = node;
        } else {
            parent.right = node;
        }
        if (counter != null) {
            counter.count(depth + 1); // the compares and the link
        } else {
            out.accept(new RbStep.Link(key, parent == null ? null : parent.key, parent != null && asLeft));
        }
        linkList(node, pred);
        size++;
        if (augment != null) {
            // every value was right before the insert but the new leaf's and its successor's own (its gap)
            recompute(node);
            propagateChanged(node.parent);
            propagateChanged(node.next);
        }
        insertColor(node, out);
        return node;
    }

    // mm/mmap.c: __vma_link_list() - thread the node after its predecessor (or at the head)
    private void linkList(RbNode<V> node, RbNode<V> pred) {
        RbNode<V> succ = pred == null ? first : pred.next;
        node.prev = pred;
        node.next = succ;
        if (pred == null) {
            first = node;
        } else {
            pred.next = node;
        }
        if (succ == null) {
            last = node;
        } else {
            succ.prev = node;
        }
    }

    // lib/rbtree.c: __rb_insert() - loop invariant: node is red
    private void insertColor(RbNode<V> node, Consumer<RbStep> out) {
        RbNode<V> parent = node.parent;
        while (true) {
            if (parent == null) {
                // node is the root: the first node, or case 1 recursed up to here
                paint(node, RbColor.BLACK, out);
                return;
            }
            if (!parent.isRed()) {
                return;
            }
            RbNode<V> gparent = parent.parent; // exists: a red parent is never the root
            boolean parentIsLeft = parent == gparent.left;
            RbNode<V> uncle = parentIsLeft ? gparent.right : gparent.left;
            if (uncle != null && uncle.isRed()) {
                // case 1: colour flips, then recurse at the grandparent (kernel paints uncle, parent, gparent)
                paint(uncle, RbColor.BLACK, out);
                paint(parent, RbColor.BLACK, out);
                paint(gparent, RbColor.RED, out);
                node = gparent;
                parent = node.parent;
                continue;
            }
            if (node == (parentIsLeft ? parent.right : parent.left)) {
                // case 2: node is the inner child; rotate at parent so that case 3 applies
                rotate(parent, parentIsLeft, out);
                RbNode<V> t = parent;
                parent = node;
                node = t;
            }
            // case 3: rotate at the grandparent; parent takes its black, gparent turns red
            rotate(gparent, !parentIsLeft, out);
            paint(parent, RbColor.BLACK, out);
            paint(gparent, RbColor.RED, out);
            return;
        }
    }

    /**
     * Removes a node of this tree; reports SuccessorSwap, Unlink, Recolor, Rotate steps: SuccessorSwap first
     * (two children only), then Unlink, then the splice's paints (a lone child or the successor taking the
     * erased node's colour, the successor's old child turning black), then the ____rb_erase_color() steps.
     * {@code steps} may be null when nobody watches. The erased node keeps its value and key but loses its links.
     *
     * @throws IllegalArgumentException if the node is not linked in this tree
     */
    public void erase(RbNode<V> node, Consumer<RbStep> steps) {
        requireMine(node);
        Consumer<RbStep> out = steps == null ? NO_STEPS : steps;
        RbNode<V> rebalance = unlinkFromTree(node, out);
        unlinkList(node);
        size--;
        if (augment != null) {
            // rb_erase_augmented(): every subtree that lost the node lies above spliceLow; the next node's own
            // value changed with its prev
            propagate(spliceLow);
            propagate(node.next);
        }
        spliceLow = null;
        node.parent = node.left = node.right = node.prev = node.next = null;
        node.tree = null;
        if (rebalance != null) {
            eraseColor(rebalance, out);
        }
    }

    // include/linux/rbtree_augmented.h: __rb_erase_augmented() - returns the parent to rebalance at, or null
    private RbNode<V> unlinkFromTree(RbNode<V> node, Consumer<RbStep> out) {
        RbNode<V> child = node.right;
        RbNode<V> leftChild = node.left;
        RbNode<V> parent = node.parent;
        if (leftChild == null || child == null) {
            // case 1: at most one child; a lone child is red under a black node and takes the node's colour
            RbNode<V> only = leftChild == null ? child : leftChild;
            spliceLow = parent;
            out.accept(new RbStep.Unlink(node.key));
            changeChild(node, only, parent);
            if (only != null) {
                only.parent = parent;
                paint(only, node.color, out);
                return null;
            }
            return node.isRed() ? null : parent;
        }

        // cases 2 and 3: the successor is the leftmost node of the right subtree; successorParent ends up
        // as the node the successor's old right child hangs from (the successor itself in case 2)
        RbNode<V> successor = child;
        RbNode<V> successorParent = child;
        while (successor.left != null) {
            successorParent = successor;
            successor = successor.left;
        }
        spliceLow = successor == child ? successor : successorParent;
        out.accept(new RbStep.SuccessorSwap(node.key, successor.key));
        out.accept(new RbStep.Unlink(node.key));
        RbNode<V> child2 = successor.right;
        if (successor != child) {
            // case 3: detach the successor from deep in the right subtree; it adopts node's right subtree
            successorParent.left = child2;
            successor.right = child;
            child.parent = successor;
        }
        successor.left = leftChild;
        leftChild.parent = successor;
        changeChild(node, successor, parent);

        RbNode<V> rebalance;
        if (child2 != null) {
            child2.parent = successorParent;
            paint(child2, RbColor.BLACK, out);
            rebalance = null;
        } else {
            rebalance = successor.isRed() ? null : successorParent;
        }
        successor.parent = parent;
        paint(successor, node.color, out);
        return rebalance;
    }

    // mm/mmap.c: __vma_unlink_list() - join the neighbours
    private void unlinkList(RbNode<V> node) {
        if (node.prev == null) {
            first = node.next;
        } else {
            node.prev.next = node.next;
        }
        if (node.next == null) {
            last = node.prev;
        } else {
            node.next.prev = node.prev;
        }
    }

    /*
     * lib/rbtree.c: ____rb_erase_color(). Loop invariants: node is black (or null at first), parent is not
     * null, and paths through node have one black fewer than the others.
     */
    private void eraseColor(RbNode<V> parent, Consumer<RbStep> out) {
        RbNode<V> node = null;
        while (true) {
            // like the kernel: on the first pass node is null, and a null right child means node was there
            boolean nodeIsLeft = node != parent.right;
            RbNode<V> sibling = nodeIsLeft ? parent.right : parent.left;
            if (sibling.isRed()) {
                // case 1: rotate at parent towards node; sibling takes parent's (black) colour, parent red
                RbColor parentColor = parent.color;
                rotate(parent, nodeIsLeft, out);
                paint(sibling, parentColor, out);
                paint(parent, RbColor.RED, out);
                sibling = nodeIsLeft ? parent.right : parent.left;
            }
            RbNode<V> far = nodeIsLeft ? sibling.right : sibling.left;
            if (far == null || !far.isRed()) {
                RbNode<V> near = nodeIsLeft ? sibling.left : sibling.right;
                if (near == null || !near.isRed()) {
                    // case 2: sibling colour flip; a red parent absorbs the missing black, else recurse up
                    paint(sibling, RbColor.RED, out);
                    if (parent.isRed()) {
                        paint(parent, RbColor.BLACK, out);
                        return;
                    }
                    node = parent;
                    parent = node.parent;
                    if (parent == null) {
                        return;
                    }
                    continue;
                }
                // case 3: rotate at sibling so that its red near child becomes the sibling
                rotate(sibling, !nodeIsLeft, out);
                far = sibling;
                sibling = near;
            }
            // case 4: rotate at parent; far turns black, sibling takes parent's colour, parent black
            RbColor parentColor = parent.color;
            rotate(parent, nodeIsLeft, out);
            paint(far, RbColor.BLACK, out);
            paint(sibling, parentColor, out);
            paint(parent, RbColor.BLACK, out);
            return;
        }
    }

    // lib/rbtree.c: __rb_rotate_set_parents() - the child on the far side moves up into x's place
    private void rotate(RbNode<V> x, boolean left, Consumer<RbStep> out) {
        if (out instanceof StepCounter c) {
            c.count(1);
        } else {
            out.accept(new RbStep.Rotate(x.key, left));
        }
        RbNode<V> y;
        if (left) {
            y = x.right;
            x.right = y.left;
            if (y.left != null) {
                y.left.parent = x;
            }
            y.left = x;
        } else {
            y = x.left;
            x.left = y.right;
            if (y.right != null) {
                y.right.parent = x;
            }
            y.right = x;
        }
        RbNode<V> parent = x.parent;
        changeChild(x, y, parent);
        y.parent = parent;
        x.parent = y;
        if (augment != null) {
            // the rotate callback: x is now below y; their subtrees changed, nothing above them did
            recompute(x);
            recompute(y);
        }
    }

    /** Turns the augmentation on (or off with null) and computes it for every node. */
    public void setAugment(Augment<V> a) {
        this.augment = a;
        if (a != null) {
            recomputeAll(root);
        }
    }

    public boolean augmented() {
        return augment != null;
    }

    private long recomputeAll(RbNode<V> n) {
        if (n == null) {
            return Long.MIN_VALUE;
        }
        long l = recomputeAll(n.left);
        long r = recomputeAll(n.right);
        n.aug = Math.max(augment.own(n), Math.max(l, r));
        return n.aug;
    }

    private void recompute(RbNode<V> n) {
        long m = augment.own(n);
        if (n.left != null && n.left.aug > m) {
            m = n.left.aug;
        }
        if (n.right != null && n.right.aug > m) {
            m = n.right.aug;
        }
        n.aug = m;
    }

    /**
     * Recomputes from n upwards while a value changes: include/linux/rbtree_augmented.h: RB_DECLARE_CALLBACKS'
     * propagate stops at the first node whose value stays, as nothing above it can change. Only for a walk
     * whose nodes below n are all right already (an insert's two paths); {@link #propagate} walks to the root.
     */
    private void propagateChanged(RbNode<V> n) {
        for (; n != null; n = n.parent) {
            long before = n.aug;
            recompute(n);
            if (n.aug == before) {
                return;
            }
        }
    }

    /** Recomputes the augmented value from n up to the root (RB_DECLARE_CALLBACKS' propagate). */
    public void propagate(RbNode<V> n) {
        if (augment == null) {
            return;
        }
        for (; n != null; n = n.parent) {
            recompute(n);
        }
    }

    // include/linux/rbtree_augmented.h: __rb_change_child()
    private void changeChild(RbNode<V> old, RbNode<V> replacement, RbNode<V> parent) {
        if (parent == null) {
            root = replacement;
        } else if (parent.left == old) {
            parent.left = replacement;
        } else {
            parent.right = replacement;
        }
    }

    private static void paint(RbNode<?> node, RbColor color, Consumer<RbStep> out) {
        if (node.color != color) {
            node.color = color;
            if (out instanceof StepCounter c) {
                c.count(1);
            } else {
                out.accept(new RbStep.Recolor(node.key, color));
            }
        }
    }

    private void requireMine(RbNode<V> node) {
        Objects.requireNonNull(node, "node");
        if (node.tree != this) {
            throw new IllegalArgumentException("node " + node.key + " is not linked in this tree");
        }
    }

    /**
     * Replaces a node's value in place; the new key must keep the in-order position (prev &lt; key &lt; next).
     *
     * @throws IllegalArgumentException if the new key breaks the order, or the node is not in this tree
     */
    public void replace(RbNode<V> node, V value) {
        requireMine(node);
        long key = keyOf(value);
        if (node.prev != null && node.prev.key >= key || node.next != null && key >= node.next.key) {
            throw new IllegalArgumentException("key " + key + " would leave its place between "
                    + (node.prev == null ? "the start" : node.prev.key) + " and "
                    + (node.next == null ? "the end" : node.next.key));
        }
        node.value = value;
        node.key = key;
        if (augment != null) {
            propagate(node);
            propagate(node.next);
        }
    }

    public RbNode<V> root() { return root; }
    public RbNode<V> first() { return first; }
    public RbNode<V> last() { return last; }
    public int size() { return size; }
    public boolean isEmpty() { return size == 0; }

    /** The node with exactly this key, or null. */
    public RbNode<V> find(long key) {
        RbNode<V> n = root;
        while (n != null && n.key != key) {
            n = key < n.key ? n.left : n.right;
        }
        return n;
    }

    /** The node with the greatest key &lt;= {@code key}, or null (the VMA that may contain an address). */
    public RbNode<V> floor(long key) {
        RbNode<V> best = null;
        for (RbNode<V> n = root; n != null; ) {
            if (n.key == key) {
                return n;
            }
            if (n.key < key) {
                best = n;
                n = n.right;
            } else {
                n = n.left;
            }
        }
        return best;
    }

    /** The node with the smallest key &gt;= {@code key}, or null. */
    public RbNode<V> ceiling(long key) {
        RbNode<V> best = null;
        for (RbNode<V> n = root; n != null; ) {
            if (n.key == key) {
                return n;
            }
            if (n.key > key) {
                best = n;
                n = n.left;
            } else {
                n = n.right;
            }
        }
        return best;
    }

    /** Values in key order (walking the next links). */
    public List<V> values() {
        List<V> out = new ArrayList<>(size);
        for (RbNode<V> n = first; n != null; n = n.next) {
            out.add(n.value);
        }
        return out;
    }

    /** A deep copy: same shape, colours and values (values are shared, they are immutable). */
    public RbTree<V> copy() {
        return copy(UnaryOperator.identity());
    }

    /**
     * A deep copy whose nodes hold {@code copyOf(value)}: same shape, colours and augmented values. The copy of a
     * value must have the same key and the same augmented own value (a fresh holder of the same contents).
     */
    public RbTree<V> copy(UnaryOperator<V> copyOf) {
        RbTree<V> c = new RbTree<>(keyOf);
        c.augment = augment;
        c.size = size;
        RbCopy.into(this, c, copyOf);
        return c;
    }

    // for RbCopy: the copy's root and its threading
    void setCopied(RbNode<V> root, RbNode<V> first, RbNode<V> last) {
        this.root = root;
        this.first = first;
        this.last = last;
    }

    /** Levels of nodes on the longest root-to-leaf path: 0 when empty, 1 for a lone root. */
    public int height() {
        return height(root);
    }

    private static int height(RbNode<?> n) {
        return n == null ? 0 : 1 + Math.max(height(n.left), height(n.right));
    }

    /** Null when all invariants hold, else a sentence naming the first broken one. */
    public String checkInvariants() {
        return RbInvariants.check(this);
    }

    Augment<V> augment() {
        return augment;
    }

    public long keyOf(V v) { return keyOf.applyAsLong(v); }
}
