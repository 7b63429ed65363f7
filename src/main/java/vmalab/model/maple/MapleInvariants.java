package vmalab.model.maple;

import static vmalab.model.maple.MapleTree.ULONG_MAX;
import static vmalab.model.maple.MapleTree.ugt;
import static vmalab.model.maple.MapleTree.ult;

/**
 * The rules lib/maple_tree.c's mt_validate() checks, as sentences: node types by level (all leaves at one
 * depth), slot counts within limits, minimum fill except at the root (mas_data_end() &gt;= mt_min_slots[]),
 * pivots ascending inside the node's [min, max], every gap equal to the largest NULL range below its slot
 * (mas_validate_gaps()), no two NULL ranges side by side (mt_validate_nulls()), and no leaf but the last
 * ending on a NULL (the rule mas_is_span_wr() and mab_no_null_split() keep).
 */
public final class MapleInvariants {
    private MapleInvariants() { }

    /** Null when the tree keeps every rule, else the first broken one. */
    public static String check(MapleTree<?> t) {
        if (t.root == null) return t.height == 0 ? null : "an empty tree has height " + t.height;
        if (t.height < 1) return "a tree with a root has height " + t.height;
        String s = node(t, t.root, 0, ULONG_MAX, 0);
        if (s != null) return s;
        Object prev = t; // not an entry: the first range has no left neighbour
        for (Object[] r : t.ranges()) {
            if (r[2] == null && prev == null) {
                return "two NULL ranges side by side at " + Long.toHexString((Long) r[0]);
            }
            prev = r[2];
        }
        return null;
    }

    private static String node(MapleTree<?> t, MapleNode n, long min, long max, int depth) {
        String at = n.type.kernelName() + " " + n.id + " [" + Long.toHexString(min) + ", " + Long.toHexString(max) + "]";
        boolean leaf = depth == t.height - 1;
        if (leaf && n.type != MapleType.LEAF_64) return at + " is at leaf depth but not a leaf";
        if (!leaf && n.type != MapleType.ARANGE_64) return at + " is internal but not maple_arange_64";
        if (n.end < 0 || n.end >= n.type.slots()) return at + " uses " + (n.end + 1) + " slots";
        if (depth > 0 && n.end < n.type.minSlots()) return at + " is insufficient: end " + n.end;
        if (depth == 0 && !leaf && n.end < 1) return at + " is a root with one child";
        long lo = min;
        for (int i = 0; i < n.end; i++) {
            if (ult(n.pivots[i], lo)) return at + ": pivot " + i + " below the previous range";
            if (!ult(n.pivots[i], max)) return at + ": pivot " + i + " not below the node's max";
            lo = n.pivots[i] + 1;
        }
        if (leaf) {
            for (int i = 1; i <= n.end; i++) {
                if (n.slots[i] == null && n.slots[i - 1] == null) return at + ": NULL slots " + (i - 1) + " and " + i;
            }
            if (n.slots[n.end] == null && max != ULONG_MAX) return at + " ends on a NULL";
            return null;
        }
        for (int i = 0; i <= n.end; i++) {
            if (!(n.slots[i] instanceof MapleNode c)) return at + ": slot " + i + " holds no node";
            long cMin = n.slotMin(i, min), cMax = n.pivot(i, max);
            long g = c.maxGap(cMin, cMax);
            if (g != n.gaps[i]) {
                return at + ": gap " + i + " is " + Long.toHexString(n.gaps[i]) + ", the largest below is " + Long.toHexString(g);
            }
            String s = node(t, c, cMin, cMax, depth + 1);
            if (s != null) return s;
        }
        for (int i = n.end + 1; i < n.gaps.length; i++) {
            if (n.gaps[i] != 0 && ugt(n.gaps[i], 0)) return at + ": gap " + i + " set beyond the end";
        }
        return null;
    }
}
