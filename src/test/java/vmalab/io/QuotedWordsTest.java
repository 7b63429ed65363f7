package vmalab.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vmalab.io.session.SessionFormat;

/** Found by the fuzzer (issue 12): whatever a line or file holds, a message quotes at most a cut word of it. */
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
}
