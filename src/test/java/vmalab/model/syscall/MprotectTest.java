package vmalab.model.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vmalab.model.mm.VmFlags;

class MprotectTest extends SyscallTestBase {
    static final long A = 0x10000000L;

    @BeforeEach
    void empty() {
        run("exec t empty");
        run("mmap 0x10000000 32K rw- private anon");
    }

    @Test
    void middleSplitsInThreeThenMergesBack() {
        assertEquals(0, ret("mprotect 0x10002000 8K r--"));
        assertEquals("10000000-10002000 rw-p, 10002000-10004000 r--p, 10004000-10008000 rw-p",
            vmas(A, A + 0x8000));
        assertEquals(0, ret("mprotect 0x10002000 8K rw-"));
        assertEquals("10000000-10008000 rw-p", vmas(A, A + 0x8000), "vma_merge() joins all three");
    }

    @Test
    void headAndTailMergeWithTheNeighbour() {
        ret("mprotect 0x10000000 8K r--");
        ret("mprotect 0x10002000 4K r--");
        assertEquals("10000000-10003000 r--p, 10003000-10008000 rw-p", vmas(A, A + 0x8000));
        ret("mprotect 0x10003000 20K r--");
        assertEquals("10000000-10008000 r--p", vmas(A, A + 0x8000));
    }

    @Test
    void accountingFollowsMprotectFixup() {
        ret("mprotect 0x10000000 32K r--");
        assertFalse(all().get(0).has(VmFlags.ACCOUNT), "an untouched anonymous VMA drops VM_ACCOUNT");
        ret("mprotect 0x10000000 32K rw-");
        assertTrue(all().get(0).has(VmFlags.ACCOUNT), "becoming writable charges it again");
    }

    @Test
    void exceedingMayFlagsIsEacces() {
        run("file f 16K");
        run("mmap 0x20000000 8K r-- shared file:f");
        // a shared mapping of a writable file may become writable; VM_MAYEXEC lets it execute
        assertEquals(0, ret("mprotect 0x20000000 8K r-x"));
    }

    @Test
    void holesAreEnomemAndTheKernelKeepsWhatItChangedBefore() {
        run("mmap 0x10009000 4K rw- private anon");
        assertEquals(Errno.ENOMEM.ret(), ret("mprotect 0x0fff0000 4K r--"), "start in a hole: nothing changes");
        assertEquals(Errno.ENOMEM.ret(), ret("mprotect 0x10006000 16K r--"));
        // do_mprotect_pkey() changed the VMA before the hole, then stopped
        assertEquals("10000000-10006000 rw-p, 10006000-10008000 r--p, 10009000-1000a000 rw-p",
            vmas(A, A + 0xa000));
    }

    @Test
    void badArgumentsAreEinval() {
        assertEquals(Errno.EINVAL.ret(), ret("mprotect 0x10000800 4K r--"));
        assertEquals(0, ret("mprotect 0x10000000 0 r--"));
    }
}
