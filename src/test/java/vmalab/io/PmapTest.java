package vmalab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import vmalab.model.Kernel;
import vmalab.model.mm.Task;
import vmalab.model.op.Op;
import vmalab.model.syscall.Syscalls;

/** pmap's column widths and totals beyond the captured 64-bit cases. */
class PmapTest {
    @Test
    void extendedOnThirtyTwoBitsUsesEightDigitAddresses() {
        // given the seed's i386 process with nothing resident
        Kernel kernel = new Kernel();
        Syscalls.apply(kernel, new Op.CreateFile("/home/rml/src/example", 8192, 3, 3, 439029L));
        Syscalls.apply(kernel, new Op.Exec("/home/rml/src/example", "i386-2.6"));

        // when
        List<String> lines = Pmap.format(kernel.current(), Pmap.Mode.EXTENDED).lines().toList();

        // then
        assertEquals("Address   Kbytes     RSS   Dirty Mode  Mapping", lines.get(1));
        assertEquals("bfffe000       8       0       0 rwx--   [ stack ]", lines.get(10));
        assertEquals("-------- ------- ------- ------- ", lines.get(11));
        assertEquals("total kB    1340       0       0", lines.get(12));
    }

    @Test
    void aTaskWithoutAnAddressSpaceHasOnlyTheTotal() {
        // given a kernel thread: no mm, no command line
        Task kthread = new Task(2, 2, "kthreadd", "", 0, null);

        // when
        String out = Pmap.format(kthread, Pmap.Mode.DEFAULT);

        // then
        assertEquals("2:   [kthreadd]\n total                0K\n", out);
    }

    @Test
    void sharedAndWriteablePrivateTotals() {
        // given a shared writable mapping, a private writable one and a private read-only one
        List<MapEntry> e = List.of(
            new MapEntry(0x10000, 0x14000, "rw-s", 0, 0, 1, 7, "/dev/zero (deleted)"),
            new MapEntry(0x20000, 0x22000, "rw-p", 0, 0, 0, 0, null),
            new MapEntry(0x30000, 0x31000, "r--p", 0, 8, 1, 3, "/lib/a.so"));

        // when
        List<String> lines = Pmap.format(new ProcSnapshot(9, "x", 0, 16, e), Pmap.Mode.DEVICE).lines().toList();

        // then: 's' counts as shared even when writable
        assertEquals("0000000000010000      16 rw-s- 0000000000000000 000:00001 zero (deleted)", lines.get(2));
        assertEquals("mapped: 28K    writeable/private: 8K    shared: 16K", lines.get(5));
    }
}
