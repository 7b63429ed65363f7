package vmalab.model.paging;

/**
 * One page table: a frame of entries. An upper-level table (PGD, PUD, PMD) points at lower tables; the last
 * level holds the PTEs. {@code used} counts the non-empty entries, so an empty table is found in O(1).
 */
final class PageTable {
    final int level;
    /** The first virtual address this table covers. */
    final long base;
    final long pfn;
    final long[] entries;
    /** The lower tables, for an upper level; null for the PTE level. */
    final PageTable[] children;
    int used;

    PageTable(int level, long base, long pfn, int entries, boolean leaf) {
        this.level = level;
        this.base = base;
        this.pfn = pfn;
        this.entries = new long[entries];
        this.children = leaf ? null : new PageTable[entries];
    }

    boolean isLeaf() {
        return children == null;
    }

    PageTable copy() {
        PageTable c = new PageTable(level, base, pfn, entries.length, isLeaf());
        System.arraycopy(entries, 0, c.entries, 0, entries.length);
        c.used = used;
        if (children != null) {
            for (int i = 0; i < children.length; i++) {
                if (children[i] != null) c.children[i] = children[i].copy();
            }
        }
        return c;
    }
}
