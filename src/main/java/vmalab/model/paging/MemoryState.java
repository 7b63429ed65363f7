package vmalab.model.paging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import vmalab.model.buddy.BuddyAllocator;
import vmalab.model.buddy.BuddyEvent;
import vmalab.model.event.BuddyStepped;
import vmalab.model.event.BulkCounts;
import vmalab.model.event.EventSink;
import vmalab.model.event.Narration;
import vmalab.model.event.Sentence;
import vmalab.model.event.SimEvent;
import vmalab.model.mm.Mm;

/**
 * Physical memory as the kernel keeps it: the buddy allocator, a struct page per frame in use, the page cache,
 * and the page tables and counters of every mm (keyed by Mm.id()). The primitives here (a frame, a PTE, a page
 * of the page cache) keep the reference counts, the reverse map and the RSS counters in step; the fault
 * handler and the range operations are built from them.
 */
final class MemoryState {
    /** SWAP_CLUSTER_MAX: how many page-cache pages one reclaim pass frees at most. */
    static final int RECLAIM_BATCH = 32;
    static final int VDSO_PAGES = 2;
    static final int VVAR_PAGES = 4;

    final BuddyAllocator buddy;
    final Frames frames;
    final PageCache cache;
    /** The files a scenario wrote: which pages are cached without a frame yet, which misses are major. */
    WrittenFiles written;
    /** Whether the last {@link #cachePage} read its page from disk (VM_FAULT_MAJOR). */
    boolean majorRead;
    final Map<Long, MmState> mms;
    /** An alloc_pages block: its owner's name ("alloc_pages NAME") and order. */
    record Block(String label, int order) { }

    /** A page-cache page's place: its file and index. */
    private record PageRef(FileKey file, long index) { }

    /** alloc_pages blocks by first frame, in allocation order. */
    final LinkedHashMap<Long, Block> blocks;
    // The inactive file LRU, simplified: page-cache pages of regular files that no PTE maps, least recently
    // unmapped first; reclaim takes from its head. It lives in frames (Frames.inactiveAdd), linked through
    // the struct pages.
    private MmState lastState;
    /** The buddy allocator's steps of the current call, one list reused (no list per allocation). */
    private final ArrayList<BuddyEvent> buddySteps = new ArrayList<>(64);
    long zeroPfn = -1;
    long vdsoPfn = -1;
    long vvarPfn = -1;

    MemoryState(int frames, int maxOrder, int reserve) {
        buddy = new BuddyAllocator(frames, maxOrder, reserve);
        this.frames = new Frames(frames);
        cache = new PageCache();
        written = new WrittenFiles();
        mms = new LinkedHashMap<>();
        blocks = new LinkedHashMap<>();
        for (int pfn = 0; pfn < reserve; pfn++) {
            this.frames.make(pfn, FrameKind.KERNEL);
            this.frames.setLabel(pfn, "kernel image");
            this.frames.setRefcount(pfn, 1);
        }
        // the kernel image holds the zero page (.bss) and the vDSO/vvar pages (.data)
        if (reserve >= VDSO_PAGES + VVAR_PAGES + 2) {
            vdsoPfn = reserve - 8;
            vvarPfn = reserve - 6;
            zeroPfn = reserve - 1;
            label(zeroPfn, 1, "empty_zero_page");
            label(vdsoPfn, VDSO_PAGES, "vdso image");
            label(vvarPfn, VVAR_PAGES, "vvar");
        }
    }

    private MemoryState(MemoryState o) {
        buddy = o.buddy.copy();
        frames = o.frames.copy();
        cache = o.cache.copy();
        written = o.written.copy();
        mms = new LinkedHashMap<>();
        for (Map.Entry<Long, MmState> e : o.mms.entrySet()) mms.put(e.getKey(), e.getValue().copy());
        blocks = new LinkedHashMap<>(o.blocks);
        zeroPfn = o.zeroPfn;
        vdsoPfn = o.vdsoPfn;
        vvarPfn = o.vvarPfn;
    }

