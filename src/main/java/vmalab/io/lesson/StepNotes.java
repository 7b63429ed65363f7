package vmalab.io.lesson;

import java.util.List;

/**
 * What a lesson says around one operation: the {@code say} lines before it (narration for the teacher to
 * read out), the {@code ask} before it (asked before it runs, revealed after), the {@code expect} lines
 * after it (checked once it has run), and the {@code view} before it (the tab shown from this step on, or null
 * to keep the one before: {@link LessonViews}).
 */
public record StepNotes(List<String> say, Ask ask, List<Check> checks, String view) {
    public static final StepNotes NONE = new StepNotes(List.of(), null, List.of(), null);

    public StepNotes {
        say = List.copyOf(say);
        checks = List.copyOf(checks);
    }

    public StepNotes(List<String> say, Ask ask, List<Check> checks) {
        this(say, ask, checks, null);
    }

    public boolean isEmpty() {
        return say.isEmpty() && ask == null && checks.isEmpty() && view == null;
    }

    /** The say lines as one paragraph, or empty. */
    public String sayText() {
        return String.join(" ", say);
    }

    public StepNotes withSay(List<String> more) {
        return new StepNotes(more, ask, checks, view);
    }

    public StepNotes withAsk(Ask a) {
        return new StepNotes(say, a, checks, view);
    }

    public StepNotes withCheck(Check c) {
        List<Check> all = new java.util.ArrayList<>(checks);
        all.add(c);
        return new StepNotes(say, ask, all, view);
    }
}
