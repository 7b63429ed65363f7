package vmalab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vmalab.model.mm.Profile;
import vmalab.model.op.Advice;

/** The one syntax table: the README lists it, the parser quotes it, its words match the model's enums. */
class ScenarioSyntaxTest {
    /** A line of the README's block: the part before {@code #}, and the comment after it. */
    record BlockLine(String code, String comment) { }

    static List<BlockLine> readmeBlock() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        int heading = lines.indexOf("## The scenario language");
        assertTrue(heading >= 0, "the README has a section \"The scenario language\"");
        int open = heading + 1;
        while (!lines.get(open).equals("```")) open++;
        List<BlockLine> out = new ArrayList<>();
        for (int i = open + 1; !lines.get(i).equals("```"); i++) {
            String l = lines.get(i);
            int hash = l.indexOf('#');
            out.add(hash < 0 ? new BlockLine(l.strip(), "")
                : new BlockLine(l.substring(0, hash).strip(), l.substring(hash + 1).strip()));
        }
        return out;
    }

    @Test
    void theReadmeBlockListsExactlyTheTablesUsageLines() throws IOException {
        List<String> usages = readmeBlock().stream().map(BlockLine::code).filter(c -> !c.isEmpty()).toList();

        assertEquals(ScenarioSyntax.usageLines(), usages);
    }

    @Test
    void theReadmeCommentsAreTheTablesSummariesAndWords() throws IOException {
        List<BlockLine> block = readmeBlock();
        List<String> summaries = new ArrayList<>();
        List<String> continued = new ArrayList<>();
        for (BlockLine l : block) {
            if (!l.code().isEmpty()) {
                summaries.add(l.comment());
                continued.add("");
            } else {
                int last = continued.size() - 1;
                continued.set(last, (continued.get(last) + " " + l.comment()).strip());
            }
        }
        List<String> want = new ArrayList<>();
        for (ScenarioSyntax s : ScenarioSyntax.values()) want.add(s.summary());
        want.add(ScenarioSyntax.PREFIX_SUMMARY);

        assertEquals(want, summaries);
        int madvise = ScenarioSyntax.MADVISE.ordinal();
        assertEquals(String.join(" ", ScenarioSyntax.MADVISE.words()), continued.get(madvise),
            "the README lists the advice words under madvise");
    }

    @Test
    void everyOperationQuotesItsUsageWhenArgumentsAreMissing() {
        for (ScenarioSyntax s : ScenarioSyntax.values()) {
            String line = s == ScenarioSyntax.EXIT ? "exit now" : s.keyword();
            String want = "t.vlab:3: too " + (s == ScenarioSyntax.EXIT ? "many" : "few") + " arguments: "
                + s.usage();

            assertEquals(want, ScenarioParser.parseLine(line, "t.vlab", 3).error(), s.keyword());
        }
    }

    @Test
    void theParserKnowsExactlyTheTablesKeywordsInAnyCase() {
        assertEquals(ScenarioSyntax.keywords(), ScenarioParser.keywords());
        for (ScenarioSyntax s : ScenarioSyntax.values()) {
            assertSame(s, ScenarioSyntax.of(s.keyword().toUpperCase(Locale.ROOT)));
            String error = ScenarioParser.parseLine(s.keyword().toUpperCase(Locale.ROOT), "t", 1).error();
            assertTrue(error == null || !error.contains("unknown operation"), error);
        }
        assertNull(ScenarioSyntax.of("mmmap"));
        assertTrue(ScenarioParser.parseLine("mmmap", "t", 1).error()
            .endsWith("(one of " + String.join(", ", ScenarioSyntax.keywords()) + ")"));
    }

    @Test
    void completionWordsAreWhatTheModelAccepts() {
        Set<String> advices = Arrays.stream(Advice.values()).map(a -> a.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
        assertEquals(advices, Set.copyOf(ScenarioSyntax.MADVISE.words()));
        assertEquals(ScenarioSyntax.MADVISE.words().size(), advices.size(), "each advice once");
        for (String w : ScenarioSyntax.MADVISE.words()) {
            assertNull(ScenarioParser.parseLine("madvise 0x1000 4K " + w, "t", 1).error(), w);
        }
        for (Profile p : Profile.values()) assertTrue(ScenarioSyntax.EXEC.words().contains(p.id()), p.id());
        for (String w : ScenarioSyntax.MMAP.words()) {
            String line = w.equals("file:") ? "mmap 4K r-- private file:/lib/x"
                : w.equals("private") || w.equals("shared") ? "mmap 4K r-- " + w + " anon"
                : w.equals("anon") ? "mmap 4K r-- private anon"
                : "mmap 0x10000 4K r-- private anon " + w;
            assertNull(ScenarioParser.parseLine(line, "t", 1).error(), line);
        }
    }

    @Test
    void aHintIsTheUsageThenTheSummary() {
        assertEquals("fork NAME                   a child process", ScenarioSyntax.FORK.hint());
        assertEquals("munmap ADDR LEN", ScenarioSyntax.MUNMAP.hint());
        String memory = ScenarioSyntax.MEMORY.hint();
        assertTrue(memory.startsWith(ScenarioSyntax.MEMORY.usage() + "  "), memory);
        assertNotNull(ScenarioSyntax.of("alloc_pages"));
    }
}
