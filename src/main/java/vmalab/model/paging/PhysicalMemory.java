package vmalab.model.paging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import vmalab.model.buddy.BuddyAllocator;
import vmalab.model.event.EventSink;
import vmalab.model.event.Narration;
import vmalab.model.event.Sentence;
import vmalab.model.event.SimEvent;
import vmalab.model.fault.MemoryControl;
import vmalab.model.fault.PageBackend;
import vmalab.model.fs.SimFile;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Task;
import vmalab.model.mm.Vma;

/**
 * The physical side of the simulated machine: page frames from a buddy allocator, per-mm page tables (x86-64
 * 4-level or i386 2-level, by the mm's profile), the page cache, and the fault handler that ties them to the
 * VMAs. The VMA code drives it through {@link PageBackend}; the scenario's {@code memory}, {@code alloc_pages}
 * and {@code free_pages} lines through {@link MemoryControl}; the views read it through the inspection methods
 * (walk, pte, pages, frame, rss, usage, pageCache, tables, buddy), which change nothing.
 *
 * <p>Per-mm state is keyed by {@link Mm#id()}, so a copied Kernel's copied mms find theirs in {@link #copy()}.
 */
public final class PhysicalMemory implements PageBackend, MemoryControl {
    /**
     * The most frames {@code memory} accepts: 16 GiB. A frame costs some 49 bytes of heap whether used or not
     * (its struct page and free-list links), so 4M frames take about 200 MB; checkpoints share them.
     */
    public static final int MAX_FRAMES = 1 << 22;
    public static final int DEFAULT_RESERVE = 256;

    private MemoryState m;
    /** The last fault's handler: a range of faults by one task to one consumer reuses it. */
    private FaultHandler handler;
    /** Whether {@code memory SIZE} chose the size. */
    private boolean sizedByHand;

    /** 64 MiB: 16,384 frames, MAX_ORDER 10, 256 frames for the kernel image. */
    public PhysicalMemory() {
        this(BuddyAllocator.DEFAULT_FRAMES, BuddyAllocator.DEFAULT_MAX_ORDER, DEFAULT_RESERVE);
    }

    public PhysicalMemory(int frames, int maxOrder, int reserve) {
        m = new MemoryState(frames, maxOrder, reserve);
    }

    private PhysicalMemory(MemoryState m) {
        this.m = m;
    }

    // --- PageBackend ---

    @Override
    public FaultOutcome handleFault(Task task, Vma vma, long addr, char access, Consumer<SimEvent> ev) {
        FaultHandler h = handler(task, ev);
        MmState st = h.state();
        if (!EventSink.detailed(ev)) return h.handle(vma, addr, access);
        long file = st.rss[MmState.FILE];
        long anon = st.rss[MmState.ANON];
        long shmem = st.rss[MmState.SHMEM];
        FaultOutcome out = h.handle(vma, addr, access);
        boolean changed = st.rss[MmState.FILE] != file || st.rss[MmState.ANON] != anon
            || st.rss[MmState.SHMEM] != shmem;
        if (changed) ev.accept(new PagingEvent.RssChanged(st.id, st.rss()));
        return out;
    }

    private FaultHandler handler(Task task, Consumer<SimEvent> ev) {
        FaultHandler h = handler;
        if (h == null || !h.servesFor(m, task, ev)) {
            h = new FaultHandler(m, task, ev);
            handler = h;
        }
        return h;
    }

    @Override
    public boolean isPresent(Mm mm, long addr) {
        MmState st = m.find(mm.id());
        return st != null && Pte.isPresent(st.tables.get(addr & -Vma.PAGE_SIZE));
    }

    /**
     * The MMU's own walk for an access: true when the PTE allows it (Accessed, and Dirty on a write, are set as
     * the CPU sets them), false when the CPU would raise a page fault.
     */
    @Override
    public boolean hardwareAccess(Mm mm, long addr, char access, Consumer<SimEvent> ev) {
        MmState st = m.find(mm.id());
        if (st == null) return false;
        long page = addr & -Vma.PAGE_SIZE;
        PageTable leaf = st.tables.leaf(page);
        if (leaf == null) return false;
        int i = st.tables.leafIndex(page);
        long raw = leaf.entries[i];
        if (!FaultHandler.allows(raw, access)) return false;
        m.setPte(st, leaf, i, page, raw | Pte.ACCESSED | (access == 'w' ? Pte.DIRTY : 0), ev);
        return true;
    }

