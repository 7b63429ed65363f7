package vmalab.viewmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a refresh of a real process says changed. */
class ProcessChangesTest {
    private static ProcessChanges.Read r(long s, long e, String perms, String name, long resident) {
        return new ProcessChanges.Read(s, e, perms, name, resident);
    }

    @Test
    void aGrownHeapANewMappingAGoneOneASplitAndNewPages() {
        List<ProcessChanges.Read> before = List.of(
            r(0x1000, 0x3000, "r-xp", "/bin/x", 2),
            r(0x10000, 0x12000, "rw-p", "[heap]", 1),
            r(0x20000, 0x24000, "rw-p", null, 0),
            r(0x30000, 0x31000, "r--p", "/lib/a", 1),
            r(0x40000, 0x42000, "rw-p", null, 0));
        List<ProcessChanges.Read> after = List.of(
            r(0x1000, 0x3000, "r-xp", "/bin/x", 2),
            r(0x10000, 0x1f000, "rw-p", "[heap]", 5),
            r(0x20000, 0x22000, "rw-p", null, 0),
            r(0x22000, 0x24000, "r--p", null, 0),
            r(0x40000, 0x42000, "rw-p", null, 2),
            r(0x50000, 0x51000, "rw-p", null, 1));

        ProcessChanges c = ProcessChanges.between(before, after);

        assertEquals(Map.of(0x10000L, "grown +52 KiB", 0x20000L, "split", 0x22000L, "split",
            0x40000L, "+2 pages", 0x50000L, "new"), c.tags());
        assertEquals(1, c.removed().size());
        assertArrayEquals(new long[] {0x30000, 0x31000}, c.removed().get(0));
        assertEquals(4 + 2 + 1, c.came());
        assertEquals(1, c.gone(), "the gone library's page");
        assertEquals("1 VMA new, 1 grown or shrunk, 2 split or reprotected, 1 gone; +7 pages resident, −1", c.summary());
    }

    @Test
    void theSameReadTwiceIsNoChange() {
        List<ProcessChanges.Read> a = List.of(r(0x1000, 0x2000, "r--p", "/x", 1));
        ProcessChanges c = ProcessChanges.between(a, a);
        assertTrue(c.isEmpty());
        assertEquals("no change", c.summary());
    }

    @Test
    void newPermissionsAreTold() {
        ProcessChanges c = ProcessChanges.between(List.of(r(0x1000, 0x2000, "rw-p", null, 0)),
            List.of(r(0x1000, 0x2000, "r--p", null, 0)));
        assertEquals(Map.of(0x1000L, "rw-p → r--p"), c.tags());
    }
}
