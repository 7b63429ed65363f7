package vmalab.view.buddy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vmalab.model.Kernel;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Task;
import vmalab.model.paging.FrameInfo;
import vmalab.model.paging.FrameKind;
import vmalab.model.paging.PhysicalMemory;
import vmalab.view.tree.Swatch;
import vmalab.viewmodel.Sizes;

/**
 * Who owns each frame, as colours: the kind of owner, and for anonymous memory the process whose PTE maps it
 * first (one hue per live mm, by creation order). The shared zero page and anonymous frames more than one PTE
 * maps (COW-shared after fork: mm/memory.c: copy_present_pte() write-protects both) have colours of their own;
 * a file or shmem frame mapped twice is marked.
 */
final class FrameOwners {
    final int[] argb;
    final boolean[] shared;
    /** Live mms in creation order: the index is the hue slot. */
    final List<Mm> mms;

    private final PhysicalMemory pm;
    private final Kernel kernel;

    private FrameOwners(int frames, List<Mm> mms, PhysicalMemory pm, Kernel kernel) {
        this.pm = pm;
        this.kernel = kernel;
        argb = new int[frames];
        shared = new boolean[frames];
        this.mms = mms;
    }

    static FrameOwners of(PhysicalMemory pm, Kernel k, BuddyPalette pal) {
        FrameOwners o = new FrameOwners(pm.frames(), k.mms(), pm, k);
        Map<Long, Integer> slot = new HashMap<>();
        for (int i = 0; i < o.mms.size(); i++) slot.put(o.mms.get(i).id(), i);
        int[] kindArgb = new int[FrameKind.values().length];
        for (FrameKind kind : FrameKind.values()) kindArgb[kind.ordinal()] = Swatch.toArgb(pal.frame(kind, -1));
        long zero = pm.zeroPfn();
        int zeroArgb = Swatch.toArgb(pal.zeroPage.color());
        int cowArgb = Swatch.toArgb(pal.cow.color());
        for (int p = 0; p < o.argb.length; p++) {
            if (p == zero) {
                o.argb[p] = zeroArgb;
                continue;
            }
            FrameKind kind = pm.frameKind(p);
            if (kind == FrameKind.ANON || kind == FrameKind.FILE || kind == FrameKind.SHMEM) {
                FrameInfo f = pm.frame(p);
                o.shared[p] = f.mapcount() > 1 && kind != FrameKind.ANON;
                if (kind == FrameKind.ANON && f.mapcount() > 1) {
                    o.argb[p] = cowArgb;
                    continue;
                }
                if (kind == FrameKind.ANON) {
                    Integer s = f.mappings().isEmpty() ? null : slot.get(f.mappings().get(0).mmId());
                    o.argb[p] = Swatch.toArgb(pal.frame(kind, s == null ? -1 : s));
                    continue;
                }
            }
            o.argb[p] = kindArgb[kind.ordinal()];
        }
        return o;
    }

    /** What the frame holds, for its tooltip: {@code frame 0x104: anonymous, cat 1, mapped 2× (COW-shared)}. */
    String describe(int pfn) {
        if (pfn < 0 || pfn >= argb.length) return "";
        String head = "frame " + Sizes.frame(pfn) + " (phys " + Sizes.phys((long) pfn << 12) + "): ";
        if (pfn == pm.zeroPfn()) return head + "the shared zero page";
        FrameKind kind = pm.frameKind(pfn);
        int maps = pm.mapcount(pfn);
        String what = switch (kind) {
            case FREE -> "free";
            case KERNEL -> "kernel";
            case PAGE_TABLE -> "page table";
            case FILE -> "page cache";
            case SHMEM -> "shmem";
            case ALLOC_PAGES -> "alloc_pages";
            case ANON -> "anonymous";
        };
        if (kind == FrameKind.ANON) {
            FrameInfo f = pm.frame(pfn);
            if (!f.mappings().isEmpty()) {
                long id = f.mappings().get(0).mmId();
                for (Mm mm : mms) if (mm.id() == id) what += ", " + name(kernel, mm);
            }
        }
        if (maps > 1) what += ", mapped " + maps + "×" + (kind == FrameKind.ANON ? " (COW-shared)" : "");
        return head + what;
    }

    /** A legend name for the slot-th mm: its tasks' names. */
    static String name(Kernel k, Mm mm) {
        StringBuilder sb = new StringBuilder();
        for (Task t : k.tasksOf(mm)) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(t.comm()).append(' ').append(t.pid());
        }
        return sb.length() == 0 ? "mm " + mm.id() : sb.toString();
    }
}
