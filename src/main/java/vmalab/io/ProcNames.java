package vmalab.io;

import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;

/** The name column of /proc/PID/maps for a VMA (fs/proc/task_mmu.c: show_map_vma()). */
public final class ProcNames {
    private ProcNames() {
    }

    /**
     * The file's path; for a 6.x kernel {@code [heap]} for the VMA overlapping start_brk..brk, {@code [stack]} for
     * the one holding start_stack, a special mapping's own name; else null. A 2.6-era (classic) kernel named
     * only files.
     */
    public static String name(Mm mm, Vma v) {
        if (v.file() != null) return v.file().path();
        if (mm.profile().classic()) return null;
        if (v.name() != null) return v.name();
        if (ProcMaps.isInitialHeap(mm, v)) return "[heap]";
        if (ProcMaps.isInitialStack(mm, v)) return "[stack]";
        return null;
    }
}
