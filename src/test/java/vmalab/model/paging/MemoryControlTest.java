package vmalab.model.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vmalab.model.OpResult;
import vmalab.model.event.BuddyStepped;
import vmalab.model.event.Narration;
import vmalab.model.op.Op;
import vmalab.model.syscall.Syscalls;

/** The scenario lines memory, alloc_pages and free_pages. */
class MemoryControlTest {

    @Test
    void theDefaultMachineHas64MiBWith256FramesForTheKernel() {
        // given
        PhysLab lab = new PhysLab();

        // then
        assertEquals(16384, lab.mem().frames());
        assertEquals(16384 - 256, lab.mem().freeFrames());
        assertEquals(FrameKind.KERNEL, lab.mem().frameKind(0));
        assertEquals("kernel image", lab.mem().frame(0).owner());
    }

    @Test
    void memorySizesTheMachine() {
        // given
        PhysLab lab = new PhysLab();

        // when
        lab.run(new Op.Memory(1024, 6, 16));

        // then
        assertEquals(1024, lab.mem().frames());
        assertEquals(1008, lab.mem().freeFrames());
        assertEquals(6, lab.mem().buddy().maxOrder());
    }

    @Test
    void memoryAfterTheFirstProcessIsRefused() {
        // given
        PhysLab lab = new PhysLab();
        lab.exec("p", "empty");

        // when
        OpResult r = Syscalls.apply(lab.k, new Op.Memory(1024, 6, 16));

        // then
        assertNotNull(r.error());
    }

    @Test
    void allocPagesTakesANamedBlockAndFreePagesGivesItBack() {
        // given
        PhysLab lab = new PhysLab();
        lab.run(new Op.Memory(1024, 10, 0));

        // when
        long pfn = lab.run(new Op.AllocPages(2, "dma")).result();

        // then
        assertEquals(0, pfn);
        assertEquals("alloc_pages dma", lab.mem().frame(pfn + 3).owner());
        assertTrue(lab.events().stream().anyMatch(e -> e instanceof BuddyStepped));
        assertTrue(lab.events().stream().anyMatch(e -> e instanceof Narration n && n.function().equals("expand")));
        assertEquals(1020, lab.mem().freeFrames());

        // and when
        lab.run(new Op.FreePages("dma", 2));

        // then
        assertEquals(1024, lab.mem().freeFrames());
        assertNull(lab.mem().buddy().checkInvariants());
        assertEquals(1, lab.mem().buddy().buddyinfo()[10]);
    }

    @Test
    void freePagesRefusesWhatIsNotAnAllocPagesBlock() {
        // given
        PhysLab lab = new PhysLab();
        lab.exec("p", "empty");
        long pgd = lab.mem().tables(lab.mm("p")).get(0).pfn();
        lab.run(new Op.AllocPages(1, "x"));

        // then
        assertTrue(Syscalls.apply(lab.k, new Op.FreePages(Long.toString(pgd), 0)).error().contains("PGD table"));
        assertTrue(Syscalls.apply(lab.k, new Op.FreePages("x", 0)).error().contains("order 1"));
        assertNotNull(Syscalls.apply(lab.k, new Op.FreePages("nothing", 0)).error());
        assertNull(Syscalls.apply(lab.k, new Op.FreePages("x", 1)).error());
        assertNotNull(Syscalls.apply(lab.k, new Op.FreePages("x", 1)).error());
    }
}
