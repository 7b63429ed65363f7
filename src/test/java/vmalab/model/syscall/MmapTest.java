package vmalab.model.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vmalab.model.mm.Vma;
import vmalab.model.mm.VmFlags;

class MmapTest extends SyscallTestBase {
    static final long A = 0x10000000L;

    @BeforeEach
    void empty() {
        run("exec t empty");
    }

    @Test
    void anonymousMappingsPlacedTopDownBelowMmapBaseAndMergeWithEqualNeighbours() {
        long a = ret("mmap 16K rw- private anon");
        long b = ret("mmap 16K rw- private anon");
        assertEquals(0x7ffff7ffb000L, a);
        assertEquals(a - 0x4000, b);
        // b sits right below a with contiguous vm_pgoff (addr >> 12): vma_merge() made one VMA
        assertEquals(1, mm().mapCount());
        Vma v = all().get(0);
        assertEquals(b, v.start());
        assertEquals(a + 0x4000, v.end());
        assertTrue(v.has(VmFlags.ACCOUNT), "private writable memory is accounted");
    }

    @Test
    void differentProtectionsDoNotMerge() {
        ret("mmap 16K rw- private anon");
        ret("mmap 16K r-- private anon");
        assertEquals(2, mm().mapCount());
        assertTrue(!all().get(0).has(VmFlags.ACCOUNT), "read-only private memory is not accounted");
    }

    @Test
    void sharedAnonymousMappingsAreShmemFilesAndNeverMerge() {
        ret("mmap 8K rw- shared anon");
        ret("mmap 8K rw- shared anon");
        assertEquals(2, mm().mapCount());
        Vma v = all().get(0);
        assertEquals("/dev/zero (deleted)", v.file().path());
        assertEquals("rw-s", v.perms());
        assertTrue(!v.has(VmFlags.ACCOUNT));
    }

    @Test
    void hintIsUsedWhenFreeAndFixedReplacesWhatIsThere() {
        assertEquals(A, ret("mmap 0x10000000 16K rw- private anon"));
        // a hint that overlaps is ignored
        long other = ret("mmap 0x10001000 4K r-- private anon");
        assertTrue(other != 0x10001000L);
        // MAP_FIXED cuts the old VMA in three
        assertEquals(A + 0x1000, ret("mmap 0x10001000 4K r-- private anon fixed"));
        assertEquals("10000000-10001000 rw-p, 10001000-10002000 r--p, 10002000-10004000 rw-p",
            vmas(A, A + 0x4000));
    }

    @Test
    void fixedNoReplaceRefusesAnOccupiedRangeWithEexist() {
        ret("mmap 0x10000000 16K rw- private anon");
        String before = vmas(0, -1L);
        assertEquals(Errno.EEXIST.ret(), ret("mmap 0x10002000 16K rw- private anon noreplace"));
        assertEquals(before, vmas(0, -1L));
        assertEquals(A + 0x4000, ret("mmap 0x10004000 4K rw- private anon noreplace"));
    }

    @Test
    void argumentErrorsAreTheKernels() {
        assertEquals(Errno.EINVAL.ret(), ret("mmap 0 rw- private anon"));
        assertEquals(Errno.EINVAL.ret(), ret("mmap 0x10000001 4K rw- private anon fixed"));
        assertEquals(Errno.EINVAL.ret(), ret("mmap 4K rw- shared anon growsdown"));
        run("file f 8K");
        assertEquals(Errno.EINVAL.ret(), ret("mmap 4K r-- private file:f@0x10"));
        // do_mmap(): a file mapping cannot grow down, private or shared (found by RandomOperationsTest: a shared
        // file mapping that grew below offset 0 broke MADV_REMOVE's hole punch)
        assertEquals(Errno.EINVAL.ret(), ret("mmap 4K rw- shared file:f growsdown"));
        assertEquals(Errno.EINVAL.ret(), ret("mmap 4K r-- private file:f growsdown"));
        assertEquals(0, mm().mapCount());
    }

    @Test
    void fileMappingsMergeOnlyWithContiguousOffsets() {
        run("file lib 64K");
        ret("mmap 0x10000000 8K r-- private file:lib@0");
        ret("mmap 0x10002000 8K r-- private file:lib@0x2000");
        assertEquals(1, mm().mapCount());
        ret("mmap 0x10004000 8K r-- private file:lib@0x8000");
        assertEquals(2, mm().mapCount());
        assertEquals(8, all().get(1).pgoff());
    }

    @Test
    void munmapTrimsAndSplits() {
        ret("mmap 0x10000000 32K rw- private anon");
        assertEquals(0, ret("munmap 0x10002000 8K"));
        assertEquals("10000000-10002000 rw-p, 10004000-10008000 rw-p", vmas(A, A + 0x8000));
        assertEquals(0x10004L, all().get(1).pgoff(), "the upper part keeps its linear page index");
        assertEquals(0, ret("munmap 0x10000000 4K"));
        assertEquals("10001000-10002000 rw-p, 10004000-10008000 rw-p", vmas(A, A + 0x8000));
        assertEquals(0, ret("munmap 0x20000000 4K"), "unmapping nothing succeeds");
        assertEquals(Errno.EINVAL.ret(), ret("munmap 0x10000800 4K"));
        assertEquals(Errno.EINVAL.ret(), ret("munmap 0x10000000 0"));
        assertEquals(5, mm().totalVm(), "total_vm counts the pages left");
    }

    @Test
    void maxMapCountIsEnforcedWithEnomemAndChangesNothing() {
        kernel.setMaxMapCount(3);
        ret("mmap 0x10000000 64K rw- private anon");
        ret("mprotect 0x10001000 4K r--");
        assertEquals(3, mm().mapCount());
        // a split needs map_count < max (split_vma()) ...
        String before = vmas(0, -1L);
        assertEquals(Errno.ENOMEM.ret(), ret("munmap 0x10008000 4K"));
        assertEquals(Errno.ENOMEM.ret(), ret("mprotect 0x10008000 4K r--"));
        assertEquals(before, vmas(0, -1L));
        // ... but do_mmap() refuses only when map_count > max: one more mapping gets through
        assertEquals(0x20000000L, ret("mmap 0x20000000 4K rw- private anon"));
        assertEquals(4, mm().mapCount());
        before = vmas(0, -1L);
        assertEquals(Errno.ENOMEM.ret(), ret("mmap 0x30000000 4K rw- private anon"));
        assertEquals(before, vmas(0, -1L));
    }
}
