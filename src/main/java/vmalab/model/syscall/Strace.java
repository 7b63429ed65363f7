package vmalab.model.syscall;

import vmalab.model.mm.Prot;

/** How strace prints the memory calls and their results. */
final class Strace {
    private Strace() {
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    static String addr(long a) {
        return a == 0 ? "NULL" : hex(a);
    }

    /** A return value: an address in hex, 0, or {@code -1 ENOMEM (Cannot allocate memory)}. */
    static String ret(long r, boolean pointer) {
        if (r < 0 && r > -4096) return Errno.strace(r);
        return pointer ? hex(r) : Long.toString(r);
    }

    static String mmapFlags(boolean shared, boolean anon, boolean fixed, boolean noReplace, boolean growsDown,
                            boolean noReserve, boolean populate) {
        StringBuilder sb = new StringBuilder(shared ? "MAP_SHARED" : "MAP_PRIVATE");
        if (fixed) sb.append("|MAP_FIXED");
        if (anon) sb.append("|MAP_ANONYMOUS");
        if (growsDown) sb.append("|MAP_GROWSDOWN");
        if (noReserve) sb.append("|MAP_NORESERVE");
        if (populate) sb.append("|MAP_POPULATE");
        if (noReplace) sb.append("|MAP_FIXED_NOREPLACE");
        return sb.toString();
    }

    static String prot(int prot) {
        return Prot.names(prot);
    }
}
