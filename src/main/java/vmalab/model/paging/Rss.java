package vmalab.model.paging;

/**
 * An mm's resident-set counters (mm->rss_stat: MM_FILEPAGES, MM_ANONPAGES, MM_SHMEMPAGES), in pages. The zero
 * page counts in none of them.
 */
public record Rss(long filePages, long anonPages, long shmemPages) {
    public long pages() {
        return filePages + anonPages + shmemPages;
    }

    /** get_mm_rss() in KiB: what ps prints as RSS. */
    public long kb() {
        return pages() * 4;
    }
}
