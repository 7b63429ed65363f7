package vmalab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** `import PID --diff DIR`: what changed between two reads of one process. */
class CaptureDiffTest {
    private static MapEntry anon(long start, long end, String perms) {
        return new MapEntry(start, end, perms, 0, 0, 0, 0, null);
    }

    private static Capture capture(List<MapEntry> maps, List<byte[]> pages) {
        return new Capture(1, "t", 'S', "t", 0, maps, List.of(), pages == null ? null : new PageStates(pages),
            pages == null ? "permission denied" : null);
    }

    @Test
    void addedRemovedGrownAndSplit() {
        // given
        Capture before = capture(List.of(anon(0x1000, 0x3000, "rw-p"), anon(0x10000, 0x14000, "rw-p"),
            anon(0x20000, 0x21000, "r--p")), null);
        Capture after = capture(List.of(anon(0x1000, 0x5000, "rw-p"), anon(0x10000, 0x11000, "rw-p"),
            anon(0x11000, 0x14000, "r--p"), anon(0x30000, 0x31000, "rw-p")), null);

        // when
        String d = CaptureDiff.diff(before, after);

        // then
        assertEquals("grown 1000-3000 to 1000-5000 +8K [anon]\n"
            + "split 10000-14000 rw-p into 10000-11000 rw-p 11000-14000 r--p [anon]\n"
            + "removed 20000-21000 [anon]\n"
            + "added 30000-31000 rw-p [anon]\n"
            + "pages: not compared (the capture has no pagemap: permission denied)\n", d);
    }

    @Test
    void pagesNewlyPresentAndGone() {
        // given four pages: present, absent, present, swapped → absent, present, present, present
        List<MapEntry> maps = List.of(anon(0x1000, 0x5000, "rw-p"));
        Capture before = capture(maps, List.of(new byte[] {PageStates.PRESENT, PageStates.NONE, PageStates.ZERO,
            PageStates.SWAPPED}));
        Capture after = capture(maps, List.of(new byte[] {PageStates.NONE, PageStates.PRESENT, PageStates.PRESENT,
            PageStates.PRESENT}));

        // when
        String d = CaptureDiff.diff(before, after);

        // then: the zero page was in memory already; the swapped page came back
        assertEquals("pages 1000-5000 +2 newly present, -1 gone [anon]\n", d);
    }

    @Test
    void theSameProcessIsNoChange() {
        List<MapEntry> maps = List.of(anon(0x1000, 0x2000, "rw-p"));
        Capture c = capture(maps, List.of(new byte[] {PageStates.PRESENT}));
        assertEquals("no change\n", CaptureDiff.diff(c, c));
    }
}
