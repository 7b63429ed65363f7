package vmalab.view.maple;

import java.util.ArrayList;
import java.util.List;
import vmalab.model.maple.MapleTree.NodeInfo;

/**
 * Where each node of a maple tree goes in the overview, in slot units: the leaves side by side in index order
 * (a leaf is as wide as its used slots), each internal node centred over its children, one row per level. The
 * painter scales slot units to pixels; nothing here knows about pixels, so 65,530 VMAs (some 8,000 leaves) lay
 * out in one pass and are drawn only where they are on screen.
 */
public final class MapleLayout {
    /** Slot units between two leaves. */
    public static final double LEAF_GAP = 1.5;

    /** One node placed: its shape and its left edge and width in slot units, on row {@code depth}. */
    public record Box(NodeInfo node, int depth, double x, double width, Box parent, int parentSlot) {
        /** The centre of slot {@code i}, in slot units. */
        public double slotCentre(int i) {
            return x + (width / (node.end() + 1)) * (i + 0.5);
        }

        /** The width of one slot, in slot units. */
        public double slotWidth() {
            return width / (node.end() + 1);
        }
    }

    private final List<List<Box>> rows = new ArrayList<>();
    private final java.util.Map<Long, Box> byId = new java.util.HashMap<>();
    private double width;
    private int nodes;
    private int leaves;
    private int entries;

    private MapleLayout() {
    }

    /** Lays out the tree under {@code root}; an empty layout for null. */
    public static MapleLayout of(NodeInfo root) {
        MapleLayout l = new MapleLayout();
        if (root != null) {
            l.width = span(root);
            l.place(root, 0, 0, null, -1);
        }
        return l;
    }

    /** The width of a node's subtree: its leaves side by side with a gap between. */
    private static double span(NodeInfo n) {
        int used = n.end() + 1;
        if (n.isLeaf()) return used;
        double w = 0;
        for (int i = 0; i < used; i++) w += span(n.child(i)) + (i > 0 ? LEAF_GAP : 0);
        return w;
    }

    /** Places the subtree of {@code n} from {@code x0}; returns its span. */
    private double place(NodeInfo n, int depth, double x0, Box parent, int parentSlot) {
        while (rows.size() <= depth) rows.add(new ArrayList<>());
        nodes++;
        int used = n.end() + 1;
        if (n.isLeaf()) {
            leaves++;
            for (int i = 0; i < used; i++) if (n.entry(i) != null) entries++;
            Box leaf = new Box(n, depth, x0, used, parent, parentSlot);
            rows.get(depth).add(leaf);
            byId.put(n.id(), leaf);
            return used;
        }
        NodeInfo[] kids = new NodeInfo[used];
        double[] spans = new double[used];
        double total = 0;
        for (int i = 0; i < used; i++) {
            kids[i] = n.child(i);
            spans[i] = span(kids[i]);
            total += spans[i] + (i > 0 ? LEAF_GAP : 0);
        }
        Box self = new Box(n, depth, x0 + total / 2 - used / 2.0, used, parent, parentSlot);
        rows.get(depth).add(self);
        byId.put(n.id(), self);
        double x = x0;
        for (int i = 0; i < used; i++) {
            place(kids[i], depth + 1, x, self, i);
            x += spans[i] + LEAF_GAP;
        }
        return total;
    }

    /** Rows from the root (row 0) down to the leaves, each in index order. */
    public List<List<Box>> rows() { return rows; }

    /** Levels: 0 for an empty tree. */
    public int height() { return rows.size(); }

    /** The overview's width in slot units. */
    public double width() { return width; }

    public int nodes() { return nodes; }

    public int leaves() { return leaves; }

    /** The VMAs the tree holds (its non-NULL leaf slots): the mm's map_count, or part way through a step what it was then. */
    public int entries() { return entries; }

    /** The boxes of row {@code depth} that overlap [x0, x1] (slot units), by binary search on the row. */
    public List<Box> visible(int depth, double x0, double x1) {
        List<Box> row = rows.get(depth);
        int lo = 0;
        int hi = row.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            Box b = row.get(mid);
            if (b.x() + b.width() < x0) lo = mid + 1;
            else hi = mid;
        }
        List<Box> out = new ArrayList<>();
        for (int i = lo; i < row.size() && row.get(i).x() <= x1; i++) out.add(row.get(i));
        return out;
    }

    /** The box of the node with {@code id}, or null. */
    public Box byId(long id) {
        return byId.get(id);
    }

    /** The leaf whose range holds {@code index}, or null. */
    public Box leafOf(long index) {
        if (rows.isEmpty()) return null;
        // the leaves cover the index space in order: the last one starting at or below the index holds it
        List<Box> row = rows.get(rows.size() - 1);
        int lo = 0;
        int hi = row.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (Long.compareUnsigned(row.get(mid).node().min(), index) <= 0) lo = mid;
            else hi = mid - 1;
        }
        Box b = row.get(lo);
        return Long.compareUnsigned(index, b.node().min()) >= 0 && Long.compareUnsigned(index, b.node().max()) <= 0
            ? b : null;
    }
}
