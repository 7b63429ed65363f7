package vmalab.model.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vmalab.model.Kernel;
import vmalab.model.mm.Mm;

/**
 * Merges that depend on anon_vmas (issue 11 items 8–10), each as Linux 6.18 did it in
 * src/test/resources/kernel/steps (merge-three-way-anon, anon-vma-reuse, fork-child-merge).
 */
class AnonVmaMergeTest extends SyscallTestBase {
    {
        kernel = new Kernel();
    }

    private static final long A = 0x100000000000L;

    @BeforeEach
    void process() {
        run("exec main x86_64");
    }

    @Test
    void mprotectJoiningTwoNeighboursWithDifferentAnonVmasMergesWithPrevOnly() {
        run("mmap 0x100000000000 4K rw- private anon fixed");
        run("touch 0x100000000000 w");
        run("mmap 0x100000002000 4K rw- private anon fixed");
        run("touch 0x100000002000 w");
        run("mmap 0x100000001000 4K r-- private anon fixed");
        run("mprotect 0x100000001000 4K rw-");
        assertEquals("100000000000-100000002000 rw-p, 100000002000-100000003000 rw-p", vmas(A, A + 0x10000));
    }

    @Test
    void neighboursSplitFromOneVmaShareItsAnonVmaAndMergeAllThree() {
        run("mmap 0x100000000000 12K rw- private anon fixed");
        run("touch 0x100000000000 12K w");
        run("mprotect 0x100000001000 4K r--");
        run("mprotect 0x100000001000 4K rw-");
        assertEquals("100000000000-100000003000 rw-p", vmas(A, A + 0x10000));
    }

    @Test
    void firstWriteFaultReusesTheNextVmasAnonVmaBeforeThePrevious() {
        run("mmap 0x100000000000 4K rw- private anon fixed");
        run("touch 0x100000000000 w");
        run("mmap 0x100000002000 4K rw- private anon fixed");
        run("touch 0x100000002000 w");
        run("mmap 0x100000001000 4K rwx private anon fixed");
        run("touch 0x100000001000 w");
        Mm mm = mm();
        assertEquals(mm.vmaAt(A + 0x2000).anonVma(), mm.vmaAt(A + 0x1000).anonVma());
        assertNotEquals(mm.vmaAt(A).anonVma(), mm.vmaAt(A + 0x1000).anonVma());
        run("mprotect 0x100000001000 4K rw-");
        assertEquals("100000000000-100000001000 rw-p, 100000001000-100000003000 rw-p", vmas(A, A + 0x10000));
    }

    @Test
    void aNeighbourThatDiffersInMoreThanProtectionLendsNoAnonVma() {
        run("mmap 0x100000000000 4K rw- private anon fixed");
        run("touch 0x100000000000 w");
        // with MAP_NORESERVE the rwx mapping is VM_NORESERVE and not VM_ACCOUNT: anon_vma_compatible() refuses
        run("mmap 0x100000001000 4K rwx private anon fixed noreserve");
        run("touch 0x100000001000 w");
        assertNotEquals(mm().vmaAt(A).anonVma(), mm().vmaAt(A + 0x1000).anonVma());
    }

    @Test
    void inAChildANewMappingBetweenTwoInheritedVmasMergesWithNeither() {
        run("mmap 0x100000000000 4K rw- private anon fixed");
        run("touch 0x100000000000 w");
        run("mmap 0x100000002000 4K rw- private anon fixed");
        run("touch 0x100000002000 w");
        run("fork child");
        run("child: mmap 0x100000001000 4K rw- private anon fixed");
        run("child: touch 0x100000001000 w");
        run("child: mprotect 0x100000000000 12K r--");
        run("child: mprotect 0x100000000000 12K rw-");
        Mm child = kernel.taskNamed("child").mm();
        assertEquals(3, child.vmas().stream().filter(v -> v.start() >= A && v.end() <= A + 0x10000).count());
        // the parent's own new mapping there merges with prev alone: prev's and next's anon_vmas differ
        run("mmap 0x100000001000 4K rw- private anon fixed");
        assertEquals("100000000000-100000002000 rw-p, 100000002000-100000003000 rw-p", vmas(A, A + 0x10000));
    }

    @Test
    void aChildsBrkAfterAFaultedHeapAddsASecondHeapVma() {
        // do_brk_flags() → vma_merge_new_range(): the child's heap is a fork child (checked on 6.18.44: two [heap]
        // lines in the child's maps, one in the parent's)
        run("brk +8K");
        long heap = mm().startBrk();
        run("touch 0x" + Long.toHexString(heap) + " w");
        run("fork child");
        run("child: brk +8K");
        run("brk +8K");
        Mm child = kernel.taskNamed("child").mm();
        assertEquals(2, child.vmas().stream().filter(v -> v.start() >= heap && v.end() <= heap + 0x4000).count());
        assertEquals(1, mm().vmas().stream().filter(v -> v.start() >= heap && v.end() <= heap + 0x4000).count());
    }
}
