package vmalab.model.syscall;

import vmalab.model.fault.PageBackend.FaultOutcome;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.model.mm.VmaRef;
import vmalab.model.mm.VmFlags;

/**
 * Faulting pages in ahead of use through get_user_pages(): MAP_POPULATE (mm/gup.c: __mm_populate() →
 * populate_vma_page_range()) and MADV_POPULATE_READ/WRITE (mm/madvise.c: madvise_populate() →
 * faultin_page_range()). Neither raises a signal: a fault that would end in SIGBUS ends the walk instead.
 */
final class Populate {
    private final Mm mm;
    private final FaultPath faults;

    Populate(Mm mm, FaultPath faults) {
        this.mm = mm;
        this.faults = faults;
    }

    /**
     * __mm_populate(start, len, ignore_errors = 1) after mmap(MAP_POPULATE): each VMA of the range in turn
     * (VM_IO and VM_PFNMAP skipped); a VMA's error (a page past EOF, an inaccessible VMA) moves on to the next
     * VMA, and the mmap still succeeds. Only the OOM killer stops it.
     */
    void mmPopulate(long start, long len) {
        long end = start + len;
        long nstart = start;
        while (Long.compareUnsigned(nstart, end) < 0) {
            VmaRef n = mm.findVmaRef(nstart);
            if (n == null || Long.compareUnsigned(n.vma().start(), end) >= 0) return;
            Vma vma = n.vma();
            long nend = Long.compareUnsigned(vma.end(), end) < 0 ? vma.end() : end;
            if ((vma.flags() & (VmFlags.IO | VmFlags.PFNMAP)) == 0) {
                if (Long.compareUnsigned(nstart, vma.start()) < 0) nstart = vma.start();
                populateVmaPageRange(vma, nstart, nend);
                if (faults.killed()) return;
            }
            nstart = nend;
        }
    }

    /**
     * populate_vma_page_range(): a write fault for a writable private mapping (to break COW), else a read with
     * FOLL_FORCE, which only an accessible VMA gets (vma_is_accessible()): a PROT_NONE mapping fails
     * check_vma_flags() and populates nothing. VM_LOCKONFAULT populates nothing either.
     */
    private void populateVmaPageRange(Vma vma, long start, long end) {
        if (vma.has(VmFlags.LOCKONFAULT) || !vma.has(VmFlags.ACCESS)) return;
        char access = (vma.flags() & (VmFlags.WRITE | VmFlags.SHARED)) == VmFlags.WRITE ? 'w' : 'r';
        for (long p = start; Long.compareUnsigned(p, end) < 0; p += Vma.PAGE_SIZE) {
            FaultOutcome out = faults.populatePage(vma, p, access);
            // __get_user_pages() returns the pages done before the first error
            if (out == FaultOutcome.SIGBUS || out == FaultOutcome.OOM) return;
        }
    }

    /**
     * madvise_populate(): faultin_page_range() over [start, end) page by page, VMA after VMA, without
     * FOLL_FORCE. The first failure ends the call: -ENOMEM where no VMA is (or out of memory), -EINVAL for a
     * VMA check_vma_flags() refuses (VM_IO/VM_PFNMAP, PROT_NONE or unreadable for READ, not writable for
     * WRITE), -EFAULT for a fault that would raise SIGBUS (past EOF). The pages before it stay populated.
     */
    long madvisePopulate(long start, long end, boolean write) {
        for (long p = start; Long.compareUnsigned(p, end) < 0; ) {
            Vma vma = mm.vmaAt(p);
            if (vma == null) return Errno.ENOMEM.ret();
            if (!gupAllows(vma, write)) return Errno.EINVAL.ret();
            long stop = Long.compareUnsigned(vma.end(), end) < 0 ? vma.end() : end;
            for (; Long.compareUnsigned(p, stop) < 0; p += Vma.PAGE_SIZE) {
                FaultOutcome out = faults.populatePage(vma, p, write ? 'w' : 'r');
                if (out == FaultOutcome.SIGBUS) return Errno.EFAULT.ret();
                if (out == FaultOutcome.OOM) return Errno.ENOMEM.ret();
            }
        }
        return 0;
    }

    /** mm/gup.c: check_vma_flags() without FOLL_FORCE. */
    private static boolean gupAllows(Vma vma, boolean write) {
        if ((vma.flags() & (VmFlags.IO | VmFlags.PFNMAP)) != 0) return false;
        return write ? vma.has(VmFlags.WRITE) : vma.has(VmFlags.READ);
    }
}
