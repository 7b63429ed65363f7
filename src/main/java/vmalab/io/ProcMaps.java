package vmalab.io;

import java.util.ArrayList;
import java.util.List;
import vmalab.model.fs.SimFile;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Profile;
import vmalab.model.mm.Vma;
import vmalab.model.mm.VmFlags;

/**
 * /proc/PID/maps as Linux prints it. A modern profile follows 6.x fs/proc/task_mmu.c (show_map_vma(),
 * get_vma_name(), the x86-64 gate VMA); the classic profile follows 2.6's show_map().
 */
public final class ProcMaps {
    /** The x86-64 vsyscall page: get_gate_vma(), shown after the VMAs though it is not in mm_rb. */
    public static final MapEntry VSYSCALL =
        new MapEntry(0xffffffffff600000L, 0xffffffffff601000L, "--xp", 0, 0, 0, 0, "[vsyscall]");

    private ProcMaps() {
    }

    /** The maps text of a model address space. */
    public static String format(Mm mm) {
        return format(entries(mm), mm.profile().addressDigits());
    }

    /**
     * The maps text of some lines. {@code addressDigits} (8 or 16) is the pointer size that sets the name
     * column: 25 + 6 * sizeof(void *), so 49 on i386 and 73 on x86-64.
     */
    public static String format(List<MapEntry> entries, int addressDigits) {
        StringBuilder sb = new StringBuilder();
        for (MapEntry e : entries) appendLine(sb, e, addressDigits);
        return sb.toString();
    }

    /**
     * One line and its newline. 6.x: seq_setwidth(25 + sizeof(void *) * 6 - 1), the header with its trailing
     * space, then for a name seq_pad(m, ' ') and the name. 2.6 computed the same column with %n and "%*c", so
     * both eras print the name at that column, or two spaces after the inode when the header is longer.
     */
    static void appendLine(StringBuilder sb, MapEntry e, int addressDigits) {
        int lineStart = sb.length();
        sb.append(Hex.pad(e.start(), 8)).append('-').append(Hex.pad(e.end(), 8)).append(' ').append(e.perms())
            .append(' ').append(Hex.pad(e.offset(), 8))
            .append(' ').append(Hex.pad(e.devMajor(), 2)).append(':').append(Hex.pad(e.devMinor(), 2))
            .append(' ').append(Long.toUnsignedString(e.inode())).append(' ');
        if (e.name() != null) {
            int width = 25 + 3 * addressDigits - 1;
            while (sb.length() - lineStart < width) sb.append(' ');
            sb.append(' ').append(e.name());
        }
        sb.append('\n');
    }

    /** The maps text of some lines, each written when asked for. */
    public static TextLines lines(List<MapEntry> entries, int addressDigits) {
        return new TextLines() {
            @Override
            public int count() {
                return entries.size();
            }

            @Override
            public void append(StringBuilder sb, int i) {
                appendLine(sb, entries.get(i), addressDigits);
            }
        };
    }

    /** The lines of a model address space, in order, with the gate VMA of an x86-64 profile last. */
    public static List<MapEntry> entries(Mm mm) {
        List<MapEntry> out = new ArrayList<>();
        for (Vma v : mm.vmas()) out.add(entry(mm, v));
        if (hasGateVma(mm.profile())) out.add(VSYSCALL);
        return out;
    }

    /** Whether the profile's kernel shows [vsyscall]: every non-classic (x86-64, 4-level) profile. */
    public static boolean hasGateVma(Profile p) {
        return !p.classic() && p.levels() == 4;
    }

    /** The maps line of one model VMA. */
    public static MapEntry entry(Mm mm, Vma v) {
        SimFile f = v.file();
        boolean classic = mm.profile().classic();
        long offset;
        if (classic) {
            // 2.6 show_map(): vm_pgoff << PAGE_SHIFT for every mapping, in a 32-bit unsigned long
            offset = (v.pgoff() << Vma.PAGE_SHIFT) & 0xffffffffL;
        } else {
            // 6.x show_map_vma(): the offset only of a file mapping
            offset = f != null ? v.pgoff() << Vma.PAGE_SHIFT : 0;
        }
        return new MapEntry(v.start(), v.end(), VmFlags.perms(v.flags()), offset,
            f != null ? f.devMajor() : 0, f != null ? f.devMinor() : 0, f != null ? f.inode() : 0,
            classic ? (f != null ? mangle(f.path()) : null) : name(mm, v));
    }

    /**
     * get_vma_name(): the file's path; else the special mapping's own name (vm_ops->name: [vdso], [vvar]);
     * else [heap] for the VMA over the brk area; else [stack] for the VMA holding start_stack; else none.
     * The model's own "[heap]"/"[stack]" labels are not trusted: the kernel decides from brk and start_stack.
     */
    static String name(Mm mm, Vma v) {
        if (v.file() != null) return mangle(v.file().path());
        String special = v.name();
        if (special != null && !special.equals("[heap]") && !special.equals("[stack]")) return special;
        if (isInitialHeap(mm, v)) return "[heap]";
        if (isInitialStack(mm, v)) return "[stack]";
        return null;
    }

    /** include/linux/mm.h: vma_is_initial_heap(), strict since 6.7 ("mm: fix VMA heap bounds checking"). */
    public static boolean isInitialHeap(Mm mm, Vma v) {
        return Long.compareUnsigned(v.start(), mm.brk()) < 0 && Long.compareUnsigned(v.end(), mm.startBrk()) > 0;
    }

    /** include/linux/mm.h: vma_is_initial_stack(): the VMA holds mm->start_stack, both ends included. */
    public static boolean isInitialStack(Mm mm, Vma v) {
        return Long.compareUnsigned(v.start(), mm.startStack()) <= 0
            && Long.compareUnsigned(v.end(), mm.startStack()) >= 0;
    }

    /** seq_path(m, path, "\n"): a newline in a path prints as the octal escape \012. */
    static String mangle(String path) {
        return path.indexOf('\n') < 0 ? path : path.replace("\n", "\\012");
    }
}
