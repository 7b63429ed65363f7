package vmalab.viewmodel.fold;

import java.util.Arrays;
import vmalab.model.mm.Vma;
import vmalab.model.mm.VmaIndex;

/**
 * One tree state laid out for drawing: node {@code i} (in key order, which is vm_next order) sits in column
 * {@code i} at row {@link #depth(int)}. Built in O(n) without recursion; immutable.
 */
public final class TreeShape {
    public static final TreeShape EMPTY = new TreeShape(0, 0);

    private final int[] id;
    private final long[] key;
    private final byte[] depth;
    private final boolean[] red;
    private final int[] parent;
    private final Vma[] vma;
    /** Column of each shadow id, or -1: lets an animation find where a node was in the previous state. */
    private final int[] indexOfId;
    /**
     * Key order when it differs from column order (only mid-erase, while the successor and the erased node have
     * traded places): byRank[r] is the column of the r-th smallest key, rankOf its inverse. Null when sorted.
     */
    private int[] byRank;
    private int[] rankOf;
    /** Columns to the nearest node on the same row, capped: how wide a label may be. */
    private final byte[] room;
    private int height;
    /** The pages of every VMA in the tree (total_vm at this shape), summed on first use: -1 until then. */
    private long totalPages = -1;

    private TreeShape(int n, int ids) {
        id = new int[n];
        key = new long[n];
        depth = new byte[n];
        red = new boolean[n];
        parent = new int[n];
        vma = new Vma[n];
        room = new byte[n];
        indexOfId = new int[ids];
        Arrays.fill(indexOfId, -1);
    }

    /** Lays a model tree out: in-order index × depth, O(n). */
    public static TreeShape layout(VmaIndex tree) {
        return of(ShadowTree.of(tree));
    }

    /** Lays the shadow tree out: in-order index × depth. */
    public static TreeShape of(ShadowTree t) {
        int n = t.size();
        TreeShape s = new TreeShape(n, t.capacity());
        int[] stack = new int[130];
        byte[] depths = new byte[130];
        int sp = 0;
        int cur = t.root();
        int d = 0;
        int i = 0;
        while (cur != ShadowTree.NIL || sp > 0) {
            while (cur != ShadowTree.NIL) {
                stack[sp] = cur;
                depths[sp++] = (byte) d;
                cur = t.left(cur);
                d++;
            }
            cur = stack[--sp];
            d = depths[sp];
            s.id[i] = cur;
            s.key[i] = t.key(cur);
            s.depth[i] = (byte) d;
            s.red[i] = t.red(cur);
            s.vma[i] = t.vma(cur);
            s.indexOfId[cur] = i;
            s.height = Math.max(s.height, d);
            i++;
            cur = t.right(cur);
            d++;
        }
        for (int k = 0; k < n; k++) {
            int p = t.parent(s.id[k]);
            s.parent[k] = p == ShadowTree.NIL ? -1 : s.indexOfId[p];
        }
        s.computeRoom();
        s.rankKeys();
        return s;
    }

    private void computeRoom() {
        int[] last = new int[height + 1];
        Arrays.fill(last, Integer.MIN_VALUE / 2);
        int n = id.length;
        for (int i = 0; i < n; i++) {
            int d = depth[i];
            int gap = Math.min(i - last[d], MAX_ROOM);
            room[i] = (byte) gap;
            if (last[d] >= 0) room[last[d]] = (byte) Math.min(room[last[d]], gap);
            last[d] = i;
        }
        // the outermost nodes may spill half a column past the ends, no more
        for (int i = 0; i < n; i++) {
            room[i] = (byte) Math.min(room[i], Math.min(2 * (i + 1), 2 * (n - i)));
        }
    }

    public static final int MAX_ROOM = 100;

    private void rankKeys() {
        int n = key.length;
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) sorted = key[i - 1] < key[i];
        if (sorted) return;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Long.compare(key[a], key[b]));
        byRank = new int[n];
        rankOf = new int[n];
        for (int r = 0; r < n; r++) {
            byRank[r] = order[r];
            rankOf[order[r]] = r;
        }
    }

    /** Place of node i's key in key order (its place in the vm_next list). */
    public int rank(int i) {
        return rankOf == null ? i : rankOf[i];
    }

    /** The column of the node with the r-th smallest key. */
    public int byRank(int r) {
        return byRank == null ? r : byRank[r];
    }

    public int size() { return id.length; }
    /** Columns between this node and the nearest one on its row (at most {@link #MAX_ROOM}). */
    public int room(int i) { return room[i]; }
    public int id(int i) { return id[i]; }
    public long key(int i) { return key[i]; }
    public int depth(int i) { return depth[i]; }
    public boolean red(int i) { return red[i]; }
    /** Column of the parent, or -1 for the root. */
    public int parent(int i) { return parent[i]; }
    public Vma vma(int i) { return vma[i]; }
    /** Depth of the deepest node (0 for a lone root). */
    public int height() { return height; }

    /** The pages of every VMA in this shape (what total_vm counts), computed once per shape. */
    public long totalPages() {
        if (totalPages < 0) {
            long pages = 0;
            for (Vma v : vma) if (v != null) pages += v.pages();
            totalPages = pages;
        }
        return totalPages;
    }

    /** The column of a shadow id, or -1 when that node is not in this state. */
    public int indexOfId(int shadowId) {
        return shadowId >= 0 && shadowId < indexOfId.length ? indexOfId[shadowId] : -1;
    }

    /** The column of the node with this key (keys ascend with the column), or -1. */
    public int indexOfKey(long k) {
        if (byRank != null) {
            for (int i = 0; i < key.length; i++) if (key[i] == k) return i;
            return -1;
        }
        int i = Arrays.binarySearch(key, k);
        return i >= 0 ? i : -1;
    }

    /** The column of the node whose VMA contains addr, or -1. */
    public int indexContaining(long addr) {
        int i = Arrays.binarySearch(key, addr);
        if (i >= 0) return i;
        int ins = -i - 2;
        return ins >= 0 && vma[ins] != null && vma[ins].contains(addr) ? ins : -1;
    }

    /** Same keys in the same columns, rows and colours: the two trees draw the same. */
    public boolean sameTree(TreeShape o) {
        return Arrays.equals(key, o.key) && Arrays.equals(depth, o.depth) && Arrays.equals(red, o.red);
    }
}
