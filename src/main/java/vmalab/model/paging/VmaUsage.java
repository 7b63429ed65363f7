package vmalab.model.paging;

/**
 * The per-VMA numbers of /proc/PID/smaps (fs/proc/task_mmu.c: smaps_pte_entry() + smaps_account()), in bytes;
 * pmap -x prints rss and dirty from them. Only pages with a struct page count (vm_normal_page()): the zero
 * page and PFN maps do not.
 *
 * @param pssShifted      PSS in bytes shifted left by {@link #PSS_SHIFT}, as the kernel sums it
 * @param zeroPages       bytes mapped to the zero page (counted in none of the others)
 * @param pssDirtyShifted the dirty pages' share of PSS, shifted the same way (smaps' Pss_Dirty)
 */
public record VmaUsage(long rss, long pssShifted, long sharedClean, long sharedDirty, long privateClean,
                       long privateDirty, long referenced, long anonymous, long zeroPages, long pssDirtyShifted) {
    public static final int PSS_SHIFT = 12;

    public long pss() {
        return pssShifted >> PSS_SHIFT;
    }

    public long pssDirty() {
        return pssDirtyShifted >> PSS_SHIFT;
    }

    /** pmap -x's Dirty column. */
    public long dirty() {
        return sharedDirty + privateDirty;
    }

    public long residentPages() {
        return rss >> 12;
    }
}
