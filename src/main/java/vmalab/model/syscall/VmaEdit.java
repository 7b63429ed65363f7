package vmalab.model.syscall;

import java.util.List;
import java.util.function.Consumer;
import vmalab.model.event.MmEvent;
import vmalab.model.event.Narration;
import vmalab.model.event.Sentence;
import vmalab.model.event.SimEvent;
import vmalab.model.fault.PageBackend;
import vmalab.model.mm.AnonVmas;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.model.mm.VmaRef;
import vmalab.model.mm.VmFlags;

/**
 * The VMA-level edits every mapping call is built from, after mm/mmap.c of the rb-tree era (Linux 4.x–6.0):
 * vma_merge(), __split_vma(), the unmap of a range (do_munmap()), and the placement search
 * (unmapped_area_topdown() / unmapped_area()).
 */
final class VmaEdit {
    static final long PAGE = Vma.PAGE_SIZE;
    /** Flags that keep a VMA out of every merge (include/linux/mm.h: VM_SPECIAL). */
    static final long VM_SPECIAL = VmFlags.IO | VmFlags.DONTEXPAND | VmFlags.PFNMAP | VmFlags.MIXEDMAP;

    private final Mm mm;
    private final PageBackend pages;
    private final Consumer<SimEvent> ev;

    VmaEdit(Mm mm, PageBackend pages, Consumer<SimEvent> ev) {
        this.mm = mm;
        this.pages = pages;
        this.ev = ev;
    }

    static long pageAlign(long x) {
        return (x + PAGE - 1) & -PAGE;
    }

    /**
     * mm/vma.c: is_mergeable_vma() + is_mergeable_anon_vma(): same flags (VM_SOFTDIRTY aside), file and name,
     * and anon_vmas that can be shared: a fork child's VMA merges only with its own anon_vma
     * ({@link AnonVmas#mergeable}).
     */
    static boolean mergeable(Mm mm, Vma v, long flags, Object file, long anonVma, String name) {
        if (((v.flags() ^ flags) & ~VmFlags.MERGE_IGNORED) != 0) return false;
        if ((flags & VM_SPECIAL) != 0) return false;
        if (v.file() != file && (v.file() == null || !v.file().equals(file))) return false;
        if (v.name() != null || name != null) return false;
        return AnonVmas.mergeable(mm, v.anonVma(), anonVma);
    }

    /**
     * Whether two page offsets join up. A 2.6.0 kernel (the classic profile) merged anonymous memory whatever
     * its vm_pgoff (can_vma_merge_after() returned 1 for any anonymous mapping).
     */
    boolean contiguous(long endOfFirst, long startOfSecond, Object file) {
        return endOfFirst == startOfSecond || (file == null && mm.profile().classic());
    }

    /**
     * vma_merge(): tries to fold a new range [addr, end) with these attributes into the VMA ending at addr
     * and/or the one starting at end (can_vma_merge_after() / can_vma_merge_before(): flags, file, and a
     * contiguous vm_pgoff). Returns the merged VMA, or null when no neighbour can take the range; the range
     * itself must already be free of VMAs.
     */
    Vma merge(long addr, long end, long flags, Object file, long pgoff, long anonVma, String name) {
        if ((flags & VM_SPECIAL) != 0) return null;
        VmaRef prevNode = mm.findVmaPrev(addr);
        VmaRef nextNode = prevNode == null ? mm.index().first() : prevNode.next();
        Vma prev = prevNode == null ? null : prevNode.vma();
        Vma next = nextNode == null ? null : nextNode.vma();
        long pages = (end - addr) >>> Vma.PAGE_SHIFT;
        boolean afterPrev = prev != null && prev.end() == addr && mergeable(mm, prev, flags, file, anonVma, name)
            && contiguous(prev.pgoff() + prev.pages(), pgoff, file);
        boolean beforeNext = next != null && next.start() == end && mergeable(mm, next, flags, file, anonVma, name)
            && contiguous(pgoff + pages, next.pgoff(), file);
        // mm/vma.c: vma_merge_new_range(), can_vma_merge_right(): prev and next must suit each other too
        if (afterPrev && beforeNext && AnonVmas.compatible(prev, next)) {
            long av = prev.anonVma() != 0 ? prev.anonVma() : next.anonVma();
            Vma merged = new Vma(prev.start(), next.end(), prev.flags(), prev.pgoff(), prev.file(), av, null);
            mm.merge(prevNode, merged, List.of(nextNode), null, null, ev);
            ev.accept(new MmEvent.VmaMerged(mm.id(), List.of(prev, next), merged));
            ev.accept(new Narration(Sentence.VMA_MERGE_BOTH, merged.start(), merged.end()));
            return merged;
        }
        if (afterPrev) {
            long av = prev.anonVma() != 0 ? prev.anonVma() : anonVma;
            Vma merged = new Vma(prev.start(), end, prev.flags(), prev.pgoff(), prev.file(), av, null);
            mm.adjust(prevNode, merged, ev);
            ev.accept(new MmEvent.VmaMerged(mm.id(), List.of(prev), merged));
            ev.accept(new Narration(Sentence.VMA_MERGE_PREV, merged.start(), merged.end()));
            return merged;
        }
        if (beforeNext) {
            long av = next.anonVma() != 0 ? next.anonVma() : anonVma;
            Vma merged = new Vma(addr, next.end(), next.flags(), pgoff, next.file(), av, null);
            mm.adjust(nextNode, merged, ev);
            ev.accept(new MmEvent.VmaMerged(mm.id(), List.of(next), merged));
            ev.accept(new Narration(Sentence.VMA_MERGE_NEXT, merged.start(), merged.end()));
            return merged;
        }
        return null;
    }

