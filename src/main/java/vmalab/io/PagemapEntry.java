package vmalab.io;

/**
 * One 8-byte entry of /proc/PID/pagemap (Documentation/admin-guide/mm/pagemap.rst): what the page table
 * says of one virtual page.
 *
 * @param address the virtual page's address
 * @param raw     the 64-bit entry
 */
public record PagemapEntry(long address, long raw) {
    public static final long PRESENT = 1L << 63;
    public static final long SWAPPED = 1L << 62;
    public static final long FILE_OR_SHARED_ANON = 1L << 61;
    public static final long UFFD_WP = 1L << 57;
    public static final long EXCLUSIVE = 1L << 56;
    public static final long SOFT_DIRTY = 1L << 55;
    /** Bits 0-54: the page frame number when present (zero without CAP_SYS_ADMIN), swap type/offset when swapped. */
    public static final long PFN_MASK = (1L << 55) - 1;

    public boolean present() {
        return (raw & PRESENT) != 0;
    }

    public boolean swapped() {
        return (raw & SWAPPED) != 0;
    }

    /** A file page or a shared anonymous page (bit 61). */
    public boolean fileOrShared() {
        return (raw & FILE_OR_SHARED_ANON) != 0;
    }

    /** The page is mapped only here (bit 56, since 4.2). */
    public boolean exclusive() {
        return (raw & EXCLUSIVE) != 0;
    }

    public boolean softDirty() {
        return (raw & SOFT_DIRTY) != 0;
    }

    public boolean uffdWriteProtected() {
        return (raw & UFFD_WP) != 0;
    }

    /** The page frame number of a present page, -1 otherwise. */
    public long pfn() {
        return present() ? raw & PFN_MASK : -1;
    }

    /** The swap type (bits 0-4) of a swapped page, -1 otherwise. */
    public int swapType() {
        return swapped() ? (int) (raw & 0x1f) : -1;
    }

    /** The swap offset (bits 5-54) of a swapped page, -1 otherwise. */
    public long swapOffset() {
        return swapped() ? (raw & PFN_MASK) >>> 5 : -1;
    }
}
