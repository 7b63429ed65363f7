package vmalab.model.syscall;

import java.util.List;
import java.util.function.Consumer;
import vmalab.model.Kernel;
import vmalab.model.event.MmEvent;
import vmalab.model.event.Narration;
import vmalab.model.event.Sentence;
import vmalab.model.event.SimEvent;
import vmalab.model.mm.AnonVmas;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Prot;
import vmalab.model.mm.Vma;
import vmalab.model.mm.VmaRef;
import vmalab.model.mm.VmFlags;
import vmalab.model.op.Advice;

/**
 * mprotect() (mm/mprotect.c) and madvise() (mm/madvise.c): both change vm_flags on a range, splitting the
 * VMAs at its ends and merging them back with equal neighbours (vma_modify_flags(): vma_merge() first, then
 * split_vma()).
 */
final class FlagCalls {
    private final Kernel kernel;
    private final Mm mm;
    private final Consumer<SimEvent> ev;
    private final VmaEdit edit;
    private final FaultPath faults;

    FlagCalls(Kernel kernel, Mm mm, Consumer<SimEvent> ev, FaultPath faults) {
        this.kernel = kernel;
        this.mm = mm;
        this.ev = ev;
        this.edit = new VmaEdit(mm, kernel.pages(), ev);
        this.faults = faults;
    }

    /**
     * Sets the flags of [start, end) inside the VMA of {@code node} to newFlags. Returns the node now covering
     * the range's start, or null with nothing changed when a needed split would pass max_map_count.
     */
    VmaRef modifyFlags(VmaRef node, long start, long end, long newFlags) {
        Vma v = node.vma();
        if (v.flags() == newFlags) return node;
        long pgoff = v.pgoff() + ((start - v.start()) >>> Vma.PAGE_SHIFT);
        VmaRef prevNode = node.prev();
        VmaRef nextNode = node.next();
        Vma prev = prevNode == null ? null : prevNode.vma();
        Vma next = nextNode == null ? null : nextNode.vma();
        long pages = (end - start) >>> Vma.PAGE_SHIFT;
        boolean atStart = start == v.start();
        boolean atEnd = end == v.end();
        boolean withPrev = atStart && prev != null && prev.end() == start
            && VmaEdit.mergeable(mm, prev, newFlags, v.file(), v.anonVma(), v.name())
            && edit.contiguous(prev.pgoff() + prev.pages(), pgoff, v.file());
        boolean withNext = atEnd && next != null && next.start() == end
            && VmaEdit.mergeable(mm, next, newFlags, v.file(), v.anonVma(), v.name())
            && edit.contiguous(pgoff + pages, next.pgoff(), v.file());
        // mm/vma.c: vma_merge_existing_range(): with prev and next both possible, next joins too only when its
        // anon_vma suits prev's (can_vma_merge_right()); else the range merges with prev alone
        if (withPrev && withNext && !AnonVmas.compatible(prev, next)) withNext = false;
        if (withPrev && withNext) {
            Vma merged = prev.withRange(prev.start(), next.end(), prev.pgoff()).withAnonVma(anon(prev, v, next));
            mm.merge(prevNode, merged, List.of(nextNode, node), null, null, ev);
            ev.accept(new MmEvent.VmaMerged(mm.id(), List.of(prev, v, next), merged));
            return prevNode;
        }
        if (withPrev) {
            Vma merged = prev.withRange(prev.start(), end, prev.pgoff()).withAnonVma(anon(prev, v, null));
            if (atEnd) mm.merge(prevNode, merged, List.of(node), null, null, ev);
            else mm.merge(prevNode, merged, List.of(), node, v.withRange(end, v.end(), v.pgoff() + pages), ev);
            ev.accept(new MmEvent.VmaMerged(mm.id(), List.of(prev, v), merged));
            return prevNode;
        }
        if (withNext) {
            Vma merged = next.withRange(start, next.end(), pgoff).withAnonVma(anon(null, v, next));
            if (atStart) mm.merge(nextNode, merged, List.of(node), null, null, ev);
            else mm.merge(nextNode, merged, List.of(), node, v.withRange(v.start(), start, v.pgoff()), ev);
            ev.accept(new MmEvent.VmaMerged(mm.id(), List.of(v, next), merged));
            return nextNode;
        }
        int splits = (atStart ? 0 : 1) + (atEnd ? 0 : 1);
        if (splits > 0 && mm.mapCount() + splits - 1 >= kernel.maxMapCount()) return null;
        VmaRef target = node;
        // mm/vma.c: vma_modify() → split_vma(vmi, vma, start, 1), then split_vma(vmi, vma, end, 0) (mm/mprotect.c's
        // mprotect_fixup() in the rb-tree era: the same directions)
        if (!atStart) target = edit.split(target, start, true);
        if (!atEnd) edit.split(target, end, false);
        mm.adjust(target, target.vma().withFlags(newFlags), ev);
        return target;
    }

    private static long anon(Vma a, Vma b, Vma c) {
        if (a != null && a.anonVma() != 0) return a.anonVma();
        if (b != null && b.anonVma() != 0) return b.anonVma();
        return c != null ? c.anonVma() : 0;
    }

