package vmalab.io.lesson;

import java.util.List;
import java.util.Objects;

/**
 * A built-in lesson: the {@code .vlab} file shipped in the jar under {@code /vmalab/lessons/NAME.vlab}. One listed
 * in the build's catalogue ({@link LessonCatalogue}) reads its file the first time {@link #text} is asked for.
 */
public final class Lesson {
    private final String name;
    private final String title;
    private final String summary;
    private final List<String> tags;
    private final int steps;
    private volatile String text;

    /**
     * @param name    what {@code run NAME}, {@code export NAME} and the window accept ({@code heap-fault})
     * @param title   its title line
     * @param summary its one-line summary
     * @param tags    {@code class}, {@code self-study}, …
     * @param steps   how many operations it runs
     * @param text    the whole file
     */
    public Lesson(String name, String title, String summary, List<String> tags, int steps, String text) {
        this.name = Objects.requireNonNull(name);
        this.title = Objects.requireNonNull(title);
        this.summary = Objects.requireNonNull(summary);
        this.tags = List.copyOf(tags);
        this.steps = steps;
        this.text = Objects.requireNonNull(text);
    }

    private Lesson(String name, String title, String summary, List<String> tags, int steps) {
        this.name = name;
        this.title = title;
        this.summary = summary;
        this.tags = List.copyOf(tags);
        this.steps = steps;
    }

    /** A built-in lesson whose file is read from the jar when its text is first needed. */
    static Lesson readLater(String name, String title, String summary, List<String> tags, int steps) {
        return new Lesson(name, title, summary, tags, steps);
    }

    public String name() {
        return name;
    }

    public String title() {
        return title;
    }

    public String summary() {
        return summary;
    }

    public List<String> tags() {
        return tags;
    }

    public int steps() {
        return steps;
    }

    /** The whole file. */
    public String text() {
        String t = text;
        if (t == null) {
            t = Lessons.text(name);
            text = t;
        }
        return t;
    }

    /** The file name it is known by in messages: {@code heap-fault.vlab}. */
    public String fileName() {
        return name + ".vlab";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Lesson l && name.equals(l.name) && title.equals(l.title) && summary.equals(l.summary)
            && tags.equals(l.tags) && steps == l.steps && text().equals(l.text());
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, title, summary, tags, steps);
    }

    @Override
    public String toString() {
        return "Lesson[" + name + ": " + title + ", " + steps + " steps]";
    }
}
