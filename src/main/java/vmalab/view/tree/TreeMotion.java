package vmalab.view.tree;
import vmalab.viewmodel.fold.TreeShape;

/**
 * The tree between two frames at time {@code t} (0 = {@code from}, 1 = {@code to}): each node of {@code to} slides
 * from where the same node (by identity) was in {@code from}; a new node drops in from above. Positions are in
 * columns and rows; the camera turns them into pixels.
 */
final class TreeMotion {
    private final TreeShape from;
    private final TreeShape to;
    private final double t;

    TreeMotion(TreeShape from, TreeShape to, double t) {
        this.from = from == null ? to : from;
        this.to = to;
        this.t = this.from == to ? 1 : Math.max(0, Math.min(1, t));
    }

    TreeShape from() { return from; }
    TreeShape to() { return to; }
    double t() { return t; }
    boolean moving() { return t < 1; }

    /** Smooth start and stop. */
    private double ease() {
        return t * t * (3 - 2 * t);
    }

    /**
     * Column of node i of {@code to}. A node changing both column and row (the successor swap: two nodes trading
     * places) swings out along its way so the two do not meet in the middle.
     */
    double col(int i) {
        if (t >= 1) return i;
        int j = from.indexOfId(to.id(i));
        if (j < 0) return i;
        double swing = j != i && from.depth(j) != to.depth(i) ? Math.signum(i - j) * 0.9 * Math.sin(Math.PI * t) : 0;
        return j + (i - j) * ease() + swing;
    }

    /** Place in the vm_next list of node i of {@code to}: key order, which only a node joining or leaving shifts. */
    double chainCol(int i) {
        int r = to.rank(i);
        if (t >= 1) return r;
        int j = from.indexOfId(to.id(i));
        return j < 0 ? r : from.rank(j) + (r - from.rank(j)) * ease();
    }

    /** Row of node i of {@code to}. */
    double row(int i) {
        if (t >= 1) return to.depth(i);
        int j = from.indexOfId(to.id(i));
        if (j < 0) return to.depth(i) - 1.2 * (1 - ease());
        return from.depth(j) + (to.depth(i) - from.depth(j)) * ease();
    }

    /** Whether node i of {@code to} is changing rows (it is drawn narrow meanwhile). */
    boolean travelling(int i) {
        if (t >= 1) return false;
        int j = from.indexOfId(to.id(i));
        return j < 0 || from.depth(j) != to.depth(i);
    }

    /** Opacity of node i of {@code to}: a new node fades in as it drops. */
    double alpha(int i) {
        if (t >= 1) return 1;
        return from.indexOfId(to.id(i)) < 0 ? t : 1;
    }

    /** How red node i of {@code to} is, 0..1: a recolour blends the fill. */
    double redness(int i) {
        boolean now = to.red(i);
        if (t >= 1) return now ? 1 : 0;
        int j = from.indexOfId(to.id(i));
        boolean was = j < 0 ? now : from.red(j);
        if (was == now) return now ? 1 : 0;
        return now ? t : 1 - t;
    }

    /** Column in {@code from} of a node that is gone in {@code to} (unlinked), or -1. */
    int vanished(int shadowId) {
        if (t >= 1 || shadowId < 0) return -1;
        return to.indexOfId(shadowId) < 0 ? from.indexOfId(shadowId) : -1;
    }
}
