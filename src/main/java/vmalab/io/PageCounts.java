package vmalab.io;

/**
 * The page-level numbers of one VMA, in kB, as fs/proc/task_mmu.c's smaps_account() sums them from the page
 * tables. They come from the paging model through a {@link PageCounter}.
 */
public record PageCounts(long rss, long pss, long pssDirty, long sharedClean, long sharedDirty, long privateClean,
                         long privateDirty, long referenced, long anonymous, long lazyFree, long swap, long swapPss,
                         long locked) {
    public static final PageCounts ZERO = new PageCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** What {@code pmap -x} shows as Dirty: Shared_Dirty + Private_Dirty. */
    public long dirty() {
        return sharedDirty + privateDirty;
    }
}
