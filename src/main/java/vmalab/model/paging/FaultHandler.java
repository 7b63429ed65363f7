package vmalab.model.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import vmalab.model.event.BulkCounts;
import vmalab.model.event.EventSink;
import vmalab.model.event.Narration;
import vmalab.model.event.Sentence;
import vmalab.model.event.SimEvent;
import vmalab.model.fault.FaultEvent;
import vmalab.model.fault.FaultEvent.Kind;
import vmalab.model.fault.PageBackend.FaultOutcome;
import vmalab.model.mm.AnonVmas;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Task;
import vmalab.model.mm.Vma;
import vmalab.model.mm.VmaRef;
import vmalab.model.mm.VmFlags;

/**
 * handle_mm_fault() for one page whose VMA check passed (mm/memory.c, Linux 6.x): __handle_mm_fault() makes the
 * missing table levels, handle_pte_fault() picks the path: do_anonymous_page(), do_fault() (do_read_fault()
 * with do_fault_around(), do_cow_fault(), do_shared_fault()) or do_wp_page() (wp_page_reuse(),
 * wp_page_copy(), wp_page_shared()).
 */
final class FaultHandler {
    /** fault_around_bytes = 64 KiB: 16 pages. */
    static final int FAULT_AROUND_PAGES = 16;
    /** file_ra_state.ra_pages: read_ahead_kb = 128 (this machine's block devices), 32 pages. */
    static final int RA_PAGES = 32;

    private final MemoryState m;
    private final Task task;
    private final Mm mm;
    private final MmState st;
    private final Consumer<SimEvent> ev;
    /** Null when every event is wanted; else the summary's counters (no per-fault events are built). */
    private final BulkCounts counts;
    private final boolean detailed;
    /** __pte_alloc() and friends for this mm and sink: made once per handler, not once per fault. */
    private PageTables.Allocator tableAlloc;

    FaultHandler(MemoryState m, Task task, Consumer<SimEvent> ev) {
        this.m = m;
        this.task = task;
        this.mm = task.mm();
        this.st = m.state(mm);
        this.ev = ev;
        this.counts = EventSink.counts(ev);
        this.detailed = counts == null;
    }

    /**
     * Whether this handler is the one for faults of task reported to ev in m. A capped sink stops wanting detail
     * part-way through a run of faults, so the detail it was made for must still hold.
     */
    boolean servesFor(MemoryState m, Task task, Consumer<SimEvent> ev) {
        return this.m == m && this.task == task && this.ev == ev && task.mm() == mm
            && EventSink.counts(ev) == counts;
    }

    MmState state() {
        return st;
    }

    /** vm_get_page_prot() on x86: what a read fault maps. Private mappings never get R/W (PAGE_COPY). */
    static long protBits(Vma vma, boolean hasNx) {
        long b = Pte.PRESENT | Pte.USER;
        if (vma.has(VmFlags.WRITE) && vma.isShared() && !writenotify(vma)) b |= Pte.RW;
        return b | (hasNx && !vma.has(VmFlags.EXEC) ? Pte.NX : 0);
    }

    private long protBits(Vma vma) {
        return protBits(vma, mm.profile().hasNx());
    }

    /**
     * change_pte_range()'s new entry for a mapped PTE under the VMA's (new) protection: a VMA without access
     * gets PAGE_NONE (_PAGE_PROTNONE, not present to the MMU, the frame kept); else vm_page_prot, and an
     * exclusive anonymous page or a dirty shared page may be made writable at once
     * (can_change_pte_writable()). The lab's COW mark follows.
     */
    static long reprotect(MemoryState m, Vma vma, long raw, boolean hasNx) {
        if (!Pte.isMapped(raw)) return raw;
        long keep = raw & (Pte.PFN_MASK | Pte.ACCESSED | Pte.DIRTY | Pte.SPECIAL | Pte.ZERO);
        if (!vma.has(VmFlags.ACCESS)) return keep | Pte.PROTNONE;
        long now = keep | protBits(vma, hasNx);
        if (vma.has(VmFlags.WRITE) && (now & Pte.RW) == 0) {
            boolean exclusiveAnon = !vma.isShared() && MemoryState.normal(raw) && m.exclusiveAnon(Pte.pfn(raw));
            boolean dirtyShared = vma.isShared() && (raw & Pte.DIRTY) != 0;
            if (exclusiveAnon || dirtyShared) now |= Pte.RW;
            else if (!vma.isShared()) now |= Pte.COW;
        }
        return now;
    }

