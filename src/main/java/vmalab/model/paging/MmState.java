package vmalab.model.paging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The physical side of one mm, keyed by Mm.id(): its page tables, its RSS counters, and where it maps shmem
 * files (each VMA of a shmem file holds a reference to it; the file, and its pages, go with the last one).
 */
final class MmState {
    /** A range of one mm mapping a shmem file. */
    record ShmemRange(long start, long end, FileKey file) { }

    final long id;
    final PageTables tables;
    /** MM_FILEPAGES, MM_ANONPAGES, MM_SHMEMPAGES. */
    final long[] rss = new long[3];
    final TreeMap<Long, ShmemRange> shmem = new TreeMap<>();
    /** How many ranges of {@link #shmem} map each file. */
    private final HashMap<FileKey, Integer> shmemFiles = new HashMap<>();

    static final int FILE = 0;
    static final int ANON = 1;
    static final int SHMEM = 2;

    MmState(long id, TableFormat format) {
        this.id = id;
        this.tables = new PageTables(format);
    }

    private MmState(long id, PageTables tables) {
        this.id = id;
        this.tables = tables;
    }

    Rss rss() {
        return new Rss(rss[FILE], rss[ANON], rss[SHMEM]);
    }

    MmState copy() {
        MmState c = new MmState(id, tables.copy());
        System.arraycopy(rss, 0, c.rss, 0, rss.length);
        c.shmem.putAll(shmem);
        c.shmemFiles.putAll(shmemFiles);
        return c;
    }

    /** Notes that [start, end) maps shmem file f, joining the ranges of the same file it touches. */
    void noteShmem(long start, long end, FileKey f) {
        long s = start;
        long e = end;
        Map.Entry<Long, ShmemRange> lower = shmem.lowerEntry(start);
        if (lower != null && lower.getValue().end() >= start) {
            ShmemRange r = lower.getValue();
            if (r.file().equals(f)) {
                s = r.start();
                e = Math.max(e, r.end());
                remove(lower.getKey());
            } else if (r.end() > start) {
                put(r.start(), new ShmemRange(r.start(), start, r.file()));
            }
        }
        for (ShmemRange r : new ArrayList<>(shmem.subMap(start, true, e, true).values())) {
            if (r.file().equals(f)) {
                e = Math.max(e, r.end());
                remove(r.start());
            } else if (r.start() < end) {
                remove(r.start());
                if (r.end() > end) put(end, new ShmemRange(end, r.end(), r.file()));
            }
        }
        put(s, new ShmemRange(s, e, f));
    }

    /** Forgets [start, end) (no VMA is left there); cuts the ranges that straddle it. */
    void forgetShmem(long start, long end) {
        Map.Entry<Long, ShmemRange> lower = shmem.lowerEntry(start);
        if (lower != null && lower.getValue().end() > start) {
            ShmemRange r = lower.getValue();
            put(r.start(), new ShmemRange(r.start(), start, r.file()));
            if (r.end() > end) put(end, new ShmemRange(end, r.end(), r.file()));
        }
        for (Map.Entry<Long, ShmemRange> n = shmem.ceilingEntry(start); n != null && n.getKey() < end;
                n = shmem.ceilingEntry(start)) {
            ShmemRange r = n.getValue();
            remove(n.getKey());
            if (r.end() > end) put(end, new ShmemRange(end, r.end(), r.file()));
        }
    }

    /** Moves the ranges inside [from, from+len) to start at to (mremap). */
    void moveShmem(long from, long to, long len) {
        TreeMap<Long, ShmemRange> moved = new TreeMap<>();
        List<ShmemRange> inside = new ArrayList<>(shmem.subMap(from, true, from + len, false).values());
        Map.Entry<Long, ShmemRange> lower = shmem.lowerEntry(from);
        if (lower != null && lower.getValue().end() > from) inside.add(lower.getValue());
        for (ShmemRange r : inside) {
            long s = Math.max(r.start(), from);
            long e = Math.min(r.end(), from + len);
            moved.put(s - from + to, new ShmemRange(s - from + to, e - from + to, r.file()));
        }
        forgetShmem(from, from + len);
        for (ShmemRange r : moved.values()) noteShmem(r.start(), r.end(), r.file());
    }

    boolean mapsShmem(FileKey f) {
        return shmemFiles.containsKey(f);
    }

    private void put(long start, ShmemRange r) {
        ShmemRange old = shmem.put(start, r);
        if (old != null) uncount(old.file());
        shmemFiles.merge(r.file(), 1, Integer::sum);
    }

    private void remove(long start) {
        ShmemRange old = shmem.remove(start);
        if (old != null) uncount(old.file());
    }

    private void uncount(FileKey f) {
        shmemFiles.computeIfPresent(f, (k, n) -> n == 1 ? null : n - 1);
    }
}
