package vmalab.io;

/**
 * One line of /proc/PID/maps, with the two page counts {@code pmap -x} shows: the neutral form the printers
 * take, built from a model VMA or read from a real capture.
 *
 * @param start    vm_start
 * @param end      vm_end (exclusive)
 * @param perms    the four permission characters, {@code rw-p}
 * @param offset   the offset column as printed, in bytes
 * @param devMajor the device's major number
 * @param devMinor the device's minor number
 * @param inode    the inode, 0 for anonymous memory
 * @param name     what follows the padding (a path, {@code [heap]}, {@code [vdso]} …), or null
 * @param rssKb    resident kB (smaps Rss)
 * @param dirtyKb  dirty kB (smaps Shared_Dirty + Private_Dirty)
 */
public record MapEntry(long start, long end, String perms, long offset, int devMajor, int devMinor, long inode,
                       String name, long rssKb, long dirtyKb) {
    public MapEntry {
        if (perms == null || perms.length() != 4) throw new IllegalArgumentException("perms must be 4 characters");
        if (Long.compareUnsigned(start, end) >= 0) {
            throw new IllegalArgumentException("empty range " + Long.toHexString(start) + "-" + Long.toHexString(end));
        }
    }

    /** An entry without page counts (what /proc/PID/maps alone tells). */
    public MapEntry(long start, long end, String perms, long offset, int devMajor, int devMinor, long inode,
                    String name) {
        this(start, end, perms, offset, devMajor, devMinor, inode, name, 0, 0);
    }

    public long length() {
        return end - start;
    }

    public long sizeKb() {
        return (end - start) >>> 10;
    }

    public boolean readable() {
        return perms.charAt(0) == 'r';
    }

    public boolean writable() {
        return perms.charAt(1) == 'w';
    }

    public boolean executable() {
        return perms.charAt(2) == 'x';
    }

    /** A VM_MAYSHARE mapping: {@code s} in the fourth column. */
    public boolean shared() {
        return perms.charAt(3) == 's';
    }

    public boolean contains(long addr) {
        return Long.compareUnsigned(addr, start) >= 0 && Long.compareUnsigned(addr, end) < 0;
    }

    public MapEntry withPages(long rss, long dirty) {
        return new MapEntry(start, end, perms, offset, devMajor, devMinor, inode, name, rss, dirty);
    }
}
