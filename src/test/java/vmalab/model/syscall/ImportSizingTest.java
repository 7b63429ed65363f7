package vmalab.model.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.fault.MemoryControl;
import vmalab.model.mm.Vma;
import vmalab.model.mm.VmFlag;
import vmalab.model.op.ImportedProcess;
import vmalab.model.op.Op;

/** The import sizes the machine for the real process it takes in, unless memory was chosen by hand. */
class ImportSizingTest {
    private static final long BASE = 0x7f0000000000L;

    /** A process with one private writable anonymous VMA of {@code pages} pages, all present. */
    private static ImportedProcess bigProcess(int pages) {
        byte[] states = new byte[pages];
        Arrays.fill(states, ImportedProcess.PAGE_PRESENT);
        long flags = VmFlag.READ.bit() | VmFlag.WRITE.bit() | VmFlag.MAYREAD.bit() | VmFlag.MAYWRITE.bit()
            | VmFlag.MAYEXEC.bit();
        long end = BASE + (long) pages * Vma.PAGE_SIZE;
        ImportedProcess.Mapping m = new ImportedProcess.Mapping(BASE, end, flags, BASE >> Vma.PAGE_SHIFT, null, 0, 0,
            0, null, states);
        return new ImportedProcess(4321, "big", "big", 0, List.of(m), true, null);
    }

    private static long present(Kernel k) {
        long n = 0;
        for (long a = BASE; ; a += Vma.PAGE_SIZE) {
            if (k.current().mm().vmaAt(a) == null) return n;
            if (k.pages().isPresent(k.current().mm(), a)) n++;
        }
    }

    @Test
    void aProcessLargerThanTheDefaultMachineGrowsItAndLoadsEveryPage() {
        // given the default 64 MiB machine and a process with 20,000 resident pages (78 MiB)
        Kernel k = new Kernel();
        MemoryControl mc = (MemoryControl) k.pages();
        assertEquals(16384, mc.frames());

        // when
        OpResult r = Syscalls.apply(k, new Op.Import("big", bigProcess(20_000)));

        // then: memory grew to a power of two with room for page tables, and nothing was left out
        assertNull(r.error());
        assertEquals(0, r.result(), "pages left out");
        assertEquals(65536, mc.frames(), "20,000 + a quarter + 8,192 headroom rounds up to 2^16");
        assertEquals(20_000, present(k));
    }

    @Test
    void aSmallProcessKeepsTheDefaultMachine() {
        Kernel k = new Kernel();
        Syscalls.apply(k, new Op.Import("small", bigProcess(100)));
        assertEquals(16384, ((MemoryControl) k.pages()).frames());
        assertEquals(100, present(k));
    }

    @Test
    void memoryChosenByHandIsKeptAndWhatDoesNotFitIsCounted() {
        // given memory 64M written before the import
        Kernel k = new Kernel();
        assertNull(Syscalls.apply(k, new Op.Memory(16384, -1, -1)).error());

        // when
        OpResult r = Syscalls.apply(k, new Op.Import("big", bigProcess(20_000)));

        // then the machine keeps its size, and the result counts the pages that did not fit
        assertEquals(16384, ((MemoryControl) k.pages()).frames());
        assertTrue(r.result() > 0, "pages left out: " + r.result());
        assertEquals(20_000, present(k) + r.result());
    }

    @Test
    void anImportAfterAnotherProcessDoesNotResizeTheMachine() {
        Kernel k = new Kernel();
        assertNull(Syscalls.apply(k, new Op.Exec("a", "x86_64")).error());
        OpResult r = Syscalls.apply(k, new Op.Import("big", bigProcess(20_000)));
        assertEquals(16384, ((MemoryControl) k.pages()).frames());
        assertTrue(r.result() > 0);
    }
}
