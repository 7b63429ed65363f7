package vmalab.model.paging;

import java.util.List;

/**
 * What a view or the CLI shows of one page frame: its owner and its struct page counters.
 *
 * @param owner    a one-line description: {@code anon}, {@code page cache libc.so.6 #3}, {@code PTE table of mm 2}
 * @param mmId     for a page table, the mm it belongs to; else 0
 * @param level    for a page table, its level name (PGD…PTE); else null
 * @param file     for a page-cache page, the file's path; else null
 * @param index    for a page-cache page, its index in the file; for a page table, the first address it covers
 * @param refcount _refcount: one per mapping, plus one held by the page cache or the kernel
 * @param mapcount _mapcount + 1: how many PTEs map the frame
 * @param dirty    PG_dirty (page-cache pages written through a mapping)
 * @param mappings every PTE mapping the frame (the reverse map)
 */
public record FrameInfo(long pfn, FrameKind kind, String owner, long mmId, String level, String file, long index,
                        int refcount, int mapcount, boolean dirty, List<Mapping> mappings) {
}
