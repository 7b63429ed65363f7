package vmalab.model.mm;

/**
 * The anon_vma rules that decide merges, after mm/vma.c and mm/rmap.c of Linux 6.18. The model keeps an
 * anon_vma as an id on the VMA; a VMA whose anon_vma chain is not singular (it came from a parent by fork:
 * anon_vma_fork() links the child's VMA to the parent's anon_vma and to a new one of its own) is told by its
 * anon_vma id, which {@link Mm} marks when dup_mmap() allocates it.
 */
public final class AnonVmas {
    /** Flags two VMAs may differ in and still share an anon_vma (VM_ACCESS_FLAGS | VM_SOFTDIRTY). */
    private static final long ACCESS_OR_SOFTDIRTY = VmFlags.ACCESS | VmFlags.MERGE_IGNORED;

    private AnonVmas() {
    }

    /**
     * mm/vma.c: vma_is_fork_child(): the VMA has an anon_vma and its anon_vma_chain is not singular, so it may
     * hold pages it still shares copy-on-write with a parent.
     */
    public static boolean isForkChild(Mm mm, long anonVma) {
        return anonVma != 0 && mm.isForkAnonVma(anonVma);
    }

    /**
     * mm/vma.c: is_mergeable_anon_vma(): a merge target without an anon_vma takes the source's unless the source
     * is a fork child (case 1, dup_anon_vma()); a source without one joins a target that is no fork child
     * (case 2); else the two must already share one (case 3). Both without: nothing to share, they merge.
     */
    public static boolean mergeable(Mm mm, long targetAnonVma, long sourceAnonVma) {
        if (targetAnonVma == 0 && sourceAnonVma != 0) return !isForkChild(mm, sourceAnonVma);
        if (targetAnonVma != 0 && sourceAnonVma == 0) return !isForkChild(mm, targetAnonVma);
        return targetAnonVma == sourceAnonVma;
    }

    /**
     * mm/vma.c: can_vma_merge_right(): merging prev, the middle and next in one needs prev's and next's
     * anon_vmas compatible with each other, not only each with the middle's.
     */
    public static boolean compatible(Vma prev, Vma next) {
        return prev.anonVma() == 0 || next.anonVma() == 0 || prev.anonVma() == next.anonVma();
    }

    /**
     * mm/rmap.c: __anon_vma_prepare() → find_mergeable_anon_vma(): a VMA's first anonymous fault reuses the
     * anon_vma of a neighbour it could merge with but for its protection, the next VMA tried before the
     * previous one (reusable_anon_vma(): the neighbour's anon_vma chain must be singular, so never a fork
     * child's); else a new anon_vma. Returns the id the VMA gets.
     */
    public static long prepare(Mm mm, VmaRef node) {
        // the classic profile (2.6.0) predates anon_vma: its ids only mark a VMA that has anonymous pages
        if (mm.profile().classic()) return mm.newAnonVmaId();
        Vma vma = node.vma();
        VmaRef next = node.next();
        if (next != null && reusable(mm, next.vma(), vma, next.vma())) return next.vma().anonVma();
        VmaRef prev = node.prev();
        if (prev != null && reusable(mm, prev.vma(), prev.vma(), vma)) return prev.vma().anonVma();
        return mm.newAnonVmaId();
    }

    /** mm/vma.c: reusable_anon_vma() with anon_vma_compatible(a, b): a ends where b starts, same file, offsets. */
    private static boolean reusable(Mm mm, Vma old, Vma a, Vma b) {
        if (old.anonVma() == 0 || isForkChild(mm, old.anonVma())) return false;
        return a.end() == b.start()
            && a.file() == b.file()
            && ((a.flags() ^ b.flags()) & ~ACCESS_OR_SOFTDIRTY) == 0
            && b.pgoff() == a.pgoff() + ((b.start() - a.start()) >>> Vma.PAGE_SHIFT);
    }
}
