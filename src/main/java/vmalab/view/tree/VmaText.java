package vmalab.view.tree;

import vmalab.io.ProcNames;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;

/** How a VMA is named on the diagrams: short hex, a short mapping name. */
public final class VmaText {
    private VmaText() {
    }

    /** An address as lower-case hex without leading zeros: {@code 7ffff7fc3000}. */
    public static String hex(long addr) {
        return Long.toHexString(addr);
    }

    /**
     * What /proc/PID/maps would name it, shortened: the file's base name, [heap], [stack], [vdso], or "anon".
     * {@code mm} (may be null) decides [heap] and [stack], as the kernel does from brk and start_stack.
     */
    public static String shortName(Mm mm, Vma v) {
        if (v == null) return "";
        if (v.file() != null) return v.file().baseName();
        String n = mm == null ? v.name() : ProcNames.name(mm, v);
        return n == null ? "anon" : n;
    }

    /** {@code r-xp libc.so.6}. */
    public static String permsAndName(Mm mm, Vma v) {
        return v == null ? "" : v.perms() + " " + shortName(mm, v);
    }

    /** {@code 7ffff7fc3000-7ffff7fc7000}. */
    public static String range(Vma v) {
        return v == null ? "" : hex(v.start()) + "-" + hex(v.end());
    }
}
