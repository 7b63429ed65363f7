package vmalab.model.paging;

import java.util.List;
import vmalab.model.event.PhysEvent;

/** Page tables, frames and the page cache changing, in the order the kernel changes them. */
public sealed interface PagingEvent extends PhysEvent {
    /** A page-table walk of {@code addr} (pgd_offset() … pte_offset_map()), as found before the fault changed it. */
    record Walk(long mmId, long addr, List<WalkStep> levels) implements PagingEvent { }

    /**
     * pgd_alloc() / __pud_alloc() / __pmd_alloc() / __pte_alloc(): a table of {@code level} (PGD…PTE) in frame
     * {@code pfn}, covering virtual addresses from {@code base}, linked at {@code index} of its parent (-1 for
     * the PGD).
     */
    record TableAllocated(long mmId, String level, long base, int index, long pfn) implements PagingEvent { }

    /** free_pgtables() / pgd_free(): the table in frame {@code pfn} went back to the buddy allocator. */
    record TableFreed(long mmId, String level, long base, long pfn) implements PagingEvent { }

    /** set_pte_at(): the PTE of {@code addr} changed from {@code before} to {@code after}. */
    record PteSet(long mmId, long addr, Pte before, Pte after) implements PagingEvent { }

    /** ptep_get_and_clear(): the PTE of {@code addr} is none again (zap, move). */
    record PteCleared(long mmId, long addr, Pte before) implements PagingEvent { }

    /** A frame changed hands: FREE → ANON, FILE → FREE… ({@link FrameOwner#FREE} when it is freed). */
    record FrameOwnerChanged(long pfn, FrameKind before, FrameKind after, FrameOwner owner) implements PagingEvent { }

    /** filemap_add_folio(): page {@code index} of {@code file} is now in the page cache, in frame {@code pfn}. */
    record PageCacheAdded(String file, long index, long pfn) implements PagingEvent { }

    /** The page left the page cache (reclaim, or the shmem file was freed). */
    record PageCacheRemoved(String file, long index, long pfn) implements PagingEvent { }

    /** The frame's _refcount / _mapcount changed. */
    record RefsChanged(long pfn, int refcount, int mapcount) implements PagingEvent { }

    /** The mm's RSS counters after a change. */
    record RssChanged(long mmId, Rss rss) implements PagingEvent { }
}
