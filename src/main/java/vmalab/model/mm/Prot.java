package vmalab.model.mm;

/** PROT_* and MAP_* constants of the mmap family (include/uapi/asm-generic/mman*.h, x86 values). */
public final class Prot {
    public static final int NONE = 0x0;
    public static final int READ = 0x1;
    public static final int WRITE = 0x2;
    public static final int EXEC = 0x4;

    private Prot() {
    }

    /** {@code rw-} → PROT_READ|PROT_WRITE; null when the text is not three characters of r/w/x/-. */
    public static Integer parse(String s) {
        if (s == null || s.length() != 3) return null;
        int p = 0;
        char[] want = {'r', 'w', 'x'};
        int[] bits = {READ, WRITE, EXEC};
        for (int i = 0; i < 3; i++) {
            char c = s.charAt(i);
            if (c == want[i]) p |= bits[i];
            else if (c != '-') return null;
        }
        return p;
    }

    /** strace's spelling: {@code PROT_READ|PROT_WRITE}, or {@code PROT_NONE}. */
    public static String names(int prot) {
        if (prot == NONE) return "PROT_NONE";
        StringBuilder sb = new StringBuilder();
        if ((prot & READ) != 0) sb.append("PROT_READ");
        if ((prot & WRITE) != 0) sb.append(sb.length() > 0 ? "|" : "").append("PROT_WRITE");
        if ((prot & EXEC) != 0) sb.append(sb.length() > 0 ? "|" : "").append("PROT_EXEC");
        return sb.toString();
    }

    public static String rwx(int prot) {
        return ((prot & READ) != 0 ? "r" : "-") + ((prot & WRITE) != 0 ? "w" : "-") + ((prot & EXEC) != 0 ? "x" : "-");
    }
}
