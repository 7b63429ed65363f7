package vmalab.model.paging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

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

    /** A file as a page remembers it: its inode and the path it was read through (FileKey ignores the path). */
    private record FileName(int major, int minor, long inode, String path) { }

    private final byte[] kind;
    private final byte[] flags;
    /** A page table's level; else -1. */
    private final byte[] level;
    private final int[] refcount;
    /** _mapcount + 1: the reverse map's size. */
    private final int[] mapcount;
    /** A page table's mm; else the mm of the first reverse-map entry. */
    private final int[] mm;
    /** The address of the first reverse-map entry. */
    private final long[] addr;
    /** A page table's first address; a page-cache page's index in its file. */
    private final long[] index;
    /** A page-cache page's file (in {@link #files}); a kernel or alloc_pages frame's label (in {@link #labels}). */
    private final int[] ref;
    /** The first overflow entry of the reverse map (in the pool), or -1. */
    private final int[] more;

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
        kind = new byte[frames];
        flags = new byte[frames];
        level = new byte[frames];
        refcount = new int[frames];
        mapcount = new int[frames];
        mm = new int[frames];
        addr = new long[frames];
        index = new long[frames];
        ref = new int[frames];
        more = new int[frames];
        Arrays.fill(level, (byte) -1);
        Arrays.fill(ref, NIL);
        Arrays.fill(more, NIL);
        poolMm = new int[16];
        poolAddr = new long[16];
        poolNext = new int[16];
        files = new ArrayList<>();
        fileIds = new HashMap<>();
        labels = new ArrayList<>();
        labelIds = new HashMap<>();
    }

    private Frames(Frames o) {
        kind = o.kind.clone();
        flags = o.flags.clone();
        level = o.level.clone();
        refcount = o.refcount.clone();
        mapcount = o.mapcount.clone();
        mm = o.mm.clone();
        addr = o.addr.clone();
        index = o.index.clone();
        ref = o.ref.clone();
        more = o.more.clone();
        poolMm = o.poolMm.clone();
        poolAddr = o.poolAddr.clone();
        poolNext = o.poolNext.clone();
        poolFree = o.poolFree;
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
        return kind.length;
    }

    boolean valid(long pfn) {
        return pfn >= 0 && pfn < kind.length;
    }

    /** Whether the frame has a struct page in use (it is not free). */
    boolean inUse(long pfn) {
        return valid(pfn) && kind[(int) pfn] != 0;
    }

    FrameKind kind(long pfn) {
        return valid(pfn) ? KINDS[kind[(int) pfn]] : FrameKind.FREE;
    }

    /** A fresh struct page of this kind: no references, no mappings, no owner. */
    void make(int pfn, FrameKind k) {
        reset(pfn);
        kind[pfn] = (byte) k.ordinal();
    }

    /** The frame goes back to the buddy allocator: its struct page is forgotten. */
    void clear(int pfn) {
        reset(pfn);
    }

    private void reset(int pfn) {
        for (int e = more[pfn]; e != NIL; ) {
            int n = poolNext[e];
            release(e);
            e = n;
        }
        kind[pfn] = 0;
        flags[pfn] = 0;
        level[pfn] = -1;
        refcount[pfn] = 0;
        mapcount[pfn] = 0;
        mm[pfn] = 0;
        addr[pfn] = 0;
        index[pfn] = 0;
        ref[pfn] = NIL;
        more[pfn] = NIL;
    }

    boolean inPageCache(long pfn) {
        FrameKind k = kind(pfn);
        return k == FrameKind.FILE || k == FrameKind.SHMEM;
    }

    int refcount(long pfn) {
        return refcount[(int) pfn];
    }

    void setRefcount(long pfn, int n) {
        refcount[(int) pfn] = n;
    }

    /** get_page(): the new refcount. */
    int get(long pfn) {
        return ++refcount[(int) pfn];
    }

    /** The refcount less one (put_page() before the free). */
    int put(long pfn) {
        return --refcount[(int) pfn];
    }

    int mapcount(long pfn) {
        return mapcount[(int) pfn];
    }

    boolean dirty(long pfn) {
        return (flags[(int) pfn] & DIRTY) != 0;
    }

    void setDirty(long pfn, boolean d) {
        int p = (int) pfn;
        flags[p] = (byte) (d ? flags[p] | DIRTY : flags[p] & ~DIRTY);
    }

    int level(long pfn) {
        return level[(int) pfn];
    }

    long index(long pfn) {
        return index[(int) pfn];
    }

    /** A page table's owner and place: its mm, its level and the first address it covers. */
    void setTable(long pfn, long mmId, int lvl, long base) {
        int p = (int) pfn;
        mm[p] = Math.toIntExact(mmId);
        level[p] = (byte) lvl;
        index[p] = base;
    }

    /** A page table's mm; 0 for any other frame. */
    long tableMm(long pfn) {
        return kind(pfn) == FrameKind.PAGE_TABLE ? mm[(int) pfn] : 0;
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
        ref[p] = id;
        index[p] = idx;
    }

    FileKey file(long pfn) {
        int r = ref[(int) pfn];
        return r == NIL || !inPageCache(pfn) ? null : files.get(r);
    }

    void setLabel(long pfn, String label) {
        Integer id = labelIds.get(label);
        if (id == null) {
            id = labels.size();
            labels.add(label);
            labelIds.put(label, id);
        }
        ref[(int) pfn] = id;
    }

    /** A kernel or alloc_pages frame's label; null for others. */
    String label(long pfn) {
        int r = ref[(int) pfn];
        return r == NIL || inPageCache(pfn) ? null : labels.get(r);
    }

    // --- the reverse map ---

    /** page_add_*_rmap(): one more PTE maps the frame. */
    void addMapping(long pfn, long mmId, long va) {
        int p = (int) pfn;
        int id = Math.toIntExact(mmId);
        if (mapcount[p] == 0) {
            mm[p] = id;
            addr[p] = va;
        } else {
            int e = take();
            poolMm[e] = id;
            poolAddr[e] = va;
            poolNext[e] = NIL;
            if (more[p] == NIL) {
                more[p] = e;
            } else {
                int last = more[p];
                while (poolNext[last] != NIL) last = poolNext[last];
                poolNext[last] = e;
            }
        }
        mapcount[p]++;
    }

    /** page_remove_rmap(): the first entry for (mm, address) goes; false when there was none. */
    boolean removeMapping(long pfn, long mmId, long va) {
        int p = (int) pfn;
        if (mapcount[p] == 0) return false;
        if (mm[p] == mmId && addr[p] == va) {
            int e = more[p];
            if (e != NIL) {
                mm[p] = poolMm[e];
                addr[p] = poolAddr[e];
                more[p] = poolNext[e];
                release(e);
            } else {
                mm[p] = 0;
                addr[p] = 0;
            }
            mapcount[p]--;
            return true;
        }
        for (int prev = NIL, e = more[p]; e != NIL; prev = e, e = poolNext[e]) {
            if (poolMm[e] == mmId && poolAddr[e] == va) {
                if (prev == NIL) more[p] = poolNext[e];
                else poolNext[prev] = poolNext[e];
                release(e);
                mapcount[p]--;
                return true;
            }
        }
        return false;
    }

    boolean hasMapping(long pfn, long mmId, long va) {
        int p = (int) pfn;
        if (mapcount[p] == 0) return false;
        if (mm[p] == mmId && addr[p] == va) return true;
        for (int e = more[p]; e != NIL; e = poolNext[e]) {
            if (poolMm[e] == mmId && poolAddr[e] == va) return true;
        }
        return false;
    }

    /** The reverse map, in the order its entries were added. */
    List<Mapping> mappings(long pfn) {
        int p = (int) pfn;
        if (mapcount[p] == 0) return List.of();
        List<Mapping> out = new ArrayList<>(mapcount[p]);
        out.add(new Mapping(mm[p], addr[p]));
        for (int e = more[p]; e != NIL; e = poolNext[e]) out.add(new Mapping(poolMm[e], poolAddr[e]));
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
