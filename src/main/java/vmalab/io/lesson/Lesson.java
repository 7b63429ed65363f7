package vmalab.io.lesson;

import java.util.List;

/**
 * A built-in lesson: the {@code .vlab} file shipped in the jar under {@code /vmalab/lessons/NAME.vlab}.
 *
 * @param name    what {@code run NAME}, {@code export NAME} and the window accept ({@code heap-fault})
 * @param title   its title line
 * @param summary its one-line summary
 * @param tags    {@code class}, {@code self-study}, …
 * @param steps   how many operations it runs
 * @param text    the whole file
 */
public record Lesson(String name, String title, String summary, List<String> tags, int steps, String text) {
    public Lesson {
        tags = List.copyOf(tags);
    }

    /** The file name it is known by in messages: {@code heap-fault.vlab}. */
    public String fileName() {
        return name + ".vlab";
    }
}