    /** maybe_mkwrite(pte_mkdirty()): what a write fault maps; the CPU's retried access sets Accessed. */
    long writeBits(Vma vma) {
        return Pte.PRESENT | Pte.USER | Pte.RW | Pte.DIRTY | Pte.ACCESSED | nx(vma);
    }

    private long nx(Vma vma) {
        return mm.profile().hasNx() && !vma.has(VmFlags.EXEC) ? Pte.NX : 0;
    }

    /** The lab's marker for a read-only page a write will copy: a private writable mapping's shared page. */
    private static long cowMark(Vma vma) {
        return vma.has(VmFlags.WRITE) && !vma.isShared() ? Pte.COW : 0;
    }

    /**
     * vma_wants_writenotify(): a shared writable file mapping whose filesystem tracks dirty pages maps pages
     * read-only so the first write faults (shmem does not: it has no writeback).
     */
    static boolean writenotify(Vma vma) {
        return vma.isShared() && vma.file() != null && !FileKey.isShmem(vma.file());
    }

    /** Whether the CPU lets this access through the entry without a fault. */
    static boolean allows(long raw, char access) {
        if (!Pte.isPresent(raw)) return false;
        if (access == 'w') return (raw & Pte.RW) != 0;
        if (access == 'x') return (raw & Pte.NX) == 0;
        return true;
    }

    /** The VMA as the tree holds it now (an earlier fault may have given it an anon_vma). */
    private Vma current(Vma given, long addr) {
        VmaRef n = mm.findVmaRef(addr);
        return n != null && n.vma().contains(addr) ? n.vma() : given;
    }

    FaultOutcome handle(Vma given, long addr, char access) {
        long page = addr & -Vma.PAGE_SIZE;
        Vma vma = current(given, page);
        boolean write = access == 'w';
        long raw = st.tables.get(page);
        if (allows(raw, access)) {
            young(page, raw, write);
            return FaultOutcome.NO_FAULT;
        }
        if (detailed) {
            ev.accept(new Narration(Sentence.HANDLE_MM_FAULT, access, addr, 0, 0, vma));
            ev.accept(new PagingEvent.Walk(mm.id(), page, st.tables.walk(page)));
            ev.accept(new Narration(Sentence.HANDLE_MM_FAULT_WALK));
        }
        if (tableAlloc == null) tableAlloc = m.tableAllocator(st, ev);
        PageTable leaf = st.tables.ensureLeaf(page, tableAlloc);
        if (leaf == null) return FaultOutcome.OOM;
        int idx = st.tables.format.leaf().index(page);
        raw = leaf.entries[idx];
        if (Pte.isMapped(raw)) {
            if (!allows(raw, access == 'w' ? 'r' : access)) {
                // the entry is older than the VMA's protection (mprotect without change_protection())
                long fixed = reprotect(m, vma, raw, mm.profile().hasNx());
                if (detailed) ev.accept(new Narration(Sentence.PTE_PROT_UPDATE));
                m.setPte(st, leaf, idx, page, fixed, ev);
                raw = fixed;
            }
            if (write && (raw & Pte.RW) == 0) return doWpPage(vma, leaf, idx, page, raw);
            if (detailed) ev.accept(new Narration(Sentence.PTE_SPURIOUS));
            young(page, raw, write);
            return FaultOutcome.NO_FAULT;
        }
        if (detailed) ev.accept(new Narration(Sentence.PTE_NONE, vma.isAnonymous() ? 1 : 0));
        if (vma.isAnonymous() && vma.name() != null && vma.vmOps() != null) {
            return specialFault(vma, leaf, idx, page, access);
        }
        if (vma.isAnonymous()) return doAnonymousPage(vma, leaf, idx, page, write);
        return doFault(vma, leaf, idx, page, write);
    }

