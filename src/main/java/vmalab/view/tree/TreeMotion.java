package vmalab.view.tree;
import vmalab.viewmodel.fold.TreeShape;

/**
 * The tree between two frames at time {@code t} (0 = {@code from}, 1 = {@code to}), in three stages so one step
 * reads: first the nodes the step is about are lit where they are ({@link #HOLD}), then everything moves and
 * recolours at once (until {@link #SETTLE}), then the new tree stands still. Each node of {@code to} slides from
 * where the same node (by identity) was in {@code from}; a new node drops in from above; a node that leaves
 * (the one rb_erase unlinks) fades out where it is. Every node is at one place in every frame and every edge of
 * {@code to} joins two drawn nodes. Positions are in columns and rows; the camera turns them into pixels.
 */
final class TreeMotion {
    /** Until here the step's nodes are lit in the old tree. */
    static final double HOLD = 0.22;
    /** From here the new tree stands still. */
    static final double SETTLE = 0.85;

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

    /** 0 … 1 through the moving stage, eased (smooth start and stop). */
    double move() {
        double u = Math.max(0, Math.min(1, (t - HOLD) / (SETTLE - HOLD)));
        return u * u * (3 - 2 * u);
    }

    /** Whether the step's nodes are being lit before anything moves. */
    boolean holding() {
        return t < HOLD;
    }

    /**
     * Column of node i of {@code to}. A node changing both column and row (the successor swap: two nodes trading
     * places) swings out along its way so the two do not meet in the middle.
     */
    double col(int i) {
        if (t >= 1) return i;
        int j = from.indexOfId(to.id(i));
        if (j < 0) return i;
        double e = move();
        double swing = j != i && from.depth(j) != to.depth(i) ? Math.signum(i - j) * 0.9 * Math.sin(Math.PI * e) : 0;
        return j + (i - j) * e + swing;
    }

    /** Place in the vm_next list of node i of {@code to}: key order, which only a node joining or leaving shifts. */
    double chainCol(int i) {
        int r = to.rank(i);
        if (t >= 1) return r;
        int j = from.indexOfId(to.id(i));
        return j < 0 ? r : from.rank(j) + (r - from.rank(j)) * move();
    }

    /** Row of node i of {@code to}. */
    double row(int i) {
        if (t >= 1) return to.depth(i);
        int j = from.indexOfId(to.id(i));
        double e = move();
        if (j < 0) return to.depth(i) - 1.2 * (1 - e);
        return from.depth(j) + (to.depth(i) - from.depth(j)) * e;
    }

    /** Whether node i of {@code to} is changing rows (it is drawn without its label box meanwhile). */
    boolean travelling(int i) {
        if (t >= 1 || t < HOLD || t >= SETTLE) return false;
        int j = from.indexOfId(to.id(i));
        return j < 0 || from.depth(j) != to.depth(i);
    }

    /** Opacity of node i of {@code to}: a new node fades in as it drops. */
    double alpha(int i) {
        if (t >= 1) return 1;
        return from.indexOfId(to.id(i)) < 0 ? Math.max(0.15, move()) : 1;
    }

    /** How red node i of {@code to} is, 0..1: a recolour blends the fill while things move. */
    double redness(int i) {
        boolean now = to.red(i);
        if (t >= 1) return now ? 1 : 0;
        int j = from.indexOfId(to.id(i));
        boolean was = j < 0 ? now : from.red(j);
        if (was == now) return now ? 1 : 0;
        return now ? move() : 1 - move();
    }

    /** Opacity of a node that leaves the tree: whole while lit, fading while the others move, gone after. */
    double leaving() {
        return 1 - move();
    }

    /** Column in {@code from} of a node that is gone in {@code to} (unlinked), or -1. */
    int vanished(int shadowId) {
        if (t >= 1 || shadowId < 0) return -1;
        return to.indexOfId(shadowId) < 0 ? from.indexOfId(shadowId) : -1;
    }
}