    MemoryState copy() {
        return new MemoryState(this);
    }

    private void label(long first, int n, String label) {
        for (int i = 0; i < n; i++) frames.setLabel(first + i, label);
    }

    /**
     * Whether frame {@code pfn} is an anonymous page nobody else holds (refcount 1), so a write may reuse it
     * in place: mm/memory.c: wp_can_reuse_anon_folio(), and mm/mprotect.c: can_change_pte_writable() for an
     * exclusive anonymous page.
     */
    boolean exclusiveAnon(long pfn) {
        return frames.inUse(pfn) && frames.kind(pfn) == FrameKind.ANON && frames.refcount(pfn) == 1;
    }

    /** The first frame of the alloc_pages block holding pfn, or -1. */
    long blockHead(long pfn) {
        for (Map.Entry<Long, Block> b : blocks.entrySet()) {
            long head = b.getKey();
            if (pfn >= head && pfn < head + (1L << b.getValue().order())) return head;
        }
        return -1;
    }

    /** Whether pfn is a frame with a struct page in use. */
    boolean inUse(long pfn) {
        return frames.inUse(pfn);
    }

    FrameKind kind(long pfn) {
        return frames.kind(pfn);
    }

    MmState state(Mm mm) {
        MmState st = find(mm.id());
        if (st == null) {
            st = new MmState(mm.id(), TableFormat.of(mm.profile()));
            mms.put(mm.id(), st);
        }
        return st;
    }

    /** The physical side of mm id, or null; the last one asked for is remembered (a range asks for one mm). */
    MmState find(long id) {
        MmState st = lastState;
        if (st != null && st.id == id) return st;
        st = mms.get(id);
        if (st != null) lastState = st;
        return st;
    }

    /** Forgets mm id's state (its mm is gone). */
    void forget(long id) {
        mms.remove(id);
        lastState = null;
    }

    // --- frames ---

    /**
     * alloc_pages(GFP_KERNEL, order): a block from the buddy allocator, reclaiming unmapped page-cache pages
     * first when none is left (try_to_free_pages()). Returns the first frame, or -1 (out of memory).
     */
    long allocBlock(int order, FrameKind kind, FrameOwner why, boolean narrate, Consumer<SimEvent> ev) {
        long pfn = buddyAlloc(order, why, narrate, ev);
        if (pfn < 0 && reclaim(ev) > 0) pfn = buddyAlloc(order, why, narrate, ev);
        if (pfn < 0) {
            ev.accept(new Narration(Sentence.ALLOC_OOM, order, 0, 0, 0, why));
            return -1;
        }
        for (long f = pfn; f < pfn + (1L << order); f++) frames.make((int) f, kind);
        if (EventSink.detailed(ev)) ev.accept(new PagingEvent.FrameOwnerChanged(pfn, FrameKind.FREE, kind, why));
        return pfn;
    }

    private List<BuddyEvent> steps() {
        buddySteps.clear();
        return buddySteps;
    }

    /** One frame, its struct page made with refcount 0 (the caller takes its references). */
    long allocFrame(FrameKind kind, FrameOwner why, Consumer<SimEvent> ev) {
        return allocBlock(0, kind, why, true, ev);
    }

    private long buddyAlloc(int order, FrameOwner why, boolean narrate, Consumer<SimEvent> ev) {
        BulkCounts counts = EventSink.counts(ev);
        List<BuddyEvent> steps = counts == null ? steps() : null;
        long pfn = buddy.allocPages(order, counts == null ? steps::add : s -> count(counts, s));
        if (pfn < 0) return -1;
        if (counts != null) {
            counts.taken(order);
            return pfn;
        }
        if (narrate) {
            int from = steps.get(0) instanceof BuddyEvent.ListDel d ? d.order() : order;
            ev.accept(new Narration(Sentence.RMQUEUE_SMALLEST, order, from, pfn, 0, why));
        }
        boolean split = false;
        for (BuddyEvent s : steps) {
            if (narrate && !split && s instanceof BuddyEvent.Split sp) {
                split = true;
                ev.accept(new Narration(Sentence.EXPAND, sp.order(), order));
            }
            ev.accept(new BuddyStepped(s));
        }
        return pfn;
    }

