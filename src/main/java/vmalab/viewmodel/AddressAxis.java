package vmalab.viewmodel;

import java.util.ArrayList;
import java.util.List;
import vmalab.model.mm.Vma;

/**
 * The address space as rows from the top (high addresses) down: the kernel's half, then each VMA and each gap
 * between them. Heights are in unscaled pixels. Compressed, a VMA's height grows with the logarithm of its size
 * and a large gap collapses into a fixed-height break, so a 4 KiB mapping stays visible next to 128 TiB of
 * nothing; true scale makes every height proportional to the bytes it covers (the kernel band excepted).
 * Rows are found by binary search, so a view draws only the rows it can see.
 */
public final class AddressAxis {
    public enum Kind { VMA, GAP, BREAK, KERNEL }

    /** One row: [start, end) of the address space, drawn from {@code top} down for {@code height}. */
    public record Row(Kind kind, long start, long end, Vma vma, double top, double height) {
        public double bottom() {
            return top + height;
        }

        /** Bytes covered (the kernel row: 0, it is not part of the user range). */
        public long length() {
            return kind == Kind.KERNEL ? 0 : end - start;
        }

        /** The unscaled y of address {@code a} inside this row: the row's top is its end, its bottom its start. */
        public double yOf(long a) {
            if (kind == Kind.KERNEL || end == start) return bottom();
            double f = (double) (a - start) / (double) (end - start);
            return bottom() - f * height;
        }

        /** The address at unscaled y inside this row, rounded down to a page. */
        public long addressAt(double y) {
            if (kind == Kind.KERNEL) return start;
            double f = Math.max(0, Math.min(1, (bottom() - y) / height));
            long a = start + (long) (f * (double) (end - start));
            if (Long.compareUnsigned(a, end) >= 0) a = end - 1;
            return a & -Vma.PAGE_SIZE;
        }
    }

    public static final double KERNEL_HEIGHT = 44;
    public static final double BREAK_HEIGHT = 40;
    public static final double SMALL_GAP_HEIGHT = 8;
    /** Gaps up to this many pages are drawn as a thin strip, larger ones as a break. */
    public static final long SMALL_GAP_PAGES = 16;
    /** The unscaled height of the whole user range in true scale. */
    public static final double TRUE_SCALE_HEIGHT = 900;

    private final List<Row> rows;
    private final double total;
    private final boolean trueScale;

    private AddressAxis(List<Row> rows, double total, boolean trueScale) {
        this.rows = rows;
        this.total = total;
        this.trueScale = trueScale;
    }

    /** The compressed height of a hole of {@code pages} pages: it grows with the logarithm of the size. */
    public static double smallGapHeight(long pages) {
        return SMALL_GAP_HEIGHT * (1 + Math.log(Math.max(1, pages)) / Math.log(2) / 2);
    }

    /** The compressed height of a VMA of {@code pages} pages. */
    public static double vmaHeight(long pages) {
        return 28 + 6 * (63 - Long.numberOfLeadingZeros(Math.max(1, pages)));
    }

    /**
     * Lays out {@code vmas} (sorted by address, as mm->mmap is) below {@code userTop} (TASK_SIZE).
     */
    public static AddressAxis build(List<Vma> vmas, long userTop, boolean trueScale) {
        List<Row> out = new ArrayList<>(vmas.size() * 2 + 3);
        double y = 0;
        out.add(new Row(Kind.KERNEL, userTop, -1L, null, y, KERNEL_HEIGHT));
        y += KERNEL_HEIGHT;
        double perByte = TRUE_SCALE_HEIGHT / (double) userTop;
        long above = userTop;
        for (int i = vmas.size() - 1; i >= -1; i--) {
            Vma v = i >= 0 ? vmas.get(i) : null;
            long gapStart = v == null ? 0 : v.end();
            if (v != null && Long.compareUnsigned(v.end(), userTop) > 0) {
                // a mapping above TASK_SIZE ([vsyscall]) has no room on the user axis
                continue;
            }
            if (Long.compareUnsigned(gapStart, above) < 0) {
                long pages = (above - gapStart) >>> Vma.PAGE_SHIFT;
                Kind k;
                double h;
                if (trueScale) {
                    k = Kind.GAP;
                    h = (above - gapStart) * perByte;
                } else if (pages <= SMALL_GAP_PAGES) {
                    k = Kind.GAP;
                    h = smallGapHeight(pages);
                } else {
                    k = Kind.BREAK;
                    h = BREAK_HEIGHT;
                }
                out.add(new Row(k, gapStart, above, null, y, h));
                y += h;
            }
            if (v == null) break;
            double h = trueScale ? v.length() * perByte : vmaHeight(v.pages());
            out.add(new Row(Kind.VMA, v.start(), v.end(), v, y, h));
            y += h;
            above = v.start();
        }
        return new AddressAxis(List.copyOf(out), y, trueScale);
    }

    public List<Row> rows() {
        return rows;
    }

    public double totalHeight() {
        return total;
    }

    public boolean trueScale() {
        return trueScale;
    }

    /** The index of the row at unscaled y (clamped to the first and last row). */
    public int rowIndexAt(double y) {
        int lo = 0;
        int hi = rows.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (rows.get(mid).top() <= y) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    public Row rowAt(double y) {
        return rows.get(rowIndexAt(y));
    }

    /** The row holding address {@code a} (a user address), or the kernel row. */
    public Row rowOf(long a) {
        int lo = 1;
        int hi = rows.size() - 1;
        if (hi < lo) return rows.get(0);
        // rows 1… go down in address: find the first whose start is <= a
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(rows.get(mid).start(), a) <= 0) hi = mid;
            else lo = mid + 1;
        }
        Row r = rows.get(lo);
        return Long.compareUnsigned(a, r.end()) < 0 && Long.compareUnsigned(a, r.start()) >= 0 ? r : rows.get(0);
    }

    /** The unscaled y of an address. */
    public double yOf(long a) {
        return rowOf(a).yOf(a);
    }

    /** The row of the VMA starting at {@code start}, or null. */
    public Row rowOfVma(long start) {
        Row r = rowOf(start);
        return r.kind() == Kind.VMA && r.start() == start ? r : null;
    }
}
