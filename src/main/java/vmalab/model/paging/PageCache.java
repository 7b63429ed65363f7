package vmalab.model.paging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The page cache of every file (each inode's address_space i_pages), shared by every process: page
 * {@code index} of a file lives in one frame. Kept in least-recently-used order for reclaim.
 */
final class PageCache {
    record Key(FileKey file, long index) { }

    private final LinkedHashMap<Key, Long> pages = new LinkedHashMap<>();
    /** Each file's cached page indexes (an inode's i_pages). */
    private final Map<FileKey, TreeSet<Long>> byFile = new HashMap<>();

    /** filemap_get_folio(): the frame holding the page, or -1. */
    long lookup(FileKey f, long index) {
        Long pfn = pages.get(new Key(f, index));
        return pfn == null ? -1 : pfn;
    }

    void add(FileKey f, long index, long pfn) {
        pages.put(new Key(f, index), pfn);
        byFile.computeIfAbsent(f, k -> new TreeSet<>()).add(index);
    }

    void remove(FileKey f, long index) {
        pages.remove(new Key(f, index));
        TreeSet<Long> idx = byFile.get(f);
        if (idx != null) {
            idx.remove(index);
            if (idx.isEmpty()) byFile.remove(f);
        }
    }

    /** The cached page indexes of one file, ascending (a snapshot). */
    List<Long> indexes(FileKey f) {
        TreeSet<Long> idx = byFile.get(f);
        return idx == null ? List.of() : new ArrayList<>(idx);
    }

    /** folio_mark_accessed(): moves the page to the young end. */
    void touch(FileKey f, long index) {
        Key k = new Key(f, index);
        Long pfn = pages.remove(k);
        if (pfn != null) pages.put(k, pfn);
    }

    /** Oldest first. */
    List<Map.Entry<Key, Long>> entries() {
        return new ArrayList<>(pages.entrySet());
    }

    int size() {
        return pages.size();
    }

    PageCache copy() {
        PageCache c = new PageCache();
        c.pages.putAll(pages);
        for (Map.Entry<FileKey, TreeSet<Long>> e : byFile.entrySet()) c.byFile.put(e.getKey(), new TreeSet<>(e.getValue()));
        return c;
    }
}
