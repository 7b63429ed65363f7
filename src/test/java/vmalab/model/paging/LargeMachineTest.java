package vmalab.model.paging;

import vmalab.model.syscall.Syscalls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.mm.Vma;
import vmalab.model.op.Op;

/**
 * A machine larger than the old 4 GiB cap boots and faults pages in, and a checkpoint taken before is not
 * changed by the faults (the copy-on-write chunks are cloned on write, not shared).
 */
class LargeMachineTest {
    @Test
    void sixteenGibMachineFaultsAndCheckpoints() {
        Kernel k = new Kernel();
        OpResult mem = Syscalls.apply(k, new Op.Memory(PhysicalMemory.MAX_FRAMES, -1, -1));
        assertNull(mem.error());
        Syscalls.apply(k, new Op.Exec("big", "empty"));
        PhysicalMemory pm = (PhysicalMemory) k.pages();
        assertEquals(1 << 22, pm.frames());
        OpResult m = Syscalls.apply(k, new Op.Mmap(0, 4 * Vma.PAGE_SIZE, 3, false, null, 0, false, false, false, false,
            false));
        long addr = m.result();
        Kernel checkpoint = k.copy();
        Syscalls.apply(k, new Op.Touch(addr, 4 * Vma.PAGE_SIZE, 'w'));
        long pfn = pm.pte(k.current().mm(), addr).frame();
        assertEquals(FrameKind.ANON, pm.frameKind(pfn));
        assertEquals(List.of(new Mapping(k.current().mm().id(), addr)), pm.frame(pfn).mappings());
        PhysicalMemory before = (PhysicalMemory) checkpoint.pages();
        assertEquals(FrameKind.FREE, before.frameKind(pfn));
        int newTables = pm.tables(k.current().mm()).size() - before.tables(checkpoint.current().mm()).size();
        assertEquals(4 + newTables, before.freeFrames() - pm.freeFrames());
        assertEquals(3, newTables);
        assertNull(pm.checkInvariants(k.mms()));
        assertNull(before.checkInvariants(checkpoint.mms()));
        assertNotNull(before.pte(checkpoint.current().mm(), addr));
        assertEquals(false, before.pte(checkpoint.current().mm(), addr).present());
    }

    @Test
    void refusesMoreThanTheCap() {
        Kernel k = new Kernel();
        OpResult r = Syscalls.apply(k, new Op.Memory(PhysicalMemory.MAX_FRAMES + 1L, -1, -1));
        assertEquals("memory takes 1 to " + PhysicalMemory.MAX_FRAMES + " frames, not " + (PhysicalMemory.MAX_FRAMES + 1L),
            r.error());
    }
}
