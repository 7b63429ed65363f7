package vmalab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end: scenario files in, Linux's text formats out. */
class CliTest {
    record Run(int code, String out, String err) { }

    static Run cli(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.commandLine().execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    static String resource(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources", name), StandardCharsets.UTF_8);
    }

    @Test
    void runReproducesTheSeedsExampleMaps() throws IOException {
        Run r = cli("run", "src/main/resources/vmalab/lessons/example.vlab", "--show", "maps");
        assertEquals(0, r.code(), r.err());
        String maps = r.out().substring(r.out().indexOf("==\n") + 3);
        assertEquals(resource("golden/example.maps"), maps);
        assertTrue(r.out().startsWith("1000  execve(\"/home/rml/src/example\""));
    }

    @Test
    void runPrintsPmapDeviceTotalsOfTheSeed() {
        Run r = cli("run", "src/main/resources/vmalab/lessons/example.vlab", "--show", "pmap-d");
        assertTrue(r.out().endsWith("mapped: 1340K    writeable/private: 40K    shared: 0K\n"), r.out());
    }

    @Test
    void theHeapStoryFaultsOnceAfterBrk() {
        Run r = cli("run", "src/main/resources/vmalab/lessons/heap-fault.vlab", "--show", "json");
        List<String> lines = r.out().lines().toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.contains("\"op\":\"touch 0x55555555d000 w\""), last);
        assertTrue(last.contains("\"minflt\":1"), last);
        assertTrue(last.contains("\"addr\":\"0x55555555d000\",\"present\":true,\"write\":true,\"dirty\":true"), last);
    }

    @Test
    void aBadLineNamesFileAndLineAndRunsNothingAfter(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.vlab");
        Files.writeString(f, "exec p empty\nmmap 4K rwz private anon\n");
        Run r = cli("run", f.toString());
        assertEquals(1, r.code());
        assertEquals(f + ":2: bad protection \"rwz\": expected rwx-style, like rw- or r-x\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void importOfARealSmapsCapturePrintsPmapXAsProcpsDid() throws IOException {
        Run r = cli("import", "--smaps", "src/test/resources/real/sleep.smaps", "--show", "pmap-x",
            "--cmdline", "sleep 30", "--as-pid", "2771");
        assertEquals(0, r.code(), r.err());
        assertEquals(resource("real/sleep.pmap-x"), r.out());
    }

    @Test
    void importOfAMapsCaptureWithAnErrorNamesTheLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("broken.maps");
        Files.writeString(f, "55-zz r--p 00000000 fe:00 1 /x\n");
        Run r = cli("import", "--maps", f.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith(f + ":1: "), r.err());
    }
}
