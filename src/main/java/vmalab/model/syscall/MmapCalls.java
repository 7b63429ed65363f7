package vmalab.model.syscall;

import java.util.List;

import java.util.function.Consumer;
import vmalab.model.Kernel;
import vmalab.model.event.Narration;
import vmalab.model.event.Sentence;
import vmalab.model.event.SimEvent;
import vmalab.model.fs.SimFile;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.model.mm.VmaRef;
import vmalab.model.mm.VmFlags;

/** mmap(), munmap(), brk() and mremap() on one address space (mm/mmap.c, mm/mremap.c). */
final class MmapCalls {
    /** /proc/sys/vm/mmap_min_addr's default. */
    static final long MMAP_MIN_ADDR = 65536;
    /** RLIMIT_STACK's usual soft limit, 8 MiB. */
    static final long STACK_RLIMIT = 8L << 20;

    private final Kernel kernel;
    private final Mm mm;
    private final Consumer<SimEvent> ev;
    private final VmaEdit edit;

    MmapCalls(Kernel kernel, Mm mm, Consumer<SimEvent> ev) {
        this.kernel = kernel;
        this.mm = mm;
        this.ev = ev;
        this.edit = new VmaEdit(mm, kernel.pages(), ev);
    }

    VmaEdit edit() {
        return edit;
    }

    /**
     * mm/util.c: __vm_enough_memory() under the default OVERCOMMIT_GUESS: a charge of more pages than
     * totalram_pages() + total_swap_pages is refused (-ENOMEM); anything smaller passes, however much is
     * charged already. Checked on 6.18: mmap of 30 GiB rw-p private anonymous on a 24 GiB machine without swap
     * fails with ENOMEM, r--p of the same size succeeds, sbrk(30 GiB) fails.
     */
    static boolean vmEnoughMemory(Kernel kernel, long pages, Consumer<SimEvent> ev) {
        long limit = kernel.pages().totalRamPages();
        if (Long.compareUnsigned(pages, limit) <= 0) return true;
        ev.accept(new Narration(Sentence.VM_ENOUGH_MEMORY, pages, limit));
        return false;
    }

    /** The VM_ACCOUNT pages of the VMAs in [start, end): what a MAP_FIXED mapping over them uncharges. */
    private long accountedIn(long start, long end) {
        long n = 0;
        for (Vma v : mm.vmas()) {
            if (!v.has(VmFlags.ACCOUNT)) continue;
            long s = Long.compareUnsigned(v.start(), start) > 0 ? v.start() : start;
            long e = Long.compareUnsigned(v.end(), end) < 0 ? v.end() : end;
            if (Long.compareUnsigned(s, e) < 0) n += (e - s) >>> Vma.PAGE_SHIFT;
        }
        return n;
    }

    long taskSize() {
        return mm.profile().taskSize();
    }

    /**
     * get_unmapped_area(): MAP_FIXED takes addr as it is; a hint is used when the range and the guard gaps
     * around it are free; else the layout's search (top-down below mmap_base, falling back to bottom-up, as
     * arch_get_unmapped_area_topdown() does; or bottom-up from TASK_UNMAPPED_BASE on the legacy layout).
     */
    long getUnmappedArea(long addr, long len, boolean fixed) {
        long ts = taskSize();
        if (Long.compareUnsigned(len, ts) > 0) return Errno.ENOMEM.ret();
        if (fixed) {
            if ((addr & (Vma.PAGE_SIZE - 1)) != 0) return Errno.EINVAL.ret();
            if (Long.compareUnsigned(addr, ts - len) > 0) return Errno.ENOMEM.ret();
            return addr;
        }
        if (addr != 0) {
            addr = VmaEdit.pageAlign(addr);
            if (Long.compareUnsigned(ts - len, addr) >= 0 && Long.compareUnsigned(addr, MMAP_MIN_ADDR) >= 0) {
                Vma next = mm.findVma(addr);
                VmaRef prevNode = mm.findVmaPrev(addr);
                Vma prev = prevNode == null ? null : prevNode.vma();
                boolean nextOk = next == null || Long.compareUnsigned(addr + len, Mm.startGap(next)) <= 0;
                boolean prevOk = prev == null || Long.compareUnsigned(addr, prev.end()) >= 0;
                if (nextOk && prevOk) return addr;
            }
        }
        long low = Math.max(Vma.PAGE_SIZE, MMAP_MIN_ADDR);
        long found;
        if (mm.profile().classic()) {
            found = edit.findGap(len, mm.mmapBase(), ts, false);
        } else {
            found = edit.findGap(len, low, mm.mmapBase(), true);
            if (found < 0) found = edit.findGap(len, mm.profile().taskSize() / 3, ts, false);
        }
        return found < 0 ? Errno.ENOMEM.ret() : found;
    }

