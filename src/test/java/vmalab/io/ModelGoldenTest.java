package vmalab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.mm.Task;
import vmalab.model.op.Op;
import vmalab.model.syscall.Syscalls;

/** The printers on model processes, against golden files. */
class ModelGoldenTest {
    /** The seeds' example program on the classic i386 2.6 profile. */
    private static Task seedExample() {
        Kernel kernel = new Kernel();
        OpResult file = Syscalls.apply(kernel, new Op.CreateFile("/home/rml/src/example", 8192, 3, 3, 439029L));
        assertNull(file.error());
        OpResult exec = Syscalls.apply(kernel, new Op.Exec("/home/rml/src/example", "i386-2.6"));
        assertNull(exec.error());
        return kernel.current();
    }

    private static Task x86Cat() {
        Kernel kernel = new Kernel();
        OpResult exec = Syscalls.apply(kernel, new Op.Exec("cat", "x86_64"));
        assertNull(exec.error());
        return kernel.current();
    }

    @Test
    void classicMapsIsTheSeedListing() {
        // given the seed's process
        Task t = seedExample();

        // when
        String maps = ProcMaps.format(t.mm());

        // then: nine lines, a stack that grew one page printing vm_pgoff fffff000
        assertEquals(Resources.golden("example.maps"), maps);
    }

    @Test
    void classicPmapDeviceEndsWithTheSeedTotals() {
        // given
        Task t = seedExample();

        // when
        String out = Pmap.format(t, Pmap.Mode.DEVICE);

        // then
        assertEquals(Resources.golden("example.pmap-d"), out);
        List<String> lines = out.lines().toList();
        assertEquals("mapped: 1340K    writeable/private: 40K    shared: 0K", lines.get(lines.size() - 1));
    }

    @Test
    void classicPmapDefaultUsesThirtyTwoBitWidths() {
        // given
        Task t = seedExample();

        // when
        String out = Pmap.format(t, Pmap.Mode.DEFAULT);

        // then
        assertEquals(Resources.golden("example.pmap"), out);
    }

    @Test
    void classicMapsReadsBackThroughTheParser() {
        // given
        String maps = ProcMaps.format(seedExample().mm());

        // when
        Parsed<List<MapEntry>> p = MapsParser.parse("example.maps", maps);

        // then
        assertFalse(p.failed(), p.error());
        assertEquals(maps, ProcMaps.format(p.value(), 8));
    }

    @Test
    void x86CatMapsGolden() {
        // given
        Task t = x86Cat();

        // when
        String maps = ProcMaps.format(t.mm());

        // then
        assertEquals(Resources.golden("cat-x86_64.maps"), maps);
    }

    @Test
    void x86CatPmapExtendedGolden() {
        // given
        Task t = x86Cat();

        // when
        String out = Pmap.format(t, Pmap.Mode.EXTENDED);

        // then
        assertEquals(Resources.golden("cat-x86_64.pmap-x"), out);
    }

    @Test
    void x86SmapsHeadersAreTheMapsLines() {
        // given
        Task t = x86Cat();

        // when
        Parsed<List<SmapsEntry>> p = SmapsParser.parse("model.smaps", Smaps.format(t.mm(), PageCounter.NONE));

        // then
        assertFalse(p.failed(), p.error());
        assertEquals(ProcMaps.entries(t.mm()), p.value().stream().map(SmapsEntry::map).toList());
    }
}
