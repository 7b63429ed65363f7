package vmalab.model.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Differential tests against the kernel this project was built on: tools/kernel-probe/probe.c performed the
 * same operations on Linux 6.18 and recorded what /proc/self/maps showed (src/test/resources/kernel/probe.txt).
 */
class KernelProbeTest extends SyscallTestBase {
    static final Map<String, String> KERNEL = new HashMap<>();

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = KernelProbeTest.class.getResourceAsStream("/kernel/probe.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int sp = line.indexOf(' ');
                KERNEL.put(line.substring(0, sp), line.substring(sp + 1));
            }
        }
    }

    @BeforeEach
    void process() {
        run("exec probe empty");
    }

    private String permsAt(long addr) {
        var v = mm().vmaAt(addr);
        return v == null ? "none" : v.perms();
    }

    @Test
    void mprotectAcrossAHoleChangesTheVmaBeforeItAndFailsWithEnomem() {
        run("mmap 0x10000000 32K rw- private anon fixed");
        run("munmap 0x10004000 4K");
        long r = ret("mprotect 0x10000000 32K r--");
        assertEquals(KERNEL.get("mprotect_hole_ret"), r == Errno.ENOMEM.ret() ? "-1 Cannot allocate memory" : "" + r);
        assertEquals(KERNEL.get("mprotect_hole_first_vma"), permsAt(0x10000000L));
        assertEquals(KERNEL.get("mprotect_hole_after_vma"), permsAt(0x10005000L));
        long r2 = ret("mprotect 0x10004000 8K ---");
        assertEquals(KERNEL.get("mprotect_start_in_hole_ret"), (r2 == Errno.ENOMEM.ret() ? "-1" : "" + r2)
            + " after_vma " + permsAt(0x10005000L));
    }

    @Test
    void mprotectSplitsAndMergesBackLikeTheKernel() {
        run("mmap 0x10000000 32K rw- private anon fixed");
        run("mprotect 0x10002000 8K r--");
        assertEquals(Integer.parseInt(KERNEL.get("mprotect_middle_vmas")), mm().mapCount());
        run("mprotect 0x10002000 8K rw-");
        assertEquals(Integer.parseInt(KERNEL.get("mprotect_restore_vmas")), mm().mapCount());
    }

    @Test
    void anonymousMappingsGoTopDownAndMerge() {
        long x = ret("mmap 16K rw- private anon");
        long y = ret("mmap 16K rw- private anon");
        assertEquals(KERNEL.get("anon_topdown_adjacent"), y + 0x4000 == x ? "1" : "0");
        assertEquals(KERNEL.get("anon_same_vma"), mm().vmaAt(y).end() >= x + 0x4000 ? "1" : "0");
    }

    @Test
    void sharedAnonymousMappingsStaySeparate() {
        run("mmap 0x20000000 8K rw- shared anon fixed");
        run("mmap 0x20002000 8K rw- shared anon fixed");
        assertEquals(Integer.parseInt(KERNEL.get("shared_anon_vmas")), mm().mapCount());
    }

    @Test
    void madviseAcrossAHoleAdvisesBothSidesAndFailsWithEnomem() {
        run("mmap 0x30000000 16K rw- private anon fixed");
        run("munmap 0x30002000 4K");
        long r = ret("madvise 0x30000000 16K dontfork");
        assertEquals(KERNEL.get("madvise_hole_ret"), r == Errno.ENOMEM.ret() ? "-1 Cannot allocate memory" : "" + r);
        assertEquals(Integer.parseInt(KERNEL.get("madvise_hole_vmas")), mm().mapCount());
    }

    @Test
    void mmapStopsOneMappingPastMaxMapCount() {
        int max = Integer.parseInt(KERNEL.get("max_map_count"));
        assertEquals(vmalab.model.Kernel.DEFAULT_MAX_MAP_COUNT, max);
        kernel.setMaxMapCount(200);
        long base = 0x100000000000L;
        for (int i = 0; ; i++) {
            String prot = (i & 1) == 1 ? "r--" : "rw-";
            long r = ret(String.format("mmap 0x%x 4K %s private anon noreplace", base + i * 0x2000L, prot));
            if (r < 0) break;
        }
        assertEquals(Integer.parseInt(KERNEL.get("mappings_at_enomem_minus_max")), mm().mapCount() - 200);
    }
}
