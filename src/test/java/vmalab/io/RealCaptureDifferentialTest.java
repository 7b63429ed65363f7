package vmalab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The printers against real captures of {@code sleep 30} on this machine (Linux 6.18, procps-ng 4.0.2):
 * parse, print, compare byte for byte.
 */
class RealCaptureDifferentialTest {
    /** The pid in the captures' pmap header. */
    private static final int PID = 2771;
    private static final String CMDLINE = "sleep 30";

    private static List<MapEntry> maps() {
        Parsed<List<MapEntry>> p = MapsParser.parse("sleep.maps", Resources.real("sleep.maps"));
        assertFalse(p.failed(), p.error());
        return p.value();
    }

    private static List<SmapsEntry> smaps() {
        Parsed<List<SmapsEntry>> p = SmapsParser.parse("sleep.smaps", Resources.real("sleep.smaps"));
        assertFalse(p.failed(), p.error());
        return p.value();
    }

    @Test
    void mapsParsedAndPrintedIsByteIdentical() {
        // given
        List<MapEntry> entries = maps();

        // when
        String printed = ProcMaps.format(entries, 16);

        // then
        assertEquals(37, entries.size());
        assertEquals(Resources.real("sleep.maps"), printed);
    }

    @Test
    void smapsParsedAndPrintedIsByteIdentical() {
        // given
        List<SmapsEntry> entries = smaps();

        // when
        String printed = Smaps.format(entries, 16);

        // then
        assertEquals(37, entries.size());
        assertEquals(Resources.real("sleep.smaps"), printed);
    }

    @Test
    void pmapDefaultMatchesProcps() {
        // given the maps and a start_stack inside the [stack] line
        ProcSnapshot s = ProcSnapshot.of(PID, CMDLINE, maps());

        // when
        String out = Pmap.format(s, Pmap.Mode.DEFAULT);

        // then
        assertEquals(Resources.real("sleep.pmap"), out);
    }

    @Test
    void pmapDeviceMatchesProcps() {
        // given
        ProcSnapshot s = ProcSnapshot.of(PID, CMDLINE, maps());

        // when
        String out = Pmap.format(s, Pmap.Mode.DEVICE);

        // then
        assertEquals(Resources.real("sleep.pmap-d"), out);
    }

    @Test
    void pmapExtendedWithSmapsCountsMatchesProcps() {
        // given the smaps lines, which carry Rss and the Dirty fields
        List<MapEntry> entries = smaps().stream().map(SmapsEntry::map).toList();
        ProcSnapshot s = ProcSnapshot.of(PID, CMDLINE, entries);

        // when
        String out = Pmap.format(s, Pmap.Mode.EXTENDED);

        // then
        assertEquals(Resources.real("sleep.pmap-x"), out);
    }

    @Test
    void smapsAndMapsAgreeOnTheLines() {
        // given
        List<MapEntry> fromMaps = maps();
        List<MapEntry> fromSmaps = smaps().stream().map(e -> e.map().withPages(0, 0)).toList();

        // then
        assertEquals(fromMaps, fromSmaps);
    }

    @Test
    void smapsFieldsReadAsNumbers() {
        // given
        SmapsEntry heap = smaps().get(5);

        // then
        assertEquals("[heap]", heap.map().name());
        assertEquals(132, heap.value("Size"));
        assertEquals(16, heap.value("Rss"));
        assertEquals(16, heap.value("Private_Dirty"));
        assertEquals(16, heap.value("Anonymous"));
        assertEquals("rd wr mr mw me ac", heap.vmFlags());
        assertEquals(16, heap.map().rssKb());
        assertEquals(16, heap.map().dirtyKb());
    }
}
