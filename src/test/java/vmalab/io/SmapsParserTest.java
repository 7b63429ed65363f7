package vmalab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading smaps text; printing fields the kernel's way. */
class SmapsParserTest {
    private static final String HEAD = "55555555f000-555555580000 rw-p 00000000 00:00 0"
        + "                          [heap]\n";

    private static void assertFails(String text, String expected) {
        Parsed<List<SmapsEntry>> p = SmapsParser.parse("sleep.smaps", text);
        assertTrue(p.failed());
        assertNull(p.value());
        assertEquals(expected, p.error());
    }

    @Test
    void errorsNameFileAndLine() {
        assertFails("Size:                132 kB\n", "sleep.smaps:1: field before the first mapping line");
        assertFails(HEAD + "Size:      1x2 kB\n", "sleep.smaps:2: bad field line \"Size:      1x2 kB\"");
        assertFails(HEAD + "VmFlags: rd wr \nRss: 1 kB\n", "sleep.smaps:3: line after VmFlags: \"Rss: 1 kB\"");
        assertFails(HEAD + "VmFlags: rd Wr \n", "sleep.smaps:2: bad VmFlags \"rd Wr\"");
        assertFails(HEAD + "Size: 4 kB\n55-zz rw-p 00000000 00:00 0 \n", "sleep.smaps:3: bad address range \"55-zz\"");
    }

    @Test
    void olderListsWithoutVmFlagsReadBack() {
        // given a 2.6.25-style entry
        String text = "08048000-08049000 r-xp 00000000 03:03 439029     /home/rml/src/example\n"
            + "Size:                  4 kB\nRss:                   4 kB\nPss:                   4 kB\n"
            + "Shared_Clean:          0 kB\nShared_Dirty:          0 kB\nPrivate_Clean:         4 kB\n"
            + "Private_Dirty:         0 kB\nReferenced:            4 kB\n";

        // when
        List<SmapsEntry> e = SmapsParser.parse("x", text).orElseThrow();

        // then
        assertNull(e.get(0).vmFlags());
        assertEquals(4, e.get(0).map().rssKb());
        assertEquals(text, Smaps.format(e, 8));
    }

    @Test
    void fieldsPadToSixteenThenEight() {
        // given
        StringBuilder sb = new StringBuilder();

        // when
        Smaps.appendField(sb, SmapsField.kb("Rss", 1234567));
        Smaps.appendField(sb, SmapsField.kb("Private_Hugetlb", 5));
        Smaps.appendField(sb, SmapsField.kb("Private_Hugetlb", 12345678));
        Smaps.appendField(sb, SmapsField.count("THPeligible", 1));

        // then: "Private_Hugetlb: %7lu" in the kernel
        assertEquals("Rss:             1234567 kB\n"
            + "Private_Hugetlb:       5 kB\n"
            + "Private_Hugetlb: 12345678 kB\n"
            + "THPeligible:           1\n", sb.toString());
    }

    @Test
    void emptyVmFlagsLineKeepsItsSpace() {
        // given
        String text = HEAD + "Size:                132 kB\nVmFlags: \n";

        // when
        List<SmapsEntry> e = SmapsParser.parse("x", text).orElseThrow();

        // then
        assertEquals("", e.get(0).vmFlags());
        assertEquals(text, Smaps.format(e, 16));
    }
}
