package vmalab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vmalab.io.lesson.LessonKey;

/** The lesson lines' table: the README's "Lesson lines" block lists it and its keys, the parser reads them. */
class LessonSyntaxTest {
    static List<ScenarioSyntaxTest.BlockLine> readmeBlock() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        int section = lines.indexOf("## The scenario language");
        int heading = lines.indexOf("### Lesson lines");
        assertTrue(section >= 0 && heading > section, "the scenario language section has \"### Lesson lines\"");
        int open = heading + 1;
        while (!lines.get(open).equals("```")) open++;
        List<ScenarioSyntaxTest.BlockLine> out = new ArrayList<>();
        for (int i = open + 1; !lines.get(i).equals("```"); i++) {
            String l = lines.get(i);
            int hash = l.indexOf('#');
            out.add(hash < 0 ? new ScenarioSyntaxTest.BlockLine(l.strip(), "")
                : new ScenarioSyntaxTest.BlockLine(l.substring(0, hash).strip(), l.substring(hash + 1).strip()));
        }
        return out;
    }

    @Test
    void theReadmeBlockListsTheLessonLinesThenTheKeys() throws IOException {
        List<ScenarioSyntaxTest.BlockLine> block = readmeBlock();

        assertEquals(LessonSyntax.usageLines(), block.stream().map(ScenarioSyntaxTest.BlockLine::code).toList());
        assertEquals(LessonSyntax.summaries(), block.stream().map(ScenarioSyntaxTest.BlockLine::comment).toList());
    }

    @Test
    void theReadmeSaysWhatEveryKeyReads() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        for (LessonKey k : LessonKey.values()) {
            if (k == LessonKey.TOTAL_VM) continue;
            String item = "- `" + k.word() + (k.takesArg() ? " " + k.arg() : "") + "`";
            assertTrue(readme.contains(item), "the README explains " + item);
        }
    }

    @Test
    void theParserTakesEveryLessonWordInAnyCaseAndNoOperationIsOne() {
        for (LessonSyntax s : LessonSyntax.values()) {
            assertSame(s, LessonSyntax.of(s.keyword().toUpperCase(Locale.ROOT)));
            assertTrue(LessonLines.isLessonLine(s.keyword() + " x"), s.keyword());
            assertNull(ScenarioSyntax.of(s.keyword()), s.keyword() + " is no operation");
        }
        for (String op : ScenarioSyntax.keywords()) assertNull(LessonSyntax.of(op), op);
        assertEquals(LessonKey.words(), LessonLines.KEYS);
        assertEquals(LessonKey.wordsWithArg(), LessonLines.KEYS_WITH_ARG);
    }

    @Test
    void everyKeyTheTableListsParsesInAnExpect() {
        for (LessonKey k : LessonKey.values()) {
            String value = switch (k.kind()) {
                case RESULT -> "-ENOMEM";
                case ERRNO, SIGNAL, PERMS -> "none";
                case COUNT -> "1";
                case SIZE -> "4K";
                case YES_NO -> "yes";
            };
            String line = "expect " + k.word() + (k.takesArg() ? (k == LessonKey.FREE ? " 0 " : " 0x1000 ") : " ")
                + value;
            ScenarioParser.Result r = ScenarioParser.parse("exec p empty\n" + line + "\n", "t.vlab");
            assertTrue(r.ok(), line + ": " + r.error());
        }
    }
}
