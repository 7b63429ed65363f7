package vmalab.model.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.event.SimEvent;
import vmalab.model.event.TaskEvent;

/**
 * Return values Linux 6.18 gave in src/test/resources/kernel/steps (eoverflow-mremap, high-addresses): issue 11
 * items 11 and 12.
 */
class ReturnValuesTest extends SyscallTestBase {
    {
        kernel = new Kernel();
    }

    @BeforeEach
    void process() {
        run("exec main x86_64");
        run("file /data/f 16K");
    }

    @Test
    void aFileMappingEndingPastMaxLfsFilesizeIsEoverflow() {
        assertEquals(Errno.EOVERFLOW.ret(), ret("mmap 0x100000000000 8K r-- private file:/data/f@0x7fffffffffffe000 fixed"));
        assertEquals(Errno.EOVERFLOW.ret(), ret("mmap 8K r-- private file:/data/f@0xfffffffffffff000"));
        assertEquals(0x100000000000L, ret("mmap 0x100000000000 8K r-- private file:/data/f@0x7fffffffffffd000 fixed"));
    }

    @Test
    void mremapOfOldLengthZeroDuplicatesOnlySharedMappings() {
        run("mmap 0x100000010000 8K rw- private anon fixed");
        assertEquals(Errno.EINVAL.ret(), ret("mremap 0x100000010000 0 8K maymove"));
        run("mmap 0x100000020000 8K rw- shared anon fixed");
        long dup = ret("mremap 0x100000020000 0 8K maymove");
        assertEquals(true, dup > 0 && dup != 0x100000020000L);
        assertEquals("100000020000-100000022000 rw-s", vmas(0x100000020000L, 0x100000030000L));
        assertEquals(Errno.EINVAL.ret(), ret("mremap 0x100000010000 8K 0x8000000000000000 maymove"));
    }

    @Test
    void theTopHalfGetsTheKernelsErrnoAndANonCanonicalTouchASigsegvAtZero() {
        assertEquals(Errno.ENOMEM.ret(), ret("mmap 0xffffffffff600000 4K r-- private anon fixed"));
        assertEquals(Errno.EINVAL.ret(), ret("munmap 0x8000000000000000 4K"));
        assertEquals(Errno.ENOMEM.ret(), ret("mprotect 0xffffffffff600000 4K r--"));
        assertEquals(Errno.EFAULT.ret(), ret("mremap 0xffffffffff600000 4K 8K maymove"));
        assertEquals(0xffffffffff600000L, signal(run("touch 0xffffffffff600000 w")).addr());
        TaskEvent.SignalRaised gp = signal(run("touch 0x8000000000000000 r"));
        assertEquals(TaskEvent.Cause.NON_CANONICAL, gp.cause());
        assertEquals(0, gp.addr());
    }

    private static TaskEvent.SignalRaised signal(OpResult r) {
        for (SimEvent e : r.events()) if (e instanceof TaskEvent.SignalRaised s) return s;
        throw new AssertionError("no signal");
    }
}
