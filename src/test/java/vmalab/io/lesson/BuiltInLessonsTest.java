package vmalab.io.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vmalab.io.ScenarioParser;
import vmalab.io.ScenarioRunner;
import vmalab.model.Kernel;
import vmalab.model.event.EventDetail;

/**
 * Every built-in lesson runs headless to its end with no step failing ({@link ScenarioRunner#errorOf}: the
 * operation's error or, once the checks are evaluated, a failed expect or ask), and is a lesson: a title, a
 * one-line summary, a tag, checks that prove its point and a question to predict.
 */
class BuiltInLessonsTest {
    private static final Path DIR = Path.of("src/main/resources/vmalab/lessons");
    private static final Set<String> TAGS = Set.of("class", "self-study");

    static Stream<String> lessons() {
        return Lessons.all().stream().map(Lesson::name);
    }

    private static ScenarioParser.Result parse(Lesson l) {
        ScenarioParser.Result r = ScenarioParser.parse(l.text(), l.fileName());
        assertTrue(r.ok(), r.error());
        return r;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void runsToItsEndWithEveryStepPassing(String name) {
        // given
        Lesson lesson = Lessons.find(name).orElseThrow();
        ScenarioParser.Result parsed = parse(lesson);
        ScenarioRunner runner = new ScenarioRunner(new Kernel(), lesson.fileName());

        // when / then: SUMMARY as run does; every step, its checks and its ask pass
        int ran = 0;
        for (ScenarioParser.Step s : parsed.steps()) {
            assertNull(runner.errorOf(runner.run(s, EventDetail.SUMMARY)));
            ran++;
        }
        assertEquals(lesson.steps(), ran);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void isALessonWithTitleSummaryTagsChecksAndAQuestion(String name) {
        // given
        Lesson lesson = Lessons.find(name).orElseThrow();
        ScenarioParser.Result parsed = parse(lesson);
        LessonHeader h = parsed.header();
        List<StepNotes> notes = parsed.steps().stream().map(ScenarioParser.Step::notes).toList();

        // then
        assertNotNull(h.title(), lesson.name() + ": no title line");
        assertFalse(h.title().isBlank());
        assertNotNull(h.summary(), lesson.name() + ": no summary line");
        assertFalse(h.summary().isBlank());
        assertFalse(h.summary().contains("\n"));
        assertFalse(h.tags().isEmpty(), lesson.name() + ": no tags");
        assertTrue(TAGS.containsAll(h.tags()), lesson.name() + ": tags " + h.tags() + " beyond " + TAGS);
        assertTrue(notes.stream().anyMatch(n -> !n.checks().isEmpty()), lesson.name() + ": no expect line");
        assertTrue(notes.stream().anyMatch(n -> n.ask() != null), lesson.name() + ": no ask line");
        assertTrue(notes.stream().anyMatch(n -> !n.say().isEmpty()), lesson.name() + ": no say line");
        for (StepNotes n : notes) {
            if (n.ask() != null) assertFalse(n.ask().question().isBlank());
        }
        assertEquals(h.title(), lesson.title());
        assertEquals(h.summary(), lesson.summary());
    }

    @Test
    void theIndexAndTheDirectoryListTheSameLessons() throws IOException {
        // given
        List<String> onDisk;
        try (Stream<Path> s = Files.list(DIR)) {
            onDisk = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".vlab"))
                .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        }
        List<String> index = Files.readAllLines(DIR.resolve("index.txt"), StandardCharsets.UTF_8).stream()
            .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();

        // then: the same set, no name twice, and the catalogue in the index's order
        assertEquals(onDisk, index.stream().sorted().toList());
        assertEquals(index.size(), Set.copyOf(index).size());
        assertEquals(index, Lessons.all().stream().map(Lesson::name).toList());
    }

    @Test
    void theCatalogueHoldsTheIssuesLessons() {
        for (String name : List.of("gonzo", "example", "rss-vsz", "heap-fault", "zero-page", "fork-cow",
            "shared-libc", "mprotect-merge", "stack-segv", "madvise", "threads", "find-vma", "buddy", "rbtree")) {
            assertTrue(Lessons.find(name).isPresent(), name);
        }
        assertTrue(Lessons.find("no-such-lesson").isEmpty());
    }

    @Test
    void resolvePrefersAnExistingPathAndElseTakesAName() throws IOException {
        // a path that exists: the file, named by its path
        Lessons.Source file = Lessons.resolve(DIR.resolve("buddy.vlab").toString()).orElseThrow();
        assertEquals(DIR.resolve("buddy.vlab").toString(), file.fileName());
        assertEquals(Files.readString(DIR.resolve("buddy.vlab"), StandardCharsets.UTF_8), file.text());
        // a name: the lesson, named NAME.vlab
        Lessons.Source named = Lessons.resolve("buddy").orElseThrow();
        assertEquals("buddy.vlab", named.fileName());
        assertEquals(file.text(), named.text());
        // neither
        assertTrue(Lessons.resolve("no-such-lesson").isEmpty());
        assertTrue(Lessons.notFound("no-such-lesson").startsWith("no-such-lesson: "));
    }

    @Test
    void theTourRunsToItsEnd() throws IOException {
        String text = Files.readString(Path.of("src/main/resources/vmalab/demo.vlab"), StandardCharsets.UTF_8);
        ScenarioParser.Result parsed = ScenarioParser.parse(text, "demo.vlab");
        assertTrue(parsed.ok(), parsed.error());
        assertNotNull(parsed.header().title());
        ScenarioRunner runner = new ScenarioRunner(new Kernel(), "demo.vlab");
        for (ScenarioParser.Step s : parsed.steps()) assertNull(runner.errorOf(runner.run(s, EventDetail.SUMMARY)));
    }
}
