package vmalab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vmalab.app.ExportCommand;

/**
 * Hostile input (issue 12), the export findings: a failed step or a bad option writes nothing and leaves an
 * existing file byte-identical, an error names the target (never a temporary file), temporary files left by a
 * killed write go at the next write; and {@code import} stops with exit 1 when standard output fails.
 * {@code export} is run as the jar runs it: the command line of {@link Main} with the app's export added.
 */
class ExportFindingsTest {
    private static final String GOOD = "exec a x86_64\nbrk +4K\n";

    private static CliTest.Run cli(PrintStream stdout, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(stdout != null ? stdout : new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            CommandLine c = Main.commandLine();
            c.addSubcommand("export", new ExportCommand());
            int code = Main.execute(c, args);
            return new CliTest.Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static CliTest.Run cli(String... args) {
        return cli(null, args);
    }

    private static Path scenario(Path dir, String text) throws IOException {
        Path f = dir.resolve("s.vlab");
        Files.writeString(f, text);
        return f;
    }

    private static List<String> temporaries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        }
    }

    @Test
    void aStepThatFailsAtRunTimeWritesNothingAndLeavesTheOldImage(@TempDir Path dir) throws IOException {
        Path s = scenario(dir, GOOD + "nosuch: brk +4K\nbrk +4K\n");
        Path png = dir.resolve("old.png");
        byte[] old = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4, 5};
        Files.write(png, old);
        CliTest.Run r = cli("export", s.toString(), "--view", "layout", "-o", png.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith(s + ":3: "), r.err());
        assertTrue(r.err().contains("nosuch"), r.err());
        assertFalse(r.out().contains("wrote"), r.out());
        assertArrayEquals(old, Files.readAllBytes(png));
        assertEquals(List.of(), temporaries(dir));
    }

    @Test
    void aStepOutsideTheScenarioIsAnErrorNamingTheRange(@TempDir Path dir) throws IOException {
        Path s = scenario(dir, GOOD);
        Path png = dir.resolve("x.png");
        for (String step : List.of("-5", "999999", "3")) {
            CliTest.Run r = cli("export", s.toString(), "--view", "layout", "--step", step, "-o", png.toString());
            assertEquals(2, r.code(), step + ": " + r.err());
            assertTrue(r.err().contains("0 to 2"), r.err());
            assertTrue(r.err().contains(step), r.err());
            assertFalse(Files.exists(png), step);
        }
        CliTest.Run r = cli("export", s.toString(), "--view", "layout", "--step", "2", "-o", png.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(png) > 0);
    }

    @Test
    void anEmptyOutputNameIsAnErrorAndCreatesNoFile(@TempDir Path dir) throws IOException {
        Path s = scenario(dir, GOOD);
        Path cwd = Path.of("").toAbsolutePath();
        List<String> before = temporaries(cwd);
        List<String> parentBefore = temporaries(cwd.getParent());
        CliTest.Run r = cli("export", s.toString(), "--view", "layout", "-o", "");
        assertEquals(2, r.code(), r.err());
        assertEquals("vmalab export: -o needs a file name (it was empty)\n", r.err());
        assertEquals(before, temporaries(cwd));
        assertEquals(parentBefore, temporaries(cwd.getParent()));
        assertEquals(List.of("s.vlab"), Files.list(dir).map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void anUnwritableTargetIsNamedNotItsTemporaryFile(@TempDir Path dir) throws IOException {
        Path s = scenario(dir, GOOD);
        CliTest.Run r = cli("export", s.toString(), "--view", "layout", "-o", "/proc/x.png");
        assertTrue(r.code() != 0, r.err());
        assertTrue(r.err().contains("/proc/x.png"), r.err());
        assertFalse(r.err().contains(".tmp"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(Path.of("/proc/x.png")));
    }

    @Test
    void aTemporaryFileLeftByAKilledWriteIsRemovedAtTheNextWrite(@TempDir Path dir) throws IOException {
        Path s = scenario(dir, GOOD);
        // pid 2147483646 is above any pid_max Linux allows (PID_MAX_LIMIT is 4M): that writer is gone
        Path stale = dir.resolve(".vmalab-2147483646-x.png-123456.tmp");
        Files.write(stale, new byte[4096]);
        Path mine = dir.resolve(".vmalab-" + ProcessHandle.current().pid() + "-x.png-7.tmp");
        Files.write(mine, new byte[16]);
        CliTest.Run r = cli("export", s.toString(), "--view", "layout", "-o", dir.resolve("x.png").toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(stale), "the stale temporary file is still there");
        assertTrue(Files.exists(mine), "a temporary file of a running process was removed");
        byte[] png = Files.readAllBytes(dir.resolve("x.png"));
        assertEquals('P', png[1]);
        assertEquals(List.of(mine.getFileName().toString()), temporaries(dir));
    }

    @Test
    void importStopsWithOneLineWhenStandardOutputFails() {
        PrintStream failing = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        }, false, StandardCharsets.UTF_8);
        CliTest.Run r = cli(failing, "import", "--maps", "src/test/resources/real/capture/hello/maps");
        assertEquals(1, r.code(), r.err());
        assertEquals("vmalab import: " + Output.FAILED + "\n", r.err());
        CliTest.Run ok = cli("import", "--maps", "src/test/resources/real/capture/hello/maps");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("[ stack ]"), ok.out());
    }
}
