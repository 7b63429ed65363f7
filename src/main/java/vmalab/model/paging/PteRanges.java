package vmalab.model.paging;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import vmalab.model.event.EventSink;
import vmalab.model.event.Narration;
import vmalab.model.event.Sentence;
import vmalab.model.event.SimEvent;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.model.mm.VmFlags;

/**
 * What happens to the PTEs of a whole range: zap_page_range() (munmap, MADV_DONTNEED, exit), free_pgtables(),
 * copy_page_range() at fork, move_page_tables() for mremap, change_protection() for mprotect.
 */
final class PteRanges {
    private final MemoryState m;
    private final Consumer<SimEvent> ev;

    PteRanges(MemoryState m, Consumer<SimEvent> ev) {
        this.m = m;
        this.ev = ev;
    }

    /**
     * zap_pte_range(): every PTE of [start, end) goes; anonymous frames are freed with their last mapping,
     * page-cache pages stay in the cache (marked dirty if the PTE was). The tables stay (free_pgtables() is
     * separate, and MADV_DONTNEED never frees them).
     */
    void zap(MmState st, long start, long end) {
        long before = st.rss().pages();
        int[] n = {0};
        st.tables.forEachPte(start, end, (leaf, i, addr, raw) -> {
            m.setPte(st, leaf, i, addr, 0, ev);
            n[0]++;
        });
        if (n[0] > 0 && EventSink.detailed(ev)) {
            ev.accept(new Narration(Sentence.ZAP_PTE_RANGE, start, end, n[0], before, st.rss()));
            ev.accept(new PagingEvent.RssChanged(st.id, st.rss()));
        }
    }

    /**
     * madvise_free_pte_range(): each anonymous page of [start, end) stays mapped but is made clean and old
     * (ptep_get_and_clear_full() then pte_mkold(pte_mkclean())) and marked lazyfree (folio_mark_lazyfree());
     * the zero page and PTE-less pages are skipped. A read finds the page as it was; a write dirties the PTE
     * again, which makes reclaim keep it ({@link MemoryState#reclaim}). Checked on 6.18: after MADV_FREE of 4
     * written pages pagemap shows 4 present, and a read and a write fault nothing and read the old data.
     */
    void lazyFree(MmState st, long start, long end) {
        int[] n = {0};
        st.tables.forEachPte(start, end, (leaf, i, addr, raw) -> {
            if (!MemoryState.normal(raw) || m.frames.kind(Pte.pfn(raw)) != FrameKind.ANON) return;
            m.setPte(st, leaf, i, addr, raw & ~(Pte.DIRTY | Pte.ACCESSED), ev);
            m.frames.setLazyfree(Pte.pfn(raw), true);
            n[0]++;
        });
        ev.accept(new Narration(Sentence.MADV_FREE_PTE_RANGE, start, end, n[0]));
    }

    /**
     * MADV_PAGEOUT: mm/madvise.c: madvise_cold_or_pageout_pte_range() leaves alone a folio other mappings
     * also map (folio_maybe_mapped_shared()) and hands the rest to reclaim_pages(); mm/vmscan.c:
     * shrink_folio_list() then keeps an anonymous page mapped when there is no swap to write it to (add_to_swap()
     * fails first), and unmaps a page-cache page, file or shmem (try_to_unmap()), which stays in the cache.
     * Checked on 6.18 without swap: a private anonymous and a twice-mapped file range stay present, a shared
     * anonymous (shmem) range mapped once is unmapped.
     */
    void pageout(MmState st, long start, long end) {
        java.util.List<Long> out = new java.util.ArrayList<>();
        st.tables.forEachPte(start, end, (leaf, i, addr, raw) -> {
            if (!MemoryState.normal(raw)) return;
            long pfn = Pte.pfn(raw);
            FrameKind k = m.frames.kind(pfn);
            if ((k == FrameKind.FILE || k == FrameKind.SHMEM) && m.frames.mapcount(pfn) == 1) out.add(addr);
        });
        for (long a : out) zap(st, a, a + Vma.PAGE_SIZE);
    }

    /**
     * free_pgtables() → free_pgd_range(): after an unmap, the tables whose whole span holds no VMA any more go
     * back to the buddy allocator (a table a neighbouring VMA still reaches stays). Then a shmem file this mm
     * no longer maps may go with its pages.
     */
    void freeTables(Mm mm, MmState st, long start, long end) {
        zap(st, start, end);
        int[] freed = {0};
        st.tables.freeUnused(start, end, mm::overlaps, t -> {
            m.tableFreer(st, ev).free(t);
            freed[0]++;
        });
        if (freed[0] > 0 && EventSink.detailed(ev)) {
            ev.accept(new Narration(Sentence.FREE_PGTABLES, freed[0]));
        }
        Set<FileKey> files = new HashSet<>();
        for (MmState.ShmemRange r : st.shmem.subMap(st.shmem.floorKey(start) == null ? start
                : st.shmem.floorKey(start), true, end, false).values()) {
            if (r.end() > start) files.add(r.file());
        }
        st.forgetShmem(start, end);
        for (FileKey f : files) m.dropShmemIfUnmapped(f, ev);
    }

