package vmalab.model.paging;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * What lies behind the page cache of the files a scenario wrote ({@code file NAME SIZE [cached|cold]}): a
 * file just written is in the page cache on a real machine, so its pages count as cached until the model first
 * needs one, when a frame is made for it without a read (a minor fault); a cold file has none. A page of
 * either kind that is not in the cache (never cached, reclaimed, or punched out) is read from disk: a major
 * fault, with read-ahead. Files not listed here (a program's binary and libraries, shmem) keep the lab's older
 * rule: a missing page is read in and counted as a minor fault.
 *
 * <p>Pending pages cost no frame: the free frames the model shows are those a real machine would have free
 * plus what its clean page cache of these files holds (reclaimable at once).
 */
final class WrittenFiles {
    /** A written file: its pages, and which of them are no longer pending (made, dropped, or all: cold). */
    private record Written(long pages, boolean cold, BitSet done) {
        Written copy() {
            return new Written(pages, cold, (BitSet) done.clone());
        }
    }

    private final Map<FileKey, Written> files;

    WrittenFiles() {
        files = new HashMap<>();
    }

    private WrittenFiles(WrittenFiles o) {
        files = new HashMap<>();
        for (Map.Entry<FileKey, Written> e : o.files.entrySet()) files.put(e.getKey(), e.getValue().copy());
    }

    WrittenFiles copy() {
        return new WrittenFiles(this);
    }

    /** The file was (re)written with {@code pages} pages: all cached, or none when cold. */
    void written(FileKey f, long pages, boolean cold) {
        files.put(f, new Written(pages, cold, new BitSet()));
    }

    /** Whether a missing page of f is a major fault (f is a written file). */
    boolean tracked(FileKey f) {
        return files.containsKey(f);
    }

    /** Whether page index of f is cached without a frame yet. */
    boolean pending(FileKey f, long index) {
        Written w = files.get(f);
        return w != null && !w.cold() && index >= 0 && index < w.pages() && index <= Integer.MAX_VALUE
            && !w.done().get((int) index);
    }

    /** Pages [from, to) of f left the cache (a punched hole): none of them is pending any more. */
    void settleRange(FileKey f, long from, long to) {
        Written w = files.get(f);
        if (w == null) return;
        long hi = Math.min(Math.min(to, w.pages()), Integer.MAX_VALUE);
        if (from < hi) w.done().set((int) Math.max(0, from), (int) hi);
    }

    /** The page got its frame, or left the cache: it is pending no more. */
    void settle(FileKey f, long index) {
        Written w = files.get(f);
        if (w != null && index >= 0 && index < w.pages() && index <= Integer.MAX_VALUE) w.done().set((int) index);
    }
}
