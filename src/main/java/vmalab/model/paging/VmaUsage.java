package vmalab.model.paging;

/**
 * The per-VMA numbers of /proc/PID/smaps (fs/proc/task_mmu.c: smaps_pte_entry() + smaps_account()), in bytes;
 * pmap -x prints rss and dirty from them. Only pages with a struct page count (vm_normal_page()): the zero
 * page and PFN maps do not.
 *
 * @param pssShifted PSS in bytes shifted left by {@link #PSS_SHIFT}, as the kernel sums it
 */
public record VmaUsage(long rss, long pssShifted, long sharedClean, long sharedDirty, long privateClean,
                       long privateDirty, long referenced, long anonymous, long zeroPages) {
    public static final int PSS_SHIFT = 12;

    public long pss() {
        return pssShifted >> PSS_SHIFT;
    }

    /** pmap -x's Dirty column. */
    public long dirty() {
        return sharedDirty + privateDirty;
    }

    public long residentPages() {
        return rss >> 12;
    }
}
