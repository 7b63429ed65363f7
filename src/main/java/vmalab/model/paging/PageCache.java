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
 * <p>Held in primitive arrays, as the kernel's xarray holds i_pages in nodes of 64: a file's pages come in
 * chunks of 64 consecutive indexes, found through an open-addressing hash table of (file, index / 64), so a
 * sequential read stays within one chunk; each cached page is a slot of its chunk (frame, and its place in
 * the LRU list). No object per page, and a copy is a few array clones.
 */
final class PageCache {
    record Key(FileKey file, long index) { }

    private static final int NIL = -1;
    private static final int CHUNK_SHIFT = 6;
    private static final int CHUNK = 1 << CHUNK_SHIFT;

    /** Files by inode (FileKey's equality), each with an id. */
    private final HashMap<FileKey, Integer> fileIds;
    /** How many pages of each file id are cached. */
    private int[] fileCount;

    private int[] chunkFileId;
    private long[] chunkNo;
    private int[] chunkCount;
    private int freeChunk = NIL;
    private int chunksUsed;
    /** Open addressing, linear probing: chunk + 1, 0 for empty. */
    private int[] table;
    private int chunks;

    /** Per slot (chunk * 64 + index % 64): the frame + 1 (0: not cached), and its LRU links. */
    private long[] slotPfn;
    /** The key each slot was last added or touched under (its path is what the cache shows). */
    private FileKey[] slotFile;
    private int[] older;
    private int[] younger;
    private int oldest = NIL;
    private int youngest = NIL;
    private int size;
    private FileKey lastFile;
    private int lastFileId = NIL;
    /**
     * The chunk the last lookup found: filemap_map_pages() walks consecutive indexes (the xarray walk stays in
     * one node), so the next lookup usually lands in it. Checked against the chunk's (file, number) before use:
     * a chunk freed or reused for other pages no longer matches.
     */
    private int lastChunk = NIL;

    PageCache() {
        fileIds = new HashMap<>();
        fileCount = new int[4];
        chunkFileId = new int[4];
        chunkNo = new long[4];
        chunkCount = new int[4];
        table = new int[8];
        slotPfn = new long[4 * CHUNK];
        slotFile = new FileKey[4 * CHUNK];
        older = new int[4 * CHUNK];
        younger = new int[4 * CHUNK];
    }

    private PageCache(PageCache o) {
        fileIds = new HashMap<>(o.fileIds);
        fileCount = o.fileCount.clone();
        chunkFileId = o.chunkFileId.clone();
        chunkNo = o.chunkNo.clone();
        chunkCount = o.chunkCount.clone();
        freeChunk = o.freeChunk;
        chunksUsed = o.chunksUsed;
        table = o.table.clone();
        chunks = o.chunks;
        slotPfn = o.slotPfn.clone();
        slotFile = o.slotFile.clone();
        older = o.older.clone();
        younger = o.younger.clone();
        oldest = o.oldest;
        youngest = o.youngest;
        size = o.size;
    }

    PageCache copy() {
        return new PageCache(this);
    }

    private static int hash(int fileId, long chunk) {
        long h = (chunk * 0x9E3779B97F4A7C15L) ^ ((long) fileId * 0xC2B2AE3D27D4EB4FL);
        return (int) (h ^ (h >>> 29));
    }

    private int fileId(FileKey f, boolean make) {
        if (f == lastFile) return lastFileId;
        // a fault makes a new key for the same inode each time: equal keys have one id
        if (lastFile != null && lastFile.equals(f)) return lastFileId;
        Integer id = fileIds.get(f);
        if (id == null) {
            if (!make) return NIL;
            id = fileIds.size();
            fileIds.put(f, id);
            if (id == fileCount.length) fileCount = Arrays.copyOf(fileCount, id * 2);
        }
        lastFile = f;
        lastFileId = id;
        return id;
    }

    /** The chunk holding (file, chunk number), or -1. */
    private int findChunk(int fileId, long no) {
        int last = lastChunk;
        if (last != NIL && chunkNo[last] == no && chunkFileId[last] == fileId) return last;
        int c = probe(fileId, no);
        if (c != NIL) lastChunk = c;
        return c;
    }

    private int probe(int fileId, long no) {
        int mask = table.length - 1;
        for (int i = hash(fileId, no) & mask; ; i = (i + 1) & mask) {
            int c = table[i] - 1;
            if (c == NIL) return NIL;
            if (chunkNo[c] == no && chunkFileId[c] == fileId) return c;
        }
    }

    /** The slot of a cached page, or -1. */
    private int slot(FileKey f, long index) {
        int id = fileId(f, false);
        if (id == NIL) return NIL;
        int c = findChunk(id, index >>> CHUNK_SHIFT);
        if (c == NIL) return NIL;
        int s = c << CHUNK_SHIFT | (int) (index & (CHUNK - 1));
        return slotPfn[s] == 0 ? NIL : s;
    }

