package vmalab.model.paging;

import java.util.List;
import vmalab.model.mm.Profile;

/**
 * The shape of a page-table tree: x86-64 4-level paging (PGD, PUD, PMD, PTE: 9 bits each above the 12-bit
 * page offset, 512 entries of 8 bytes) or classic i386 2-level paging (PGD and PTE: 10 bits each, 1024 entries
 * of 4 bytes). Level 0 is the top (the PGD the mm points at); the last level holds the PTEs.
 */
public record TableFormat(List<Level> levels) {
    /** One level: its kernel name, the shift of the address bits that index it, and its entry count. */
    public record Level(String name, int shift, int entries) {
        public int index(long addr) {
            return (int) ((addr >>> shift) & (entries - 1));
        }

        /** The span of virtual memory one entry of this level covers. */
        public long entrySpan() {
            return 1L << shift;
        }

        /** The span a whole table of this level covers. */
        public long tableSpan() {
            return (long) entries << shift;
        }
    }

    public static final TableFormat X86_64 = new TableFormat(List.of(
        new Level("PGD", 39, 512), new Level("PUD", 30, 512), new Level("PMD", 21, 512), new Level("PTE", 12, 512)));
    public static final TableFormat I386 = new TableFormat(List.of(
        new Level("PGD", 22, 1024), new Level("PTE", 12, 1024)));

    public static TableFormat of(Profile p) {
        return p.levels() == 2 ? I386 : X86_64;
    }

    public int depth() {
        return levels.size();
    }

    public Level level(int i) {
        return levels.get(i);
    }

    public Level leaf() {
        return levels.get(levels.size() - 1);
    }

    public int leafLevel() {
        return levels.size() - 1;
    }
}
