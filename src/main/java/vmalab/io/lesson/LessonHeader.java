package vmalab.io.lesson;

import java.util.List;

/**
 * A lesson's {@code title "…"}, {@code summary "…"} and {@code tags …} lines; a plain scenario has none.
 *
 * @param title   its title, or null
 * @param summary its one-line summary, or null
 * @param tags    {@code class} (made for a teacher in front of a class), {@code self-study}, …
 */
public record LessonHeader(String title, String summary, List<String> tags) {
    public static final LessonHeader NONE = new LessonHeader(null, null, List.of());

    public LessonHeader {
        tags = List.copyOf(tags);
    }
}
