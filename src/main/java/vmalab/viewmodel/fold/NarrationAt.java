package vmalab.viewmodel.fold;

import java.util.List;

/**
 * The narration line at a cursor: the {@code index}-th of {@code count} narrations of the step (-1 before the
 * first), the kernel function and its sentence, and the trail of functions the whole step goes through.
 */
public record NarrationAt(int index, int count, String function, String text, List<String> trail) {
    /** {@code "2 of 5"}, or empty when the step tells nothing. */
    public String position() {
        return count == 0 ? "" : (index + 1) + " of " + count;
    }
}