    /** The CPU's walk found the entry good: it sets Accessed, and Dirty on a write. */
    private void young(long page, long raw, boolean write) {
        long now = raw | Pte.ACCESSED | (write ? Pte.DIRTY : 0);
        if (now == raw) return;
        PageTable leaf = st.tables.leaf(page);
        m.setPte(st, leaf, st.tables.format.leaf().index(page), page, now, ev);
    }

    private void fault(long page, char access, Kind kind) {
        if (detailed) ev.accept(new FaultEvent.PageFault(mm.id(), task.pid(), page, access, kind));
        else counts.fault(kind);
    }

    /** anon_vma_prepare(): the first anonymous page of a VMA gives it an anon_vma. */
    private void anonVmaPrepare(long page) {
        VmaRef n = mm.findVmaRef(page);
        if (n == null || !n.vma().contains(page) || n.vma().anonVma() != 0) return;
        long id = AnonVmas.prepare(mm, n);
        if (detailed) ev.accept(new Narration(Sentence.ANON_VMA_PREPARE, id));
        mm.adjust(n, n.vma().withAnonVma(id), ev);
    }

    /** do_anonymous_page(): a read maps the zero page, a write a fresh zeroed page. */
    private FaultOutcome doAnonymousPage(Vma vma, PageTable leaf, int idx, long page, boolean write) {
        if (!write) {
            fault(page, 'r', Kind.ZERO_PAGE);
            long zero = m.zeroPage(ev);
            if (zero < 0) return FaultOutcome.OOM;
            if (detailed) ev.accept(new Narration(Sentence.DO_ANONYMOUS_PAGE_READ));
            long raw = Pte.make(zero, Pte.PRESENT | Pte.USER | Pte.SPECIAL | Pte.ZERO | Pte.ACCESSED | nx(vma)
                | cowMark(vma));
            m.setPte(st, leaf, idx, page, raw, ev);
            if (detailed) ev.accept(new FaultEvent.ZeroPageMapped(mm.id(), page, zero));
            return FaultOutcome.OK;
        }
        fault(page, 'w', Kind.ANON_PAGE);
        anonVmaPrepare(page);
        long pfn = m.allocFrame(FrameKind.ANON, detailed ? FrameOwner.anon(mm.id(), page) : null, ev);
        if (pfn < 0) return FaultOutcome.OOM;
        if (detailed) ev.accept(new Narration(Sentence.DO_ANONYMOUS_PAGE_WRITE, pfn));
        m.setPte(st, leaf, idx, page, Pte.make(pfn, writeBits(vma)), ev);
        return FaultOutcome.OK;
    }

    /** special_mapping_fault() / vvar_fault(): the vDSO's pages, or the vvar PFNs (no struct page counted). */
    private FaultOutcome specialFault(Vma vma, PageTable leaf, int idx, long page, char access) {
        boolean vdso = "[vdso]".equals(vma.name());
        fault(page, access, Kind.SPECIAL);
        long first = m.specialPages(vdso, ev);
        if (first < 0) return FaultOutcome.OOM;
        long i = (page - vma.start()) >>> Vma.PAGE_SHIFT;
        if (i >= (vdso ? MemoryState.VDSO_PAGES : MemoryState.VVAR_PAGES)) {
            if (detailed) ev.accept(new Narration(vdso ? Sentence.VDSO_SIGBUS : Sentence.VVAR_SIGBUS));
            return FaultOutcome.SIGBUS;
        }
        if (detailed) ev.accept(new Narration(vdso ? Sentence.VDSO_PAGE : Sentence.VVAR_PFN, vdso ? i : first + i));
        long raw = Pte.make(first + i, Pte.PRESENT | Pte.USER | Pte.ACCESSED | nx(vma) | (vdso ? 0 : Pte.SPECIAL));
        m.setPte(st, leaf, idx, page, raw, ev);
        return FaultOutcome.OK;
    }