    /** Summary mode: the buddy allocator's splits and merges are counted, not reported. */
    private static void count(BulkCounts counts, BuddyEvent s) {
        if (s instanceof BuddyEvent.Split) counts.split();
        else if (s instanceof BuddyEvent.Merge) counts.merge();
    }

    /** __free_pages(): the frames go back to the buddy allocator; their struct pages are forgotten. */
    String freeBlock(long pfn, int order, boolean narrate, Consumer<SimEvent> ev) {
        FrameKind was = kind(pfn);
        BulkCounts counts = EventSink.counts(ev);
        List<BuddyEvent> steps = counts == null ? steps() : null;
        String err = buddy.freePages(pfn, order, counts == null ? steps::add : s -> count(counts, s));
        if (err != null) return err;
        for (long f = pfn; f < pfn + (1L << order); f++) frames.clear((int) f);
        if (counts != null) {
            counts.freed(order);
            return null;
        }
        ev.accept(new PagingEvent.FrameOwnerChanged(pfn, was, FrameKind.FREE, FrameOwner.FREE));
        if (narrate) {
            long merges = steps.stream().filter(s -> s instanceof BuddyEvent.Merge).count();
            ev.accept(new Narration(Sentence.FREE_ONE_PAGE, pfn, order, merges));
        }
        for (BuddyEvent s : steps) ev.accept(new BuddyStepped(s));
        return null;
    }

    void freeFrame(long pfn, Consumer<SimEvent> ev) {
        String err = freeBlock(pfn, 0, false, ev);
        if (err != null) throw new IllegalStateException(err);
    }

    /** put_page(): drops one reference; the frame is freed with its last one. */
    void putPage(long pfn, Consumer<SimEvent> ev) {
        frames.put(pfn);
        if (EventSink.detailed(ev)) {
            ev.accept(new PagingEvent.RefsChanged(pfn, frames.refcount(pfn), frames.mapcount(pfn)));
        }
        if (frames.refcount(pfn) == 0) freeFrame(pfn, ev);
    }

    /**
     * shrink_folio_list(): frees up to {@link #RECLAIM_BATCH} page-cache pages of regular files that no PTE
     * maps, oldest first (dirty ones are written back first). shmem pages have nowhere to go without swap.
     */
    int reclaim(Consumer<SimEvent> ev) {
        int freed = 0;
        if (frames.inactiveSize() > 0) {
            ev.accept(new Narration(Sentence.TRY_TO_FREE_PAGES));
            List<Long> victims = new ArrayList<>();
            for (long pfn : frames.inactive(RECLAIM_BATCH)) {
                if (victims.size() >= RECLAIM_BATCH) break;
                victims.add(pfn);
            }
            for (long pfn : victims) removeFromCache(pfn, ev);
            freed = victims.size();
        }
        if (freed < RECLAIM_BATCH && frames.lazyfreeCount() > 0) freed += reclaimLazyfree(RECLAIM_BATCH - freed, ev);
        return freed;
    }

