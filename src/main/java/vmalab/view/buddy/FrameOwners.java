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

/**
 * Who owns each frame, as colours: the kind of owner, and for anonymous memory the process whose PTE maps it
 * first (one hue per live mm, by creation order). A frame more than one PTE maps (shared after fork) is marked.
 */
final class FrameOwners {
    final int[] argb;
    final boolean[] shared;
    /** Live mms in creation order: the index is the hue slot. */
    final List<Mm> mms;

    private FrameOwners(int frames, List<Mm> mms) {
        argb = new int[frames];
        shared = new boolean[frames];
        this.mms = mms;
    }

    static FrameOwners of(PhysicalMemory pm, Kernel k, BuddyPalette pal) {
        FrameOwners o = new FrameOwners(pm.frames(), k.mms());
        Map<Long, Integer> slot = new HashMap<>();
        for (int i = 0; i < o.mms.size(); i++) slot.put(o.mms.get(i).id(), i);
        int[] kindArgb = new int[FrameKind.values().length];
        for (FrameKind kind : FrameKind.values()) kindArgb[kind.ordinal()] = Swatch.toArgb(pal.frame(kind, -1));
        for (int p = 0; p < o.argb.length; p++) {
            FrameKind kind = pm.frameKind(p);
            if (kind == FrameKind.ANON || kind == FrameKind.FILE || kind == FrameKind.SHMEM) {
                FrameInfo f = pm.frame(p);
                o.shared[p] = f.mapcount() > 1;
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