    /** The request of an mmap() call, after the syscall's argument checks. */
    record Request(long addr, long len, int prot, boolean shared, SimFile file, long offset, boolean fixed,
                   boolean noReplace, boolean growsDown, boolean noReserve, boolean populate, String name) { }

    /** do_mmap() + mmap_region(): returns the address, or -errno with nothing changed. */
    long mmap(Request r) {
        if ((r.offset() & (Vma.PAGE_SIZE - 1)) != 0) return Errno.EINVAL.ret();
        if (r.len() == 0) return Errno.EINVAL.ret();
        long len = VmaEdit.pageAlign(r.len());
        if (len == 0) return Errno.ENOMEM.ret();
        // do_mmap(): MAP_GROWSDOWN only on private anonymous memory: a file mapping (private or shared) and shared
        // anonymous memory are -EINVAL ("if (vm_flags & (VM_GROWSDOWN|VM_GROWSUP)) return -EINVAL;"); a file
        // mapping that grew down would reach below file offset 0
        if (r.growsDown() && (r.file() != null || r.shared())) return Errno.EINVAL.ret();
        if (mm.mapCount() > kernel.maxMapCount()) return Errno.ENOMEM.ret();
        boolean fixed = r.fixed() || r.noReplace();
        long hint = r.addr();
        if (!fixed && hint != 0 && Long.compareUnsigned(hint, MMAP_MIN_ADDR) < 0) hint = MMAP_MIN_ADDR;
        long addr = getUnmappedArea(hint, len, fixed);
        if (addr < 0 && addr > -4096) return addr;
        if (r.noReplace() && mm.overlaps(addr, addr + len)) return Errno.EEXIST.ret();
        if (r.file() != null && !fileMmapOk(r.offset() >>> Vma.PAGE_SHIFT, len)) return Errno.EOVERFLOW.ret();
        // calc_vm_prot_bits() | calc_vm_flag_bits() | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC
        long flags = VmFlags.fromProt(r.prot()) | VmFlags.MAY_RWX;
        if (r.growsDown()) flags |= VmFlags.GROWSDOWN;
        long pgoff;
        SimFile file = r.file();
        if (file != null) {
            pgoff = r.offset() >>> Vma.PAGE_SHIFT;
            if (r.shared()) flags |= VmFlags.SHARED | VmFlags.MAYSHARE;
        } else if (r.shared()) {
            pgoff = 0;
            flags |= VmFlags.SHARED | VmFlags.MAYSHARE;
        } else {
            pgoff = mm.profile().classic() ? 0 : addr >>> Vma.PAGE_SHIFT;
        }
        if (r.noReserve()) flags |= VmFlags.NORESERVE;
        // mmap_region(): unmapping what MAP_FIXED covers must not need more VMAs than allowed
        if (fixed && edit.extraVmasToUnmap(addr, addr + len) > 0 && mm.mapCount() >= kernel.maxMapCount()) {
            return Errno.ENOMEM.ret();
        }
        // __mmap_prepare(): accountable_mapping(): private writable memory is charged against the commit
        // limit before anything is unmapped, less what the mappings it replaces were charged
        if ((flags & (VmFlags.NORESERVE | VmFlags.SHARED | VmFlags.WRITE)) == VmFlags.WRITE) {
            long charged = (len >>> Vma.PAGE_SHIFT) - (fixed ? accountedIn(addr, addr + len) : 0);
            if (charged > 0 && !vmEnoughMemory(kernel, charged, ev)) return Errno.ENOMEM.ret();
            flags |= VmFlags.ACCOUNT;
        }
        ev.accept(new Narration(Sentence.GET_UNMAPPED_AREA, len, addr));
        edit.unmap(addr, addr + len);
        if (file == null && r.shared()) {
            // shmem_zero_setup(): shared anonymous memory is a deleted shmem file, one per mapping
            file = kernel.fs().add(new SimFile("/dev/zero (deleted)", len, 0, 1,
                nextShmemInode()));
        }
        Vma merged = r.name() == null ? edit.merge(addr, addr + len, flags, file, pgoff, 0, null) : null;
        if (merged == null) {
            mm.link(new Vma(addr, addr + len, flags, pgoff, file, 0, r.name()), ev);
            ev.accept(new Narration(Sentence.MMAP_REGION, addr, addr + len, flags));
        }
        return addr;
    }