    /** do_fault(): file and shmem pages. */
    private FaultOutcome doFault(Vma vma, PageTable leaf, int idx, long page, boolean write) {
        FileKey f = FileKey.of(vma.file());
        if (f.shmem()) st.noteShmem(vma.start(), vma.end(), f);
        long pgoff = vma.linearPageIndex(page);
        if (!write) return doReadFault(vma, f, leaf, idx, page, pgoff);
        if (!vma.isShared()) return doCowFault(vma, f, leaf, idx, page, pgoff);
        return doSharedFault(vma, f, leaf, idx, page, pgoff);
    }

    /** filemap_fault()'s check: a page at or past i_size raises SIGBUS. */
    private boolean pastEof(Vma vma, long pgoff, Sentence fn) {
        if (pgoff < vma.file().pages()) return false;
        if (detailed) ev.accept(new Narration(fn, pgoff, vma.file().size(), 0, 0, vma.file()));
        return true;
    }

    private Sentence faultFn(FileKey f) {
        return f.shmem() ? Sentence.SHMEM_PAST_EOF : Sentence.FILEMAP_PAST_EOF;
    }

    /**
     * mm/filemap.c: do_sync_mmap_readahead(): the pages a major fault reads with its own: none more under
     * MADV_RANDOM, ra_pages from the page on under MADV_SEQUENTIAL, else the mmap read-around window of ra_pages
     * centred on it; within the file.
     */
    private static long[] readAround(Vma vma, long pgoff) {
        long from;
        long to;
        if (vma.has(VmFlags.RAND_READ)) {
            from = pgoff;
            to = pgoff + 1;
        } else if (vma.has(VmFlags.SEQ_READ)) {
            from = pgoff;
            to = pgoff + RA_PAGES;
        } else {
            from = Math.max(0, pgoff - RA_PAGES / 2);
            to = from + RA_PAGES;
        }
        return new long[] {from, Math.min(to, vma.file().pages())};
    }

    /**
     * do_read_fault(): fault-around first; the page itself through ->fault() if it was not cached. A page read
     * from disk is a major fault; Linux 6.18 then maps the whole large folio read-ahead put it in (finish_fault()
     * maps the folio's pages in the VMA), which the model, without large folios, approximates by mapping the
     * fault-around block again. Recorded on 6.18 (lessons.txt, readahead_*): one read of page 8 of a cold 64-page
     * file maps 16 pages (normal), 8 (MADV_SEQUENTIAL: pages 8-15) and 1 (MADV_RANDOM), with one major fault.
     */
    private FaultOutcome doReadFault(Vma vma, FileKey f, PageTable leaf, int idx, long page, long pgoff) {
        fault(page, 'r', Kind.READ);
        if (detailed) ev.accept(new Narration(Sentence.DO_READ_FAULT));
        if (!mm.profile().classic()) {
            if (doFaultAround(vma, f, leaf, idx, page, pgoff)) return FaultOutcome.OK;
        }
        if (pastEof(vma, pgoff, faultFn(f))) return FaultOutcome.SIGBUS;
        long[] ra = readAround(vma, pgoff);
        long pfn = m.cachePage(f, pgoff, ra[0], ra[1], ev);
        if (pfn < 0) return FaultOutcome.OOM;
        if (m.majorRead && !mm.profile().classic() && doFaultAround(vma, f, leaf, idx, page, pgoff)) {
            return FaultOutcome.MAJOR;
        }
        FaultOutcome done = m.majorRead ? FaultOutcome.MAJOR : FaultOutcome.OK;
        if (detailed) ev.accept(new Narration(Sentence.FINISH_FAULT, pgoff, pfn,
            (protBits(vma) & Pte.RW) != 0 ? 1 : 0, 0, f));
        m.setPte(st, leaf, idx, page, Pte.make(pfn, protBits(vma) | Pte.ACCESSED | cowMark(vma)), ev);
        return done;
    }

