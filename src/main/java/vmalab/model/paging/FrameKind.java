package vmalab.model.paging;

/** Who owns a page frame (what its struct page is used for). */
public enum FrameKind {
    /** In the buddy allocator's free lists. */
    FREE,
    /** The kernel: its image (memblock-reserved frames), the zero page, the vDSO. */
    KERNEL,
    /** One page table of one mm (a PGD, PUD, PMD or PTE table). */
    PAGE_TABLE,
    /** An anonymous page (PageAnon): heap, stack, private copies. */
    ANON,
    /** A page-cache page of a regular file. */
    FILE,
    /** A page-cache page of a shmem file (shared anonymous memory). */
    SHMEM,
    /** A block taken by the scenario's {@code alloc_pages}. */
    ALLOC_PAGES
}
