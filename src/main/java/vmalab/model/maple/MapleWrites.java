package vmalab.model.maple;

import static vmalab.model.maple.MapleTree.ULONG_MAX;
import static vmalab.model.maple.MapleTree.ugt;
import static vmalab.model.maple.MapleTree.ult;

/** The write paths of lib/maple_tree.c below mas_wr_store_type(): the leaf stores and the spanning store. */
final class MapleWrites {
    private MapleWrites() { }

    /**
     * The write is inside one leaf: mas_wr_end_piv(), mas_wr_extend_null() for a NULL, then the store type by
     * mas_wr_store_type()'s rules and mas_wr_store_entry()'s dispatch.
     */
    static StoreType leafStore(MapleTree<?> t, MaState m, long index, long last, Object entry, boolean rcu) {
        int leaf = m.leaf();
        MapleNode n = m.node[leaf];
        long min = m.min[leaf], max = m.max[leaf];
        int off = m.off[leaf];
        long rMin = n.slotMin(off, min), rMax = n.pivot(off, max);
        int offEnd = off;
        while (offEnd < n.end && ugt(last, n.pivots[offEnd])) offEnd++;
        long endPiv = n.pivot(offEnd, max);
        Object content = n.slots[off];
        if (entry == null) {
            // mas_wr_extend_null(): take in the NULL ranges on either side
            if (n.slots[offEnd] == null) {
                last = endPiv;
            } else if (last == endPiv && n.end != offEnd && n.slots[offEnd + 1] == null) {
                offEnd++;
                last = offEnd == n.end ? max : n.pivots[offEnd];
                endPiv = last;
            }
            if (content == null) {
                index = rMin;
            } else if (index == rMin && off > 0 && n.slots[off - 1] == null) {
                off--;
                rMin = index = n.slotMin(off, min);
                rMax = n.pivots[off];
            }
        }
        if (rMin == index && rMax == last) {
            n.slots[off] = entry; // wr_exact_fit
            return StoreType.EXACT_FIT;
        }
        if (index == 0 && last == ULONG_MAX) {
            t.newRoot(entry);
            return StoreType.NEW_ROOT;
        }
        // mas_wr_new_end()
        int newEnd = n.end + 2 - (offEnd - off) - (rMin == index ? 1 : 0) - (endPiv == last ? 1 : 0);
        BigNode bn = storeBigNode(n, min, max, off, offEnd, rMin, endPiv, index, last, content, entry);
        StoreType type;
        if (newEnd < n.type.minSlots()) type = leaf != 0 ? StoreType.REBALANCE : StoreType.NODE_STORE;
        else if (newEnd >= n.type.slots()) type = StoreType.SPLIT_STORE;
        else if (!rcu && off == n.end) type = StoreType.APPEND;
        else if (newEnd == n.end && (!rcu || offEnd - off == 1)) type = StoreType.SLOT_STORE;
        else type = StoreType.NODE_STORE;
        switch (type) {
            case APPEND, SLOT_STORE -> writeInPlace(n, bn);
            case NODE_STORE -> {
                if (rcu) t.replace(m, leaf, t.fromBig(bn, 0, bn.bEnd(), n.type));
                else writeInPlace(n, bn);
            }
            case SPLIT_STORE -> MapleSplit.split(t, m, bn);
            default -> MapleRebalance.rebalance(t, m, bn);
        }
        return type;
    }

    /** mas_store_b_node(): the leaf's entries with [index, last] written over them. */
    private static BigNode storeBigNode(MapleNode n, long min, long max, int off, int offEnd, long rMin, long endPiv,
                                        long index, long last, Object content, Object entry) {
        BigNode bn = new BigNode();
        bn.copy(n, 0, off - 1, max);
        if (ult(rMin, index)) bn.add(content, index - 1, 0);
        bn.add(entry, last, 0);
        if (ugt(endPiv, last)) bn.add(n.slots[offEnd], endPiv, 0);
        bn.copy(n, offEnd + 1, n.end, max);
        return bn;
    }

    private static void writeInPlace(MapleNode n, BigNode bn) {
        java.util.Arrays.fill(n.slots, null);
        for (int i = 0; i < bn.count; i++) {
            n.slots[i] = bn.slot[i];
            if (i < bn.count - 1) n.pivots[i] = bn.pivot[i];
        }
        n.end = bn.count - 1;
    }

    /**
     * mas_wr_spanning_store(): walk to index and to last + 1, widen a NULL over the NULLs it meets
     * (mas_extend_spanning_null()), put the left leaf's head, the entry and the right leaf's tail in one big
     * node and rebuild upwards (mas_spanning_rebalance()).
     */
    static void spanningStore(MapleTree<?> t, long index, long last, Object entry) {
        if (index == 0 && last == ULONG_MAX) {
            t.newRoot(entry);
            return;
        }
        MaState r = t.walkIndex(last != ULONG_MAX ? last + 1 : last, true);
        MaState l = t.walkIndex(index, true);
        int leaf = l.leaf();
        MapleNode ln = l.node[leaf], rn = r.node[leaf];
        int lo = l.off[leaf], ro = r.off[leaf];
        long lRMin = ln.slotMin(lo, l.min[leaf]);
        long rRMax = rn.pivot(ro, r.max[leaf]);
        Object lContent = ln.slots[lo], rContent = rn.slots[ro];
        if (entry == null) {
            int lSlot = lo;
            if (lContent == null) index = lRMin;
            if (index == lRMin && lSlot > 0 && ln.slots[lSlot - 1] == null) {
                index = lSlot > 1 ? ln.pivots[lSlot - 2] + 1 : l.min[leaf];
                lo = lSlot - 1;
            }
            if (rContent == null) {
                if (ult(last, rRMax)) last = rRMax;
                ro++;
            } else if (last == rRMax && ult(last, r.max[leaf]) && rn.slots[ro + 1] == null) {
                last = rn.pivot(ro + 1, r.max[leaf]);
                ro++;
            }
        }
        if (index == 0 && last == ULONG_MAX) {
            t.newRoot(entry);
            return;
        }
        BigNode bn = new BigNode();
        bn.copy(ln, 0, lo - 1, l.max[leaf]);
        long piv = lo > 0 ? ln.pivots[lo - 1] : l.min[leaf] - 1;
        if (ult(piv + 1, index)) bn.add(lContent, index - 1, 0);
        bn.add(entry, last, 0);
        if (ugt(r.max[leaf], last)) bn.copy(rn, ro, rn.end, r.max[leaf]);
        MapleRebalance.spanningRebalance(t, l, r, leaf, bn);
    }
}
