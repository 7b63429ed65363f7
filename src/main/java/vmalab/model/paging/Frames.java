package vmalab.model.paging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import vmalab.model.cow.CowBytes;
import vmalab.model.cow.CowInts;
import vmalab.model.cow.CowLongs;

/**
 * The struct page of every frame (the kernel's mem_map[]), kept as parallel primitive arrays: no object per
 * frame, so a million resident pages cost some forty bytes each and a checkpoint is a handful of array clones.
 * A frame whose kind is {@link FrameKind#FREE} has no struct page in use (the buddy allocator keeps it).
 *
 * <p>The reverse map keeps its first entry inline (most pages are mapped once); the others live in a pool of
 * entries chained per frame, in the order they were added, so {@link #mappings} lists them as
 * page_add_*_rmap() added them.
 */
final class Frames {
    private static final FrameKind[] KINDS = FrameKind.values();
    private static final int NIL = -1;
    private static final byte DIRTY = 1;
    private static final byte INACTIVE = 2;
    /** folio_mark_lazyfree(): an anonymous page MADV_FREE made discardable (no longer swap-backed). */
    private static final byte LAZYFREE = 4;

    /** A file as a page remembers it: its inode and the path it was read through (FileKey ignores the path). */
    private record FileName(int major, int minor, long inode, String path) { }

    private final CowBytes kind;
    private final CowBytes flags;
    /** A page table's level; else -1. */
    private final CowBytes level;
    private final CowInts refcount;
    /** _mapcount + 1: the reverse map's size. */
    private final CowInts mapcount;
    /** A page table's mm; else the mm of the first reverse-map entry. */
    private final CowInts mm;
    /** The address of the first reverse-map entry. */
    private final CowLongs addr;
    /** A page table's first address; a page-cache page's index in its file. */
    private final CowLongs index;
    /** A page-cache page's file (in {@link #files}); a kernel or alloc_pages frame's label (in {@link #labels}). */
    private final CowInts ref;
    /** The first overflow entry of the reverse map (in the pool), or -1. */
    private final CowInts more;

    /** The inactive file list, oldest first; see {@link #inactiveAdd}. */
    private int inactiveHead = NIL;
    private int inactiveTail = NIL;
    private int inactiveSize;
    private int lazyfreeCount;

    private int[] poolMm;
    private long[] poolAddr;
    private int[] poolNext;
    private int poolFree = NIL;
    private int poolUsed;

    private final List<FileKey> files;
    private final HashMap<FileName, Integer> fileIds;
    private final List<String> labels;
    private final HashMap<String, Integer> labelIds;

    Frames(int frames) {
        kind = new CowBytes(frames, (byte) 0);
        flags = new CowBytes(frames, (byte) 0);
        level = new CowBytes(frames, (byte) -1);
        refcount = new CowInts(frames, 0);
        mapcount = new CowInts(frames, 0);
        mm = new CowInts(frames, 0);
        addr = new CowLongs(frames, 0);
        index = new CowLongs(frames, 0);
        ref = new CowInts(frames, NIL);
        more = new CowInts(frames, NIL);
        poolMm = new int[16];
        poolAddr = new long[16];
        poolNext = new int[16];
        files = new ArrayList<>();
        fileIds = new HashMap<>();
        labels = new ArrayList<>();
        labelIds = new HashMap<>();
    }

    private Frames(Frames o) {
        kind = o.kind.copy();
        flags = o.flags.copy();
        level = o.level.copy();
        refcount = o.refcount.copy();
        mapcount = o.mapcount.copy();
        mm = o.mm.copy();
        addr = o.addr.copy();
        index = o.index.copy();
        ref = o.ref.copy();
        more = o.more.copy();
        poolMm = o.poolMm.clone();
        poolAddr = o.poolAddr.clone();
        poolNext = o.poolNext.clone();
        poolFree = o.poolFree;
        inactiveHead = o.inactiveHead;
        inactiveTail = o.inactiveTail;
        inactiveSize = o.inactiveSize;
        lazyfreeCount = o.lazyfreeCount;
        poolUsed = o.poolUsed;
        files = new ArrayList<>(o.files);
        fileIds = new HashMap<>(o.fileIds);
        labels = new ArrayList<>(o.labels);
        labelIds = new HashMap<>(o.labelIds);
    }

    Frames copy() {
        return new Frames(this);
    }

    int length() {
        return kind.length();
    }

    boolean valid(long pfn) {
        return pfn >= 0 && pfn < kind.length();
    }

    /** Whether the frame has a struct page in use (it is not free). */
    boolean inUse(long pfn) {
        return valid(pfn) && kind.get((int) pfn) != 0;
    }

    FrameKind kind(long pfn) {
        return valid(pfn) ? KINDS[kind.get((int) pfn)] : FrameKind.FREE;
    }

