package vmalab.model.maple;

import static vmalab.model.maple.MapleTree.ULONG_MAX;
import static vmalab.model.maple.MapleTree.ult;

/**
 * lib/maple_tree.c: mas_rebalance() and mas_spanning_rebalance() - the entries of a run of nodes at one level
 * (with the write applied) are cut into one, two or three new nodes (mab_calc_split()), the parents' entries
 * around the run are gathered into the next level's big node, and so on up to the root. A level that would be
 * insufficient takes in its nearest neighbour, right first (mast_spanning_rebalance()); a single node that
 * covers 0..ULONG_MAX becomes the root, so the tree can lose a level.
 */
final class MapleRebalance {
    private MapleRebalance() { }

    /** mas_rebalance(): combine the leaf with its next sibling, or its previous one when it is the last child. */
    static void rebalance(MapleTree<?> t, MaState m, BigNode bn) {
        int leaf = m.leaf();
        int p = leaf - 1;
        MaState l = m, r = m.copy();
        if (m.off[p] < m.node[p].end) {
            r.off[p]++;
            r.descend(p);
            MapleNode s = r.node[leaf];
            bn.copy(s, 0, s.end, r.max[leaf]);
        } else {
            l = m.copy();
            l.off[p]--;
            l.descend(p);
            MapleNode s = l.node[leaf];
            BigNode pre = new BigNode();
            pre.copy(s, 0, s.end, l.max[leaf]);
            bn.prepend(pre);
        }
        spanningRebalance(t, l, r, leaf, bn);
    }

    /** mas_spanning_rebalance(): bn replaces the nodes l.node[level] .. r.node[level] and everything between. */
    static void spanningRebalance(MapleTree<?> t, MaState l, MaState r, int level, BigNode bn) {
        int oldHeight = l.node.length;
        int leaf = oldHeight - 1;
        if ((l.min[level] != 0 || r.max[level] != ULONG_MAX)
            && bn.count <= MapleType.LEAF_64.minSlots()) {
            pullNeighbour(l, r, level, bn);
        }
        while (true) {
            MapleType type = level == leaf ? MapleType.LEAF_64 : MapleType.ARANGE_64;
            long lo = l.min[level], hi = r.max[level];
            t.retire(l.node[level]);
            t.retire(r.node[level]);
            int[] cuts;
            if (bn.count <= type.slots()) {
                cuts = new int[] {bn.bEnd()};
            } else {
                int[] s = MapleSplit.calcSplit(bn, type, lo);
                cuts = s[1] != 0 ? new int[] {s[0], s[1], bn.bEnd()} : new int[] {s[0], bn.bEnd()};
            }
            MapleNode[] made = new MapleNode[cuts.length];
            long[] mins = new long[cuts.length], maxs = new long[cuts.length];
            int from = 0;
            for (int i = 0; i < cuts.length; i++) {
                made[i] = t.fromBig(bn, from, cuts[i], type);
                mins[i] = i == 0 ? lo : maxs[i - 1] + 1;
                maxs[i] = i == cuts.length - 1 ? hi : bn.pivot[cuts[i]];
                from = cuts[i] + 1;
            }
            if (made.length == 1 && lo == 0 && hi == ULONG_MAX) { // new_root: the run became the whole tree
                t.setRoot(made[0], oldHeight - level);
                return;
            }
            BigNode up = new BigNode();
            if (level == 0) { // the root itself split
                for (int i = 0; i < made.length; i++) up.add(made[i], maxs[i], made[i].maxGap(mins[i], maxs[i]));
                t.setRoot(t.fromBig(up, 0, up.bEnd(), MapleType.ARANGE_64), oldHeight + 1);
                return;
            }
            // mast_ascend(), mast_combine_cp_left(), mab_set_b_end() for each new node, mast_combine_cp_right()
            int p = level - 1;
            up.copy(l.node[p], 0, l.off[p] - 1, l.max[p]);
            for (int i = 0; i < made.length; i++) up.add(made[i], maxs[i], made[i].maxGap(mins[i], maxs[i]));
            if (ult(hi, r.max[p])) up.copy(r.node[p], r.off[p] + 1, r.node[p].end, r.max[p]);
            bn = up;
            level = p;
            if (bn.count > MapleType.ARANGE_64.minSlots()) continue; // mast_sufficient() (or overflow)
            if (l.min[level] == 0 && r.max[level] == ULONG_MAX) continue; // the root: any count will do
            pullNeighbour(l, r, level, bn);
        }
    }

    /**
     * mast_spanning_rebalance(): ascend both edges together until one has a neighbour at this level - the
     * right edge's next first, else the left edge's previous - and take that node's entries into bn.
     */
    private static boolean pullNeighbour(MaState l, MaState r, int level, BigNode bn) {
        for (int j = level - 1; j >= 0; j--) {
            if (r.off[j] < r.node[j].end) {
                r.off[j]++;
                for (int d = j; d < level; d++) {
                    r.descend(d);
                    if (d + 1 < level) r.off[d + 1] = 0;
                }
                MapleNode nb = r.node[level];
                bn.copy(nb, 0, nb.end, r.max[level]);
                return true;
            }
            if (l.off[j] > 0) {
                l.off[j]--;
                for (int d = j; d < level; d++) {
                    l.descend(d);
                    if (d + 1 < level) l.off[d + 1] = l.node[d + 1].end;
                }
                MapleNode nb = l.node[level];
                BigNode pre = new BigNode();
                pre.copy(nb, 0, nb.end, l.max[level]);
                bn.prepend(pre);
                return true;
            }
        }
        return false;
    }
}
