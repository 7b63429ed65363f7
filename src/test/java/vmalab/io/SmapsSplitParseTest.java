package vmalab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A large smaps text is parsed in two halves on two cores: the entries and every error (its line, its
 * problem) must be what one pass gives.
 */
class SmapsSplitParseTest {
    /** Entries of 24 fields and VmFlags (about 700 bytes each), one page apart, alternating flag lists. */
    private static String smaps(int entries) {
        StringBuilder sb = new StringBuilder();
        String[] keys = {"Size", "KernelPageSize", "MMUPageSize", "Rss", "Pss", "Pss_Dirty", "Shared_Clean",
            "Shared_Dirty", "Private_Clean", "Private_Dirty", "Referenced", "Anonymous", "KSM", "LazyFree",
            "AnonHugePages", "ShmemPmdMapped", "FilePmdMapped", "Shared_Hugetlb", "Private_Hugetlb", "Swap",
            "SwapPss", "Locked"};
        for (int i = 0; i < entries; i++) {
            long start = 0x7f0000000000L + 0x2000L * i;
            sb.append(String.format("%x-%x %s 00000000 00:00 0 %n", start, start + 0x1000, i % 2 == 0 ? "rw-p" : "---p"));
            for (String k : keys) Smaps.appendField(sb, SmapsField.kb(k, k.equals("Rss") ? 4 * (i % 2) : 4));
            Smaps.appendField(sb, SmapsField.count("THPeligible", 0));
            Smaps.appendField(sb, SmapsField.count("ProtectionKey", 0));
            sb.append(i % 2 == 0 ? "VmFlags: rd wr mr mw me ac \n" : "VmFlags: mr mw me \n");
        }
        return sb.toString();
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    @Test
    void bothHalvesTogetherAreTheWholeFile() {
        // given: a text above the split size
        String text = smaps(9000);
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        assertTrue(b.length > SmapsParser.SPLIT_BYTES);

        // when
        List<SmapsEntry> all = SmapsParser.parse("big.smaps", b).orElseThrow();
        List<SmapsEntry> pmap = SmapsParser.parse("big.smaps", b, true).orElseThrow();

        // then: every entry, in order, and printed back byte for byte
        assertEquals(9000, all.size());
        assertEquals(text, Smaps.format(all, 12));
        assertEquals(9000, pmap.size());
        for (int i = 0; i < all.size(); i++) {
            assertEquals(all.get(i).map(), pmap.get(i).map());
            assertEquals(all.get(i).vmFlags(), pmap.get(i).vmFlags());
        }
        assertEquals("rd wr mr mw me ac", all.get(8998).vmFlags());
        assertEquals(4, all.get(8999).map().rssKb());
    }

    @Test
    void anErrorInTheSecondHalfNamesItsLineInTheWholeFile() {
        String text = smaps(9000);
        int at = text.indexOf("Pss:", text.length() * 3 / 4);
        String bad = text.substring(0, at) + "Pss:   x kB" + text.substring(text.indexOf('\n', at));

        Parsed<List<SmapsEntry>> p = SmapsParser.parse("big.smaps", bad);

        assertEquals("big.smaps:" + lineOf(bad, at) + ": bad field line \"Pss:   x kB\"", p.error());
    }

    @Test
    void theFirstErrorWinsWhenBothHalvesHaveOne() {
        String text = smaps(9000);
        int early = text.indexOf("Rss:", text.length() / 4);
        int late = text.indexOf("Rss:", text.length() * 3 / 4);
        String bad = text.substring(0, early) + "Rss ?\n" + text.substring(text.indexOf('\n', early) + 1, late)
            + "Rss ?\n" + text.substring(text.indexOf('\n', late) + 1);

        Parsed<List<SmapsEntry>> p = SmapsParser.parse("big.smaps", bad);

        assertEquals("big.smaps:" + lineOf(bad, early) + ": bad field line \"Rss ?\"", p.error());
    }

    @Test
    void anOverlapAtTheSplitIsFound() {
        // given: the mapping line where the second half starts goes back below the one before it
        String text = smaps(9000);
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int split = SmapsParser.entryStartAfter(b, b.length / 2);
        String line = text.substring(split, text.indexOf('\n', split));
        String moved = "7f0000000000-7f0000001000" + line.substring(line.indexOf(' '));
        String bad = text.substring(0, split) + moved + text.substring(split + line.length());

        Parsed<List<SmapsEntry>> p = SmapsParser.parse("big.smaps", bad);

        // then: the same message one pass gives, on that line
        assertTrue(p.failed());
        assertEquals("big.smaps:" + lineOf(bad, split) + ": range 7f0000000000-7f0000001000 overlaps or precedes ",
            p.error().substring(0, p.error().lastIndexOf(' ') + 1));
    }

    @Test
    void aBadMappingLineStartingTheSecondHalfIsReportedThere() {
        String text = smaps(9000);
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int split = SmapsParser.entryStartAfter(b, b.length / 2);
        String bad = text.substring(0, split) + "7g" + text.substring(split + 2);

        Parsed<List<SmapsEntry>> p = SmapsParser.parse("big.smaps", bad);

        assertTrue(p.error().startsWith("big.smaps:" + lineOf(bad, split) + ": bad address range \"7g"), p.error());
    }
}
