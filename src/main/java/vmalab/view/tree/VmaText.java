package vmalab.view.tree;

import vmalab.io.ProcNames;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.model.mm.VmFlags;
import vmalab.viewmodel.Sizes;

/** How a VMA is named on the tree view: addresses in hex with 0x (one formatter, {@link Sizes}), short names. */
public final class VmaText {
    /** The dash between vm_start and vm_end. */
    public static final String DASH = "–";
    /** Where a shortened range leaves out vm_end's leading digits. */
    public static final String ELIDED = "…";

    private VmaText() {
    }

    /** {@code 0x7ffff7fc3000}. */
    public static String hex(long addr) {
        return Sizes.hex(addr);
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

    /** A name worth printing, or null for a plain anonymous mapping. */
    static String nameOrNull(Mm mm, Vma v) {
        String n = shortName(mm, v);
        return n.isEmpty() || n.equals("anon") ? null : n;
    }

    /** {@code r-xp libc.so.6}. */
    public static String permsAndName(Mm mm, Vma v) {
        return v == null ? "" : v.perms() + " " + shortName(mm, v);
    }

    /** {@code 0x7ffff7fc3000–0x7ffff7fc7000}. */
    public static String range(Vma v) {
        return v == null ? "" : hex(v.start()) + DASH + hex(v.end());
    }

    /**
     * {@code 0x555555554000–…7000}: vm_end without the leading hex digits it shares with vm_start (the node's
     * tooltip has it whole); the whole range when they share nothing past {@code 0x}.
     */
    public static String shortRange(Vma v) {
        if (v == null) return "";
        String s = hex(v.start());
        String e = hex(v.end());
        if (s.length() != e.length()) return range(v);
        int k = 2;
        while (k < s.length() - 1 && s.charAt(k) == e.charAt(k)) k++;
        return k <= 3 ? range(v) : s + DASH + ELIDED + e.substring(k);
    }

    /**
     * A node as captions name it, in the words its box shows: {@code [heap] 0x555555559000–0x55555557a000},
     * or the range alone for an anonymous mapping; {@code key} in hex when the VMA is not known.
     */
    public static String node(Mm mm, Vma v, long key) {
        if (v == null) return hex(key);
        String n = nameOrNull(mm, v);
        return n == null ? range(v) : n + " " + range(v);
    }

    /** The hover text: the whole VMA. */
    public static String tooltip(Mm mm, Vma v) {
        if (v == null) return "";
        StringBuilder sb = new StringBuilder();
        sb.append("vm_start ").append(hex(v.start())).append("\nvm_end   ").append(hex(v.end()))
            .append("  (").append(Sizes.human(v.length())).append(")\n");
        sb.append("perms    ").append(v.perms()).append("\nvm_flags ").append(VmFlags.names(v.flags())).append('\n');
        if (v.file() != null) {
            sb.append("file     ").append(v.file().path()).append(" @ ").append(hex(v.pgoff() * Vma.PAGE_SIZE));
        } else {
            sb.append("file     none (anonymous").append(nameOrNull(mm, v) == null ? "" : ", " + shortName(mm, v))
                .append(')');
        }
        return sb.toString();
    }
}
