package vmalab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vmalab.io.ScenarioParser;
import vmalab.io.lesson.Ask;
import vmalab.io.lesson.StepNotes;
import vmalab.io.lesson.Verdict;

/** The quiz's bookkeeping, without a window: first answers count, the score is out of every question. */
class QuizTest {
    private static final String TEXT = String.join("\n",
        "exec heapdemo x86_64",
        "ask \"Will it fault?\" yes no answer present 0x55555555b000",
        "brk +8K",
        "ask \"How many?\" answer minflt",
        "touch 0x55555555b000 w",
        "");

    private static List<StepNotes> notes(String text) {
        List<StepNotes> out = new ArrayList<>();
        for (ScenarioParser.Step s : ScenarioParser.parse(text, "q.vlab").steps()) out.add(s.notes());
        return out;
    }

    @Test
    void theFirstAnswerCountsAndTheScoreIsOutOfEveryQuestion() {
        // given
        Quiz quiz = new Quiz();
        List<StepNotes> n = notes(TEXT);
        quiz.reset(n, null);
        Ask first = n.get(1).ask();
        Ask second = n.get(2).ask();
        List<Ask> asked = new ArrayList<>();
        List<Quiz.Answer> revealed = new ArrayList<>();
        quiz.setOnAsk(asked::add);
        quiz.setOnReveal(revealed::add);

        // when: the first is asked and answered wrong, then answered again right
        assertTrue(quiz.needsAsking(first));
        quiz.ask(first);
        assertSame(first, quiz.pending());
        Quiz.Answer a = quiz.record(first, "yes", new Verdict(false, "no", "q.vlab:2: the answer is no"));
        Quiz.Answer again = quiz.record(first, "no", new Verdict(true, "no", null));

        // then
        assertNull(quiz.pending());
        assertSame(a, again);
        assertFalse(quiz.needsAsking(first));
        assertTrue(quiz.needsAsking(second));
        assertEquals(List.of(first), asked);
        assertEquals(List.of(a), revealed);
        assertEquals(2, quiz.total());
        assertEquals(1, quiz.answered());
        assertEquals(0, quiz.right());
        assertEquals("You predicted 0 of 2", quiz.scoreText());

        // when: the second is answered right
        quiz.record(second, "1", new Verdict(true, "1", null));
        assertEquals("You predicted 1 of 2", quiz.scoreText());
        assertTrue(quiz.isLesson());

        // and: a new scenario forgets it all
        quiz.reset(notes("exec cat x86_64\n"), null);
        assertEquals(0, quiz.total());
        assertEquals(0, quiz.answered());
        assertFalse(quiz.isLesson());
        assertFalse(quiz.needsAsking(null));
    }
}
