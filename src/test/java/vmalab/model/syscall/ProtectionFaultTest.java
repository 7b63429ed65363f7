package vmalab.model.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vmalab.model.Kernel;
import vmalab.model.OpResult;

/** mprotect() changes what the MMU allows on pages already present (change_protection()). */
class ProtectionFaultTest extends SyscallTestBase {
    {
        kernel = new Kernel();
    }

    @Test
    void presentPageMadeProtNoneFaultsWithSigsegvAndBackToReadableDoesNot() {
        run("exec p empty");
        run("mmap 0x10000000 8K rw- private anon");
        OpResult w = run("touch 0x10000000 w");
        assertEquals(1, w.minorFaults());
        run("mprotect 0x10000000 4K ---");
        OpResult r = run("touch 0x10000000 r");
        assertEquals(-1, r.result());
        assertTrue("SEGV_ACCERR".equals(kernel.current().signals().get(0).cause().code()));
        run("mprotect 0x10000000 4K r--");
        OpResult again = run("touch 0x10000000 r");
        assertEquals(0, again.result());
        assertEquals(0, again.minorFaults(), "the frame stayed; the PTE allows the read again");
        OpResult write = run("touch 0x10000000 w");
        assertEquals(-1, write.result(), "read-only now: a write is SIGSEGV");
    }

    @Test
    void writeToAPresentReadOnlyPteOfAWritableVmaIsAMinorFault() {
        run("exec p empty");
        run("mmap 0x10000000 4K rw- private anon");
        run("touch 0x10000000 r");
        OpResult w = run("touch 0x10000000 w");
        assertEquals(1, w.minorFaults(), "zero page → private frame: do_wp_page");
        assertEquals(0, run("touch 0x10000000 w").minorFaults());
    }
}
