package vmalab.model.fault;

import java.util.function.Consumer;
import vmalab.model.event.SimEvent;
import vmalab.model.fs.SimFile;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Task;
import vmalab.model.mm.Vma;

/**
 * The physical side of memory as the virtual side sees it: what happens to pages and page tables when VMAs
 * change. The VMA code calls these at the points where the kernel would (zap_page_range() from munmap and
 * madvise, handle_mm_fault() from the fault path, copy_page_range() from fork, move_page_tables() from mremap).
 */
public interface PageBackend {
    /**
     * The outcome of handle_mm_fault() for one page: OK a minor fault, MAJOR one that read the page from disk
     * (VM_FAULT_MAJOR), NO_FAULT nothing to do, SIGBUS and OOM the VM_FAULT_ERROR cases.
     */
    enum FaultOutcome { OK, MAJOR, NO_FAULT, SIGBUS, OOM }

    /** handle_mm_fault() for one page of a VMA whose access check passed. */
    FaultOutcome handleFault(Task task, Vma vma, long addr, char access, Consumer<SimEvent> ev);

    /** Whether a page of this mm is mapped by a present PTE (no fault needed for a read). */
    boolean isPresent(Mm mm, long addr);

    /** zap_page_range(): drop every page of [start, end) of the VMA (munmap, MADV_DONTNEED, brk shrink). */
    void zap(Mm mm, Vma vma, long start, long end, Consumer<SimEvent> ev);

    /** free_pgtables() for a range left with no VMA. */
    void freeTables(Mm mm, long start, long end, Consumer<SimEvent> ev);

    /** copy_page_range() for one VMA at fork: child's PTEs share the frames, private ones write-protected. */
    void forkCopy(Mm parent, Mm child, Vma vma, Consumer<SimEvent> ev);

    /** move_page_tables(): mremap moved [oldStart, oldStart+len) to newStart. */
    void move(Mm mm, long oldStart, long newStart, long len, Consumer<SimEvent> ev);

    /** A new mm gets its page-global directory (mm_alloc → pgd_alloc). */
    void newMm(Mm mm, Consumer<SimEvent> ev);

    /** exit_mmap(): after every VMA is gone, the tables themselves. */
    void dropMm(Mm mm, Consumer<SimEvent> ev);

    /** A deep copy bound to nothing else (for checkpoints). */
    PageBackend copy();

    /**
     * The MMU's walk for one access, before any fault: true when the present PTE allows it (the CPU then sets
     * Accessed, and Dirty on a write), false when the access would fault. The default allows reads of present
     * pages only.
     */
    default boolean hardwareAccess(Mm mm, long addr, char access, Consumer<SimEvent> ev) {
        return access == 'r' && isPresent(mm, addr);
    }

    /**
     * change_protection() for [start, end) of a VMA whose flags mprotect() just changed ({@code vma} is the
     * VMA after the change): its PTEs take the new protection.
     */
    default void changeProtection(Mm mm, Vma vma, long start, long end, Consumer<SimEvent> ev) {
    }

    /** totalram_pages() + total_swap_pages for __vm_enough_memory(): the managed frames (no swap). */
    default long totalRamPages() {
        return Long.MAX_VALUE;
    }

    /** oom_badness() of an mm: its RSS plus its page tables, in pages. */
    default long oomBadness(Mm mm) {
        return 0;
    }

    /** MADV_FREE on [start, end) of an anonymous VMA: madvise_free_pte_range(). Default: drop the pages. */
    default void lazyFree(Mm mm, Vma vma, long start, long end, Consumer<SimEvent> ev) {
        zap(mm, vma, start, end, ev);
    }

    /**
     * MADV_REMOVE's vfs_fallocate(FALLOC_FL_PUNCH_HOLE) on pages [from, to) of a file: the pages leave every
     * mapping and the page cache (truncate_pagecache_range()).
     */
    default void punchHole(SimFile file, long from, long to, Consumer<SimEvent> ev) {
    }

    /** MADV_PAGEOUT on [start, end) of a VMA: reclaim what a machine without swap can. Default: nothing. */
    default void pageout(Mm mm, Vma vma, long start, long end, Consumer<SimEvent> ev) {
    }

    /** A file was written ({@code file NAME SIZE}): its pages are in the page cache unless {@code cold}. */
    default void fileWritten(SimFile file, boolean cold) {
    }

    /** No physical memory at all: every fault succeeds and nothing is remembered. Used until paging is wired in. */
    final class None implements PageBackend {
        @Override public FaultOutcome handleFault(Task t, Vma v, long a, char c, Consumer<SimEvent> ev) {
            return FaultOutcome.NO_FAULT;
        }
        @Override public boolean isPresent(Mm mm, long addr) { return false; }
        @Override public void zap(Mm mm, Vma vma, long s, long e, Consumer<SimEvent> ev) { }
        @Override public void freeTables(Mm mm, long s, long e, Consumer<SimEvent> ev) { }
        @Override public void forkCopy(Mm p, Mm c, Vma v, Consumer<SimEvent> ev) { }
        @Override public void move(Mm mm, long o, long n, long l, Consumer<SimEvent> ev) { }
        @Override public void newMm(Mm mm, Consumer<SimEvent> ev) { }
        @Override public void dropMm(Mm mm, Consumer<SimEvent> ev) { }
        @Override public PageBackend copy() { return this; }
    }
}
