package vmalab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decoding /proc/PID/pagemap entries. */
class PagemapReaderTest {
    private static final MapEntry TWO_PAGES = new MapEntry(0x7000, 0x9000, "rw-p", 0, 0, 0, 0, null);
    private static final MapEntry ONE_PAGE = new MapEntry(0x10000, 0x11000, "r--p", 0, 8, 1, 9, "/lib/x.so");

    private static byte[] entries(long... raw) {
        ByteBuffer b = ByteBuffer.allocate(raw.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long r : raw) b.putLong(r);
        return b.array();
    }

    @Test
    void decodesTheBits() {
        // given a present, soft-dirty, exclusive anonymous page at pfn 0x1234; a swapped one; a file page
        long present = PagemapEntry.PRESENT | PagemapEntry.SOFT_DIRTY | PagemapEntry.EXCLUSIVE | 0x1234;
        long swapped = PagemapEntry.SWAPPED | (77L << 5) | 3;
        long file = PagemapEntry.PRESENT | PagemapEntry.FILE_OR_SHARED_ANON | 0x99;

        // when
        List<VmaPages> pages = PagemapReader.read("x.pagemap", entries(present, swapped, file),
            List.of(TWO_PAGES, ONE_PAGE)).orElseThrow();

        // then
        PagemapEntry a = pages.get(0).pages().get(0);
        assertEquals(0x7000, a.address());
        assertTrue(a.present() && a.softDirty() && a.exclusive() && !a.fileOrShared() && !a.swapped());
        assertEquals(0x1234, a.pfn());
        PagemapEntry s = pages.get(0).pages().get(1);
        assertEquals(0x8000, s.address());
        assertTrue(s.swapped() && !s.present());
        assertEquals(-1, s.pfn());
        assertEquals(3, s.swapType());
        assertEquals(77, s.swapOffset());
        PagemapEntry f = pages.get(1).pages().get(0);
        assertTrue(f.present() && f.fileOrShared());
        assertEquals(0x99, f.pfn());
        assertEquals(1, pages.get(0).presentCount());
        assertEquals(1, pages.get(0).swappedCount());
    }

    @Test
    void aCaptureOfTheWrongSizeIsAnError() {
        // when
        Parsed<List<VmaPages>> p = PagemapReader.read("x.pagemap", entries(0, 0), List.of(TWO_PAGES, ONE_PAGE));

        // then
        assertTrue(p.failed());
        assertEquals("x.pagemap: 16 bytes, but the 2 mappings need 24", p.error());
    }

    @Test
    void readsAFileAtEachMappingsOffset(@TempDir Path dir) throws Exception {
        // given a sparse pagemap file with entries at (address / 4096) * 8
        Path f = dir.resolve("pagemap");
        byte[] file = new byte[0x11 * 8];
        System.arraycopy(entries(PagemapEntry.PRESENT | 5, 0), 0, file, 7 * 8, 16);
        System.arraycopy(entries(PagemapEntry.PRESENT | 6), 0, file, 0x10 * 8, 8);
        Files.write(f, file);

        // when
        List<VmaPages> pages = PagemapReader.read(f, List.of(TWO_PAGES, ONE_PAGE)).orElseThrow();
        byte[] dump = PagemapReader.dump(f, List.of(TWO_PAGES, ONE_PAGE)).orElseThrow();

        // then
        assertEquals(5, pages.get(0).pages().get(0).pfn());
        assertFalse(pages.get(0).pages().get(1).present());
        assertEquals(6, pages.get(1).pages().get(0).pfn());
        assertArrayEquals(entries(PagemapEntry.PRESENT | 5, 0, PagemapEntry.PRESENT | 6), dump);
    }

    @Test
    void aMissingFileIsAnError(@TempDir Path dir) {
        // when
        Parsed<List<VmaPages>> p = PagemapReader.read(dir.resolve("nope"), List.of(TWO_PAGES));

        // then
        assertEquals(dir.resolve("nope") + ": cannot read (no such file)", p.error());
    }

    @Test
    void readsThisProcesssStack() {
        // given
        Parsed<LiveProcess> self = LiveProcess.read(ProcessHandle.current().pid());
        assumeTrue(!self.failed(), () -> "no /proc here: " + self.error());
        MapEntry stack = self.value().maps().stream().filter(m -> "[stack]".equals(m.name())).findFirst()
            .orElseThrow();

        // when
        Parsed<List<VmaPages>> p = PagemapReader.read(Path.of("/proc/self/pagemap"), List.of(stack,
            ProcMaps.VSYSCALL));
        assumeTrue(!p.failed(), () -> "pagemap unreadable: " + p.error());

        // then: the main thread's stack has pages in memory; the vsyscall page is past the end of the file
        assertEquals(stack.length() / 4096, p.value().get(0).pages().size());
        assertTrue(p.value().get(0).presentCount() > 0);
        assertEquals(0, p.value().get(1).pages().size());
    }
}
