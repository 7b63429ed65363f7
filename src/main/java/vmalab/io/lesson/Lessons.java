package vmalab.io.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vmalab.io.ScenarioParser;

/**
 * The lessons shipped in the jar, in the order of {@code /vmalab/lessons/index.txt} (one NAME a line). A lesson
 * that does not parse is a bug of the build, caught by the test that runs every lesson.
 */
public final class Lessons {
    public static final String DIR = "/vmalab/lessons/";
    private static volatile List<Lesson> all;

    private Lessons() {
    }

    /** Every built-in lesson, in catalogue order. */
    public static List<Lesson> all() {
        List<Lesson> a = all;
        if (a == null) {
            a = load();
            all = a;
        }
        return a;
    }

    /** The lesson called {@code name}, if there is one. */
    public static Optional<Lesson> find(String name) {
        for (Lesson l : all()) if (l.name().equals(name)) return Optional.of(l);
        return Optional.empty();
    }

    /** A scenario to run: its text and the name messages use for it. */
    public record Source(String text, String fileName) { }

    /**
     * What a command-line argument names: a file when the path exists (a path that exists wins), else a
     * built-in lesson by NAME. Empty when it is neither; {@link IOException} when the file exists but cannot be
     * read, its message the whole line to show ({@code FILE: cannot read (…)}, {@code FILE:LINE: not UTF-8 …}).
     */
    public static Optional<Source> resolve(String arg) throws IOException {
        Path p;
        try {
            p = Path.of(arg);
        } catch (java.nio.file.InvalidPathException e) {
            p = null;
        }
        if (p != null && !arg.isEmpty() && Files.exists(p)) {
            vmalab.io.Parsed<String> text = vmalab.io.Text.read(p, arg);
            if (text.failed()) throw new IOException(text.error());
            return Optional.of(new Source(text.value(), arg));
        }
        return find(arg).map(l -> new Source(l.text(), l.fileName()));
    }

    /** The message for an argument that names neither a file nor a lesson. */
    public static String notFound(String arg) {
        return arg + ": no such file, and no built-in lesson of that name (vmalab lessons lists them)";
    }

    /** The catalogue the build wrote ({@link LessonCatalogue}), else every lesson parsed. */
    private static List<Lesson> load() {
        String catalogue = readIfThere(LessonCatalogue.FILE);
        List<Lesson> listed = catalogue == null ? null : LessonCatalogue.decode(catalogue);
        return listed != null ? listed : parseAll();
    }

    /** Every lesson of {@code index.txt} parsed, in its order (what the catalogue is written from). */
    static List<Lesson> parseAll() {
        List<Lesson> out = new ArrayList<>();
        for (String line : read("index.txt").split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) continue;
            String text = read(name + ".vlab");
            ScenarioParser.Result r = ScenarioParser.parse(text, name + ".vlab");
            if (!r.ok()) throw new IllegalStateException("built-in lesson does not parse: " + r.error());
            LessonHeader h = r.header();
            out.add(new Lesson(name, h.title() == null ? name : h.title(), h.summary() == null ? "" : h.summary(),
                h.tags(), r.steps().size(), text));
        }
        return List.copyOf(out);
    }

    /** The text of the lesson file {@code name}.vlab in the jar. */
    static String text(String name) {
        return read(name + ".vlab");
    }

    private static String readIfThere(String file) {
        try (InputStream in = Lessons.class.getResourceAsStream(DIR + file)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static String read(String file) {
        try (InputStream in = Lessons.class.getResourceAsStream(DIR + file)) {
            if (in == null) throw new IllegalStateException("missing resource " + DIR + file);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
