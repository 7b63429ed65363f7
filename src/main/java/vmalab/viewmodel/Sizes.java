package vmalab.viewmodel;

/** Numbers as the views print them: sizes in binary units, addresses in hex. */
public final class Sizes {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Sizes() {
    }

    /** {@code 4 KiB}, {@code 1.3 MiB}, {@code 127.9 TiB}. */
    public static String human(long bytes) {
        if (bytes < 0) return Long.toUnsignedString(bytes) + " B";
        int u = 0;
        double v = bytes;
        while (v >= 1024 && u < UNITS.length - 1) {
            v /= 1024;
            u++;
        }
        if (u == 0) return bytes + " B";
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
