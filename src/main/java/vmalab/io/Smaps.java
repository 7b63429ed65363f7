package vmalab.io;

import java.util.ArrayList;
import java.util.List;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.model.mm.VmFlags;

/**
 * /proc/PID/smaps of a model process in the kernel's format: the maps line, the fields
 * (fs/proc/task_mmu.c: show_smap(), __show_smap(), show_smap_vma_flags()). A modern profile prints the 6.x
 * list of this machine's kernel; the classic one the 2.6.25 list (Size … Referenced, no VmFlags).
 */
public final class Smaps {
    /** The gate VMA's VmFlags as 6.x shows them (vsyscall=xonly). */
    static final String VSYSCALL_FLAGS = "ex";

    private Smaps() {
    }

    public static String format(Mm mm, PageCounter counter) {
        return format(entries(mm, counter), mm.profile().addressDigits());
    }

    /** Prints entries, parsed or built, in the kernel's layout. */
    public static String format(List<SmapsEntry> entries, int addressDigits) {
        StringBuilder sb = new StringBuilder();
        for (SmapsEntry e : entries) {
            ProcMaps.appendLine(sb, e.map(), addressDigits);
            for (SmapsField f : e.fields()) appendField(sb, f);
            if (e.vmFlags() != null) {
                sb.append("VmFlags: ");
                if (!e.vmFlags().isEmpty()) {
                    for (String m : e.vmFlags().split(" ")) sb.append(m).append(' ');
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * SEQ_PUT_DEC(): the name and colon padded to 16 columns, the value right-aligned in 8. A 16-character
     * name gets one space and 7 columns, as the kernel prints "Private_Hugetlb: %7lu".
     */
    static void appendField(StringBuilder sb, SmapsField f) {
        String label = f.key() + ":";
        String value = Long.toUnsignedString(f.value());
        int width;
        if (label.length() >= 16) {
            sb.append(label).append(' ');
            width = 7;
        } else {
            sb.append(label);
            for (int i = label.length(); i < 16; i++) sb.append(' ');
            width = 8;
        }
        for (int i = value.length(); i < width; i++) sb.append(' ');
        sb.append(value);
        if (f.kb()) sb.append(" kB");
        sb.append('\n');
    }

    /** The smaps entries of a model address space; the page counts come from {@code counter}. */
    public static List<SmapsEntry> entries(Mm mm, PageCounter counter) {
        List<SmapsEntry> out = new ArrayList<>();
        boolean classic = mm.profile().classic();
        for (Vma v : mm.vmas()) {
            MapEntry m = ProcMaps.entry(mm, v);
            PageCounts c = counter.count(mm, v);
            if (classic) {
                out.add(new SmapsEntry(m, classicFields(m, c), null));
            } else {
                out.add(new SmapsEntry(m, modernFields(m, c), VmFlags.mnemonics(v.flags())));
            }
        }
        if (ProcMaps.hasGateVma(mm.profile())) {
            out.add(new SmapsEntry(ProcMaps.VSYSCALL, modernFields(ProcMaps.VSYSCALL, PageCounts.ZERO),
                VSYSCALL_FLAGS));
        }
        return out;
    }

    /** 6.x __show_smap() with x86's ProtectionKey line; 4 kB pages, no THP, hugetlb or KSM in the model. */
    static List<SmapsField> modernFields(MapEntry m, PageCounts c) {
        return List.of(
            SmapsField.kb("Size", m.sizeKb()),
            SmapsField.kb("KernelPageSize", 4),
            SmapsField.kb("MMUPageSize", 4),
            SmapsField.kb("Rss", c.rss()),
            SmapsField.kb("Pss", c.pss()),
            SmapsField.kb("Pss_Dirty", c.pssDirty()),
            SmapsField.kb("Shared_Clean", c.sharedClean()),
            SmapsField.kb("Shared_Dirty", c.sharedDirty()),
            SmapsField.kb("Private_Clean", c.privateClean()),
            SmapsField.kb("Private_Dirty", c.privateDirty()),
            SmapsField.kb("Referenced", c.referenced()),
            SmapsField.kb("Anonymous", c.anonymous()),
            SmapsField.kb("KSM", 0),
            SmapsField.kb("LazyFree", c.lazyFree()),
            SmapsField.kb("AnonHugePages", 0),
            SmapsField.kb("ShmemPmdMapped", 0),
            SmapsField.kb("FilePmdMapped", 0),
            SmapsField.kb("Shared_Hugetlb", 0),
            SmapsField.kb("Private_Hugetlb", 0),
            SmapsField.kb("Swap", c.swap()),
            SmapsField.kb("SwapPss", c.swapPss()),
            SmapsField.kb("Locked", c.locked()),
            SmapsField.count("THPeligible", 0),
            SmapsField.count("ProtectionKey", 0));
    }

    /** 2.6.25 show_smap(): the first list with Pss. */
    static List<SmapsField> classicFields(MapEntry m, PageCounts c) {
        return List.of(
            SmapsField.kb("Size", m.sizeKb()),
            SmapsField.kb("Rss", c.rss()),
            SmapsField.kb("Pss", c.pss()),
            SmapsField.kb("Shared_Clean", c.sharedClean()),
            SmapsField.kb("Shared_Dirty", c.sharedDirty()),
            SmapsField.kb("Private_Clean", c.privateClean()),
            SmapsField.kb("Private_Dirty", c.privateDirty()),
            SmapsField.kb("Referenced", c.referenced()));
    }
}
