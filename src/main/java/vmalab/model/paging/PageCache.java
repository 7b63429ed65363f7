package vmalab.model.paging;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The page cache of every file (each inode's address_space i_pages), shared by every process: page
 * {@code index} of a file lives in one frame. Kept in least-recently-used order for reclaim.
 *
 * <p>Held in primitive arrays: each cached page is a slot (file, index, frame, and its place in the LRU
 * list), found through an open-addressing hash table of (file, index); no object per page, and a copy is a
 * few array clones.
 */
final class PageCache {
    record Key(FileKey file, long index) { }

    private static final int NIL = -1;

    /** Files by inode (FileKey's equality), each with an id. */
    private final HashMap<FileKey, Integer> fileIds;
    /** How many pages of each file id are cached. */
    private int[] fileCount;

    private int[] slotFileId;
    private long[] slotIndex;
    private long[] slotPfn;
    /** The key each slot was last added or touched under (its path is what the cache shows). */
    private FileKey[] slotFile;
    private int[] older;
    private int[] younger;
    private int oldest = NIL;
    private int youngest = NIL;
    private int freeSlot = NIL;
    private int slotsUsed;
    private int size;
    /** Open addressing, linear probing: slot + 1, 0 for empty. */
    private int[] table;

    PageCache() {
        fileIds = new HashMap<>();
        fileCount = new int[4];
        slotFileId = new int[16];
        slotIndex = new long[16];
        slotPfn = new long[16];
        slotFile = new FileKey[16];
        older = new int[16];
        younger = new int[16];
        table = new int[32];
    }

    private PageCache(PageCache o) {
        fileIds = new HashMap<>(o.fileIds);
        fileCount = o.fileCount.clone();
        slotFileId = o.slotFileId.clone();
        slotIndex = o.slotIndex.clone();
        slotPfn = o.slotPfn.clone();
        slotFile = o.slotFile.clone();
        older = o.older.clone();
        younger = o.younger.clone();
        oldest = o.oldest;
        youngest = o.youngest;
        freeSlot = o.freeSlot;
        slotsUsed = o.slotsUsed;
        size = o.size;
        table = o.table.clone();
    }

    PageCache copy() {
        return new PageCache(this);
    }

    private static int hash(int fileId, long index) {
        long h = (index * 0x9E3779B97F4A7C15L) ^ ((long) fileId * 0xC2B2AE3D27D4EB4FL);
        return (int) (h ^ (h >>> 29));
    }

    private int fileId(FileKey f, boolean make) {
        Integer id = fileIds.get(f);
        if (id != null) return id;
        if (!make) return NIL;
        int n = fileIds.size();
        fileIds.put(f, n);
        if (n == fileCount.length) fileCount = Arrays.copyOf(fileCount, n * 2);
        return n;
    }

    /** The slot holding (file, index), or -1. */
    private int find(int fileId, long index) {
        int mask = table.length - 1;
        for (int i = hash(fileId, index) & mask; ; i = (i + 1) & mask) {
            int s = table[i] - 1;
            if (s == NIL) return NIL;
            if (slotIndex[s] == index && slotFileId[s] == fileId) return s;
        }
    }

    private int slot(FileKey f, long index) {
        int id = fileId(f, false);
        return id == NIL ? NIL : find(id, index);
    }

    /** filemap_get_folio(): the frame holding the page, or -1. */
    long lookup(FileKey f, long index) {
        int s = slot(f, index);
        return s == NIL ? -1 : slotPfn[s];
    }

    void add(FileKey f, long index, long pfn) {
        int id = fileId(f, true);
        int s = find(id, index);
        if (s != NIL) {
            // a second add of a cached page replaces its frame and keeps its place, as Map.put would
            slotPfn[s] = pfn;
            return;
        }
        s = newSlot();
        slotFileId[s] = id;
        slotIndex[s] = index;
        slotPfn[s] = pfn;
        slotFile[s] = f;
        linkYoungest(s);
        insert(s);
        fileCount[id]++;
        size++;
    }

    void remove(FileKey f, long index) {
        int s = slot(f, index);
        if (s == NIL) return;
        unlinkLru(s);
        erase(s);
        fileCount[slotFileId[s]]--;
        slotFile[s] = null;
        older[s] = freeSlot;
        freeSlot = s;
        size--;
    }

    /** The cached page indexes of one file, ascending (a snapshot). */
    List<Long> indexes(FileKey f) {
        int id = fileId(f, false);
        if (id == NIL || fileCount[id] == 0) return List.of();
        long[] found = new long[fileCount[id]];
        int n = 0;
        for (int s = oldest; s != NIL; s = younger[s]) {
            if (slotFileId[s] == id) found[n++] = slotIndex[s];
        }
        Arrays.sort(found, 0, n);
        List<Long> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(found[i]);
        return out;
    }

    /** folio_mark_accessed(): moves the page to the young end. */
    void touch(FileKey f, long index) {
        int s = slot(f, index);
        if (s == NIL) return;
        slotFile[s] = f;
        if (s == youngest) return;
        unlinkLru(s);
        linkYoungest(s);
    }

    /** Oldest first. */
    List<Map.Entry<Key, Long>> entries() {
        List<Map.Entry<Key, Long>> out = new ArrayList<>(size);
        for (int s = oldest; s != NIL; s = younger[s]) {
            out.add(new AbstractMap.SimpleImmutableEntry<>(new Key(slotFile[s], slotIndex[s]), slotPfn[s]));
        }
        return out;
    }

    int size() {
        return size;
    }

    // --- slots and the LRU list ---

    private int newSlot() {
        if (freeSlot != NIL) {
            int s = freeSlot;
            freeSlot = older[s];
            return s;
        }
        if (slotsUsed == slotIndex.length) {
            int n = slotIndex.length * 2;
            slotFileId = Arrays.copyOf(slotFileId, n);
            slotIndex = Arrays.copyOf(slotIndex, n);
            slotPfn = Arrays.copyOf(slotPfn, n);
            slotFile = Arrays.copyOf(slotFile, n);
            older = Arrays.copyOf(older, n);
            younger = Arrays.copyOf(younger, n);
        }
        return slotsUsed++;
    }

    private void linkYoungest(int s) {
        older[s] = youngest;
        younger[s] = NIL;
        if (youngest != NIL) younger[youngest] = s;
        else oldest = s;
        youngest = s;
    }

    private void unlinkLru(int s) {
        int o = older[s];
        int y = younger[s];
        if (o != NIL) younger[o] = y;
        else oldest = y;
        if (y != NIL) older[y] = o;
        else youngest = o;
    }

    // --- the hash table ---

    private void insert(int s) {
        if ((size + 1) * 2 > table.length) rehash(table.length * 2);
        int mask = table.length - 1;
        int i = hash(slotFileId[s], slotIndex[s]) & mask;
        while (table[i] != 0) i = (i + 1) & mask;
        table[i] = s + 1;
    }

    private void rehash(int capacity) {
        int[] old = table;
        table = new int[capacity];
        int mask = capacity - 1;
        for (int e : old) {
            if (e == 0) continue;
            int s = e - 1;
            int i = hash(slotFileId[s], slotIndex[s]) & mask;
            while (table[i] != 0) i = (i + 1) & mask;
            table[i] = e;
        }
    }

    /** Removes slot s from the table, shifting back the entries of its probe run (no tombstones). */
    private void erase(int s) {
        int mask = table.length - 1;
        int i = hash(slotFileId[s], slotIndex[s]) & mask;
        while (table[i] != s + 1) i = (i + 1) & mask;
        table[i] = 0;
        for (int j = (i + 1) & mask; table[j] != 0; j = (j + 1) & mask) {
            int t = table[j] - 1;
            int home = hash(slotFileId[t], slotIndex[t]) & mask;
            // t may move to the hole at i when its home is not cyclically in (i, j]
            boolean stays = i <= j ? home > i && home <= j : home > i || home <= j;
            if (!stays) {
                table[i] = table[j];
                table[j] = 0;
                i = j;
            }
        }
    }
}
