package vmalab.io.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vmalab.io.lesson.LessonRun.lines;

import java.util.List;
import org.junit.jupiter.api.Test;
import vmalab.io.LessonLines;
import vmalab.io.Parsed;
import vmalab.io.ScenarioParser;

/** Bad lesson lines are FILE:LINE errors before anything runs; good ones land on the right step. */
class LessonParseTest {
    static String error(String text) {
        ScenarioParser.Result r = ScenarioParser.parse(text, "t.vlab");
        assertFalse(r.ok(), "should not parse: " + text);
        return r.error();
    }

    private static final String OP = "exec p empty\n";

    @Test
    void expectNeedsAnOperationBeforeIt() {
        assertEquals("t.vlab:1: expect needs an operation before it to check", error("expect rss 0\nexec p empty\n"));
    }

    @Test
    void anUnknownKeyListsTheKeys() {
        assertEquals("t.vlab:2: unknown key \"rsss\" (" + String.join(", ", LessonKey.words()) + ")",
            error(OP + "expect rsss 12K\n"));
        assertTrue(error(OP + "ask \"Q?\" answer fault\nexec q empty\n").startsWith("t.vlab:2: unknown key \"fault\""));
    }

    @Test
    void theWordsMustFitTheKey() {
        assertEquals("t.vlab:2: expect present ADDR yes|no: too few words", error(OP + "expect present yes\n"));
        assertEquals("t.vlab:2: expect rss SIZE: too many words", error(OP + "expect rss 12K 16K\n"));
        assertEquals("t.vlab:2: expect rss SIZE: too few words", error(OP + "expect rss\n"));
        assertEquals("t.vlab:2: answer vma ADDR: too few words", error(OP + "ask \"Q?\" answer vma\nexec q empty\n"));
    }

    @Test
    void aBadAddressOrValueIsCaughtBeforeAnythingRuns() {
        assertEquals("t.vlab:2: bad address \"0xzz\": expected a number like 0x555555559000",
            error(OP + "expect present 0xzz yes\n"));
        assertEquals("t.vlab:2: \"maybe\" is not yes or no for zero (yes|no)",
            error(OP + "expect zero 0x1000 maybe\n"));
        assertEquals("t.vlab:2: \"rwx\" is not permissions like rw-p or r-xp for vma (PERMS|none)",
            error(OP + "expect vma 0x1000 rwx\n"));
        assertEquals("t.vlab:2: \"twelve\" is not a size for rss (SIZE)", error(OP + "expect rss twelve\n"));
        assertEquals("t.vlab:2: unknown errno \"ENOPE\" for errno (NAME|none)", error(OP + "expect errno ENOPE\n"));
        assertEquals("t.vlab:2: unknown signal \"SIGFOO\" for signal (SIGNAL|none)",
            error(OP + "expect signal SIGFOO\n"));
        assertEquals("t.vlab:2: \"BUS_ADRERR\" is no si_code of SIGSEGV for signal (SIGNAL|none)",
            error(OP + "expect signal SIGSEGV/BUS_ADRERR\n"));
        assertEquals("t.vlab:2: bad order \"21\": expected 0 to 20", error(OP + "expect free 21 0\n"));
        assertEquals("t.vlab:2: \"-1\" is not a count for map_count (N)", error(OP + "expect map_count -1\n"));
    }

    @Test
    void quotesMustClose() {
        assertEquals("t.vlab:1: say: no closing quote", error("say \"the heap grows\n" + OP));
        assertEquals("t.vlab:1: the question has no closing quote",
            error("ask \"Will it fault? yes no answer present 0x1000\n" + OP));
    }

    @Test
    void anAskNeedsAQuotedQuestionAnAnswerAndRealChoices() {
        assertTrue(error("ask Will it fault? answer present 0x1000\n" + OP).startsWith("t.vlab:1: ask \"QUESTION\""));
        assertEquals("t.vlab:1: ask needs \"answer KEY [ARG]\": what the model says after the step",
            error("ask \"Will it fault?\" yes no\n" + OP));
        assertEquals("t.vlab:1: answer KEY [ARG]: which key? (" + String.join(", ", LessonKey.words()) + ")",
            error("ask \"Will it fault?\" yes no answer\n" + OP));
        assertEquals("t.vlab:1: one choice is no choice: give two or more, or none for a free answer",
            error("ask \"Present?\" yes answer present 0x1000\n" + OP));
        assertEquals("t.vlab:1: choice \"perhaps\" is not yes or no for present (yes|no)",
            error("ask \"Present?\" yes perhaps answer present 0x1000\n" + OP));
        assertEquals("t.vlab:1: ask needs a question inside the quotes", error("ask \"\" answer rss\n" + OP));
        assertEquals("t.vlab:2: ask needs an operation after it to ask about", error(OP + "ask \"RSS?\" answer rss\n"));
        assertEquals("t.vlab:2: one ask per operation (the last one is on line 1)",
            error("ask \"RSS?\" answer rss\nask \"VSZ?\" answer vsz\n" + OP));
    }

    @Test
    void onlyExpectAndAskTakeAProcessName() {
        assertEquals("t.vlab:2: only expect and ask take a process name", error(OP + "p: say \"hi\"\n"));
    }

    @Test
    void goodLinesLandOnTheirSteps() {
        ScenarioParser.Result r = ScenarioParser.parse(lines("exec p empty",
            "ask \"RSS after?\" 0K 4K answer rss",
            "mmap 0x10000000 4K rw- private anon # a comment",
            "expect vma 0x10000000 rw-p  # the new VMA",
            "child: expect present 0x10000000 \"no\""), "t.vlab");
        assertTrue(r.ok(), r.error());
        assertNull(r.steps().get(0).notes().ask());
        StepNotes mmap = r.steps().get(1).notes();
        assertEquals(new Ask(2, null, "RSS after?", List.of("0K", "4K"), new Query("rss", null)), mmap.ask());
        assertEquals(List.of(new Check(4, null, new Query("vma", "0x10000000"), "rw-p"),
            new Check(5, "child", new Query("present", "0x10000000"), "no")), mmap.checks());
    }

    @Test
    void theCommandBarReadsOneExpectLine() {
        Parsed<Check> c = LessonLines.check("p: expect rss 12K", "command", 3);
        assertEquals(new Check(3, "p", new Query("rss", null), "12K"), c.value());
        assertEquals("command:3: unknown key \"rsz\" (" + String.join(", ", LessonKey.words()) + ")",
            LessonLines.check("expect rsz 12K", "command", 3).error());
        assertTrue(LessonLines.check("say \"hello\"", "command", 3).error().startsWith("command:3: say lines belong"));
        assertTrue(LessonLines.isLessonLine("child: expect rss 0"));
        assertTrue(LessonLines.isLessonLine("EXPECT rss 0"));
        assertFalse(LessonLines.isLessonLine("touch 0x1000 w"));
        assertFalse(LessonLines.isLessonLine("child: touch 0x1000 w"));
    }
}
