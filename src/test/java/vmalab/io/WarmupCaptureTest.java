package vmalab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The warm-up's made-up capture: read back through the parsers, it is a capture like a real one. */
class WarmupCaptureTest {
    @Test
    void itReadsBackAsACaptureOfTheVmasAskedFor() {
        Capture c = WarmupCapture.read(100);

        // the program's three, [heap], 100 one-page mappings, [vvar], [vdso], the loader's three, [stack], [vsyscall]
        assertEquals(111, c.maps().size());
        assertEquals(c.maps().size(), c.smaps().size());
        assertNotNull(c.pages());
        for (int i = 0; i < c.maps().size(); i++) assertNotNull(c.smapsOf(i), "smaps entry of line " + i);
        MapEntry first = c.maps().get(4);
        assertEquals("rw-p", first.perms());
        assertEquals(4, c.smaps().get(4).value("Rss"));
        assertEquals(PageStates.PRESENT, c.pages().state(4, 0));
        assertEquals("---p", c.maps().get(5).perms());
        assertEquals(PageStates.NONE, c.pages().state(5, 0));
        assertEquals("rd wr mr mw me ac", c.smaps().get(4).vmFlags());
        assertTrue(c.maps().get(c.maps().size() - 1).name().equals("[vsyscall]"));
    }
}