    /**
     * do_fault_around() + filemap_map_pages(): maps the already-cached pages of the fault_around_bytes-aligned
     * block around the address that lie in the VMA, the PTE table and the file, and have no PTE yet. True when
     * the faulting page was among them (VM_FAULT_NOPAGE: the fault is done).
     */
    private boolean doFaultAround(Vma vma, FileKey f, PageTable leaf, int idx, long page, long pgoff) {
        int ptrs = leaf.entries.length;
        long pteOff = idx;
        long vmaOff = pgoff - vma.pgoff();
        long from = Math.max(pteOff & -(long) FAULT_AROUND_PAGES, pteOff - Math.min(pteOff, vmaOff));
        long to = Math.min(Math.min(from + FAULT_AROUND_PAGES, ptrs), pteOff + vma.pages() - vmaOff) - 1;
        long fileEnd = vma.file().pages() - 1;
        long fromAddr = page + ((from - pteOff) << Vma.PAGE_SHIFT);
        long toAddr = page + ((to - pteOff) << Vma.PAGE_SHIFT);
        if (detailed) ev.accept(new Narration(Sentence.DO_FAULT_AROUND, fromAddr, toAddr + Vma.PAGE_SIZE));
        // filemap_map_pages() walks the block once with one protection (vmf->vma->vm_page_prot): the bits are
        // the same for every page, so they are worked out once; the addresses are listed only for the
        // detailed event (a summary counts them, no boxed list per fault)
        List<Long> mapped = detailed ? new ArrayList<>(FAULT_AROUND_PAGES) : null;
        int count = 0;
        long bits = protBits(vma) | cowMark(vma);
        long stop = Math.min(to, pteOff + fileEnd - pgoff);
        boolean self = false;
        for (long i = from; i <= stop; i++) {
            if (leaf.entries[(int) i] != 0) continue;
            long pg = pgoff + i - pteOff;
            long pfn = m.cachedFrame(f, pg, ev);
            if (pfn < 0) continue;
            long a = page + ((i - pteOff) << Vma.PAGE_SHIFT);
            // x86 maps the prefaulted pages old; only the faulting access sets Accessed
            long raw = Pte.make(pfn, bits | (a == page ? Pte.ACCESSED : 0));
            m.setPte(st, leaf, (int) i, a, raw, ev);
            if (detailed) mapped.add(a);
            count++;
            if (a == page) {
                self = true;
                m.cache.touch(f, pg);
            }
        }
        if (detailed) ev.accept(new FaultEvent.FaultAround(mm.id(), page, fromAddr, toAddr, List.copyOf(mapped)));
        if (self) {
            if (detailed) ev.accept(new Narration(Sentence.FILEMAP_MAP_PAGES, count));
        }
        return self;
    }

    /** do_cow_fault(): a write to a private file mapping: a private anonymous copy of the file page. */
    private FaultOutcome doCowFault(Vma vma, FileKey f, PageTable leaf, int idx, long page, long pgoff) {
        fault(page, 'w', Kind.COW);
        if (detailed) ev.accept(new Narration(Sentence.DO_COW_FAULT));
        anonVmaPrepare(page);
        long copy = m.allocFrame(FrameKind.ANON, detailed ? FrameOwner.privateCopy(mm.id(), page) : null, ev);
        if (copy < 0) return FaultOutcome.OOM;
        if (pastEof(vma, pgoff, faultFn(f))) {
            m.freeFrame(copy, ev);
            return FaultOutcome.SIGBUS;
        }
        long[] ra = readAround(vma, pgoff);
        long src = m.cachePage(f, pgoff, ra[0], ra[1], ev);
        if (src < 0) {
            m.freeFrame(copy, ev);
            return FaultOutcome.OOM;
        }
        boolean major = m.majorRead;
        if (detailed) ev.accept(new Narration(Sentence.COPY_USER_HIGHPAGE, src, pgoff, copy, 0, f));
        m.setPte(st, leaf, idx, page, Pte.make(copy, writeBits(vma)), ev);
        if (detailed) ev.accept(new FaultEvent.CowCopied(mm.id(), page, src, copy));
        return major ? FaultOutcome.MAJOR : FaultOutcome.OK;
    }