    @Override
    public void zap(Mm mm, Vma vma, long start, long end, Consumer<SimEvent> ev) {
        MmState st = m.find(mm.id());
        if (st == null) return;
        long s = Math.max(start, vma.start());
        long e = Math.min(end, vma.end());
        if (s < e) new PteRanges(m, ev).zap(st, s, e);
    }

    @Override
    public void lazyFree(Mm mm, Vma vma, long start, long end, Consumer<SimEvent> ev) {
        MmState st = m.find(mm.id());
        if (st == null) return;
        long s = Math.max(start, vma.start());
        long e = Math.min(end, vma.end());
        if (s < e) new PteRanges(m, ev).lazyFree(st, s, e);
    }

    @Override
    public void pageout(Mm mm, Vma vma, long start, long end, Consumer<SimEvent> ev) {
        MmState st = m.find(mm.id());
        if (st == null) return;
        long s = Math.max(start, vma.start());
        long e = Math.min(end, vma.end());
        if (s < e) new PteRanges(m, ev).pageout(st, s, e);
    }

    /**
     * mm/truncate.c: truncate_pagecache_range() after a hole is punched in pages [from, to) of a file:
     * unmap_mapping_range() without even_cows clears every PTE that maps one of its page-cache pages, in any
     * process, shared or private (a private mapping's own anonymous copies stay); then
     * truncate_inode_pages_range() drops the pages from the page cache, dirty data and all. The next read
     * faults and reads the hole: zeros. Checked on 6.18: MADV_REMOVE of 2 pages of a 4-page shared file
     * mapping leaves 2 present there and 2 in a private mapping of the same file, whose next read is a major
     * fault that reads 0.
     */
    @Override
    public void punchHole(SimFile file, long from, long to, Consumer<SimEvent> ev) {
        FileKey f = FileKey.of(file);
        int n = 0;
        for (long index : m.cache.indexes(f)) {
            if (index < from || index >= to) continue;
            long pfn = m.cache.lookup(f, index);
            for (Mapping mp : m.frames.mappings(pfn)) {
                MmState st = m.find(mp.mmId());
                PageTable leaf = st == null ? null : st.tables.leaf(mp.addr());
                if (leaf == null) continue;
                // the PTE's dirty bit would mark the page dirty: the data goes without write-back
                m.setPte(st, leaf, st.tables.leafIndex(mp.addr()), mp.addr(), 0, ev);
                if (EventSink.detailed(ev)) ev.accept(new PagingEvent.RssChanged(st.id, st.rss()));
            }
            m.frames.setDirty(pfn, false);
            m.removeFromCache(pfn, ev);
            n++;
        }
        m.written.settleRange(f, from, to);
        ev.accept(new Narration(Sentence.TRUNCATE_PAGECACHE_RANGE, from, to, n, 0, f));
    }

    @Override
    public void fileWritten(SimFile file, boolean cold) {
        m.written.written(FileKey.of(file), file.pages(), cold);
    }

    /** totalram_pages(): the frames the buddy allocator manages (the kernel image's are reserved); no swap. */
    @Override
    public long totalRamPages() {
        return m.frames.length() - m.buddy.reservedFrames();
    }

    /** oom_badness(): get_mm_rss() + swap entries (none) + mm_pgtables_bytes() / PAGE_SIZE (the PGD not counted). */
    @Override
    public long oomBadness(Mm mm) {
        MmState st = m.find(mm.id());
        if (st == null) return 0;
        return st.rss().pages() + Math.max(0, st.tables.all().size() - 1);
    }

    @Override
    public void freeTables(Mm mm, long start, long end, Consumer<SimEvent> ev) {
        MmState st = m.find(mm.id());
        if (st != null && Long.compareUnsigned(start, end) < 0) new PteRanges(m, ev).freeTables(mm, st, start, end);
    }

