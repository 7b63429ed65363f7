package vmalab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vmalab run} on a lesson's expect and ask lines: a wrong one exits 1 with FILE:LINE on stderr. */
class RunChecksTest {
    static final String FIVE_PAGES = String.join("\n",
        "exec p empty",
        "mmap 0x10000000 20K rw- private anon",
        "touch 0x10000000 w",
        "touch 0x10001000 w",
        "ask \"What will RSS be?\" 8K 12K answer rss",
        "touch 0x10003000 w",
        "expect rss 12K",
        "expect vsz 20K",
        "") ;

    static Path write(Path dir, String text) throws IOException {
        Path f = dir.resolve("lesson.vlab");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void rightChecksPassAndTheAskIsLoggedAfterItsStep(@TempDir Path dir) throws IOException {
        CliTest.Run r = CliTest.cli("run", write(dir, FIVE_PAGES).toString());

        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        String log = r.out();
        int ask = log.indexOf("ask  What will RSS be? [8K/12K] -> 12K\n");
        assertTrue(ask > 0, log);
        assertTrue(log.lastIndexOf("(1 minor fault)", ask) > 0, "the ask follows the step it asked about: " + log);
    }

    @Test
    void aWrongExpectExitsOneWithFileAndLine(@TempDir Path dir) throws IOException {
        Path f = write(dir, FIVE_PAGES.replace("expect vsz 20K", "expect vsz 16K"));
        CliTest.Run r = CliTest.cli("run", f.toString());

        assertEquals(1, r.code());
        assertEquals(f + ":8: expected vsz 16K, got 20K\n", r.err());
        assertFalse(r.out().contains("=="), "no final state after a failed check: " + r.out());
    }

    @Test
    void anAskWhoseChoicesMissTheModelsAnswerFails(@TempDir Path dir) throws IOException {
        Path f = write(dir, FIVE_PAGES.replace("8K 12K answer", "4K 8K answer"));
        CliTest.Run r = CliTest.cli("run", f.toString());

        assertEquals(1, r.code());
        assertEquals(f + ":5: expected rss to be one of 4K 8K (the choices of ask \"What will RSS be?\"), got 12K\n",
            r.err());
    }

    @Test
    void jsonOutputHasNoAskLines(@TempDir Path dir) throws IOException {
        CliTest.Run r = CliTest.cli("run", write(dir, FIVE_PAGES).toString(), "--show", "json");

        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().allMatch(l -> l.startsWith("{")), r.out());
    }

    @Test
    void aBadExpectLineIsAParseErrorBeforeAnythingRuns(@TempDir Path dir) throws IOException {
        Path f = write(dir, "exec p empty\nexpect present 0xzz yes\n");
        CliTest.Run r = CliTest.cli("run", f.toString());

        assertEquals(1, r.code());
        assertEquals(f + ":2: bad address \"0xzz\": expected a number like 0x555555559000\n", r.err());
        assertEquals("", r.out());
    }
}