    /** do_shared_fault(): a write to a shared mapping maps the page-cache page writable and dirties it. */
    private FaultOutcome doSharedFault(Vma vma, FileKey f, PageTable leaf, int idx, long page, long pgoff) {
        fault(page, 'w', Kind.SHARED);
        if (detailed) ev.accept(new Narration(Sentence.DO_SHARED_FAULT));
        if (pastEof(vma, pgoff, faultFn(f))) return FaultOutcome.SIGBUS;
        long[] ra = readAround(vma, pgoff);
        long pfn = m.cachePage(f, pgoff, ra[0], ra[1], ev);
        if (pfn < 0) return FaultOutcome.OOM;
        boolean major = m.majorRead;
        if (!f.shmem()) {
            if (detailed) ev.accept(new Narration(Sentence.DO_PAGE_MKWRITE));
        }
        m.setPte(st, leaf, idx, page, Pte.make(pfn, writeBits(vma)), ev);
        dirty(pfn);
        return major ? FaultOutcome.MAJOR : FaultOutcome.OK;
    }

    /** fault_dirty_shared_page(): set_page_dirty(). */
    private void dirty(long pfn) {
        if (m.frames.inPageCache(pfn)) m.frames.setDirty(pfn, true);
    }

    /** do_wp_page(): a write to a present, write-protected page. */
    private FaultOutcome doWpPage(Vma vma, PageTable leaf, int idx, long page, long raw) {
        long pfn = Pte.pfn(raw);
        if ((raw & Pte.ZERO) != 0) {
            fault(page, 'w', Kind.WP_COPY);
            if (detailed) ev.accept(new Narration(Sentence.DO_WP_PAGE_ZERO));
            return wpPageCopy(vma, leaf, idx, page, raw, true);
        }
        if (vma.has(VmFlags.WRITE) && vma.isShared()) {
            fault(page, 'w', Kind.WP_SHARED);
            if (detailed) ev.accept(new Narration(Sentence.WP_PAGE_SHARED));
            m.setPte(st, leaf, idx, page, (raw & ~Pte.COW) | Pte.RW | Pte.DIRTY | Pte.ACCESSED, ev);
            dirty(pfn);
            return FaultOutcome.OK;
        }
        if (m.exclusiveAnon(pfn)) {
            fault(page, 'w', Kind.WP_REUSE);
            if (detailed) ev.accept(new Narration(Sentence.WP_PAGE_REUSE, pfn));
            m.setPte(st, leaf, idx, page, (raw & ~Pte.COW) | Pte.RW | Pte.DIRTY | Pte.ACCESSED, ev);
            if (detailed) ev.accept(new FaultEvent.PageReused(mm.id(), page, pfn));
            return FaultOutcome.OK;
        }
        fault(page, 'w', Kind.WP_COPY);
        if (detailed) ev.accept(new Narration(Sentence.DO_WP_PAGE_COPY, pfn, m.frames.refcount(pfn)));
        return wpPageCopy(vma, leaf, idx, page, raw, false);
    }

    /** wp_page_copy(): a new anonymous page, a copy of the old one (or zeroed), replaces it in the PTE. */
    private FaultOutcome wpPageCopy(Vma vma, PageTable leaf, int idx, long page, long raw, boolean zero) {
        anonVmaPrepare(page);
        long copy = m.allocFrame(FrameKind.ANON, detailed ? FrameOwner.privateCopy(mm.id(), page) : null, ev);
        if (copy < 0) return FaultOutcome.OOM;
        long old = Pte.pfn(raw);
        if (detailed) ev.accept(zero ? new Narration(Sentence.WP_PAGE_COPY_ZERO, copy)
            : new Narration(Sentence.WP_PAGE_COPY, old, copy));
        m.setPte(st, leaf, idx, page, Pte.make(copy, writeBits(vma)), ev);
        if (detailed) ev.accept(new FaultEvent.CowCopied(mm.id(), page, old, copy));
        return FaultOutcome.OK;
    }
}
