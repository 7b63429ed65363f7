package vmalab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading /proc/PID of a running process, or a directory laid out like it. */
class LiveProcessTest {
    /** A stat line of the captured sleep, start_stack (field 28) inside its [stack]. */
    private static final String SLEEP_STAT = "2771 (sleep) S 2760 2771 2760 34816 2771 4194304 120 0 0 0 0 0 0 0 20 0"
        + " 1 0 123456 2998272 448 18446744073709551615 93824992239616 93824992260505"
        + " 140737488346608 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0 93824992290416 93824992291472"
        + " 93824992366592 140737488347943 140737488347952 140737488347952 140737488351211 0\n";

    private static Path sleepCapture(Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve("2771"));
        Files.writeString(dir.resolve("maps"), Resources.real("sleep.maps"));
        Files.writeString(dir.resolve("smaps"), Resources.real("sleep.smaps"));
        Files.write(dir.resolve("cmdline"), "sleep\u000030\u0000".getBytes(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("stat"), SLEEP_STAT);
        return dir;
    }

    @Test
    void aSavedCaptureGivesTheRealPmap(@TempDir Path root) throws IOException {
        // given
        sleepCapture(root);

        // when
        LiveProcess p = LiveProcess.read(root, 2771).orElseThrow();

        // then
        assertEquals("sleep", p.comm());
        assertEquals("sleep 30", p.cmdline());
        assertEquals(140737488346608L, p.startStack());
        assertEquals(Resources.real("sleep.pmap-x"), Pmap.format(p.snapshot(), Pmap.Mode.EXTENDED));
        assertEquals(Resources.real("sleep.pmap"), Pmap.format(p.snapshot(), Pmap.Mode.DEFAULT));
    }

    @Test
    void aMissingProcessIsAnErrorValue(@TempDir Path root) {
        // when
        Parsed<LiveProcess> p = LiveProcess.read(root, 4242);

        // then
        assertTrue(p.failed());
        assertEquals("process 4242: no such process (" + root.resolve("4242") + " does not exist)", p.error());
    }

    @Test
    void aBrokenFileNamesItself(@TempDir Path root) throws IOException {
        // given
        Path dir = sleepCapture(root);
        Files.writeString(dir.resolve("maps"), "1000-2000 rw-p 00000000 00:00 0 \n55-zz r--p 0 00:00 0\n");

        // when
        Parsed<LiveProcess> p = LiveProcess.read(root, 2771);

        // then
        assertEquals(dir.resolve("maps") + ":2: bad address range \"55-zz\"", p.error());
    }

    @Test
    void smapsShortOfMapsTwiceIsAProcessThatChanged(@TempDir Path root) throws IOException {
        // given smaps missing the last VMA that maps lists (it was unmapped between the two reads)
        Path dir = sleepCapture(root);
        String smaps = Resources.real("sleep.smaps");
        Files.writeString(dir.resolve("smaps"), smaps.substring(0, smaps.lastIndexOf("ffffffffff600000-")));

        // when
        Parsed<LiveProcess> p = LiveProcess.read(root, 2771);

        // then: never a listing with a wrong total
        assertEquals("process 2771 changed while it was read (" + dir.resolve("maps") + " has 37 mappings, "
            + dir.resolve("smaps") + " 36, twice): nothing imported", p.error());
    }

    @Test
    void whatReadsAlongsideGetsTheMapsOfEachReadAndTheResultsAreThem(@TempDir Path root) throws IOException {
        // given a capture whose smaps agrees with maps, and one whose smaps is short (read twice)
        Path dir = sleepCapture(root);
        java.util.List<java.util.List<MapEntry>> seen = new java.util.ArrayList<>();

        // when
        LiveProcess p = LiveProcess.read(root, 2771, seen::add).orElseThrow();

        // then it was given the very maps the process holds, once, before smaps was joined
        assertEquals(1, seen.size());
        assertTrue(seen.get(0) == p.maps(), "the same list");
        assertEquals(37, seen.get(0).size());

        // and with smaps short of maps, once per read (twice), and the read still fails
        String smaps = Resources.real("sleep.smaps");
        Files.writeString(dir.resolve("smaps"), smaps.substring(0, smaps.lastIndexOf("ffffffffff600000-")));
        seen.clear();
        assertTrue(LiveProcess.read(root, 2771, seen::add).failed());
        assertEquals(2, seen.size());
    }

    @Test
    void anEmptySmapsWhileMapsWasCompleteIsRefused(@TempDir Path root) throws IOException {
        Path dir = sleepCapture(root);
        Files.writeString(dir.resolve("smaps"), "");
        assertTrue(LiveProcess.read(root, 2771).error().contains("changed while it was read"));
    }

    @Test
    void statWithSpacesAndParensInComm() {
        // when
        String[] f = LiveProcess.parseStat("stat", SLEEP_STAT.replace("(sleep)", "(a) b (c)")).orElseThrow();

        // then
        assertEquals("a) b (c", f[0]);
        assertEquals("140737488346608", f[1]);
    }

    @Test
    void readsThisJvm() {
        // when
        Parsed<LiveProcess> p = LiveProcess.read(ProcessHandle.current().pid());
        assumeTrue(!p.failed(), () -> "no /proc here: " + p.error());

        // then
        LiveProcess self = p.value();
        assertFalse(self.maps().isEmpty());
        assertTrue(self.cmdline().contains("java"), self.cmdline());
        assertTrue(self.maps().stream().anyMatch(m -> m.contains(self.startStack())
            || m.end() == self.startStack()));
    }

    @Test
    void sameAsTheRealPmapOnARunningProcess() throws Exception {
        // given a running sleep and this machine's pmap
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/pmap")), "no pmap");
        Process sleep = new ProcessBuilder("sleep", "30").start();
        try {
            Parsed<LiveProcess> p = readOnceExeced(sleep.pid());
            assumeTrue(!p.failed(), () -> "cannot read the sleep: " + p.error());

            for (Pmap.Mode mode : Pmap.Mode.values()) {
                // when
                String option = switch (mode) {
                    case DEFAULT -> null;
                    case DEVICE -> "-d";
                    case EXTENDED -> "-x";
                };
                String real = run(option, sleep.pid());
                String ours = Pmap.format(LiveProcess.read(sleep.pid()).orElseThrow().snapshot(), mode);

                // then
                assertEquals(real, ours, "pmap " + option);
            }
        } finally {
            sleep.destroy();
            sleep.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Reads the child once its exec is done (its cmdline is no longer the JVM's). */
    private static Parsed<LiveProcess> readOnceExeced(long pid) throws InterruptedException {
        Parsed<LiveProcess> p = LiveProcess.read(pid);
        for (int i = 0; i < 100 && (p.failed() || !p.value().cmdline().equals("sleep 30")); i++) {
            TimeUnit.MILLISECONDS.sleep(20);
            p = LiveProcess.read(pid);
        }
        return p;
    }

    private static String run(String option, long pid) throws Exception {
        ProcessBuilder pb = option == null ? new ProcessBuilder("pmap", Long.toString(pid))
            : new ProcessBuilder("pmap", option, Long.toString(pid));
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }
}