    /**
     * copy_page_range() for one VMA at fork: skipped when vma_needs_copy() says a fault can rebuild the PTEs
     * (no anon_vma, no PFN map); else copy_present_pte() for each PTE: the child shares the frame (get_page(),
     * page_dup_rmap(), its RSS counter), a COW mapping is write-protected in both, a shared one cleaned, and
     * the child's entry made old. A 2.6 kernel (the classic profile) copied every VMA.
     */
    void forkCopy(Mm parent, MmState ps, MmState cs, Vma vma) {
        if (vma.file() != null && FileKey.isShmem(vma.file())) {
            FileKey f = FileKey.of(vma.file());
            ps.noteShmem(vma.start(), vma.end(), f);
            cs.noteShmem(vma.start(), vma.end(), f);
        }
        boolean needsCopy = parent.profile().classic() || vma.anonVma() != 0
            || vma.has(VmFlags.PFNMAP) || vma.has(VmFlags.MIXEDMAP);
        if (!needsCopy) {
            if (EventSink.detailed(ev)) ev.accept(new Narration(Sentence.COPY_PAGE_RANGE_SKIP, vma.start(), vma.end()));
            return;
        }
        boolean cowMapping = (vma.flags() & (VmFlags.SHARED | VmFlags.MAYWRITE)) == VmFlags.MAYWRITE;
        int[] n = {0};
        boolean[] oom = {false};
        ps.tables.forEachPte(vma.start(), vma.end(), (leaf, i, addr, raw) -> {
            if (oom[0] || !Pte.isMapped(raw)) return;
            PageTable cl = cs.tables.ensureLeaf(addr, m.tableAllocator(cs, ev));
            if (cl == null) {
                oom[0] = true;
                return;
            }
            long pte = raw;
            if (MemoryState.normal(raw) && cowMapping && (raw & Pte.RW) != 0) {
                // ptep_set_wrprotect(): the parent loses write access too
                pte = (raw & ~Pte.RW) | Pte.COW;
                m.setPte(ps, leaf, i, addr, pte, ev);
            } else if (MemoryState.normal(raw) && cowMapping && vma.has(VmFlags.WRITE)) {
                pte = raw | Pte.COW;
                m.setPte(ps, leaf, i, addr, pte, ev);
            }
            long child = pte & ~Pte.ACCESSED;
            if (vma.isShared()) child &= ~Pte.DIRTY;
            m.setPte(cs, cl, cs.tables.leafIndex(addr), addr, child, ev);
            n[0]++;
        });
        if (EventSink.detailed(ev)) {
            ev.accept(new Narration(Sentence.COPY_PTE_RANGE, vma.start(), vma.end(), n[0], cowMapping ? 1 : 0, null));
        }
        if (oom[0]) ev.accept(new Narration(Sentence.COPY_PAGE_RANGE_OOM));
        if (EventSink.detailed(ev)) ev.accept(new PagingEvent.RssChanged(cs.id, cs.rss()));
    }

    /** move_page_tables(): the PTEs of [from, from+len) move to [to, to+len); the frames stay. */
    void move(MmState st, long from, long to, long len) {
        int[] n = {0};
        st.tables.forEachPte(from, from + len, (leaf, i, addr, raw) -> {
            long dst = addr - from + to;
            PageTable dl = st.tables.ensureLeaf(dst, m.tableAllocator(st, ev));
            if (dl == null) return;
            int di = st.tables.leafIndex(dst);
            m.setPte(st, dl, di, dst, raw, ev);
            m.setPte(st, leaf, i, addr, 0, ev);
            n[0]++;
        });
        st.moveShmem(from, to, len);
        ev.accept(new Narration(Sentence.MOVE_PAGE_TABLES, n[0], from, to));
    }

    /**
     * change_pte_range(): the PTEs of [start, end) take the VMA's new protection ({@link FaultHandler#reprotect}).
     */
    void changeProtection(Mm mm, MmState st, Vma vma, long start, long end) {
        int[] n = {0};
        st.tables.forEachPte(start, end, (leaf, i, addr, raw) -> {
            long now = FaultHandler.reprotect(m, vma, raw, mm.profile().hasNx());
            if (now != raw) n[0]++;
            m.setPte(st, leaf, i, addr, now, ev);
        });
        if (n[0] > 0) {
            ev.accept(new Narration(Sentence.CHANGE_PTE_RANGE, start, end, n[0], 0, vma));
        }
    }
}
