package vmalab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vmalab.io.ScenarioParser;
import vmalab.io.ScenarioRunner;
import vmalab.io.lesson.Lesson;
import vmalab.io.lesson.Lessons;
import vmalab.model.Kernel;
import vmalab.model.event.EventDetail;

/** {@code vmalab lessons}, {@code run NAME}, and every lesson replaying to the same state. */
class LessonsCliTest {
    static Stream<String> lessons() {
        return Lessons.all().stream().map(Lesson::name);
    }

    /** The maps, pmap -x and buddyinfo text after every step of a lesson, from a fresh kernel. */
    private static String replay(Lesson lesson) {
        ScenarioParser.Result parsed = ScenarioParser.parse(lesson.text(), lesson.fileName());
        assertTrue(parsed.ok(), parsed.error());
        Kernel k = new Kernel();
        ScenarioRunner runner = new ScenarioRunner(k, lesson.fileName());
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        for (ScenarioParser.Step s : parsed.steps()) {
            assertNull(runner.errorOf(runner.run(s, EventDetail.SUMMARY)));
            StateFormats.print(out, k, List.of("maps", "pmap-x", "buddyinfo"));
        }
        out.flush();
        return text.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void everyLessonReplaysIdentically(String name) {
        Lesson lesson = Lessons.find(name).orElseThrow();
        String first = replay(lesson);
        assertFalse(first.isEmpty());
        assertEquals(first, replay(lesson));
    }

    @Test
    void lessonsPrintsNameTabTitleInCatalogueOrder() {
        CliTest.Run r = CliTest.cli("lessons");
        assertEquals(0, r.code(), r.err());
        List<String> want = Lessons.all().stream().map(l -> l.name() + "\t" + l.title()).toList();
        assertEquals(want, r.out().lines().toList());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("heap-fault\t")));
    }

    @Test
    void runAcceptsALessonName() {
        CliTest.Run byName = CliTest.cli("run", "heap-fault", "--show", "pmap-x");
        CliTest.Run byPath = CliTest.cli("run", "src/main/resources/vmalab/lessons/heap-fault.vlab", "--show", "pmap-x");
        assertEquals(0, byName.code(), byName.err());
        assertEquals(byPath.out(), byName.out());
        assertTrue(byName.out().contains("brk(0x55555555f000) = 0x55555555f000"), byName.out());
    }

    @Test
    void aPathThatExistsWinsOverALessonName() throws IOException {
        // given a file in the working directory called like a lesson
        Path clash = Path.of("rss-vsz");
        assertFalse(Files.exists(clash), "a stray file ./rss-vsz");
        Files.writeString(clash, "exec clash empty\nmmap 0x40000000 4K rw- private anon\n", StandardCharsets.UTF_8);
        try {
            // when
            CliTest.Run r = CliTest.cli("run", "rss-vsz");

            // then the file ran, not the lesson
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("(clash, empty)"), r.out());
            assertFalse(r.out().contains("rssdemo"), r.out());
        } finally {
            Files.deleteIfExists(clash);
        }
    }

    @Test
    void anUnknownNameIsOneLineAndExitTwo() {
        CliTest.Run r = CliTest.cli("run", "no-such-lesson");
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("vmalab run: no-such-lesson: no such file"), r.err());
    }
}