    /**
     * shrink_folio_list() → try_to_unmap_one() for lazyfree anonymous pages (MADV_FREE): a page whose PTEs are
     * all still clean is discarded, its PTEs cleared, so the next read maps the zero page; a page written since
     * (a dirty PTE) is swap-backed again and kept (folio_set_swapbacked()). Before any OOM kill.
     */
    private int reclaimLazyfree(int max, Consumer<SimEvent> ev) {
        int freed = 0;
        for (int pfn = 0; pfn < frames.length() && freed < max && frames.lazyfreeCount() > 0; pfn++) {
            if (!frames.lazyfree(pfn)) continue;
            List<Mapping> ms = frames.mappings(pfn);
            boolean dirty = false;
            for (Mapping mp : ms) {
                MmState st = find(mp.mmId());
                if (st != null && (st.tables.get(mp.addr()) & Pte.DIRTY) != 0) dirty = true;
            }
            frames.setLazyfree(pfn, false);
            if (dirty) continue;
            for (Mapping mp : ms) {
                MmState st = find(mp.mmId());
                PageTable leaf = st == null ? null : st.tables.leaf(mp.addr());
                if (leaf == null) continue;
                setPte(st, leaf, st.tables.leafIndex(mp.addr()), mp.addr(), 0, ev);
                if (EventSink.detailed(ev)) ev.accept(new PagingEvent.RssChanged(st.id, st.rss()));
            }
            freed++;
        }
        if (freed > 0) ev.accept(new Narration(Sentence.RECLAIM_LAZYFREE, freed));
        return freed;
    }

    /** __filemap_remove_folio() + the page cache's reference. */
    void removeFromCache(long pfn, Consumer<SimEvent> ev) {
        PageRef p = new PageRef(frames.file(pfn), frames.index(pfn));
        if (frames.dirty(pfn)) {
            ev.accept(new Narration(Sentence.WRITEPAGE, p.index, 0, 0, 0, p.file));
            frames.setDirty(pfn, false);
        }
        cache.remove(p.file, p.index);
        frames.inactiveRemove(pfn);
        ev.accept(new PagingEvent.PageCacheRemoved(p.file.path(), p.index, pfn));
        putPage(pfn, ev);
    }

    // --- the page cache ---

    /**
     * filemap_fault() / shmem_fault(): the frame holding page {@code index} of {@code f}, read into the page
     * cache first when it is not there (a shmem page starts zeroed). -1 when out of memory.
     */
    long cachePage(FileKey f, long index, Consumer<SimEvent> ev) {
        return cachePage(f, index, index, index + 1, ev);
    }

    /**
     * {@link #cachePage(FileKey, long, Consumer)} for a fault: a page of a written file that must come from disk
     * is a major fault ({@link #majorRead}), and do_sync_mmap_readahead() reads the pages of [raFrom, raTo) that
     * are not cached along with it, as long as free frames last (read-ahead allocates with __GFP_NORETRY: it
     * neither reclaims nor fails the fault).
     */
    long cachePage(FileKey f, long index, long raFrom, long raTo, Consumer<SimEvent> ev) {
        majorRead = false;
        long pfn = cache.lookup(f, index);
        if (pfn >= 0) {
            cache.touch(f, index);
            return pfn;
        }
        if (written.pending(f, index)) return materialize(f, index, ev);
        boolean major = written.tracked(f);
        pfn = readPage(f, index, ev);
        if (pfn < 0 || !major) return pfn;
        majorRead = true;
        int read = 1;
        for (long i = Math.max(0, raFrom); i < raTo; i++) {
            if (i == index || cache.lookup(f, i) >= 0 || written.pending(f, i)) continue;
            if (buddy.nrFree() == 0) break;
            if (readPage(f, i, ev) < 0) break;
            read++;
        }
        long from = Math.min(Math.max(0, raFrom), index);
        ev.accept(new Narration(Sentence.SYNC_MMAP_READAHEAD, from, Math.max(raTo, index + 1) - from, read, 0, f));
        return pfn;
    }

    /**
     * The frame of a page the page cache holds (filemap_map_pages()'s lookup): a pending page of a written file
     * gets its frame now; -1 when the page is not cached (or no frame is left for it).
     */
    long cachedFrame(FileKey f, long index, Consumer<SimEvent> ev) {
        long pfn = cache.lookup(f, index);
        if (pfn >= 0 || !written.pending(f, index) || buddy.nrFree() == 0) return pfn;
        return materialize(f, index, ev);
    }

