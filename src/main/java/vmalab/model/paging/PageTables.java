package vmalab.model.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The page-table tree of one mm, rooted at its PGD. Tables are made on demand through an {@link Allocator}
 * (each a frame from the buddy allocator) and freed by {@link #freeUnused} when no VMA is left in their span.
 */
final class PageTables {
    /** Gives a frame for a new table, or -1 when memory is out. */
    interface Allocator {
        long alloc(int level, long base, int index);
    }

    /** Takes back the frame of a table that was unlinked. */
    interface Freer {
        void free(PageTable t);
    }

    /** Whether any VMA intersects [start, end). */
    interface SpanInUse {
        boolean test(long start, long end);
    }

    /** Visits one present or non-none PTE: its address and value. */
    interface PteVisitor {
        void visit(PageTable leaf, int index, long addr, long raw);
    }

    final TableFormat format;
    PageTable pgd;
    /** Each level's index shift and mask, so a walk reads no records. */
    private final int[] shift;
    private final long[] mask;
    private final int leafShift;
    private final long leafSpan;
    /**
     * The last PTE table a walk reached (a software TLB of one entry: touching a range walks once per table);
     * reset whenever a table is unlinked.
     */
    private PageTable lastLeaf;

    PageTables(TableFormat format) {
        this.format = format;
        shift = new int[format.depth()];
        mask = new long[format.depth()];
        for (int i = 0; i < shift.length; i++) {
            shift[i] = format.level(i).shift();
            mask[i] = format.level(i).entries() - 1;
        }
        leafShift = format.leaf().shift();
        leafSpan = format.leaf().tableSpan();
    }

    /** The index of addr in a table of this level. */
    private int indexAt(int level, long addr) {
        return (int) ((addr >>> shift[level]) & mask[level]);
    }

    /** The index of addr in its PTE table. */
    int leafIndex(long addr) {
        return (int) ((addr >>> leafShift) & mask[mask.length - 1]);
    }

    PageTables copy() {
        PageTables c = new PageTables(format);
        c.pgd = pgd == null ? null : pgd.copy();
        return c;
    }

    /** pgd_alloc(): the top table, when there is none yet; false when out of memory. */
    boolean allocPgd(Allocator alloc) {
        if (pgd != null) return true;
        long pfn = alloc.alloc(0, 0, -1);
        if (pfn < 0) return false;
        pgd = new PageTable(0, 0, pfn, format.level(0).entries(), format.depth() == 1);
        return true;
    }

    /** The PTE table covering addr, or null when some level is missing. */
    PageTable leaf(long addr) {
        PageTable c = lastLeaf;
        if (c != null && addr - c.base >= 0 && addr - c.base < leafSpan) return c;
        PageTable t = pgd;
        while (t != null && !t.isLeaf()) {
            t = t.children[indexAt(t.level, addr)];
        }
        if (t != null) lastLeaf = t;
        return t;
    }

    /** The PTE of addr, 0 (pte_none) when there is no table. */
    long get(long addr) {
        PageTable t = leaf(addr);
        return t == null ? 0 : t.entries[leafIndex(addr)];
    }

    /**
     * __pud_alloc() … __pte_alloc(): the PTE table for addr, making each missing level; null when a table
     * could not be allocated (the levels made so far stay, as in the kernel).
     */
    PageTable ensureLeaf(long addr, Allocator alloc) {
        PageTable known = leaf(addr);
        if (known != null) return known;
        if (!allocPgd(alloc)) return null;
        PageTable t = pgd;
        while (!t.isLeaf()) {
            TableFormat.Level lv = format.level(t.level);
            int i = lv.index(addr);
            PageTable child = t.children[i];
            if (child == null) {
                long base = t.base + (long) i * lv.entrySpan();
                long pfn = alloc.alloc(t.level + 1, base, i);
                if (pfn < 0) return null;
                boolean leaf = t.level + 1 == format.leafLevel();
                child = new PageTable(t.level + 1, base, pfn, format.level(t.level + 1).entries(), leaf);
                t.children[i] = child;
                t.entries[i] = Pte.make(pfn, Pte.TABLE_FLAGS);
                t.used++;
            }
            t = child;
        }
        return t;
    }

    /** set_pte_at() / pte_clear() in a PTE table; keeps the table's count of used entries. */
    static void set(PageTable leaf, int index, long raw) {
        long old = leaf.entries[index];
        if (old == 0 && raw != 0) leaf.used++;
        if (old != 0 && raw == 0) leaf.used--;
        leaf.entries[index] = raw;
    }

    /** Each level of a walk of addr, stopping at the first missing table. */
    List<WalkStep> walk(long addr) {
        List<WalkStep> out = new ArrayList<>();
        PageTable t = pgd;
        for (int level = 0; level < format.depth(); level++) {
            TableFormat.Level lv = format.level(level);
            int i = lv.index(addr);
            if (t == null) {
                out.add(new WalkStep(lv.name(), -1, i, Pte.NONE));
                break;
            }
            out.add(new WalkStep(lv.name(), t.pfn, i, Pte.of(t.entries[i])));
            t = t.isLeaf() ? null : t.children[i];
            if (t == null) break;
        }
        return out;
    }

    /** Every non-none PTE in [start, end), in address order, visiting only the tables that exist. */
    void forEachPte(long start, long end, PteVisitor v) {
        forEachLeaf(start, end, leaf -> {
            TableFormat.Level lv = format.leaf();
            long from = Math.max(start, leaf.base);
            long to = Math.min(end, leaf.base + lv.tableSpan());
            for (long a = from; a < to; a += lv.entrySpan()) {
                int i = lv.index(a);
                if (leaf.entries[i] != 0) v.visit(leaf, i, a, leaf.entries[i]);
            }
        });
    }

    /** The PTE tables intersecting [start, end), in address order. */
    void forEachLeaf(long start, long end, Consumer<PageTable> v) {
        if (pgd != null && start < end) leaves(pgd, start, end, v);
    }

    private void leaves(PageTable t, long start, long end, Consumer<PageTable> v) {
        if (t.isLeaf()) {
            if (t.used > 0) v.accept(t);
            return;
        }
        TableFormat.Level lv = format.level(t.level);
        int first = firstIndex(t, lv, start);
        int last = lastIndex(t, lv, end);
        for (int i = first; i <= last; i++) {
            if (t.children[i] != null) leaves(t.children[i], start, end, v);
        }
    }

    private static int firstIndex(PageTable t, TableFormat.Level lv, long start) {
        return start <= t.base ? 0 : (int) Math.min(lv.entries() - 1, (start - t.base) >>> lv.shift());
    }

    private static int lastIndex(PageTable t, TableFormat.Level lv, long end) {
        long top = t.base + lv.tableSpan();
        return end >= top ? lv.entries() - 1 : (int) ((end - 1 - t.base) >>> lv.shift());
    }

    /**
     * free_pgd_range(): unlinks and frees every table below the PGD that intersects [start, end) and whose whole
     * span is free of VMAs (so no VMA can need it), deepest first. The tables must be empty by then.
     */
    void freeUnused(long start, long end, SpanInUse inUse, Freer freer) {
        if (pgd != null && start < end) prune(pgd, start, end, inUse, freer);
    }

    private void prune(PageTable t, long start, long end, SpanInUse inUse, Freer freer) {
        if (t.isLeaf()) return;
        TableFormat.Level lv = format.level(t.level);
        int first = firstIndex(t, lv, start);
        int last = lastIndex(t, lv, end);
        for (int i = first; i <= last; i++) {
            PageTable c = t.children[i];
            if (c == null) continue;
            prune(c, start, end, inUse, freer);
            long cStart = c.base;
            long cEnd = c.base + lv.entrySpan();
            if (c.used == 0 && !inUse.test(cStart, cEnd)) {
                lastLeaf = null;
                t.children[i] = null;
                t.entries[i] = 0;
                t.used--;
                freer.free(c);
            }
        }
    }

    /** Unlinks every table, children before parents, handing each to freer (exit_mmap() + pgd_free()). */
    void freeAll(Freer freer) {
        lastLeaf = null;
        if (pgd != null) freeTree(pgd, freer);
        pgd = null;
    }

    private static void freeTree(PageTable t, Freer freer) {
        if (t.children != null) {
            for (PageTable c : t.children) if (c != null) freeTree(c, freer);
        }
        freer.free(t);
    }

    /** Every table, parents before children. */
    List<PageTable> all() {
        List<PageTable> out = new ArrayList<>();
        if (pgd != null) collect(pgd, out);
        return out;
    }

    private static void collect(PageTable t, List<PageTable> out) {
        out.add(t);
        if (t.children != null) {
            for (PageTable c : t.children) if (c != null) collect(c, out);
        }
    }
}
