package vmalab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading maps text, and its errors as values. */
class MapsParserTest {
    private static final String GOOD1 = "555555554000-555555556000 r--p 00000000 fe:00 260875"
        + "                     /usr/bin/sleep\n";
    private static final String GOOD2 = "55555555f000-555555580000 rw-p 00000000 00:00 0"
        + "                          [heap]\n";

    private static void assertFails(String text, String expected) {
        // when
        Parsed<List<MapEntry>> p = MapsParser.parse("sleep.maps", text);

        // then: an error, and no partial value
        assertTrue(p.failed());
        assertNull(p.value());
        assertEquals(expected, p.error());
    }

    @Test
    void badAddressRangeNamesFileAndLine() {
        assertFails(GOOD1 + GOOD2 + "55-zz r--p 00000000 00:00 0 \n", "sleep.maps:3: bad address range \"55-zz\"");
    }

    @Test
    void eachFieldHasItsOwnProblem() {
        assertFails("1000-2000 rwzp 00000000 00:00 0 \n", "sleep.maps:1: bad permissions \"rwzp\"");
        assertFails("1000-2000 rw-p 0000g000 00:00 0 \n", "sleep.maps:1: bad offset \"0000g000\"");
        assertFails("1000-2000 rw-p 00000000 0000 0 \n", "sleep.maps:1: bad device \"0000\"");
        assertFails("1000-2000 rw-p 00000000 00:00 x1 \n", "sleep.maps:1: bad inode \"x1\"");
        assertFails("1000-2000 rw-p 00000000 00:00\n", "sleep.maps:1: missing inode");
        assertFails("2000-1000 rw-p 00000000 00:00 0 \n", "sleep.maps:1: empty address range \"2000-1000\"");
        assertFails(GOOD1 + "\n", "sleep.maps:2: empty line");
    }

    @Test
    void linesMustClimb() {
        assertFails(GOOD2 + GOOD1,
            "sleep.maps:2: range 555555554000-555555556000 overlaps or precedes 55555555f000-555555580000");
    }

    @Test
    void readsEveryColumn() {
        // when
        Parsed<List<MapEntry>> p = MapsParser.parse("x", GOOD1 + GOOD2);

        // then
        assertFalse(p.failed());
        MapEntry e = p.value().get(0);
        assertEquals(0x555555554000L, e.start());
        assertEquals(0x555555556000L, e.end());
        assertEquals("r--p", e.perms());
        assertEquals(0, e.offset());
        assertEquals(0xfe, e.devMajor());
        assertEquals(0, e.devMinor());
        assertEquals(260875, e.inode());
        assertEquals("/usr/bin/sleep", e.name());
        assertEquals("[heap]", p.value().get(1).name());
    }

    @Test
    void keepsSpacesInsideNamesAndToleratesALostTrailingSpace() {
        // given a deleted file, and an anonymous line whose trailing space was lost (as in the seed's text)
        String text = "7f0000000000-7f0000001000 rw-s 00000000 00:01 5    /memfd:x (deleted)\n"
            + "7f0000001000-7f0000002000 rw-p 00000000 00:00 0";

        // when
        Parsed<List<MapEntry>> p = MapsParser.parse("x", text);

        // then
        assertFalse(p.failed(), p.error());
        assertEquals("/memfd:x (deleted)", p.value().get(0).name());
        assertNull(p.value().get(1).name());
    }

    @Test
    void emptyTextIsNoMappings() {
        assertEquals(List.of(), MapsParser.parse("x", "").orElseThrow());
    }

    @Test
    void kernelAddressesReadUnsigned() {
        // when
        MapEntry e = MapsParser.parse("x", ProcMaps.format(List.of(ProcMaps.VSYSCALL), 16)).orElseThrow().get(0);

        // then
        assertEquals(ProcMaps.VSYSCALL, e);
    }
}
