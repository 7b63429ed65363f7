package vmalab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import vmalab.io.session.SessionFormat;

/**
 * Found by the fuzzer (issue 12): whatever a line or file holds, a message quotes at most a cut word of it, with
 * characters that do not print escaped.
 */
class QuotedWordsTest {
    @Test
    void textAfterASaysClosingQuoteIsCutInTheMessage() {
        String e = ScenarioParser.parse("say \"a\"" + "b".repeat(3000) + "\n", "l.vlab").error();
        assertTrue(e.startsWith("l.vlab:1: say: unexpected \"" + "b".repeat(60) + "…\""), e);
        assertTrue(e.length() < 200, e.length() + " chars");
    }

    @Test
    void aBadExpectValueIsCutInTheMessage() {
        String e = LessonLines.check("expect map_count " + "x".repeat(3000), "bar", 1).error();
        assertTrue(e.contains("\"" + "x".repeat(60) + "…\""), e);
        assertTrue(e.length() < 200, e.length() + " chars");
    }

    @Test
    void aSessionValueOfTheWrongTypeIsCutInTheMessage() {
        String json = "{\"format\" : [\"" + "y".repeat(3000) + "\"]}";
        String e = SessionFormat.read(json, "s.vsession").error();
        assertTrue(e.startsWith("s.vsession:1: not a vmalab session"), e);
        assertTrue(e.length() < 200, e.length() + " chars");
    }

    @Test
    void aPagemapRangeWithControlCharactersIsShownEscaped() {
        List<MapEntry> maps = List.of(new MapEntry(0x1000, 0x3000, "rw-p", 0, 0, 0, 0, null));
        String dump = "vmalab-pagemap 1\n1000-3\u0000" + "\u001c".repeat(500) + " 2P\n";
        String e = PagemapDump.parse("pagemap", dump.getBytes(StandardCharsets.UTF_8), maps, new String[1]).error();
        assertTrue(e.startsWith("pagemap:2: range 1000-3\\u0000\\u001c"), e);
        assertNull(Text.controlIn(e), e);
        assertTrue(e.length() < 500, e.length() + " chars");
    }

    @Test
    void aCommandBarLineWithAControlCharacterIsRefusedLikeAScenarioLine() {
        assertEquals("bar:1: a character that does not print: U+0000 at column 3",
            LessonLines.check("ar\u0000 x", "bar", 1).error());
    }

    @Test
    void brokenJsonInASessionIsShownCutAndEscaped() {
        String e = SessionFormat.read("{\"format\" : t" + "\u0000".repeat(2000) + "}", "s.vsession").error();
        assertTrue(e.startsWith("s.vsession:1: not a session file: broken JSON (Unrecognized token 't\\u0000"), e);
        assertNull(Text.controlIn(e), e);
        assertTrue(e.length() < 600, e.length() + " chars");
    }

    @Test
    void aSessionsScenarioNameMustPrint() {
        String json = SessionFormat.write(new vmalab.io.session.SessionData("a\u007f.vlab", "exec a x86_64\n",
            List.of(), 0, "layout", "maps", List.of(), 0, 0L, 0L, new vmalab.io.session.Viewport(true, false, 1, 0),
            false, 1, "dark", null));
        String e = SessionFormat.read(json, "s.vsession").error();
        assertTrue(e.endsWith(": the scenario's name has a character that does not print: U+007F at column 2"), e);
    }
}