    /** A fresh struct page of this kind: no references, no mappings, no owner. */
    void make(int pfn, FrameKind k) {
        reset(pfn);
        kind.set(pfn, (byte) k.ordinal());
    }

    /** The frame goes back to the buddy allocator: its struct page is forgotten. */
    void clear(int pfn) {
        reset(pfn);
    }

    private void reset(int pfn) {
        inactiveRemove(pfn);
        setLazyfree(pfn, false);
        for (int e = more.get(pfn); e != NIL; ) {
            int n = poolNext[e];
            release(e);
            e = n;
        }
        // only what differs is written: a shared chunk is cloned on its first real change
        if (kind.get(pfn) != 0) kind.set(pfn, (byte) 0);
        if (flags.get(pfn) != 0) flags.set(pfn, (byte) 0);
        if (level.get(pfn) != -1) level.set(pfn, (byte) -1);
        if (refcount.get(pfn) != 0) refcount.set(pfn, 0);
        if (mapcount.get(pfn) != 0) mapcount.set(pfn, 0);
        if (mm.get(pfn) != 0) mm.set(pfn, 0);
        if (addr.get(pfn) != 0) addr.set(pfn, 0);
        if (index.get(pfn) != 0) index.set(pfn, 0);
        if (ref.get(pfn) != NIL) ref.set(pfn, NIL);
        if (more.get(pfn) != NIL) more.set(pfn, NIL);
    }

    boolean inPageCache(long pfn) {
        FrameKind k = kind(pfn);
        return k == FrameKind.FILE || k == FrameKind.SHMEM;
    }

    int refcount(long pfn) {
        return refcount.get((int) pfn);
    }

    void setRefcount(long pfn, int n) {
        refcount.set((int) pfn, n);
    }

    /** get_page(): the new refcount. */
    int get(long pfn) {
        return refcount.add((int) pfn, 1);
    }

    /** The refcount less one (put_page() before the free). */
    int put(long pfn) {
        return refcount.add((int) pfn, -1);
    }

    int mapcount(long pfn) {
        return mapcount.get((int) pfn);
    }

    boolean dirty(long pfn) {
        return (flags.get((int) pfn) & DIRTY) != 0;
    }

    void setDirty(long pfn, boolean d) {
        int p = (int) pfn;
        flags.set(p, (byte) (d ? flags.get(p) | DIRTY : flags.get(p) & ~DIRTY));
    }

    boolean lazyfree(long pfn) {
        return (flags.get((int) pfn) & LAZYFREE) != 0;
    }

    void setLazyfree(long pfn, boolean on) {
        int p = (int) pfn;
        if (lazyfree(p) == on) return;
        flags.set(p, (byte) (on ? flags.get(p) | LAZYFREE : flags.get(p) & ~LAZYFREE));
        lazyfreeCount += on ? 1 : -1;
    }

    /** How many frames are lazyfree (reclaim looks for them only when there are some). */
    int lazyfreeCount() {
        return lazyfreeCount;
    }

    int level(long pfn) {
        return level.get((int) pfn);
    }

    long index(long pfn) {
        return index.get((int) pfn);
    }

    /** A page table's owner and place: its mm, its level and the first address it covers. */
    void setTable(long pfn, long mmId, int lvl, long base) {
        int p = (int) pfn;
        mm.set(p, Math.toIntExact(mmId));
        level.set(p, (byte) lvl);
        index.set(p, base);
    }

    /** A page table's mm; 0 for any other frame. */
    long tableMm(long pfn) {
        return kind(pfn) == FrameKind.PAGE_TABLE ? mm.get((int) pfn) : 0;
    }

    /** A page-cache page's file and index. */
    void setFilePage(long pfn, FileKey f, long idx) {
        int p = (int) pfn;
        FileName n = new FileName(f.major(), f.minor(), f.inode(), f.path());
        Integer id = fileIds.get(n);
        if (id == null) {
            id = files.size();
            files.add(f);
            fileIds.put(n, id);
        }
        ref.set(p, id);
        index.set(p, idx);
    }

    FileKey file(long pfn) {
        int r = ref.get((int) pfn);
        return r == NIL || !inPageCache(pfn) ? null : files.get(r);
    }

    void setLabel(long pfn, String label) {
        Integer id = labelIds.get(label);
        if (id == null) {
            id = labels.size();
            labels.add(label);
            labelIds.put(label, id);
        }
        ref.set((int) pfn, id);
    }

    /** A kernel or alloc_pages frame's label; null for others. */
    String label(long pfn) {
        int r = ref.get((int) pfn);
        return r == NIL || inPageCache(pfn) ? null : labels.get(r);
    }

    // --- the reverse map ---

