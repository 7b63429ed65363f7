package vmalab.model.maple;

/**
 * A path from the root to a node (the parts of struct ma_state a write keeps): at each depth the node, its
 * [min, max] as the parent gives it, and the slot taken. Depth 0 is the root.
 */
final class MaState {
    final MapleNode[] node;
    final long[] min;
    final long[] max;
    final int[] off;

    MaState(int height) {
        node = new MapleNode[height];
        min = new long[height];
        max = new long[height];
        off = new int[height];
    }

    MaState copy() {
        MaState c = new MaState(node.length);
        System.arraycopy(node, 0, c.node, 0, node.length);
        System.arraycopy(min, 0, c.min, 0, node.length);
        System.arraycopy(max, 0, c.max, 0, node.length);
        System.arraycopy(off, 0, c.off, 0, node.length);
        return c;
    }

    int leaf() {
        return node.length - 1;
    }

    /** Sets depth d+1 to the child in slot off[d] of node[d]. */
    void descend(int d) {
        MapleNode n = node[d];
        node[d + 1] = n.child(off[d]);
        min[d + 1] = n.slotMin(off[d], min[d]);
        max[d + 1] = n.pivot(off[d], max[d]);
    }

    /** The slot of node[d] that holds index (mas_wr_node_walk()): the first pivot at or above it, else end. */
    static int offsetOf(MapleNode n, long index) {
        int o = 0;
        while (o < n.end && Long.compareUnsigned(index, n.pivots[o]) > 0) o++;
        return o;
    }
}