    /** MAX_LFS_FILESIZE on 64 bits (LLONG_MAX), the largest offset a regular file (or shmem) has. */
    private static final long MAX_LFS_FILESIZE = Long.MAX_VALUE;

    /**
     * mm/mmap.c: file_mmap_ok() with file_mmap_size_max() of a regular file: the mapping's last byte must lie
     * within MAX_LFS_FILESIZE, else do_mmap() returns -EOVERFLOW. (Its other check, that pgoff plus the
     * length in pages does not wrap, cannot fail on 64 bits: an offset in pages has 52 bits.)
     */
    private static boolean fileMmapOk(long pgoff, long len) {
        if (Long.compareUnsigned(len, MAX_LFS_FILESIZE) > 0) return false;
        long maxsize = MAX_LFS_FILESIZE - len;
        return Long.compareUnsigned(pgoff, maxsize >>> Vma.PAGE_SHIFT) <= 0;
    }

    private long nextShmemInode() {
        long max = 0;
        for (SimFile f : kernel.fs().files()) {
            if (f.devMajor() == 0 && f.devMinor() == 1) max = Math.max(max, f.inode());
        }
        return max == 0 ? 2048 : max + 1;
    }

    /** __vm_munmap(): 0, or -EINVAL for a bad range, -ENOMEM when a split would pass max_map_count. */
    long munmap(long start, long len) {
        long ts = taskSize();
        if ((start & (Vma.PAGE_SIZE - 1)) != 0 || Long.compareUnsigned(start, ts) > 0
                || Long.compareUnsigned(len, ts - start) > 0) {
            return Errno.EINVAL.ret();
        }
        len = VmaEdit.pageAlign(len);
        if (len == 0) return Errno.EINVAL.ret();
        if (edit.extraVmasToUnmap(start, start + len) > 0 && mm.mapCount() >= kernel.maxMapCount()) {
            return Errno.ENOMEM.ret();
        }
        edit.unmap(start, start + len);
        return 0;
    }

    /**
     * sys_brk() (mm/mmap.c): below start_brk, into the next mapping's guard gap, or out of VMAs, the break stays
     * and the old one is returned; shrinking unmaps the freed pages; growing extends the heap VMA
     * (do_brk_flags()) without touching memory.
     */
    long brk(long requested) {
        long origBrk = mm.brk();
        if (Long.compareUnsigned(requested, mm.startBrk()) < 0) return origBrk;
        long newBrk = VmaEdit.pageAlign(requested);
        long oldBrk = VmaEdit.pageAlign(origBrk);
        if (oldBrk == newBrk) {
            mm.setBrk(requested, ev);
            return requested;
        }
        if (Long.compareUnsigned(requested, origBrk) <= 0) {
            if (edit.extraVmasToUnmap(newBrk, oldBrk) > 0 && mm.mapCount() >= kernel.maxMapCount()) return origBrk;
            ev.accept(new Narration(Sentence.BRK_SHRINK, requested));
            edit.unmap(newBrk, oldBrk);
            mm.setBrk(requested, ev);
            return requested;
        }
        if (Long.compareUnsigned(newBrk, taskSize()) > 0) return origBrk;
        Vma next = mm.findVma(oldBrk);
        if (next != null && Long.compareUnsigned(newBrk + Vma.PAGE_SIZE, Mm.startGap(next)) > 0) return origBrk;
        if (mm.mapCount() > kernel.maxMapCount()) return origBrk;
        // do_brk_flags(): security_vm_enough_memory_mm() for the pages the break grows by
        if (!vmEnoughMemory(kernel, (newBrk - oldBrk) >>> Vma.PAGE_SHIFT, ev)) return origBrk;
        // do_brk_flags(): VM_DATA_DEFAULT_FLAGS | VM_ACCOUNT, extending the heap VMA when it ends at the old break
        long flags = VmFlags.READ | VmFlags.WRITE | VmFlags.MAY_RWX | VmFlags.ACCOUNT;
        VmaRef prevNode = mm.findVmaPrev(oldBrk);
        Vma prev = prevNode == null ? null : prevNode.vma();
        long pgoff = mm.profile().classic() ? 0 : oldBrk >>> Vma.PAGE_SHIFT;
        ev.accept(new Narration(Sentence.DO_BRK_FLAGS, newBrk));
        if (prev != null && prev.end() == oldBrk && Long.compareUnsigned(prev.start(), mm.startBrk()) >= 0
                && VmaEdit.mergeable(mm, prev, flags, null, 0, null)) {
            mm.adjust(prevNode, prev.withRange(prev.start(), newBrk, prev.pgoff()), ev);
        } else {
            mm.link(new Vma(oldBrk, newBrk, flags, pgoff, null, 0, null), ev);
        }
        mm.setBrk(requested, ev);
        return requested;
    }

