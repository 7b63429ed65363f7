package vmalab.model.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vmalab.model.mm.VmFlags;

class MadviseMremapTest extends SyscallTestBase {
    static final long A = 0x10000000L;

    @BeforeEach
    void empty() {
        run("exec t empty");
        run("mmap 0x10000000 32K rw- private anon");
    }

    @Test
    void flagAdviceSplitsAndTheOppositeMergesBack() {
        assertEquals(0, ret("madvise 0x10002000 8K dontfork"));
        assertEquals(3, mm().mapCount());
        assertTrue(all().get(1).has(VmFlags.DONTCOPY));
        assertEquals(0, ret("madvise 0x10002000 8K dofork"));
        assertEquals(1, mm().mapCount());
        ret("madvise 0x10000000 32K sequential");
        assertTrue(all().get(0).has(VmFlags.SEQ_READ));
        ret("madvise 0x10000000 32K random");
        assertTrue(all().get(0).has(VmFlags.RAND_READ) && !all().get(0).has(VmFlags.SEQ_READ));
        ret("madvise 0x10000000 32K hugepage");
        ret("madvise 0x10000000 32K nohugepage");
        assertTrue(all().get(0).has(VmFlags.NOHUGEPAGE) && !all().get(0).has(VmFlags.HUGEPAGE));
    }

    @Test
    void perVmaRefusals() {
        run("file f 16K");
        run("mmap 0x20000000 8K rw- private file:f");
        assertEquals(Errno.EINVAL.ret(), ret("madvise 0x20000000 8K wipeonfork"));
        assertEquals(Errno.EINVAL.ret(), ret("madvise 0x20000000 8K free"));
        assertEquals(Errno.EACCES.ret(), ret("madvise 0x20000000 8K remove"));
        assertEquals(0, ret("madvise 0x10000000 8K wipeonfork"));
    }

    @Test
    void holesGiveEnomemAfterAdvisingTheMappedParts() {
        run("mmap 0x10009000 4K rw- private anon");
        assertEquals(Errno.ENOMEM.ret(), ret("madvise 0x10000000 0xa000 dontdump"));
        assertTrue(all().get(0).has(VmFlags.DONTDUMP));
        assertTrue(all().get(1).has(VmFlags.DONTDUMP));
    }

    @Test
    void mremapGrowsInPlaceShrinksAndMoves() {
        assertEquals(A, ret("mremap 0x10000000 32K 48K"));
        assertEquals("10000000-1000c000 rw-p", vmas(A, A + 0x10000));
        assertEquals(A, ret("mremap 0x10000000 48K 16K"));
        assertEquals("10000000-10004000 rw-p", vmas(A, A + 0x10000));
        run("mmap 0x10004000 4K r-- private anon");
        assertEquals(Errno.ENOMEM.ret(), ret("mremap 0x10000000 16K 32K"), "blocked and not allowed to move");
        long moved = ret("mremap 0x10000000 16K 32K maymove");
        assertTrue(moved != A);
        assertEquals(0x10000L, mm().vmaAt(moved).pgoff(), "the moved VMA keeps its anonymous page index");
        assertEquals(null, mm().vmaAt(A));
        assertEquals(Errno.EFAULT.ret(), ret("mremap 0x30000000 4K 8K maymove"));
        assertEquals(Errno.EINVAL.ret(), ret("mremap 0x10004000 4K 0"));
    }
}
