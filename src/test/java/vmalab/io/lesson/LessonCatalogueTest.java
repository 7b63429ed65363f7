package vmalab.io.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The build's lesson catalogue: what the start page reads instead of parsing every lesson. */
class LessonCatalogueTest {
    @Test
    void theCatalogueTheBuildWroteListsEveryLessonAsParsingItGives() throws Exception {
        // given: the catalogue on the class path (written at process-classes) and a fresh parse of every lesson
        String onClassPath;
        try (InputStream in = Lessons.class.getResourceAsStream(Lessons.DIR + LessonCatalogue.FILE)) {
            assertNotNull(in, "the build writes " + Lessons.DIR + LessonCatalogue.FILE);
            onClassPath = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Lesson> parsed = Lessons.parseAll();

        // then: the same lessons, in catalogue order, with the same titles, summaries, tags, steps and text
        assertEquals(LessonCatalogue.encode(parsed), onClassPath);
        assertEquals(parsed, LessonCatalogue.decode(onClassPath));
        assertEquals(parsed, Lessons.all());
    }

    @Test
    void aListedLessonReadsItsFileWhenItsTextIsAskedFor() {
        Lesson parsed = Lessons.parseAll().get(0);
        Lesson listed = LessonCatalogue.decode(LessonCatalogue.encode(List.of(parsed))).get(0);
        assertEquals(parsed.text(), listed.text());
        assertEquals(parsed.steps(), listed.steps());
    }

    @Test
    void tabsNewlinesAndBackslashesInAFieldSurviveTheRoundTrip() {
        Lesson odd = new Lesson("odd", "a\ttab \\ and\na newline", "sum\\mary\t", List.of("class", "self-study"), 3,
            "text");
        Lesson back = LessonCatalogue.decode(LessonCatalogue.encode(List.of(odd))).get(0);
        assertEquals(odd.title(), back.title());
        assertEquals(odd.summary(), back.summary());
        assertEquals(odd.tags(), back.tags());
        assertEquals(3, back.steps());
    }

    @Test
    void aLineThatIsNotFiveFieldsIsNoCatalogue() {
        // the lessons are then parsed as before (Lessons.load)
        assertNull(LessonCatalogue.decode("gonzo\tTitle\tSummary\t6\n"));
        assertNull(LessonCatalogue.decode("gonzo\tTitle\tSummary\tclass\tsix\n"));
    }
}