    /** filemap_get_folio(): the frame holding the page, or -1. */
    long lookup(FileKey f, long index) {
        int s = slot(f, index);
        return s == NIL ? -1 : slotPfn[s] - 1;
    }

    void add(FileKey f, long index, long pfn) {
        int s = slot(f, index);
        if (s != NIL) {
            // a second add of a cached page replaces its frame and keeps its place, as Map.put would
            slotPfn[s] = pfn + 1;
            return;
        }
        int id = fileId(f, true);
        long no = index >>> CHUNK_SHIFT;
        int c = findChunk(id, no);
        if (c == NIL) c = newChunk(id, no);
        s = c << CHUNK_SHIFT | (int) (index & (CHUNK - 1));
        slotPfn[s] = pfn + 1;
        slotFile[s] = f;
        linkYoungest(s);
        chunkCount[c]++;
        fileCount[id]++;
        size++;
    }

    void remove(FileKey f, long index) {
        int s = slot(f, index);
        if (s == NIL) return;
        int c = s >>> CHUNK_SHIFT;
        unlinkLru(s);
        slotPfn[s] = 0;
        slotFile[s] = null;
        fileCount[chunkFileId[c]]--;
        size--;
        if (--chunkCount[c] == 0) freeChunk(c);
    }

    /** The cached page indexes of one file, ascending (a snapshot). */
    List<Long> indexes(FileKey f) {
        int id = fileId(f, false);
        if (id == NIL || fileCount[id] == 0) return List.of();
        long[] found = new long[fileCount[id]];
        int n = 0;
        for (int c = 0; c < chunksUsed; c++) {
            if (chunkCount[c] == 0 || chunkFileId[c] != id) continue;
            for (int i = 0; i < CHUNK; i++) {
                if (slotPfn[c << CHUNK_SHIFT | i] != 0) found[n++] = chunkNo[c] << CHUNK_SHIFT | i;
            }
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
            long index = chunkNo[s >>> CHUNK_SHIFT] << CHUNK_SHIFT | (s & (CHUNK - 1));
            out.add(new AbstractMap.SimpleImmutableEntry<>(new Key(slotFile[s], index), slotPfn[s] - 1));
        }
        return out;
    }

    int size() {
        return size;
    }

    // --- chunks and the LRU list ---

    private int newChunk(int fileId, long no) {
        int c;
        if (freeChunk != NIL) {
            c = freeChunk;
            freeChunk = chunkCount[c];
            chunkCount[c] = 0;
        } else {
            if (chunksUsed == chunkNo.length) {
                int n = chunkNo.length * 2;
                chunkFileId = Arrays.copyOf(chunkFileId, n);
                chunkNo = Arrays.copyOf(chunkNo, n);
                chunkCount = Arrays.copyOf(chunkCount, n);
                slotPfn = Arrays.copyOf(slotPfn, n * CHUNK);
                slotFile = Arrays.copyOf(slotFile, n * CHUNK);
                older = Arrays.copyOf(older, n * CHUNK);
                younger = Arrays.copyOf(younger, n * CHUNK);
            }
            c = chunksUsed++;
        }
        chunkFileId[c] = fileId;
        chunkNo[c] = no;
        insert(c);
        chunks++;
        return c;
    }

    /** An empty chunk leaves the table; its count links it into the free list. */
    private void freeChunk(int c) {
        erase(c);
        chunks--;
        chunkCount[c] = freeChunk;
        chunkFileId[c] = NIL;
        freeChunk = c;
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

    private void insert(int c) {
        if ((chunks + 1) * 2 > table.length) rehash(table.length * 2);
        int mask = table.length - 1;
        int i = hash(chunkFileId[c], chunkNo[c]) & mask;
        while (table[i] != 0) i = (i + 1) & mask;
        table[i] = c + 1;
    }

    private void rehash(int capacity) {
        int[] old = table;
        table = new int[capacity];
        int mask = capacity - 1;
        for (int e : old) {
            if (e == 0) continue;
            int c = e - 1;
            int i = hash(chunkFileId[c], chunkNo[c]) & mask;
            while (table[i] != 0) i = (i + 1) & mask;
            table[i] = e;
        }
    }

    /** Removes chunk c from the table, shifting back the entries of its probe run (no tombstones). */
    private void erase(int c) {
        int mask = table.length - 1;
        int i = hash(chunkFileId[c], chunkNo[c]) & mask;
        while (table[i] != c + 1) i = (i + 1) & mask;
        table[i] = 0;
        for (int j = (i + 1) & mask; table[j] != 0; j = (j + 1) & mask) {
            int t = table[j] - 1;
            int home = hash(chunkFileId[t], chunkNo[t]) & mask;
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
