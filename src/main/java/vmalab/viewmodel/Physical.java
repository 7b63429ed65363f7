package vmalab.viewmodel;

import vmalab.io.PageCounter;
import vmalab.io.PageCounts;
import vmalab.model.Kernel;
import vmalab.model.mm.Mm;
import vmalab.model.mm.VmFlags;
import vmalab.model.paging.PhysicalMemory;
import vmalab.model.paging.Rss;
import vmalab.model.paging.VmaUsage;

/** What the views read of the physical side, when the kernel has the paging model. */
public final class Physical {
    private Physical() {
    }

    /** The kernel's physical memory, or null when it runs without one. */
    public static PhysicalMemory of(Kernel k) {
        return k != null && k.pages() instanceof PhysicalMemory pm ? pm : null;
    }

    /** get_mm_rss()'s counters, or null without a paging model. */
    public static Rss rss(Kernel k, Mm mm) {
        PhysicalMemory pm = of(k);
        return pm == null || mm == null ? null : pm.rss(mm);
    }

    /** /proc/buddyinfo, or a note that there is no physical memory model. */
    public static String buddyinfo(Kernel k) {
        PhysicalMemory pm = of(k);
        return pm == null ? "(no physical memory model)" : pm.buddy().buddyinfoText(0, "Normal");
    }

    /** smaps_account()'s numbers in kB, for pmap -x. */
    public static PageCounter counter(Kernel k) {
        PhysicalMemory pm = of(k);
        if (pm == null) return PageCounter.NONE;
        return (mm, vma) -> {
            VmaUsage u = pm.usage(mm, vma);
            return new PageCounts(u.rss() >> 10, u.pss() >> 10, 0, u.sharedClean() >> 10, u.sharedDirty() >> 10,
                u.privateClean() >> 10, u.privateDirty() >> 10, u.referenced() >> 10, u.anonymous() >> 10, 0, 0, 0,
                vma.has(VmFlags.LOCKED) ? u.rss() >> 10 : 0);
        };
    }
}