    @Override
    public void forkCopy(Mm parent, Mm child, Vma vma, Consumer<SimEvent> ev) {
        new PteRanges(m, ev).forkCopy(parent, m.state(parent), m.state(child), vma);
    }

    @Override
    public void move(Mm mm, long oldStart, long newStart, long len, Consumer<SimEvent> ev) {
        MmState st = m.find(mm.id());
        if (st != null) new PteRanges(m, ev).move(st, oldStart, newStart, len);
    }

    @Override
    public void changeProtection(Mm mm, Vma vma, long start, long end, Consumer<SimEvent> ev) {
        MmState st = m.find(mm.id());
        if (st == null) return;
        new PteRanges(m, ev).changeProtection(mm, st, vma, Math.max(start, vma.start()), Math.min(end, vma.end()));
    }

    @Override
    public void newMm(Mm mm, Consumer<SimEvent> ev) {
        MmState st = m.state(mm);
        ev.accept(new Narration(Sentence.PGD_ALLOC));
        st.tables.allocPgd(m.tableAllocator(st, ev));
    }

    @Override
    public void dropMm(Mm mm, Consumer<SimEvent> ev) {
        MmState st = m.find(mm.id());
        if (st == null) return;
        PteRanges ranges = new PteRanges(m, ev);
        ranges.zap(st, 0, Long.MAX_VALUE);
        ev.accept(new Narration(Sentence.PGD_FREE));
        st.tables.freeAll(m.tableFreer(st, ev));
        List<FileKey> files = new ArrayList<>();
        for (MmState.ShmemRange r : st.shmem.values()) files.add(r.file());
        m.forget(mm.id());
        handler = null;
        for (FileKey f : files) m.dropShmemIfUnmapped(f, ev);
    }

    @Override
    public PhysicalMemory copy() {
        PhysicalMemory c = new PhysicalMemory(m.copy());
        c.sizedByHand = sizedByHand;
        return c;
    }

    // --- MemoryControl ---

    @Override
    public String configure(long frames, int maxOrder, int reserve) {
        if (!m.mms.isEmpty()) return "physical memory is set before the first process starts";
        if (frames < 1 || frames > MAX_FRAMES) return "memory takes 1 to " + MAX_FRAMES + " frames, not " + frames;
        int order = maxOrder < 0 ? BuddyAllocator.DEFAULT_MAX_ORDER : maxOrder;
        if (order > 20) return "maxorder must be in 0..20, not " + maxOrder;
        int res = reserve < 0 ? (int) Math.min(DEFAULT_RESERVE, frames / 64) : reserve;
        if (res > frames) return "cannot reserve " + res + " frames of " + frames;
        WrittenFiles written = m.written;
        m = new MemoryState((int) frames, order, res);
        m.written = written;
        handler = null;
        sizedByHand = true;
        return null;
    }

    @Override
    public int frames() {
        return m.frames.length();
    }

    @Override
    public boolean sizedByHand() {
        return sizedByHand;
    }

    @Override
    public boolean growForImport(long needed) {
        if (sizedByHand || !m.mms.isEmpty()) return false;
        long frames = m.frames.length();
        if (needed <= frames) return true;
        while (frames < needed) frames <<= 1;
        if (frames > MAX_FRAMES) return false;
        m = new MemoryState((int) frames, m.buddy.maxOrder(), (int) Math.min(DEFAULT_RESERVE, frames / 64));
        handler = null;
        return true;
    }

    @Override
    public long allocPages(int order, String name, Consumer<SimEvent> ev) {
        if (order < 0 || order > m.buddy.maxOrder()) {
            ev.accept(new Narration(Sentence.ALLOC_PAGES_BAD_ORDER, order, m.buddy.maxOrder()));
            return -1;
        }
        String owner = name == null ? "alloc_pages" : "alloc_pages " + name;
        long pfn = m.allocBlock(order, FrameKind.ALLOC_PAGES, FrameOwner.allocPages(name), true, ev);
        if (pfn < 0) return -1;
        for (long f = pfn; f < pfn + (1L << order); f++) {
            m.frames.setLabel(f, owner);
            m.frames.setRefcount(f, f == pfn ? 1 : 0);
        }
        m.blocks.put(pfn, new MemoryState.Block(owner, order));
        return pfn;
    }