    /** A pending page of a written file gets the frame that holds it: no read, it was cached all along. */
    private long materialize(FileKey f, long index, Consumer<SimEvent> ev) {
        long pfn = allocFrame(FrameKind.FILE, EventSink.detailed(ev) ? FrameOwner.cache(f, index) : null, ev);
        if (pfn < 0) return -1;
        frames.setFilePage(pfn, f, index);
        frames.setRefcount(pfn, 1);
        cache.add(f, index, pfn);
        frames.inactiveAdd(pfn);
        written.settle(f, index);
        if (EventSink.detailed(ev)) ev.accept(new PagingEvent.PageCacheAdded(f.path(), index, pfn));
        return pfn;
    }

    /** filemap_read_folio() / shmem_get_folio(): a new page-cache page for page index of f. */
    private long readPage(FileKey f, long index, Consumer<SimEvent> ev) {
        long pfn = allocFrame(f.shmem() ? FrameKind.SHMEM : FrameKind.FILE, FrameOwner.cache(f, index), ev);
        if (pfn < 0) return -1;
        frames.setFilePage(pfn, f, index);
        frames.setRefcount(pfn, 1);
        cache.add(f, index, pfn);
        written.settle(f, index);
        if (!f.shmem()) frames.inactiveAdd(pfn);
        ev.accept(new Narration(f.shmem() ? Sentence.SHMEM_GET_FOLIO : Sentence.FILEMAP_READ_FOLIO, index, pfn, 0,
            0, f));
        ev.accept(new PagingEvent.PageCacheAdded(f.path(), index, pfn));
        return pfn;
    }

    /** shmem_evict_inode(): a shmem file nobody maps any more takes its pages with it. */
    void dropShmemIfUnmapped(FileKey f, Consumer<SimEvent> ev) {
        for (MmState s : mms.values()) if (s.mapsShmem(f)) return;
        boolean told = false;
        for (long index : cache.indexes(f)) {
            long pfn = cache.lookup(f, index);
            if (frames.mapcount(pfn) > 0) continue;
            if (!told) {
                ev.accept(new Narration(Sentence.SHMEM_EVICT_INODE, 0, 0, 0, 0, f));
                told = true;
            }
            frames.setDirty(pfn, false);
            removeFromCache(pfn, ev);
        }
    }

    // --- page tables ---

    /** pgd_alloc() / __pte_alloc() and friends for one mm: a frame owned by the page table. */
    PageTables.Allocator tableAllocator(MmState st, Consumer<SimEvent> ev) {
        return (level, base, index) -> {
            TableFormat.Level lv = st.tables.format.level(level);
            long pfn = allocFrame(FrameKind.PAGE_TABLE, FrameOwner.table(st.id, lv), ev);
            if (pfn < 0) return -1;
            frames.setTable(pfn, st.id, level, base);
            frames.setRefcount(pfn, 1);
            BulkCounts counts = EventSink.counts(ev);
            if (counts != null) counts.tableAllocated();
            else ev.accept(new PagingEvent.TableAllocated(st.id, lv.name(), base, index, pfn));
            return pfn;
        };
    }

    PageTables.Freer tableFreer(MmState st, Consumer<SimEvent> ev) {
        return t -> {
            BulkCounts counts = EventSink.counts(ev);
            if (counts != null) counts.tableFreed();
            else ev.accept(new PagingEvent.TableFreed(st.id, st.tables.format.level(t.level).name(), t.base, t.pfn));
            freeFrame(t.pfn, ev);
        };
    }

    /** Whether an entry maps a frame with a struct page that counts (vm_normal_page() is not NULL). */
    static boolean normal(long raw) {
        return Pte.isMapped(raw) && (raw & Pte.SPECIAL) == 0;
    }

    /** mm_counter(): which RSS counter a frame's mappings count in. */
    int counter(long pfn) {
        return switch (frames.kind(pfn)) {
            case ANON -> MmState.ANON;
            case SHMEM -> MmState.SHMEM;
            default -> MmState.FILE;
        };
    }

