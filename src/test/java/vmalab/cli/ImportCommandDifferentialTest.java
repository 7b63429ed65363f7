package vmalab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vmalab.cli.CliTest.Run;

/**
 * Every form of import against what this machine's procps pmap printed for the same process at the moment it
 * was captured (tools/test-programs/record.sh): a small C program, a static one, one with 3,002 VMAs, a
 * zombie and a kernel thread.
 */
class ImportCommandDifferentialTest {
    private static final Path DIR = Path.of("src/test/resources/real/capture");

    private static String expected(String name, String mode) throws IOException {
        return Files.readString(DIR.resolve(name + "." + mode), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "hello-static", "thousands", "zombie", "kthread"})
    void aCaptureFolderPrintsWhatPmapPrinted(String name) throws IOException {
        for (String mode : List.of("pmap", "pmap-d", "pmap-x")) {
            Run r = CliTest.cli("import", DIR.resolve(name).toString(), "--show", mode);
            assertEquals(0, r.code(), r.err());
            assertEquals(expected(name, mode), r.out(), name + " " + mode);
        }
        Run maps = CliTest.cli("import", DIR.resolve(name).toString(), "--show", "maps");
        assertEquals(Files.readString(DIR.resolve(name).resolve("maps")), maps.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "hello-static", "thousands", "zombie", "kthread"})
    void theSmapsAndMapsFilesAloneGiveTheSameListing(String name) throws IOException {
        // given the header pmap printed (the files alone have no pid or command line)
        String x = expected(name, "pmap-x");
        String header = x.substring(0, x.indexOf('\n'));
        String pid = header.substring(0, header.indexOf(':'));
        String cmdline = header.substring(header.indexOf(":   ") + 4);

        // when
        Run smaps = CliTest.cli("import", "--smaps", DIR.resolve(name).resolve("smaps").toString(), "--show",
            "pmap-x", "--as-pid", pid, "--cmdline", cmdline);
        Run maps = CliTest.cli("import", "--maps", DIR.resolve(name).resolve("maps").toString(), "--show", "pmap-d",
            "--as-pid", pid, "--cmdline", cmdline);

        // then
        assertEquals(x, smaps.out(), smaps.err());
        assertEquals(expected(name, "pmap-d"), maps.out(), maps.err());
    }

    @org.junit.jupiter.api.Test
    void aLivePidInEveryFormPrintsWhatPmapPrints() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/pmap")), "no pmap");
        Process sleep = new ProcessBuilder("sleep", "30").start();
        try {
            vmalab.io.CaptureFilesTest.waitForExec(sleep.pid(), "sleep 30");
            String pid = Long.toString(sleep.pid());
            for (String mode : List.of("pmap", "pmap-d", "pmap-x")) {
                String option = switch (mode) {
                    case "pmap-d" -> "-d";
                    case "pmap-x" -> "-x";
                    default -> null;
                };
                String real = option == null ? vmalab.io.CaptureFilesTest.run("pmap", pid)
                    : vmalab.io.CaptureFilesTest.run("pmap", option, pid);
                assertEquals(real, CliTest.cli("import", pid, "--show", mode).out(), mode);
                assertEquals(real, CliTest.cli("import", "--pid", pid, "--show", mode).out(), mode);
            }
            assertEquals(Files.readString(Path.of("/proc", pid, "maps")),
                CliTest.cli("import", pid, "--show", "maps").out());
        } finally {
            sleep.destroy();
            sleep.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"zombie"})
    void aZombieSaysSoBesideTheListing(String name) {
        Run r = CliTest.cli("import", DIR.resolve(name).toString());
        assertEquals(0, r.code());
        assertEquals(true, r.err().contains("is a zombie"), r.err());
    }
}
