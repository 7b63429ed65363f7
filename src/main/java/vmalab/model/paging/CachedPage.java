package vmalab.model.paging;

/** One page of the page cache: file and index, the frame holding it, whether it is dirty, how many PTEs map it. */
public record CachedPage(String file, long index, long pfn, boolean dirty, int mapcount, boolean shmem) {
}