    /**
     * set_pte_at() with its bookkeeping: a new frame gains a reference, a reverse-map entry and an RSS count
     * (get_page(), page_add_*_rmap(), inc_mm_counter()); the frame the entry leaves loses them
     * (page_remove_rmap(), dec_mm_counter(), put_page(): zap_present_pte()'s order), a dirty PTE marking its
     * page-cache page dirty first.
     */
    void setPte(MmState st, PageTable leaf, int index, long addr, long raw, Consumer<SimEvent> ev) {
        long old = leaf.entries[index];
        if (old == raw) return;
        boolean sameFrame = Pte.isMapped(old) && Pte.isMapped(raw) && Pte.pfn(old) == Pte.pfn(raw)
            && normal(old) == normal(raw);
        if (!sameFrame && normal(raw)) {
            long pfn = Pte.pfn(raw);
            frames.get(pfn);
            if (frames.kind(pfn) == FrameKind.FILE) frames.inactiveRemove(pfn);
            frames.addMapping(pfn, st.id, addr);
            st.rss[counter(pfn)]++;
            if (EventSink.detailed(ev)) {
                ev.accept(new PagingEvent.RefsChanged(pfn, frames.refcount(pfn), frames.mapcount(pfn)));
            }
        }
        PageTables.set(leaf, index, raw);
        BulkCounts counts = EventSink.counts(ev);
        if (raw == 0) {
            if (counts != null) counts.pteCleared();
            else ev.accept(new PagingEvent.PteCleared(st.id, addr, Pte.of(old)));
        } else {
            if (counts != null) counts.pteSet();
            else ev.accept(new PagingEvent.PteSet(st.id, addr, Pte.of(old), Pte.of(raw)));
        }
        if (!sameFrame && normal(old)) {
            long pfn = Pte.pfn(old);
            if ((old & Pte.DIRTY) != 0 && frames.inPageCache(pfn)) frames.setDirty(pfn, true);
            frames.removeMapping(pfn, st.id, addr);
            if (frames.kind(pfn) == FrameKind.FILE && frames.mapcount(pfn) == 0) frames.inactiveAdd(pfn);
            st.rss[counter(pfn)]--;
            putPage(pfn, ev);
        }
    }

    // --- the kernel's own pages ---

    /** my_zero_pfn(): the shared zero page, made on first use when the kernel image has no room for it. */
    long zeroPage(Consumer<SimEvent> ev) {
        if (zeroPfn < 0) {
            long pfn = allocFrame(FrameKind.KERNEL, FrameOwner.ZERO_PAGE, ev);
            if (pfn < 0) return -1;
            frames.setLabel(pfn, "empty_zero_page");
            frames.setRefcount(pfn, 1);
            zeroPfn = pfn;
        }
        return zeroPfn;
    }

    /** The vDSO image's pages (2) and the vvar pages (4), made on first use when not in the kernel image. */
    long specialPages(boolean vdso, Consumer<SimEvent> ev) {
        long have = vdso ? vdsoPfn : vvarPfn;
        if (have >= 0) return have;
        int n = vdso ? VDSO_PAGES : VVAR_PAGES;
        int order = vdso ? 1 : 2;
        String what = vdso ? "vdso image" : "vvar";
        long pfn = allocBlock(order, FrameKind.KERNEL, vdso ? FrameOwner.VDSO : FrameOwner.VVAR, true, ev);
        if (pfn < 0) return -1;
        for (int i = 0; i < n; i++) {
            frames.setLabel(pfn + i, what);
            frames.setRefcount(pfn + i, 1);
        }
        if (vdso) vdsoPfn = pfn; else vvarPfn = pfn;
        return pfn;
    }

    /** Whether a frame holds part of the kernel that is never freed. */
    boolean isKernelPage(long pfn) {
        return kind(pfn) == FrameKind.KERNEL;
    }
}