    @Override
    public String freePages(String nameOrPfn, int order, Consumer<SimEvent> ev) {
        long pfn = -1;
        for (Map.Entry<Long, MemoryState.Block> b : m.blocks.entrySet()) {
            if (b.getValue().label().equals("alloc_pages " + nameOrPfn)) {
                pfn = b.getKey();
                break;
            }
        }
        if (pfn < 0) {
            try {
                pfn = nameOrPfn.startsWith("0x") ? Long.parseLong(nameOrPfn.substring(2), 16)
                    : Long.parseLong(nameOrPfn);
            } catch (NumberFormatException e) {
                return "free_pages: no block called " + nameOrPfn;
            }
        }
        FrameKind k = m.kind(pfn);
        if (k != FrameKind.FREE && k != FrameKind.ALLOC_PAGES && pfn >= m.buddy.reservedFrames()) {
            return String.format(java.util.Locale.ROOT, "free_pages: pfn %d is not an alloc_pages block: it belongs to %s", pfn,
                frame(pfn).owner());
        }
        if (k == FrameKind.ALLOC_PAGES && m.blockHead(pfn) != pfn) {
            return String.format(java.util.Locale.ROOT, "free_pages: pfn %d is inside the block at pfn %d, not its first frame", pfn,
                m.blockHead(pfn));
        }
        String err = m.freeBlock(pfn, order, true, ev);
        if (err != null) return err;
        m.blocks.remove(pfn);
        return null;
    }

    // --- inspection (read-only) ---

    /** Each level's table, index and entry for addr, as the MMU walks it (stops at the first missing table). */
    public List<WalkStep> walk(Mm mm, long addr) {
        MmState st = m.find(mm.id());
        if (st == null) return List.of();
        return st.tables.walk(addr);
    }

    /** {@link #walk(Mm, long)}, reported as a Walk event too. */
    public List<WalkStep> walk(Mm mm, long addr, Consumer<SimEvent> ev) {
        List<WalkStep> w = walk(mm, addr);
        ev.accept(new PagingEvent.Walk(mm.id(), addr, w));
        return w;
    }

    /** The PTE of addr; {@link Pte#NONE} when there is none (or no table). */
    public Pte pte(Mm mm, long addr) {
        MmState st = m.find(mm.id());
        return st == null ? Pte.NONE : Pte.of(st.tables.get(addr & -Vma.PAGE_SIZE));
    }

    /** Every page of the VMA that has a PTE, in address order. */
    public List<PageInfo> pages(Mm mm, Vma vma) {
        List<PageInfo> out = new ArrayList<>();
        MmState st = m.find(mm.id());
        if (st == null) return out;
        st.tables.forEachPte(vma.start(), vma.end(), (leaf, i, addr, raw) ->
            out.add(new PageInfo(addr, Pte.of(raw), (raw & Pte.ZERO) != 0 ? FrameKind.KERNEL : m.kind(Pte.pfn(raw)))));
        return out;
    }

    /** The mm's page tables, parents before children. */
    public List<TableInfo> tables(Mm mm) {
        List<TableInfo> out = new ArrayList<>();
        MmState st = m.find(mm.id());
        if (st == null) return out;
        for (PageTable t : st.tables.all()) {
            TableFormat.Level lv = st.tables.format.level(t.level);
            out.add(new TableInfo(lv.name(), t.base, lv.tableSpan(), t.pfn, t.used, t.entries.length));
        }
        return out;
    }

    /** get_mm_counter() for each of MM_FILEPAGES, MM_ANONPAGES, MM_SHMEMPAGES. */
    public Rss rss(Mm mm) {
        MmState st = m.find(mm.id());
        return st == null ? new Rss(0, 0, 0) : st.rss();
    }

    /** VSZ as ps prints it: total_vm in KiB. */
    public long vszKb(Mm mm) {
        return mm.totalVm() * (Vma.PAGE_SIZE / 1024);
    }

