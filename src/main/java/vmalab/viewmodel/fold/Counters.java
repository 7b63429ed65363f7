package vmalab.viewmodel.fold;

import vmalab.model.paging.Rss;

/**
 * An mm's numbers at the cursor: RSS (get_mm_rss()), total_vm in pages (VSZ) and map_count from the VMAs the
 * tree holds at the cursor, the free frames of the buddy lists at the cursor (-1 without a physical memory
 * model) and the minor faults the step has taken so far.
 */
public record Counters(Rss rss, long totalVmPages, int mapCount, long freeFrames, long minorFaults) {
    /** VSZ in KiB, as ps prints it. */
    public long vszKb() {
        return totalVmPages * 4;
    }
}
