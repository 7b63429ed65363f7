package vmalab.viewmodel.fold;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import vmalab.model.mm.IndexNode;
import vmalab.model.mm.Vma;
import vmalab.model.mm.VmaIndex;
import vmalab.model.rbtree.RbColor;
import vmalab.model.rbtree.RbStep;

/**
 * The view's own copy of a VMA tree's shape, in flat arrays, that replays the {@link RbStep}s the model reported
 * to rebuild the intermediate trees of one insert or erase. It never touches the model: it lets the view show
 * the tree as it was between two steps, which the model (already at the end state) cannot.
 *
 * <p>Nodes are numbered by identity ({@code id}); a node keeps its id across rotations and the successor swap,
 * so an animation can slide each node from where it was to where it is.
 */
public final class ShadowTree {
    public static final int NIL = -1;

    private int[] left;
    private int[] right;
    private int[] parent;
    private boolean[] red;
    private long[] key;
    private Vma[] vma;
    private int count;
    private int root = NIL;
    private int size;
    private final Map<Long, Integer> idOfKey;
    /** Built from a maple-tree process's VMA set (no RbSteps to replay): see {@link #relink}. */
    private boolean maple;

    private ShadowTree(int capacity) {
        capacity = Math.max(capacity, 8);
        left = new int[capacity];
        right = new int[capacity];
        parent = new int[capacity];
        red = new boolean[capacity];
        key = new long[capacity];
        vma = new Vma[capacity];
        idOfKey = new HashMap<>(capacity * 2);
    }

    public static ShadowTree empty() {
        return new ShadowTree(8);
    }

    /** The model tree's shape: ids in pre-order. O(n), no recursion. */
    public static ShadowTree of(VmaIndex tree) {
        ShadowTree s = new ShadowTree(tree.size() + 8);
        if (tree.isMaple()) return s.balanced(tree.vmas());
        IndexNode<Vma> r = tree.root();
        if (r == null) {
            return s;
        }
        @SuppressWarnings("unchecked")
        IndexNode<Vma>[] stack = new IndexNode[130];
        int[] parents = new int[130];
        boolean[] sides = new boolean[130];
        int sp = 0;
        stack[sp] = r;
        parents[sp] = NIL;
        sp++;
        while (sp > 0) {
            sp--;
            IndexNode<Vma> n = stack[sp];
            int id = s.newNode(n.key(), n.value(), n.isRed());
            int p = parents[sp];
            s.parent[id] = p;
            if (p == NIL) {
                s.root = id;
            } else if (sides[sp]) {
                s.left[p] = id;
            } else {
                s.right[p] = id;
            }
            if (n.right() != null) {
                stack[sp] = n.right();
                parents[sp] = id;
                sides[sp] = false;
                sp++;
            }
            if (n.left() != null) {
                stack[sp] = n.left();
                parents[sp] = id;
                sides[sp] = true;
                sp++;
            }
        }
        s.size = tree.size();
        return s;
    }

    /**
     * A maple-tree process has no binary shape to copy: the fold keeps its VMA set as a balanced, all-black
     * tree in address order (what counters and the layout read), rebuilt at each step's end.
     */
    private ShadowTree balanced(java.util.List<Vma> vmas) {
        maple = true;
        count = 0;
        idOfKey.clear();
        root = link(vmas, 0, vmas.size() - 1, NIL);
        size = vmas.size();
        return this;
    }

    private int link(java.util.List<Vma> vmas, int lo, int hi, int p) {
        if (lo > hi) return NIL;
        int mid = (lo + hi) >>> 1;
        int id = newNode(vmas.get(mid).start(), vmas.get(mid), false);
        parent[id] = p;
        left[id] = link(vmas, lo, mid - 1, id);
        right[id] = link(vmas, mid + 1, hi, id);
        return id;
    }

    /** Whether this is a maple-tree process's VMA set rather than mm_rb's shape. */
    public boolean maple() {
        return maple;
    }

    /**
     * For a maple-tree process: the set with {@code add} linked, or with the VMA at {@code removeKey} gone,
     * rebuilt balanced as {@link #of} builds it. False (nothing changed) when it does not fit the set.
     */
    public boolean relink(Vma add, long removeKey) {
        java.util.List<Vma> vs = new java.util.ArrayList<>(size);
        int[] stack = new int[140];
        int sp = 0;
        for (int n = root; n != NIL || sp > 0; ) {
            if (n != NIL) {
                stack[sp++] = n;
                n = left[n];
            } else {
                n = stack[--sp];
                vs.add(vma[n]);
                n = right[n];
            }
        }
        if (add != null) {
            if (idOf(add.start()) != NIL) return false;
            int at = 0;
            while (at < vs.size() && Long.compareUnsigned(vs.get(at).start(), add.start()) < 0) at++;
            vs.add(at, add);
        } else if (!vs.removeIf(v -> v.start() == removeKey)) {
            return false;
        }
        balanced(vs);
        return true;
    }

    public ShadowTree copy() {
        ShadowTree c = new ShadowTree(0);
        c.left = left.clone();
        c.right = right.clone();
        c.parent = parent.clone();
        c.red = red.clone();
        c.key = key.clone();
        c.vma = vma.clone();
        c.count = count;
        c.root = root;
        c.size = size;
        c.idOfKey.putAll(idOfKey);
        c.maple = maple;
        return c;
    }

    private int newNode(long k, Vma v, boolean isRed) {
        if (count == left.length) {
            int cap = count * 2;
            left = Arrays.copyOf(left, cap);
            right = Arrays.copyOf(right, cap);
            parent = Arrays.copyOf(parent, cap);
            red = Arrays.copyOf(red, cap);
            key = Arrays.copyOf(key, cap);
            vma = Arrays.copyOf(vma, cap);
        }
        int id = count++;
        left[id] = NIL;
        right[id] = NIL;
        parent[id] = NIL;
        red[id] = isRed;
        key[id] = k;
        vma[id] = v;
        idOfKey.put(k, id);
        return id;
    }

