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

    @Test
    void adjacentMappingsReadAsOneRangeGetEachTheirOwnPages(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
        throws Exception {
        // given a pagemap file (one 8-byte entry per page, at (address >> 12) * 8): three mappings that touch, one
        // apart, one above TASK_SIZE; present (bit 63, exclusive: bit 56), swapped (bit 62) and empty entries
        long present = 1L << 63 | 1L << 56 | 0x1234;
        long swapped = 1L << 62;
        List<MapEntry> maps = List.of(
            new MapEntry(0x10000, 0x13000, "rw-p", 0, 0, 0, 0, null),
            new MapEntry(0x13000, 0x14000, "---p", 0, 0, 0, 0, null),
            new MapEntry(0x14000, 0x16000, "rw-p", 0, 0, 0, 0, null),
            new MapEntry(0x20000, 0x22000, "r--p", 0, 0, 0, 0, null),
            new MapEntry(0xffffffffff600000L, 0xffffffffff601000L, "--xp", 0, 0, 0, 0, "[vsyscall]"));
        java.util.Map<Long, Long> raw = java.util.Map.of(0x10000L, present, 0x12000L, swapped, 0x13000L, present,
            0x15000L, present, 0x21000L, swapped);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(0x30 * 8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        raw.forEach((addr, v) -> b.putLong((int) (addr >>> 12) * 8, v));
        java.nio.file.Path file = dir.resolve("pagemap");
        java.nio.file.Files.write(file, b.array());

        // when
        PageStates s = PagemapDump.read(file, maps).orElseThrow();

        // then each mapping has its own pages, in order, across the range read at once
        byte p = PageStates.of(present, false);
        byte w = PageStates.of(swapped, false);
        byte n = PageStates.of(0, false);
        assertArrayEquals(new byte[] {p, n, w}, s.states().get(0));
        assertArrayEquals(new byte[] {p}, s.states().get(1));
        assertArrayEquals(new byte[] {n, p}, s.states().get(2));
        assertArrayEquals(new byte[] {n, w}, s.states().get(3));
        assertArrayEquals(new byte[] {n}, s.states().get(4), "no entries above TASK_SIZE");
    }
}
