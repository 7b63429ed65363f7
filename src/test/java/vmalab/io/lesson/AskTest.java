package vmalab.io.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vmalab.io.lesson.LessonRun.lines;

import java.util.List;
import org.junit.jupiter.api.Test;
import vmalab.io.ScenarioRunner;

/** Predict-then-reveal: the answer of an ask is the model's after the step, checked as run checks it. */
class AskTest {
    private static final String HEAP = lines(
        "exec p empty",
        "mmap 0x10000000 20K rw- private anon",
        "touch 0x10000000 8K w",
        "ask \"What will RSS be after one more page?\" 8K 12K 16K answer rss",
        "touch 0x10002000 w");

    @Test
    void runPassesWhenTheModelsAnswerIsAChoice() {
        LessonRun r = LessonRun.of(HEAP);
        assertNull(r.error());
        ScenarioRunner.Ran last = r.last();
        assertTrue(last.ask().passed(), last.ask().message());
        assertEquals("12K", last.ask().actual(), "two pages and the one just touched");
        assertEquals("ask  What will RSS be after one more page? [8K/12K/16K] -> 12K", ScenarioRunner.askLine(last));
        assertEquals(List.of(last.ask()), last.verdicts());
    }

    @Test
    void runFailsWhenNoChoiceIsTheModelsAnswer() {
        String wrong = HEAP.replace("8K 12K 16K", "4K 8K 16K");
        LessonRun r = LessonRun.of(wrong);
        assertEquals("t.vlab:4: expected rss to be one of 4K 8K 16K (the choices of ask \"What will RSS be after one"
            + " more page?\"), got 12K", r.error());
        assertFalse(r.last().ask().passed());
    }

    @Test
    void aFreeAnswerPassesInRunAndIsRevealed() {
        LessonRun r = LessonRun.of(lines("exec p empty", "mmap 0x10000000 8K rw- private anon",
            "ask \"Will the page be present?\" answer present 0x10000000", "touch 0x10000000 r"));
        assertNull(r.error());
        assertEquals("yes", r.last().ask().actual(), "a read maps the zero page, Present");
        assertEquals("ask  Will the page be present? -> yes", ScenarioRunner.askLine(r.last()));
    }

    @Test
    void aChosenAnswerIsRightOnlyWhenItSaysWhatTheModelSays() {
        LessonRun r = LessonRun.of(HEAP);
        Ask ask = r.last().step().notes().ask();
        var last = r.last().result();
        assertTrue(Checks.reveal(r.kernel(), last, ask, "12K", "t.vlab").passed());
        assertTrue(Checks.reveal(r.kernel(), last, ask, "12", "t.vlab").passed(), "plain is KiB");
        Verdict wrong = Checks.reveal(r.kernel(), last, ask, "16K", "t.vlab");
        assertFalse(wrong.passed());
        assertEquals("12K", wrong.actual());
        assertEquals("t.vlab:4: answered 16K, but rss is 12K", wrong.message());
        Verdict nonsense = Checks.reveal(r.kernel(), last, ask, "lots", "t.vlab");
        assertFalse(nonsense.passed());
        assertTrue(nonsense.message().startsWith("t.vlab:4: answer \"lots\" is not a size"), nonsense.message());
    }

    @Test
    void aNamedAskReadsThatProcess() {
        LessonRun r = LessonRun.of(lines("exec p empty", "mmap 0x10000000 8K rw- private anon",
            "touch 0x10000000 8K w", "fork c", "c: ask \"Is the child's page copy-on-write?\" yes no answer cow "
                + "0x10000000", "c: touch 0x10000000 w"));
        assertNull(r.error());
        assertEquals("no", r.last().ask().actual(), "the child's write copied its page (wp_page_copy())");
        assertEquals("ask  c: Is the child's page copy-on-write? [yes/no] -> no", ScenarioRunner.askLine(r.last()));
    }

    @Test
    void theAskIsAskedBeforeItsOperationAndItsChecksFollow() {
        LessonRun r = LessonRun.of(HEAP + lines("expect rss 12K", "expect minflt 1"));
        ScenarioRunner.Ran last = r.last();
        assertEquals(3, last.verdicts().size());
        assertEquals(last.ask(), last.verdicts().get(0));
        assertEquals(last.checks(), last.verdicts().subList(1, 3));
    }
}
