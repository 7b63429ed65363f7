package vmalab.model.maple;

import static vmalab.model.maple.MapleTree.ULONG_MAX;
import static vmalab.model.maple.MapleTree.ult;

/**
 * lib/maple_tree.c: mas_split() - a node that overflows is cut in two upwards, level by level, unless a
 * sibling under the same parent can take the surplus (mas_push_data(), left first, then right); the cut falls
 * where mab_calc_split() puts it.
 */
final class MapleSplit {
    private MapleSplit() { }

    static void split(MapleTree<?> t, MaState m, BigNode bn) {
        int level = m.leaf();
        long prevMin = 0; // prev_l_mas starts as MA_STATE(): min 0
        while (true) {
            MapleNode n = m.node[level];
            MapleType type = n.type;
            if (bn.count <= type.slots()) { // mas_split_final_node()
                t.replace(m, level, t.fromBig(bn, 0, bn.bEnd(), type));
                return;
            }
            if (level > 0 && (pushData(t, m, level, bn, true) || pushData(t, m, level, bn, false))) return;
            int cut = calcSplit(bn, type, prevMin)[0];
            MapleNode l = t.fromBig(bn, 0, cut, type);
            MapleNode r = t.fromBig(bn, cut + 1, bn.bEnd(), type);
            long lMax = bn.pivot[cut];
            t.retire(n);
            BigNode up = new BigNode();
            if (level > 0) up.copy(m.node[level - 1], 0, m.off[level - 1] - 1, m.max[level - 1]);
            up.add(l, lMax, l.maxGap(m.min[level], lMax));
            up.add(r, m.max[level], r.maxGap(lMax + 1, m.max[level]));
            if (level == 0) { // the root split: a new arange root above (mas_split_final_node() at the top)
                t.setRoot(t.fromBig(up, 0, 1, MapleType.ARANGE_64), m.node.length + 1);
                return;
            }
            MapleNode p = m.node[level - 1];
            up.copy(p, m.off[level - 1] + 1, p.end, m.max[level - 1]);
            prevMin = m.min[level];
            bn = up;
            level--;
        }
    }

    /**
     * mas_push_data(): when the node and its sibling together stay below 2 * slots - 2 (one less for a leaf,
     * one less again at the right edge of the tree), share the entries between the two so that the sibling's
     * side holds slots - 1 (mt_slots - 2 as the split offset), and the parent only changes in place.
     */
    private static boolean pushData(MapleTree<?> t, MaState m, int level, BigNode bn, boolean left) {
        int p = level - 1;
        MapleNode pn = m.node[p];
        int o = m.off[p];
        if (left ? o == 0 : o >= pn.end) return false;
        int so = left ? o - 1 : o + 1;
        MapleNode s = pn.child(so);
        long sMin = pn.slotMin(so, m.min[p]), sMax = pn.pivot(so, m.max[p]);
        MapleType type = m.node[level].type;
        int slotTotal = bn.bEnd() + s.end;
        int space = 2 * type.slots() - 2;
        if (type.isLeaf()) space--;
        if (m.max[level] == ULONG_MAX) space--;
        if (slotTotal >= space) return false;
        BigNode all = new BigNode();
        if (left) {
            all.copy(s, 0, s.end, sMax);
            for (int i = 0; i < bn.count; i++) all.add(bn.slot[i], bn.pivot[i], bn.gap[i]);
        } else {
            for (int i = 0; i < bn.count; i++) all.add(bn.slot[i], bn.pivot[i], bn.gap[i]);
            all.copy(s, 0, s.end, sMax);
        }
        // left: b_end is the last index; right: b_end was left one past it (mas_mab_cp()), as the kernel has it
        int cut = left ? type.slots() - 2 : slotTotal - (type.slots() - 2);
        cut = noNullSplit(all, cut, type, left ? all.bEnd() : all.count);
        long lo = left ? sMin : m.min[level];
        long hi = left ? m.max[level] : sMax;
        MapleNode l = t.fromBig(all, 0, cut, type);
        MapleNode r = t.fromBig(all, cut + 1, all.bEnd(), type);
        long lMax = all.pivot[cut];
        t.retire(m.node[level]);
        t.retire(s);
        int first = left ? so : o;
        BigNode up = new BigNode();
        up.copy(pn, 0, first - 1, m.max[p]);
        up.add(l, lMax, l.maxGap(lo, lMax));
        up.add(r, hi, r.maxGap(lMax + 1, hi));
        up.copy(pn, first + 2, pn.end, m.max[p]);
        t.replace(m, p, t.fromBig(up, 0, up.bEnd(), pn.type));
        return true;
    }

    /** mab_calc_split(): {split, mid_split}; mid_split is 0 unless three nodes are needed. */
    static int[] calcSplit(BigNode bn, MapleType type, long min) {
        int bEnd = bn.bEnd();
        int slotCount = type.slots();
        int split = bEnd / 2;
        int mid = 0;
        if (middleNode(bn, split, slotCount)) {
            split = bEnd / 3;
            mid = split * 2;
        } else {
            while (split < slotCount - 1 && ult(bn.pivot[split] - min, slotCount - 1)
                   && bEnd - split > type.minSlots()) {
                split++;
            }
        }
        split = noNullSplit(bn, split, type, bEnd);
        if (mid != 0) mid = noNullSplit(bn, mid, type, bEnd);
        return new int[] {split, mid};
    }

    /** mab_middle_node() */
    private static boolean middleNode(BigNode bn, int split, int slotCount) {
        int size = bn.bEnd();
        if (size >= 2 * slotCount) return true;
        return bn.slot[split] == null && size >= 2 * slotCount - 1;
    }

    /** mab_no_null_split(): a node may not end on a NULL; move the cut right if the right side stays sufficient. */
    static int noNullSplit(BigNode bn, int split, MapleType type, int bEnd) {
        if (bn.slot[split] != null) return split;
        if (split < type.slots() - 1 && bEnd - split > type.minSlots()) return split + 1;
        return split - 1;
    }
}
