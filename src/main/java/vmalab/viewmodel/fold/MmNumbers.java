package vmalab.viewmodel.fold;

import java.util.LinkedHashMap;
import java.util.Map;
import vmalab.model.mm.Mm;
import vmalab.model.paging.Rss;

/**
 * An mm_struct's numbers by field name (mm_users, map_count, total_vm, start_code … mmap_base, rss and its
 * split), taken before an operation and after it, so the structures view can mark the fields a step changed.
 */
public final class MmNumbers {
    /** The key of the rss split line (file, anon, shmem pages). */
    public static final String RSS_SPLIT = " ";

    private MmNumbers() {
    }

    /** {@code rss} may be null (no physical memory model). */
    public static Map<String, Long> of(Mm mm, Rss rss) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("mm_users", (long) mm.users());
        m.put("map_count", (long) mm.mapCount());
        m.put("total_vm", mm.totalVm());
        m.put("start_code", mm.startCode());
        m.put("end_code", mm.endCode());
        m.put("start_data", mm.startData());
        m.put("end_data", mm.endData());
        m.put("start_brk", mm.startBrk());
        m.put("brk", mm.brk());
        m.put("start_stack", mm.startStack());
        m.put("mmap_base", mm.mmapBase());
        if (rss != null) {
            m.put("rss", rss.pages());
            m.put(RSS_SPLIT, rss.filePages() * 1_000_003L * 1_000_003L + rss.anonPages() * 1_000_003L
                + rss.shmemPages());
        }
        return m;
    }
}
