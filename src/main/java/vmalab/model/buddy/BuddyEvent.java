package vmalab.model.buddy;

/**
 * One step of the buddy allocator, reported in the order mm/page_alloc.c does the work. Blocks are named by
 * their first page frame number (pfn) and their order (2^order frames). The views animate these one by one.
 */
public sealed interface BuddyEvent {
    /**
     * expand(): the block of {@code order} at {@code pfn} is cut in two halves of {@code order - 1}; the lower
     * half stays with the allocation, the upper buddy ({@code pfn + 2^(order-1)}) goes to free list
     * {@code order - 1} (a {@link ListAdd} follows).
     */
    record Split(long pfn, int order) implements BuddyEvent { }

    /**
     * __free_one_page(): the freed block at {@code pfn} and its free buddy at {@code buddyPfn}, both of
     * {@code order}, become one block of {@code order + 1} at {@code pfn & buddyPfn}.
     */
    record Merge(long pfn, long buddyPfn, int order) implements BuddyEvent { }

    /** __add_to_free_list(): the block joins free list {@code order}, at the tail or the head (list_add). */
    record ListAdd(long pfn, int order, boolean tail) implements BuddyEvent { }

    /** __del_page_from_free_list(): the block leaves free list {@code order} (taken to allocate, or to merge). */
    record ListDel(long pfn, int order) implements BuddyEvent { }

    /** __rmqueue_smallest() handed the block to the caller of alloc_pages(). */
    record Allocated(long pfn, int order) implements BuddyEvent { }

    /** __free_pages(): the owner gave the block back; the merging steps follow. */
    record Freed(long pfn, int order) implements BuddyEvent { }
}
