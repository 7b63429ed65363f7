package vmalab.io.lesson;

import java.util.List;
import java.util.function.IntFunction;

/**
 * What a lesson's {@code view ID} lines ask the window to show. The ids are the window's tabs (the app's
 * {@code ViewKind}; a test keeps the two equal, since io sees nothing of the app) and {@code compare}, the Maple
 * tree tab in its side-by-side mode. A {@code view} line stands
 * before an operation, like {@code say}, and holds from that step on; before the first operation it holds
 * from the start (step 0).
 */
public final class LessonViews {
    /** The window's tabs, in their order. */
    public static final List<String> TABS = List.of("story", "structures", "layout", "tree", "maple", "pagetable",
        "buddy");

    /** The side-by-side mode: the Maple tree tab showing mm_rb and the maple tree of the same process. */
    public static final String COMPARE = "compare";

    /** The views a lesson may name: the tabs, then {@link #COMPARE}. */
    public static final List<String> IDS = java.util.stream.Stream.concat(TABS.stream(),
        java.util.stream.Stream.of(COMPARE)).toList();

    private LessonViews() {
    }

    public static boolean isId(String id) {
        return IDS.contains(id);
    }

    /**
     * The view a lesson asks for at {@code position} (0: before any step, n: after step n) of a timeline of
     * {@code steps} steps whose step i (0-based) has the notes {@code notes.apply(i)}: the last {@code view}
     * line at or before that step, the first step's for position 0; null when the lesson names none there.
     */
    public static String at(IntFunction<StepNotes> notes, int steps, int position) {
        for (int i = Math.min(Math.max(position, 1), steps); i >= 1; i--) {
            StepNotes n = notes.apply(i - 1);
            if (n != null && n.view() != null) return n.view();
        }
        return null;
    }
}
