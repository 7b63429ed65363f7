package vmalab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The capture's pagemap dump: runs of page states per mapping. */
class PagemapDumpTest {
    private static final List<MapEntry> MAPS = List.of(
        new MapEntry(0x1000, 0x6000, "rw-p", 0, 0, 0, 0, null),
        new MapEntry(0x10000, 0x11000, "r--p", 0, 0, 0, 0, "[vvar]"));

    @Test
    void runsRoundTrip() {
        // given
        PageStates s = new PageStates(List.of(new byte[] {1, 1, 0, 2, 3}, new byte[] {0}));

        // when
        String text = PagemapDump.format(MAPS, s);
        PageStates back = PagemapDump.parse("pagemap", text.getBytes(StandardCharsets.UTF_8), MAPS, new String[1])
            .orElseThrow();

        // then
        assertEquals("vmalab-pagemap 1\n1000-6000 2P 1. 1Z 1S\n10000-11000 1.\n", text);
        assertArrayEquals(s.states().get(0), back.states().get(0));
        assertArrayEquals(s.states().get(1), back.states().get(1));
    }

    @Test
    void aRunPastTheMappingNamesItsLine() {
        String text = "vmalab-pagemap 1\n1000-6000 6P\n10000-11000 1.\n";
        assertEquals("pagemap:2: runs cover more than the mapping's 5 pages",
            PagemapDump.parse("pagemap", text.getBytes(StandardCharsets.UTF_8), MAPS, new String[1]).error());
    }

    @Test
    void aRangeOtherThanMapsNamesItsLine() {
        String text = "vmalab-pagemap 1\n1000-6000 5P\n10000-12000 2.\n";
        assertEquals("pagemap:3: range 10000-12000, but maps has 10000-11000",
            PagemapDump.parse("pagemap", text.getBytes(StandardCharsets.UTF_8), MAPS, new String[1]).error());
    }
}
