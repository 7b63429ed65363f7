package vmalab.model.maple;

/**
 * lib/maple_tree.c: struct maple_big_node - the entries of one or more nodes of a level, with the write applied,
 * before they are cut into nodes again. Each entry has its slot, its inclusive pivot (the last one the range's
 * max) and, for children, the child's largest gap.
 */
final class BigNode {
    Object[] slot = new Object[40];
    long[] pivot = new long[40];
    long[] gap = new long[40];
    int count;

    void add(Object s, long piv, long g) {
        if (count == slot.length) grow();
        slot[count] = s;
        pivot[count] = piv;
        gap[count] = g;
        count++;
    }

    /** mab_shift_right() and mas_mab_cp() at 0: the entries of {@code o} go in front. */
    void prepend(BigNode o) {
        BigNode t = new BigNode();
        for (int i = 0; i < o.count; i++) t.add(o.slot[i], o.pivot[i], o.gap[i]);
        for (int i = 0; i < count; i++) t.add(slot[i], pivot[i], gap[i]);
        slot = t.slot;
        pivot = t.pivot;
        gap = t.gap;
        count = t.count;
    }

    /** mas_mab_cp(): slots from..to of a node spanning [min, max]. */
    void copy(MapleNode n, int from, int to, long max) {
        for (int i = from; i <= to; i++) add(n.slots[i], n.pivot(i, max), n.gaps == null ? 0 : n.gaps[i]);
    }

    private void grow() {
        slot = java.util.Arrays.copyOf(slot, count * 2);
        pivot = java.util.Arrays.copyOf(pivot, count * 2);
        gap = java.util.Arrays.copyOf(gap, count * 2);
    }

    /** The index of the last entry (the kernel's b_end once a node is cut from it). */
    int bEnd() {
        return count - 1;
    }
}