    /** sys_mremap() without MREMAP_FIXED: shrink in place, grow in place, or move with MREMAP_MAYMOVE. */
    long mremap(long addr, long oldLen, long newLen, boolean mayMove) {
        if ((addr & (Vma.PAGE_SIZE - 1)) != 0) return Errno.EINVAL.ret();
        oldLen = VmaEdit.pageAlign(oldLen);
        newLen = VmaEdit.pageAlign(newLen);
        if (newLen == 0) return Errno.EINVAL.ret();
        // check_mremap_params(): is the new length silly?
        if (Long.compareUnsigned(newLen, taskSize()) > 0) return Errno.EINVAL.ret();
        Vma vma = mm.vmaAt(addr);
        if (vma == null) return Errno.EFAULT.ret();
        // check_prep_vma() (vma_to_resize() before 6.16): old_len 0 duplicates a shared mapping (the DOS-emu
        // "duplicate shm area" case); a private one cannot be duplicated
        if (oldLen == 0 && !vma.has(VmFlags.SHARED) && !vma.has(VmFlags.MAYSHARE)) return Errno.EINVAL.ret();
        if (Long.compareUnsigned(oldLen, newLen) >= 0) {
            if (oldLen > newLen) {
                long r = munmap(addr + newLen, oldLen - newLen);
                if (r < 0) return r;
            }
            return addr;
        }
        // vma_to_resize()
        if (Long.compareUnsigned(oldLen, vma.end() - addr) > 0) return Errno.EFAULT.ret();
        if (vma.has(VmFlags.DONTEXPAND) || vma.has(VmFlags.PFNMAP)) return Errno.EFAULT.ret();
        long delta = newLen - oldLen;
        if (oldLen == vma.end() - addr) {
            long end = vma.end() + delta;
            if (Long.compareUnsigned(end, vma.end()) > 0 && Long.compareUnsigned(end, taskSize()) <= 0
                    && !mm.overlaps(vma.end(), end)) {
                // vma_expandable(): grow in place (vma_merge() may join the next VMA)
                VmaRef node = mm.findVmaRef(addr);
                ev.accept(new Narration(Sentence.VMA_EXPANDABLE, end));
                Vma grown = vma.withRange(vma.start(), end, vma.pgoff());
                VmaRef next = node.next();
                if (next != null && next.vma().start() == end
                        && VmaEdit.mergeable(mm, next.vma(), vma.flags(), vma.file(), vma.anonVma(), vma.name())
                        && edit.contiguous(grown.pgoff() + grown.pages(), next.vma().pgoff(), vma.file())) {
                    Vma nx = next.vma();
                    mm.merge(node, vma.withRange(vma.start(), nx.end(), vma.pgoff()), List.of(next), null, null, ev);
                    return addr;
                }
                mm.adjust(node, grown, ev);
                return addr;
            }
        }
        if (!mayMove) return Errno.ENOMEM.ret();
        // move_vma(): needs room for up to three more VMAs
        if (mm.mapCount() >= kernel.maxMapCount() - 3) return Errno.ENOMEM.ret();
        long newAddr = getUnmappedArea(0, newLen, false);
        if (newAddr < 0 && newAddr > -4096) return newAddr;
        long newPgoff = vma.pgoff() + ((addr - vma.start()) >>> Vma.PAGE_SHIFT);
        ev.accept(new Narration(Sentence.MOVE_VMA, addr, addr + oldLen, newAddr));
        // copy_vma(): the moved range may merge with a neighbour at its new place
        Vma moved = edit.merge(newAddr, newAddr + newLen, vma.flags(), vma.file(), newPgoff, vma.anonVma(),
            vma.name());
        if (moved == null) {
            mm.link(new Vma(newAddr, newAddr + newLen, vma.flags(), newPgoff, vma.file(), vma.anonVma(),
                vma.name()), ev);
        }
        kernel.pages().move(mm, addr, newAddr, oldLen, ev);
        edit.unmap(addr, addr + oldLen);
        return newAddr;
    }
}
