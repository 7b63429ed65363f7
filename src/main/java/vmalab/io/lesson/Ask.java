package vmalab.io.lesson;

import java.util.List;

/**
 * One {@code ask "QUESTION" [CHOICE …] answer KEY [ARG]} line: predict-then-reveal, asked before the operation
 * after it runs. The right answer is read from the model after the operation ({@link #answer()}), never typed
 * in the file; with choices, the model's answer must be one of them.
 *
 * @param line     its 1-based line in the scenario
 * @param process  the process named by a {@code NAME:} prefix, or null for the process the operation runs in
 * @param question the question as the student reads it
 * @param choices  the choices offered, in order; empty for a free answer
 * @param answer   what the model is asked after the operation
 */
public record Ask(int line, String process, String question, List<String> choices, Query answer) {
    public Ask {
        choices = List.copyOf(choices);
    }
}