    /** page_add_*_rmap(): one more PTE maps the frame. */
    void addMapping(long pfn, long mmId, long va) {
        int p = (int) pfn;
        int id = Math.toIntExact(mmId);
        if (onInactive(p)) throw new IllegalStateException("frame " + pfn + " is mapped while on the inactive list");
        if (mapcount.get(p) == 0) {
            mm.set(p, id);
            addr.set(p, va);
        } else {
            int e = take();
            poolMm[e] = id;
            poolAddr[e] = va;
            poolNext[e] = NIL;
            if (more.get(p) == NIL) {
                more.set(p, e);
            } else {
                int last = more.get(p);
                while (poolNext[last] != NIL) last = poolNext[last];
                poolNext[last] = e;
            }
        }
        mapcount.add(p, 1);
    }

    /** page_remove_rmap(): the first entry for (mm, address) goes; false when there was none. */
    boolean removeMapping(long pfn, long mmId, long va) {
        int p = (int) pfn;
        if (mapcount.get(p) == 0) return false;
        if (mm.get(p) == mmId && addr.get(p) == va) {
            int e = more.get(p);
            if (e != NIL) {
                mm.set(p, poolMm[e]);
                addr.set(p, poolAddr[e]);
                more.set(p, poolNext[e]);
                release(e);
            } else {
                mm.set(p, 0);
                addr.set(p, 0);
            }
            mapcount.add(p, -1);
            return true;
        }
        for (int prev = NIL, e = more.get(p); e != NIL; prev = e, e = poolNext[e]) {
            if (poolMm[e] == mmId && poolAddr[e] == va) {
                if (prev == NIL) more.set(p, poolNext[e]);
                else poolNext[prev] = poolNext[e];
                release(e);
                mapcount.add(p, -1);
                return true;
            }
        }
        return false;
    }

    boolean hasMapping(long pfn, long mmId, long va) {
        int p = (int) pfn;
        if (mapcount.get(p) == 0) return false;
        if (mm.get(p) == mmId && addr.get(p) == va) return true;
        for (int e = more.get(p); e != NIL; e = poolNext[e]) {
            if (poolMm[e] == mmId && poolAddr[e] == va) return true;
        }
        return false;
    }

    /** The reverse map, in the order its entries were added. */
    List<Mapping> mappings(long pfn) {
        int p = (int) pfn;
        if (mapcount.get(p) == 0) return List.of();
        List<Mapping> out = new ArrayList<>(mapcount.get(p));
        out.add(new Mapping(mm.get(p), addr.get(p)));
        for (int e = more.get(p); e != NIL; e = poolNext[e]) out.add(new Mapping(poolMm[e], poolAddr[e]));
        return out;
    }

    // --- the inactive file list ---
    // A page on it has no mapping, so its inline reverse-map entry holds its links (the kernel's struct page
    // reuses its fields the same way): mm = the older page, addr = the younger one.

    boolean onInactive(long pfn) {
        return (flags.get((int) pfn) & INACTIVE) != 0;
    }

    /** Puts an unmapped page at the young end; a page already on the list keeps its place. */
    void inactiveAdd(long pfn) {
        int p = (int) pfn;
        if (onInactive(p)) return;
        if (mapcount.get(p) != 0) throw new IllegalStateException("frame " + pfn + " is mapped: not inactive");
        flags.set(p, (byte) (flags.get(p) | INACTIVE));
        mm.set(p, inactiveTail);
        addr.set(p, NIL);
        if (inactiveTail != NIL) addr.set(inactiveTail, p);
        else inactiveHead = p;
        inactiveTail = p;
        inactiveSize++;
    }

    void inactiveRemove(long pfn) {
        int p = (int) pfn;
        if (!onInactive(p)) return;
        int older = mm.get(p);
        int younger = (int) addr.get(p);
        if (older != NIL) addr.set(older, younger);
        else inactiveHead = younger;
        if (younger != NIL) mm.set(younger, older);
        else inactiveTail = older;
        flags.set(p, (byte) (flags.get(p) & ~INACTIVE));
        mm.set(p, 0);
        addr.set(p, 0);
        inactiveSize--;
    }

    int inactiveSize() {
        return inactiveSize;
    }

    /** The inactive list, oldest first, at most max pages (a snapshot). */
    List<Long> inactive(int max) {
        List<Long> out = new ArrayList<>(Math.min(max, inactiveSize));
        for (int p = inactiveHead; p != NIL && out.size() < max; p = (int) addr.get(p)) out.add((long) p);
        return out;
    }

    private int take() {
        if (poolFree != NIL) {
            int e = poolFree;
            poolFree = poolNext[e];
            return e;
        }
        if (poolUsed == poolMm.length) {
            int n = poolMm.length * 2;
            poolMm = Arrays.copyOf(poolMm, n);
            poolAddr = Arrays.copyOf(poolAddr, n);
            poolNext = Arrays.copyOf(poolNext, n);
        }
        return poolUsed++;
    }

    private void release(int e) {
        poolNext[e] = poolFree;
        poolFree = e;
    }
}
