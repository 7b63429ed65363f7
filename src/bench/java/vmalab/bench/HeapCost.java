package vmalab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import vmalab.model.Kernel;
import vmalab.model.OpResult;

/**
 * Bytes of heap per resident simulated page and per VMA: the used heap after a full GC, before and after the
 * state is built, divided by the pages (or VMAs). The operation's result (its events) is dropped before the
 * second reading: this is what the state itself holds.
 */
final class HeapCost {
    private HeapCost() {
    }

    static long usedAfterGc() {
        MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, mx.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** Heap bytes per page of an anonymous mapping write-touched all through. */
    static double perPage(long pages) {
        Kernel k = FaultCase.ANON_WRITE.prepared(pages);
        long before = usedAfterGc();
        OpResult r = BenchOps.apply(k, FaultCase.ANON_WRITE.timed(pages), false);
        if (r.failed() || r.minorFaults() != pages) throw new IllegalStateException("touch: " + r.minorFaults());
        r = null;
        long after = usedAfterGc();
        if (k.current() == null) throw new IllegalStateException();
        return (after - before) / (double) pages;
    }

    /** Heap bytes per VMA of a process at max_map_count (65,530 VMAs), over an empty process. */
    static double perVma(int vmas) {
        Kernel k = VmaFill.kernelWithVmas(0);
        long before = usedAfterGc();
        Kernel full = VmaFill.kernelWithVmas(vmas);
        long after = usedAfterGc();
        int n = full.current().mm().mapCount() - k.current().mm().mapCount();
        return (after - before) / (double) n;
    }
}
