package vmalab.viewmodel;

/** Numbers as the views print them: sizes in binary units, addresses in hex. */
public final class Sizes {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Sizes() {
    }

    /** {@code 4 KiB}, {@code 1.3 MiB}, {@code 127.9 TiB}. */
    public static String human(long bytes) {
        int u = 0;
        // read as unsigned: a gap of the whole upper address space (0xffff800000001000) is 16 EiB, not negative
        double v = bytes >= 0 ? bytes : (bytes >>> 1) * 2.0 + (bytes & 1);
        while (v >= 1024 && u < UNITS.length - 1) {
            v /= 1024;
            u++;
        }
        if (u == 0) return Long.toUnsignedString(bytes) + " B";
        String num = v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v);
        return num + " " + UNITS[u];
    }

    /** {@code 0x7ffff7dd5000}. */
    public static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    /** A page frame number as every view writes it: {@code 0x104}. */
    public static String frame(long pfn) {
        return hex(pfn);
    }

    /** A physical address: {@code 0x104000}. */
    public static String phys(long addr) {
        return hex(addr);
    }

    /** Lower-case hex, zero-padded to {@code digits}. */
    public static String hex(long v, int digits) {
        String s = Long.toHexString(v);
        if (s.length() >= digits) return s;
        return "0".repeat(digits - s.length()) + s;
    }

    /** {@code 1 page}, {@code 33 pages}. */
    public static String pages(long n) {
        return n + (n == 1 ? " page" : " pages");
    }
}