    /**
     * __split_vma(vma, at, new_below): cuts the VMA of {@code node} at {@code at} into [start, at) and [at, end);
     * the upper part gets vm_pgoff advanced. The kernel allocates a new VMA for one part and shrinks the old one
     * to the other: the lower part when {@code newBelow}, else the upper. Returns the node of the upper part. The
     * caller has checked map_count.
     */
    VmaRef split(VmaRef node, long at, boolean newBelow) {
        return cut(node, at, newBelow)[1];
    }

    /** As {@link #split}, returning both parts' nodes: the lower, then the upper. */
    VmaRef[] cut(VmaRef node, long at, boolean newBelow) {
        Vma v = node.vma();
        Vma low = v.withRange(v.start(), at, v.pgoff());
        Vma high = v.withRange(at, v.end(), v.pgoff() + ((at - v.start()) >>> Vma.PAGE_SHIFT));
        ev.accept(new MmEvent.VmaSplit(mm.id(), v, at));
        ev.accept(new Narration(Sentence.SPLIT_VMA, v.start(), v.end(), at));
        if (newBelow) return new VmaRef[] {mm.split(node, high, low, ev), node};
        return new VmaRef[] {node, mm.split(node, low, high, ev)};
    }

    /** How many more VMAs unmapping [start, end) needs: 1 when a single VMA must be cut in the middle. */
    int extraVmasToUnmap(long start, long end) {
        Vma v = mm.findVma(start);
        if (v == null || Long.compareUnsigned(v.start(), end) >= 0) return 0;
        return (Long.compareUnsigned(v.start(), start) < 0 && Long.compareUnsigned(v.end(), end) > 0) ? 1 : 0;
    }

    /**
     * do_vmi_munmap() / do_munmap(): splits the VMAs straddling start and end, then unlinks and zaps every VMA
     * inside. The caller has checked the map_count limit ({@link #extraVmasToUnmap}).
     *
     * <p>Linux 6.18 (the maple tree, mm/vma.c): vms_gather_munmap_vmas() splits the first VMA with new_below = 1
     * (the kept lower part is the new VMA) and the last with new_below = 0, then do_vmi_align_munmap() clears
     * the whole range in one store before the pages go. The rb-tree era (mm/mmap.c: __do_munmap()) split the
     * first with new_below = 0 and the last with new_below = 1, and unlinked the VMAs one by one.
     */
    void unmap(long start, long end) {
        VmaRef node = mm.findVmaRef(start);
        if (node == null || Long.compareUnsigned(node.vma().start(), end) >= 0) return;
        boolean maple = mm.index().isMaple();
        if (Long.compareUnsigned(node.vma().start(), start) < 0) {
            node = split(node, start, maple);
        }
        List<VmaRef> gone = new java.util.ArrayList<>();
        while (node != null && Long.compareUnsigned(node.vma().start(), end) < 0) {
            if (Long.compareUnsigned(node.vma().end(), end) > 0) {
                node = cut(node, end, !maple)[0];
            }
            VmaRef next = node.next();
            Vma v = node.vma();
            pages.zap(mm, v, v.start(), v.end(), ev);
            ev.accept(new Narration(Sentence.REMOVE_VMA, v.start(), v.end()));
            if (maple) gone.add(node);
            else mm.unlink(node, ev);
            node = next;
        }
        if (maple) mm.unlinkRange(gone, start, end, ev);
        pages.freeTables(mm, start, end, ev);
    }

    /**
     * The gap search of get_unmapped_area(): top-down below mmap_base (unmapped_area_topdown(), the x86-64
     * layout) or bottom-up from TASK_UNMAPPED_BASE (unmapped_area(), the legacy layout). A gap below a
     * VM_GROWSDOWN VMA keeps the stack guard gap free (vm_start_gap()). The tree's augmented gaps make it
     * O(log n). Returns the address, or -1 when nothing fits.
     */
    long findGap(long len, long low, long high, boolean topDown) {
        return topDown ? mm.unmappedAreaTopDown(len, low, high) : mm.unmappedAreaBottomUp(len, low, high);
    }
}
