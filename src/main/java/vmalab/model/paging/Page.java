package vmalab.model.paging;

import java.util.ArrayList;
import java.util.List;

/**
 * The struct page of one frame in use: its owner, its counts and its reverse map. Free frames have none (the
 * buddy allocator keeps them).
 */
final class Page {
    FrameKind kind;
    /** A page table's mm; else 0. */
    long mmId;
    /** A page table's level; else -1. */
    int level = -1;
    /** A page table's first address; a page-cache page's index in its file. */
    long index;
    /** A page-cache page's file; else null. */
    FileKey file;
    /** alloc_pages blocks: the owner's name ("alloc_pages NAME"); kernel pages: what they hold. */
    String label;
    /** alloc_pages blocks: the first frame of the block and its order. */
    long head = -1;
    int order;
    int refcount;
    boolean dirty;
    /** Every PTE mapping this frame (page_add_*_rmap()): mapcount is its size. */
    final List<Mapping> rmap = new ArrayList<>(1);

    Page(FrameKind kind) {
        this.kind = kind;
    }

    int mapcount() {
        return rmap.size();
    }

    Page copy() {
        Page c = new Page(kind);
        c.mmId = mmId;
        c.level = level;
        c.index = index;
        c.file = file;
        c.label = label;
        c.head = head;
        c.order = order;
        c.refcount = refcount;
        c.dirty = dirty;
        c.rmap.addAll(rmap);
        return c;
    }

    boolean inPageCache() {
        return kind == FrameKind.FILE || kind == FrameKind.SHMEM;
    }
}
