package vmalab.io.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vmalab.io.Parsed;
import vmalab.io.ScenarioParser;

/** The session file: what is written reads back the same, and a bad file says where, in its own lines. */
class SessionFormatTest {
    static final String LESSON = String.join("\n",
        "title \"Heap\"",
        "# a comment stays",
        "exec heapdemo x86_64",
        "say \"brk grows the heap\"",
        "brk +8K",
        "expect map_count 6",
        "ask \"How many faults?\" 0 1 2 answer minflt",
        "touch 0x55555555b000 w",
        "");

    static SessionData sample() {
        return new SessionData("heap.vlab", LESSON, List.of(new SessionData.Typed(1, "brk +4K"),
            new SessionData.Typed(4, "touch 0x55555555c000 r")), 3, "buddy", "pmap", List.of(0.62), 1,
            0x555555559000L, 0x55555555b000L, new Viewport(false, true, 12.5, 340.25), true, 2.0, "light",
            Instant.parse("2026-12-02T05:40:12Z"));
    }

    @Test
    void aSessionReadsBackAsItWasWritten() {
        // given
        SessionData d = sample();

        // when
        String text = SessionFormat.write(d);
        Parsed<SessionData> back = SessionFormat.read(text, "s.vsession");

        // then
        assertNull(back.error());
        assertEquals(d, back.value());
        assertTrue(text.contains("\"format\" : \"vmalab-session\""), text);
        assertTrue(text.contains("\"version\" : 1"), text);
        // one scenario line per line of the file, so it reads like the scenario
        assertTrue(text.contains("\n      \"say \\\"brk grows the heap\\\"\",\n"), text);
        assertTrue(text.contains("\"vma\" : \"0x555555559000\""), text);
    }

    @Test
    void stepsAreTheTextsStepsWithTheTypedLinesWhereTheyWere() {
        // given
        SessionData d = sample();
        List<ScenarioParser.Step> fromText = ScenarioParser.parse(LESSON, "heap.vlab").steps();

        // when
        List<ScenarioParser.Step> steps = d.steps();

        // then: exec, [brk +4K], brk +8K, touch, [touch …c000 r]
        assertEquals(5, steps.size());
        assertEquals(fromText.get(0), steps.get(0));
        assertEquals("brk +4K", steps.get(1).text());
        assertEquals(0, steps.get(1).line());
        assertTrue(steps.get(1).notes().isEmpty());
        assertEquals(fromText.get(1), steps.get(2));
        assertEquals(List.of("brk grows the heap"), steps.get(2).notes().say());
        assertEquals(1, steps.get(2).notes().checks().size());
        assertEquals("How many faults?", steps.get(3).notes().ask().question());
        assertEquals("touch 0x55555555c000 r", steps.get(4).text());
    }

    @Test
    void brokenJsonSaysItsLine() {
        String text = SessionFormat.write(sample());
        String broken = text.replace("\"step\" : 3,", "\"step\" : 3");
        int line = lineOf(broken, "\"window\"");

        Parsed<SessionData> r = SessionFormat.read(broken, "s.vsession");

        assertTrue(r.failed());
        assertTrue(r.error().startsWith("s.vsession:" + line + ": not a session file: broken JSON"), r.error());
        assertEquals(1, r.error().lines().count());
    }

    @Test
    void anotherFormatIsNotASession() {
        String text = SessionFormat.write(sample()).replace("\"vmalab-session\"", "\"vmalab-trace\"");

        Parsed<SessionData> r = SessionFormat.read(text, "s.vsession");

        assertEquals("s.vsession:2: not a vmalab session: \"format\" is \"vmalab-trace\", expected \"vmalab-session\"",
            r.error());
        assertEquals("s.vsession:1: not a vmalab session: \"format\" is missing, expected \"vmalab-session\"",
            SessionFormat.read("{ \"version\" : 1 }", "s.vsession").error());
        assertTrue(SessionFormat.read("[ 1, 2 ]", "s.vsession").error().startsWith("s.vsession:1: not a session"));
    }

    @Test
    void aNewerVersionIsRefused() {
        String text = SessionFormat.write(sample()).replace("\"version\" : 1", "\"version\" : 2");

        Parsed<SessionData> r = SessionFormat.read(text, "s.vsession");

        assertTrue(r.error().startsWith("s.vsession:3: session version 2 is not one this vmalab reads"), r.error());
    }

    @Test
    void aScenarioLineThatNoLongerParsesSaysItsLineInTheSessionFile() {
        // given: the scenario's brk line spoilt inside the session file
        String text = SessionFormat.write(sample()).replace("\"brk +8K\"", "\"brk 12\"");
        int line = lineOf(text, "\"brk 12\"");

        // when
        Parsed<SessionData> r = SessionFormat.read(text, "s.vsession");

        // then: the session file's line, and the scenario's own place and problem
        assertTrue(r.error().startsWith("s.vsession:" + line + ": the scenario no longer reads: heap.vlab:5: "),
            r.error());
        assertTrue(r.error().contains("brk takes +N"), r.error());
    }

    @Test
    void aTypedLineThatNoLongerParsesSaysItsLine() {
        String text = SessionFormat.write(sample()).replace("\"brk +4K\"", "\"frobnicate 1\"");
        int line = lineOf(text, "\"frobnicate 1\"");

        Parsed<SessionData> r = SessionFormat.read(text, "s.vsession");

        assertTrue(r.error().startsWith("s.vsession:" + line + ": a typed line no longer reads: command:2: unknown"
            + " operation \"frobnicate\""), r.error());
    }

    @Test
    void aStepPastTheEndAndAWrongTypeSayTheirLine() {
        String text = SessionFormat.write(sample());

        Parsed<SessionData> past = SessionFormat.read(text.replace("\"step\" : 3", "\"step\" : 9"), "s.vsession");
        Parsed<SessionData> type = SessionFormat.read(text.replace("\"speed\" : 2.0", "\"speed\" : \"fast\""),
            "s.vsession");
        Parsed<SessionData> addr = SessionFormat.read(text.replace("\"0x555555559000\"", "\"heap\""), "s.vsession");

        assertEquals("s.vsession:" + lineOf(text, "\"step\"") + ": step 9 is outside the scenario (0 to 5)",
            past.error());
        assertEquals("s.vsession:" + lineOf(text, "\"speed\"") + ": /window/speed should be a number, not \"fast\"",
            type.error());
        assertTrue(addr.error().startsWith("s.vsession:" + lineOf(text, "\"vma\"") + ": /selection/vma should be an"
            + " address"), addr.error());
    }

    @Test
    void aMissingScenarioIsNamed() {
        Parsed<SessionData> r = SessionFormat.read("{\n \"format\" : \"vmalab-session\",\n \"version\" : 1\n}\n",
            "s.vsession");

        assertEquals("s.vsession:1: missing \"name\" (at /scenario/name)", r.error());
    }

    @Test
    void anEmptyScenarioAndNoSelectionRoundTrip() {
        SessionData d = new SessionData("scenario.vlab", "", List.of(new SessionData.Typed(0, "exec cat x86_64")),
            1, "layout", "maps", List.of(), null, -1, -1, Viewport.FIT, false, 1, "light", null);

        Parsed<SessionData> back = SessionFormat.read(SessionFormat.write(d), "s.vsession");

        assertEquals(d, back.value());
        assertEquals(1, back.value().steps().size());
    }

    /** The 1-based line of the first line holding {@code s}. */
    static int lineOf(String text, String s) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(s)) return i + 1;
        throw new AssertionError(s + " not in\n" + text);
    }
}