    /**
     * do_mprotect_pkey(): the range must start inside a VMA; each VMA in it gets the new protection
     * (-EACCES when it exceeds VM_MAY*); a hole stops the walk with -ENOMEM, the VMAs before it keeping
     * their new protection, as the kernel leaves them.
     */
    long mprotect(long start, long len, int prot) {
        if ((start & (Vma.PAGE_SIZE - 1)) != 0) return Errno.EINVAL.ret();
        if ((prot & ~(Prot.READ | Prot.WRITE | Prot.EXEC)) != 0) return Errno.EINVAL.ret();
        if (len == 0) return 0;
        len = VmaEdit.pageAlign(len);
        long end = start + len;
        if (Long.compareUnsigned(end, start) <= 0) return Errno.ENOMEM.ret();
        VmaRef node = mm.findVmaRef(start);
        if (node == null || Long.compareUnsigned(node.vma().start(), start) > 0) return Errno.ENOMEM.ret();
        long nstart = start;
        while (true) {
            Vma v = node.vma();
            int p = prot;
            long newFlags = VmFlags.fromProt(p) | (v.flags() & ~VmFlags.ACCESS);
            // newflags >> 4 puts VM_MAY* where VM_* are
            if (((newFlags & VmFlags.ACCESS) & ~mayBits(newFlags)) != 0) return Errno.EACCES.ret();
            // mprotect_fixup(): accounting a private mapping that becomes writable
            if ((newFlags & VmFlags.WRITE) != 0) {
                if ((v.flags() & (VmFlags.ACCOUNT | VmFlags.WRITE | VmFlags.HUGETLB | VmFlags.SHARED
                        | VmFlags.NORESERVE)) == 0) {
                    long tmpEnd = Long.compareUnsigned(v.end(), end) > 0 ? end : v.end();
                    if (!MmapCalls.vmEnoughMemory(kernel, (tmpEnd - nstart) >>> Vma.PAGE_SHIFT, ev)) {
                        return Errno.ENOMEM.ret();
                    }
                    newFlags |= VmFlags.ACCOUNT;
                }
            } else if (v.has(VmFlags.ACCOUNT) && v.isAnonymous() && v.anonVma() == 0) {
                newFlags &= ~VmFlags.ACCOUNT;
            }
            long tmp = Long.compareUnsigned(v.end(), end) > 0 ? end : v.end();
            VmaRef after = modifyFlags(node, nstart, tmp, newFlags);
            if (after == null) return Errno.ENOMEM.ret();
            // change_protection(): the PTEs of the range follow the new flags
            kernel.pages().changeProtection(mm, mm.vmaAt(nstart), nstart, tmp, ev);
            ev.accept(new Narration(Sentence.MPROTECT_FIXUP, nstart, tmp, newFlags));
            // like vma_iter_end(): carry on from the end of the VMA now covering the range, merged or not
            nstart = after.vma().end();
            if (Long.compareUnsigned(nstart, end) >= 0) return 0;
            VmaRef next = mm.findVmaRef(nstart);
            if (next == null || next.vma().start() != nstart) return Errno.ENOMEM.ret();
            node = next;
        }
    }

    /** The VM_MAY* bits of flags moved down onto VM_READ/WRITE/EXEC. */
    private static long mayBits(long flags) {
        long m = 0;
        if ((flags & VmFlags.MAYREAD) != 0) m |= VmFlags.READ;
        if ((flags & VmFlags.MAYWRITE) != 0) m |= VmFlags.WRITE;
        if ((flags & VmFlags.MAYEXEC) != 0) m |= VmFlags.EXEC;
        return m;
    }

    /**
     * do_madvise() / madvise_walk_vmas(): advises each mapped part in address order. A VMA that refuses the
     * advice stops the walk with its error, the parts before it already advised; holes make the call return
     * -ENOMEM after every mapped part was advised. Both as the kernel leaves them.
     */
    long madvise(long start, long len, Advice advice) {
        if ((start & (Vma.PAGE_SIZE - 1)) != 0) return Errno.EINVAL.ret();
        // madvise_checks()/do_madvise(): a length that page-aligns to 0 wrapped: -EINVAL, not a no-op
        if (len != 0 && VmaEdit.pageAlign(len) == 0) return Errno.EINVAL.ret();
        long end = start + VmaEdit.pageAlign(len);
        if (Long.compareUnsigned(end, start) < 0) return Errno.EINVAL.ret();
        if (end == start) return 0;
        if (advice == Advice.POPULATE_READ || advice == Advice.POPULATE_WRITE) {
            // madvise_do_behavior(): the populate advices walk the range themselves (madvise_populate())
            return new Populate(mm, faults).madvisePopulate(start, end, advice == Advice.POPULATE_WRITE);
        }
        if (mm.findVmaRef(start) == null) return Errno.ENOMEM.ret();
        boolean hole = false;
        long pos = start;
        while (Long.compareUnsigned(pos, end) < 0) {
            VmaRef n = mm.findVmaRef(pos);
            if (n == null || Long.compareUnsigned(n.vma().start(), end) >= 0) break;
            Vma v = n.vma();
            if (Long.compareUnsigned(v.start(), pos) > 0) hole = true;
            long err = check(v, advice);
            if (err != 0) return err;
            long s = Long.compareUnsigned(v.start(), pos) < 0 ? pos : v.start();
            long e = Long.compareUnsigned(v.end(), end) > 0 ? end : v.end();
            long newFlags = newFlags(v.flags(), advice);
            if (newFlags != v.flags()) {
                if (modifyFlags(n, s, e, newFlags) == null) return Errno.ENOMEM.ret();
            } else {
                pageEffect(v, s, e, advice);
            }
            ev.accept(new Narration(Sentence.MADVISE, s, e, 0, 0, advice));
            pos = e;
        }
        if (Long.compareUnsigned(pos, end) < 0) hole = true;
        return hole ? Errno.ENOMEM.ret() : 0;
    }