    /** smaps' numbers for one VMA (pmap -x uses rss and dirty). */
    public VmaUsage usage(Mm mm, Vma vma) {
        MmState st = m.find(mm.id());
        if (st == null) return new VmaUsage(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        long[] u = new long[10];
        st.tables.forEachPte(vma.start(), vma.end(), (leaf, i, addr, raw) -> {
            if (!Pte.isMapped(raw)) return;
            if (!MemoryState.normal(raw)) {
                if ((raw & Pte.ZERO) != 0) u[8] += Vma.PAGE_SIZE;
                return;
            }
            long pfn = Pte.pfn(raw);
            long size = Vma.PAGE_SIZE;
            boolean dirty = (raw & Pte.DIRTY) != 0 || m.frames.dirty(pfn);
            int mapcount = Math.max(1, m.frames.mapcount(pfn));
            u[0] += size;
            if ((raw & Pte.ACCESSED) != 0) u[6] += size;
            if (m.frames.kind(pfn) == FrameKind.ANON) u[7] += size;
            long pss = (size << VmaUsage.PSS_SHIFT) / mapcount;
            u[1] += pss;
            if (dirty) u[9] += pss;
            if (mapcount >= 2) u[dirty ? 3 : 2] += size;
            else u[dirty ? 5 : 4] += size;
        });
        return new VmaUsage(u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9]);
    }

    /** Who owns frame pfn, with its counts and reverse map. */
    public FrameInfo frame(long pfn) {
        Frames f = m.frames;
        if (!f.inUse(pfn)) return new FrameInfo(pfn, FrameKind.FREE, "free", 0, null, null, 0, 0, 0, false, List.of());
        FrameKind kind = f.kind(pfn);
        long mmId = f.tableMm(pfn);
        FileKey file = f.file(pfn);
        String level = kind == FrameKind.PAGE_TABLE ? m.mms.containsKey(mmId)
            ? m.mms.get(mmId).tables.format.level(f.level(pfn)).name() : "level " + f.level(pfn) : null;
        String owner = switch (kind) {
            case PAGE_TABLE -> String.format(java.util.Locale.ROOT, "%s table of mm %d (from %x)", level, mmId, f.index(pfn));
            case FILE -> "page cache " + file.path() + " #" + f.index(pfn);
            case SHMEM -> "shmem " + file.path() + " #" + f.index(pfn);
            case ANON -> "anon";
            default -> f.label(pfn);
        };
        return new FrameInfo(pfn, kind, owner, mmId, level, file == null ? null : file.path(), f.index(pfn),
            f.refcount(pfn), f.mapcount(pfn), f.dirty(pfn), List.copyOf(f.mappings(pfn)));
    }

    public FrameKind frameKind(long pfn) {
        return m.kind(pfn);
    }

    public int refcount(long pfn) {
        return m.frames.inUse(pfn) ? m.frames.refcount(pfn) : 0;
    }

    public int mapcount(long pfn) {
        return m.frames.inUse(pfn) ? m.frames.mapcount(pfn) : 0;
    }

    /** A copy of the buddy allocator: free lists, buddyinfo, nr_free. */
    public BuddyAllocator buddy() {
        return m.buddy.copy();
    }

    public long freeFrames() {
        return m.buddy.nrFree();
    }

    /** The frame of the shared zero page, or -1 before it exists. */
    public long zeroPfn() {
        return m.zeroPfn;
    }

    /** Every page of the page cache, oldest first. */
    public List<CachedPage> pageCache() {
        List<CachedPage> out = new ArrayList<>();
        for (Map.Entry<PageCache.Key, Long> e : m.cache.entries()) {
            long pfn = e.getValue();
            out.add(new CachedPage(e.getKey().file().path(), e.getKey().index(), pfn, m.frames.dirty(pfn),
                m.frames.mapcount(pfn), m.frames.kind(pfn) == FrameKind.SHMEM));
        }
        return out;
    }

    /**
     * Null when consistent, else the first problem: the buddy allocator's invariants; every frame free in the
     * buddy allocator exactly when it has no owner; each mm's RSS counters equal to its PTEs counted by the
     * kind of frame they map; every frame's mapcount equal to the PTEs mapping it and its refcount to the
     * mapcount plus the page cache's or kernel's own reference; each table's used count; mms given are all
     * known.
     */
    public String checkInvariants(Collection<Mm> live) {
        return PhysInvariants.check(m, live);
    }
}
