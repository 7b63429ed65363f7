package vmalab.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import vmalab.io.lesson.Ask;
import vmalab.io.lesson.LessonHeader;
import vmalab.io.lesson.StepNotes;
import vmalab.io.lesson.Verdict;

/**
 * Predict-then-reveal for one loaded lesson: which of its {@code ask} lines have been answered, how, and the
 * score. The first answer to a question counts; stepping back and forth never asks an answered question again.
 * The controller asks ({@link #ask}) instead of running a step with an unanswered ask, and records the answer
 * once the step has run; the window shows the question and the reveal. No toolkit needed to drive it.
 */
public final class Quiz {
    /** One answered question: what the student chose (null: no answer given) and what the model said. */
    public record Answer(Ask ask, String chosen, Verdict verdict) {
        public boolean right() {
            return verdict.passed();
        }
    }

    private final Map<Ask, Answer> answers = new HashMap<>();
    private final List<Ask> asks = new ArrayList<>();
    private LessonHeader header = LessonHeader.NONE;
    private boolean lesson;
    private final ReadOnlyObjectWrapper<Ask> pending = new ReadOnlyObjectWrapper<>(this, "pending");
    private final ReadOnlyIntegerWrapper answered = new ReadOnlyIntegerWrapper(this, "answered", 0);
    private int right;
    private Consumer<Ask> onAsk = a -> { };
    private Consumer<Answer> onReveal = a -> { };

    /** Forgets every answer: a new scenario, with these notes on its steps. */
    public void reset(List<StepNotes> notes, LessonHeader header) {
        answers.clear();
        asks.clear();
        this.header = header == null ? LessonHeader.NONE : header;
        lesson = this.header.title() != null;
        for (StepNotes n : notes) {
            if (n.ask() != null) asks.add(n.ask());
            if (!n.isEmpty()) lesson = true;
        }
        right = 0;
        pending.set(null);
        answered.set(0);
    }

    /** Whether the loaded scenario is a lesson (a title, or any say, ask or expect). */
    public boolean isLesson() { return lesson; }
    public LessonHeader header() { return header; }

    /** Whether {@code a} must be asked before its step runs: there is one and it has no answer yet. */
    public boolean needsAsking(Ask a) {
        return a != null && !answers.containsKey(a);
    }

    /** Puts {@code a} to the student (again, if it was on show and put away unanswered). */
    public void ask(Ask a) {
        pending.set(a);
        onAsk.accept(a);
    }

    /** The question waiting for an answer, or null. */
    public Ask pending() { return pending.get(); }
    public ReadOnlyObjectProperty<Ask> pendingProperty() { return pending.getReadOnlyProperty(); }

    /** Drops the question on show without an answer (the timeline moved elsewhere). */
    public void cancel() {
        pending.set(null);
    }

    /**
     * The answer to {@code a}, revealed: the first one counts, a later one returns the first. Clears the
     * pending question.
     */
    public Answer record(Ask a, String chosen, Verdict verdict) {
        pending.set(null);
        Answer first = answers.get(a);
        if (first != null) return first;
        Answer ans = new Answer(a, chosen, verdict);
        answers.put(a, ans);
        if (ans.right()) right++;
        answered.set(answers.size());
        onReveal.accept(ans);
        return ans;
    }

    /** The answer given to {@code a}, or null. */
    public Answer answerOf(Ask a) { return answers.get(a); }

    /** Questions in the lesson. */
    public int total() { return asks.size(); }
    /** Questions answered so far. */
    public int answered() { return answered.get(); }
    public ReadOnlyIntegerProperty answeredProperty() { return answered.getReadOnlyProperty(); }
    /** Questions predicted right. */
    public int right() { return right; }

    /** "You predicted 3 of 4" (out of every question of the lesson, answered or skipped). */
    public String scoreText() {
        return "You predicted " + right + " of " + asks.size();
    }

    public void setOnAsk(Consumer<Ask> c) { onAsk = c == null ? a -> { } : c; }
    public void setOnReveal(Consumer<Answer> c) { onReveal = c == null ? a -> { } : c; }
}
