package vmalab.model.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import vmalab.model.Kernel;
import vmalab.model.mm.Prot;
import vmalab.model.op.Op;
import vmalab.model.syscall.Syscalls;

/** A process at max_map_count with every frame in use: faults, fork and exit stay fast. */
class ScaleTest {
    static final long PAGE = 4096;

    @Test
    void thousandsOfVmasAndAFullMemory() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            // given: 16,000 one-page VMAs (alternating protections, so none merge) at fixed addresses
            Kernel k = new Kernel();
            Syscalls.apply(k, new Op.Exec("p", "empty"));
            long base = 0x100000000L;
            int n = 16000;
            for (int i = 0; i < n; i++) {
                int prot = i % 2 == 0 ? Prot.READ | Prot.WRITE : Prot.READ;
                Syscalls.apply(k, new Op.Mmap(base + 2 * i * PAGE, PAGE, prot, i % 4 == 1, null, 0, true, false, false, false,
                    false));
            }
            assertEquals(n, k.current().mm().mapCount());

            // when: every page is touched, the process forks, the child writes, both exit
            for (int i = 0; i < n; i++) {
                Syscalls.apply(k, new Op.Touch(base + 2 * i * PAGE, 1, i % 2 == 0 ? 'w' : 'r'));
            }
            PhysicalMemory mem = (PhysicalMemory) k.pages();
            assertNull(mem.checkInvariants(k.mms()));
            Syscalls.apply(k, new Op.Fork("c"));
            for (int i = 0; i < n; i += 4) Syscalls.apply(k, new Op.InTask("c", new Op.Touch(base + 2 * i * PAGE, 1, 'w')));
            assertNull(mem.checkInvariants(k.mms()));
            assertEquals(n / 2, mem.rss(k.taskNamed("c").mm()).anonPages(), "the child's copies and shared frames");
            Kernel checkpoint = k.copy();
            Syscalls.apply(k, new Op.InTask("c", new Op.Exit()));
            Syscalls.apply(k, new Op.InTask("p", new Op.Exit()));

            // then
            assertNull(mem.checkInvariants(k.mms()));
            assertEquals(16384 - 256, mem.freeFrames());
            assertNull(((PhysicalMemory) checkpoint.pages()).checkInvariants(checkpoint.mms()));
        });
    }
}
