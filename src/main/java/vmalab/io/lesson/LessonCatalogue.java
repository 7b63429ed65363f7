package vmalab.io.lesson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The lesson catalogue: what the start page and the Lessons menu show of each built-in lesson (name, title,
 * summary, tags, number of steps), one line a lesson, written by the build ({@code process-classes}, pom.xml)
 * beside the lessons as {@code /vmalab/lessons/catalogue.txt}. Parsing all the lessons to learn their titles
 * and step counts cost some 150 ms of CPU at every start (cold code, and the JIT compiling it), on the two
 * cores the toolkit needs then; the catalogue is read in a millisecond, and a lesson's text is read when it
 * is opened. The build writes it from the same files by the same parser, so it cannot be stale in a build;
 * without it (classes compiled by an IDE alone) {@link Lessons} parses the lessons as before.
 *
 * <p>A line is five fields split by tabs: name, title, summary, tags (split by commas), steps. A tab, newline
 * or backslash inside a field is written {@code \t}, {@code \n}, {@code \\}.
 */
public final class LessonCatalogue {
    static final String FILE = "catalogue.txt";

    private LessonCatalogue() {
    }

    /** The catalogue text of {@code lessons}. */
    static String encode(List<Lesson> lessons) {
        StringBuilder b = new StringBuilder();
        for (Lesson l : lessons) {
            b.append(escape(l.name())).append('\t').append(escape(l.title())).append('\t')
                .append(escape(l.summary())).append('\t').append(escape(String.join(",", l.tags()))).append('\t')
                .append(l.steps()).append('\n');
        }
        return b.toString();
    }

    /** The lessons {@code text} lists, each reading its file when asked for it; null when a line is not five fields. */
    static List<Lesson> decode(String text) {
        List<Lesson> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) continue;
            String[] f = line.split("\t", -1);
            if (f.length != 5) return null;
            int steps;
            try {
                steps = Integer.parseInt(f[4]);
            } catch (NumberFormatException e) {
                return null;
            }
            String name = unescape(f[0]);
            String tags = unescape(f[3]);
            out.add(Lesson.readLater(name, unescape(f[1]), unescape(f[2]),
                tags.isEmpty() ? List.of() : Arrays.asList(tags.split(",")), steps));
        }
        return List.copyOf(out);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * The build's step: parses every lesson on the class path (a lesson that does not parse fails the build)
     * and writes {@code DIR/catalogue.txt} (temporary file, then a rename).
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) throw new IllegalArgumentException("usage: LessonCatalogue DIR");
        vmalab.io.AtomicFiles.writeAtomically(Path.of(args[0], FILE),
            encode(Lessons.parseAll()).getBytes(StandardCharsets.UTF_8));
    }
}
