package vmalab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vmalab.io.ScenarioParser;

/** Hostile input (issue 12): each finding's behaviour, through the command line or the parser. */
class HostileInputTest {
    private static CliTest.Run run(Path dir, byte[] scenario, String... more) throws IOException {
        Path f = dir.resolve("s.vlab");
        Files.write(f, scenario);
        String[] args = new String[more.length + 2];
        args[0] = "run";
        args[1] = f.toString();
        System.arraycopy(more, 0, args, 2, more.length);
        return CliTest.cli(args);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void numbersOutOfTheirTypesRangeAreErrorsNotTruncated(@TempDir Path dir) throws IOException {
        CliTest.Run r = run(dir, utf8("memory 1M maxorder 4294967297\n"));
        assertEquals(1, r.code());
        assertTrue(r.err().contains(":1: maxorder \"4294967297\" is out of range (0 to 20)"), r.err());
        r = run(dir, utf8("memory 1M reserve 4294967296\n"));
        assertEquals(1, r.code());
        assertTrue(r.err().contains("reserve \"4294967296\" is out of range (0 to 256)"), r.err());
    }

    @Test
    void aByteOrderMarkIsSkipped(@TempDir Path dir) throws IOException {
        CliTest.Run r = run(dir, utf8("\ufeffexec a x86_64\n"));
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void invalidUtf8IsReportedWithItsLine(@TempDir Path dir) throws IOException {
        CliTest.Run r = run(dir, new byte[] {'e', 'x', 'e', 'c', ' ', 'a', ' ', 'e', 'm', 'p', 't', 'y', '\n',
            'b', 'r', 'k', ' ', '+', (byte) 0xff, '\n'});
        assertEquals(1, r.code());
        assertTrue(r.err().endsWith("s.vlab:2: not UTF-8 (byte 0xff at column 6)\n"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void onlyAsciiDigitsAreNumbers() {
        assertTrue(ScenarioParser.parseLine("brk +\u0664K", "f", 1).error().contains("bad brk amount"));
        assertTrue(ScenarioParser.parseLine("brk +\uff14K", "f", 1).error().contains("bad brk amount"));
        assertTrue(ScenarioParser.parseLine("munmap 0x\uff11000 4K", "f", 1).error().contains("bad address"));
    }

    @Test
    void aHugeWordGivesAShortMessage(@TempDir Path dir) throws IOException {
        CliTest.Run r = run(dir, utf8("x".repeat(10_000_000) + "\n"));
        assertEquals(1, r.code());
        assertTrue(r.err().length() < 200, r.err().length() + " chars");
        assertTrue(r.err().contains("line is 10000000 characters long (the most is 4096)"), r.err());
        String e = ScenarioParser.parseLine("y".repeat(500), "f", 1).error();
        assertTrue(e.contains("\"" + "y".repeat(60) + "…\""), e);
    }

    @Test
    void aControlCharacterIsRefusedNotPrintedRaw() {
        String e = ScenarioParser.parseLine("exec a\u0000b x86_64", "f", 1).error();
        assertEquals("f:1: a character that does not print: U+0000 at column 7", e);
    }

    @Test
    void keywordsParseTheSameInEveryLocale() {
        Locale old = Locale.getDefault();
        try {
            for (String tag : new String[] {"tr", "ar", "de"}) {
                Locale.setDefault(Locale.forLanguageTag(tag));
                assertEquals(null, ScenarioParser.parseLine("EXIT", "f", 1).error(), tag);
                assertEquals(null, ScenarioParser.parseLine("mmap 0x1000 4K rw- PRIVATE ANON FIXED", "f", 1).error(),
                    tag);
            }
        } finally {
            Locale.setDefault(old);
        }
    }

    @Test
    void aNameThatCannotBeAddressedIsRefused() {
        assertTrue(ScenarioParser.parseLine("fork x:y", "f", 1).error().contains("has a \":\""));
    }

    @Test
    void aPrefixNamingTwoProcessesAsksForAPid(@TempDir Path dir) throws IOException {
        CliTest.Run r = run(dir, utf8("exec a empty\nexec a empty\na: brk +4K\n"));
        assertEquals(1, r.code());
        assertTrue(r.err().contains(":3: 2 processes are called a (pids 1000, 1001): name one by its pid"), r.err());
    }

    @Test
    void runStopsWithNonZeroExitWhenStandardOutputFails(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("s.vlab");
        Files.writeString(f, "exec a x86_64\nbrk +4K\nbrk +4K\n");
        int[] writes = {0};
        PrintStream full = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                writes[0]++;
                throw new IOException("No space left on device");
            }
        }, false, StandardCharsets.UTF_8);
        PrintStream old = System.out;
        try {
            System.setOut(full);
            int code = Main.execute(Main.commandLine(), new String[] {"run", f.toString(), "--show", "json"});
            assertEquals(1, code);
        } finally {
            System.setOut(old);
        }
        assertTrue(writes[0] > 0);
    }

    @Test
    void eachPrintsTheTextFormatsAfterEveryStepAlsoWithJson(@TempDir Path dir) throws IOException {
        CliTest.Run r = run(dir, utf8("exec a empty\nbrk +4K\n"), "--show", "json,maps", "--each");
        assertEquals(0, r.code(), r.err());
        assertEquals(2, r.out().lines().filter(l -> l.startsWith("== /proc/")).count(), r.out());
    }

    @Test
    void theSameScenarioGivesTheSameJsonUnderEveryLocaleAndTimeZone(@TempDir Path dir) throws IOException {
        Locale old = Locale.getDefault();
        java.util.TimeZone oldTz = java.util.TimeZone.getDefault();
        String first = null;
        try {
            for (String tag : new String[] {"en", "tr", "ar", "de"}) {
                for (String tz : new String[] {"UTC", "Asia/Kolkata"}) {
                    Locale.setDefault(Locale.forLanguageTag(tag));
                    java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(tz));
                    CliTest.Run r = CliTest.cli("run", "src/main/resources/vmalab/lessons/fork-cow.vlab", "--show", "json");
                    assertEquals(0, r.code(), r.err());
                    if (first == null) first = r.out();
                    assertEquals(first, r.out(), tag + " " + tz);
                }
            }
        } finally {
            Locale.setDefault(old);
            java.util.TimeZone.setDefault(oldTz);
        }
    }

    @Test
    void anImportSourceThatCannotBeAPathIsAnErrorNotABug() {
        CliTest.Run r = CliTest.cli("import", "a\u0000b");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("\"a\\u0000b\": not a capture folder (not a valid path)"), r.err());
    }

    @Test
    void anImportSourceOfNineteenDigitsIsAFolderNotABug() {
        CliTest.Run r = CliTest.cli("import", "9999999999999999999");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("9999999999999999999: not a capture folder (no such folder)"), r.err());
    }
}