    public int root() { return root; }
    public int size() { return size; }
    /** Ids run 0..capacity-1; erased ids are not reused. */
    public int capacity() { return count; }
    public int left(int id) { return left[id]; }
    public int right(int id) { return right[id]; }
    public int parent(int id) { return parent[id]; }
    public boolean red(int id) { return red[id]; }
    public long key(int id) { return key[id]; }
    public Vma vma(int id) { return vma[id]; }

    /** The id of the linked node with this key, or NIL. */
    public int idOf(long k) {
        Integer id = idOfKey.get(k);
        return id == null ? NIL : id;
    }

    /**
     * Replays one step. Returns false when the step does not fit this tree (the view then shows only the end
     * state): the shadow was not the tree the model started from.
     */
    public boolean apply(RbStep step, java.util.function.LongFunction<Vma> vmaOfKey) {
        if (step instanceof RbStep.Compare c) {
            return idOf(c.nodeKey()) != NIL;
        } else if (step instanceof RbStep.Link l) {
            return link(l.key(), l.parentKey(), l.asLeft(), vmaOfKey.apply(l.key()));
        } else if (step instanceof RbStep.Recolor r) {
            int id = idOf(r.key());
            if (id == NIL) return false;
            red[id] = r.color() == RbColor.RED;
            return true;
        } else if (step instanceof RbStep.Rotate r) {
            return rotate(idOf(r.key()), r.left());
        } else if (step instanceof RbStep.SuccessorSwap s) {
            return swap(idOf(s.erasedKey()), idOf(s.successorKey()));
        } else if (step instanceof RbStep.Unlink u) {
            return unlink(idOf(u.key()));
        }
        return false;
    }

    // include/linux/rbtree.h: rb_link_node() - a red leaf
    private boolean link(long k, Long parentKey, boolean asLeft, Vma v) {
        if (idOf(k) != NIL) return false;
        int p = parentKey == null ? NIL : idOf(parentKey);
        if (parentKey != null && (p == NIL || (asLeft ? left[p] : right[p]) != NIL)) return false;
        if (parentKey == null && root != NIL) return false;
        int id = newNode(k, v, true);
        parent[id] = p;
        if (p == NIL) {
            root = id;
        } else if (asLeft) {
            left[p] = id;
        } else {
            right[p] = id;
        }
        size++;
        return true;
    }

    private void replaceChild(int old, int replacement, int p) {
        if (p == NIL) {
            root = replacement;
        } else if (left[p] == old) {
            left[p] = replacement;
        } else {
            right[p] = replacement;
        }
    }

    // lib/rbtree.c: __rb_rotate_set_parents()
    private boolean rotate(int x, boolean toLeft) {
        if (x == NIL) return false;
        int y = toLeft ? right[x] : left[x];
        if (y == NIL) return false;
        if (toLeft) {
            right[x] = left[y];
            if (left[y] != NIL) parent[left[y]] = x;
            left[y] = x;
        } else {
            left[x] = right[y];
            if (right[y] != NIL) parent[right[y]] = x;
            right[y] = x;
        }
        int p = parent[x];
        replaceChild(x, y, p);
        parent[y] = p;
        parent[x] = y;
        return true;
    }

    /**
     * rb_erase() with two children, as the picture shows it: the erased node and its in-order successor trade
     * places (each keeps its colour); the Unlink that follows then removes the erased node from the successor's
     * old place, where it has at most a right child. The end shape is the kernel's.
     */
    private boolean swap(int a, int b) {
        if (a == NIL || b == NIL || a == b) return false;
        int pa = parent[a], la = left[a], ra = right[a];
        int pb = parent[b], lb = left[b], rb = right[b];
        boolean aWasLeft = pa != NIL && left[pa] == a;
        boolean bWasLeft = pb != NIL && left[pb] == b;
        parent[b] = sub(pa, a, b);
        left[b] = sub(la, a, b);
        right[b] = sub(ra, a, b);
        parent[a] = sub(pb, a, b);
        left[a] = sub(lb, a, b);
        right[a] = sub(rb, a, b);
        fixNeighbours(b, aWasLeft, a);
        fixNeighbours(a, bWasLeft, b);
        return true;
    }

    private static int sub(int x, int a, int b) {
        return x == a ? b : x == b ? a : x;
    }

    private void fixNeighbours(int n, boolean onLeftOfParent, int other) {
        if (left[n] != NIL) parent[left[n]] = n;
        if (right[n] != NIL) parent[right[n]] = n;
        int p = parent[n];
        if (p == NIL) {
            root = n;
        } else if (p != other) {
            if (onLeftOfParent) left[p] = n;
            else right[p] = n;
        }
    }

    // include/linux/rbtree_augmented.h: __rb_erase_augmented() case 1 (after the swap, always this case)
    private boolean unlink(int id) {
        if (id == NIL || (left[id] != NIL && right[id] != NIL)) return false;
        int only = left[id] != NIL ? left[id] : right[id];
        int p = parent[id];
        replaceChild(id, only, p);
        if (only != NIL) parent[only] = p;
        left[id] = right[id] = parent[id] = NIL;
        idOfKey.remove(key[id]);
        size--;
        return true;
    }

    /** vma_adjust() changed a VMA in place; its key may move, its place in the tree does not. */
    public boolean rekey(long oldKey, Vma after) {
        int id = idOf(oldKey);
        if (id == NIL) return false;
        idOfKey.remove(oldKey);
        key[id] = after.start();
        vma[id] = after;
        idOfKey.put(after.start(), id);
        return true;
    }
}
