package vmalab.io.lesson;

import java.util.List;

/**
 * What a lesson says around one operation: the {@code say} lines before it (narration for the teacher to
 * read out), the {@code ask} before it (asked before it runs, revealed after), and the {@code expect} lines
 * after it (checked once it has run).
 */
public record StepNotes(List<String> say, Ask ask, List<Check> checks) {
    public static final StepNotes NONE = new StepNotes(List.of(), null, List.of());

    public StepNotes {
        say = List.copyOf(say);
        checks = List.copyOf(checks);
    }

    public boolean isEmpty() {
        return say.isEmpty() && ask == null && checks.isEmpty();
    }

    /** The say lines as one paragraph, or empty. */
    public String sayText() {
        return String.join(" ", say);
    }

    public StepNotes withSay(List<String> more) {
        return new StepNotes(more, ask, checks);
    }

    public StepNotes withAsk(Ask a) {
        return new StepNotes(say, a, checks);
    }

    public StepNotes withCheck(Check c) {
        List<Check> all = new java.util.ArrayList<>(checks);
        all.add(c);
        return new StepNotes(say, ask, all);
    }
}