    /** The per-VMA refusals of madvise_vma_behavior() and friends. */
    private long check(Vma v, Advice a) {
        switch (a) {
            case DONTNEED, FREE:
                // madvise_dontneed_free_valid_vma(); madvise_free_single_vma() takes anonymous memory only
                if (v.has(VmFlags.LOCKED) || v.has(VmFlags.PFNMAP)) return Errno.EINVAL.ret();
                if (a == Advice.FREE && !v.isAnonymous()) return Errno.EINVAL.ret();
                return 0;
            case REMOVE:
                // madvise_remove(): a file to punch a hole in, mapped shared by an opener that may write
                // (vma_is_shared_maywrite()); a read-only shared mapping of such a file passes
                if (v.has(VmFlags.LOCKED)) return Errno.EINVAL.ret();
                if (v.file() == null) return Errno.EINVAL.ret();
                if (!v.has(VmFlags.SHARED) || !v.has(VmFlags.MAYWRITE)) return Errno.EACCES.ret();
                return 0;
            case DOFORK:
                return v.has(VmFlags.IO) ? Errno.EINVAL.ret() : 0;
            case WIPEONFORK:
                return v.file() != null || v.has(VmFlags.SHARED) ? Errno.EINVAL.ret() : 0;
            case DODUMP:
                return (v.flags() & VmaEdit.VM_SPECIAL) != 0 && !v.has(VmFlags.DONTDUMP)
                    ? Errno.EINVAL.ret() : 0;
            default:
                return 0;
        }
    }

    /** The vm_flags an advice leaves (madvise_vma_behavior()). */
    private static long newFlags(long f, Advice a) {
        return switch (a) {
            case NORMAL -> f & ~(VmFlags.SEQ_READ | VmFlags.RAND_READ);
            case SEQUENTIAL -> (f & ~VmFlags.RAND_READ) | VmFlags.SEQ_READ;
            case RANDOM -> (f & ~VmFlags.SEQ_READ) | VmFlags.RAND_READ;
            case DONTFORK -> f | VmFlags.DONTCOPY;
            case DOFORK -> f & ~VmFlags.DONTCOPY;
            case WIPEONFORK -> f | VmFlags.WIPEONFORK;
            case KEEPONFORK -> f & ~VmFlags.WIPEONFORK;
            case DONTDUMP -> f | VmFlags.DONTDUMP;
            case DODUMP -> f & ~VmFlags.DONTDUMP;
            // ksm_madvise(): shared, special and hugetlb mappings are silently left alone
            case MERGEABLE -> (f & (VmaEdit.VM_SPECIAL | VmFlags.HUGETLB | VmFlags.SHARED | VmFlags.MAYSHARE)) != 0
                ? f : f | VmFlags.MERGEABLE;
            case UNMERGEABLE -> f & ~VmFlags.MERGEABLE;
            case HUGEPAGE -> (f & ~VmFlags.NOHUGEPAGE) | VmFlags.HUGEPAGE;
            case NOHUGEPAGE -> (f & ~VmFlags.HUGEPAGE) | VmFlags.NOHUGEPAGE;
            default -> f;
        };
    }

    /** The advices that act on pages rather than flags. */
    private void pageEffect(Vma v, long s, long e, Advice a) {
        switch (a) {
            case DONTNEED -> kernel.pages().zap(mm, v, s, e, ev);
            // madvise_free_single_vma(): the pages stay mapped, marked lazyfree; reclaim may drop them later
            case FREE -> kernel.pages().lazyFree(mm, v, s, e, ev);
            // madvise_remove() → vfs_fallocate(PUNCH_HOLE) at the file offset the range maps
            case REMOVE -> kernel.pages().punchHole(v.file(), v.linearPageIndex(s), v.linearPageIndex(e), ev);
            // madvise_cold_or_pageout_pte_range() → reclaim_pages(): what a machine without swap can reclaim
            case PAGEOUT -> kernel.pages().pageout(mm, v, s, e, ev);
            // MADV_WILLNEED only starts read-ahead into the page cache (not modelled): no PTE, no fault
            default -> { }
        }
    }
}
