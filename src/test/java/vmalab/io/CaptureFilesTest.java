package vmalab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `capture PID DIR` and reading the folder back: the same pmap as the real one, written whole or not at all. */
public class CaptureFilesTest {
    @Test
    void aCaptureReadsBackAsTheRealPmapSaw(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/pmap")), "no pmap");
        Process sleep = new ProcessBuilder("sleep", "30").start();
        try {
            waitForExec(sleep.pid(), "sleep 30");
            Path dir = tmp.resolve("sleep");

            // when
            Parsed<Capture> c = CaptureFiles.capture(sleep.pid(), dir);
            String real = run("pmap", "-x", Long.toString(sleep.pid()));
            Capture back = CaptureFiles.load(dir).orElseThrow();

            // then
            assertFalse(c.failed(), c.error());
            assertEquals(real, Pmap.format(back.snapshot(), Pmap.Mode.EXTENDED));
            assertEquals(List.of("cmdline", "maps", "pagemap", "smaps", "stat", "status"), names(dir));
            assertEquals(List.of("sleep"), names(tmp), "no temporary folder left beside it");
            assertNotNull(back.pages(), back.pagesNote());
            assertEquals(back.maps().size(), back.pages().states().size());
            // the stack's top page holds the arguments: present
            int stack = indexOf(back.maps(), "[stack]");
            byte[] s = back.pages().states().get(stack);
            assertEquals(PageStates.PRESENT, s[s.length - 1]);
        } finally {
            sleep.destroy();
            sleep.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void anExistingFolderIsNotOverwritten(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("taken"));
        Parsed<Capture> c = CaptureFiles.capture(ProcessHandle.current().pid(), dir);
        assertEquals(dir + ": already exists (a capture goes to a new folder)", c.error());
    }

    @Test
    void aFolderOfMapsAloneImportsWithoutPages(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("maps"), Resources.real("sleep.maps"));
        Capture c = CaptureFiles.load(dir).orElseThrow();
        assertEquals(37, c.maps().size());
        assertEquals(null, c.pages());
        assertEquals("the capture has no pagemap", c.pagesNote());
    }

    @Test
    void anUnreadablePagemapIsAPlainNote(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("maps"), Resources.real("sleep.maps"));
        Files.writeString(dir.resolve("pagemap"), PagemapDump.unreadable("permission denied"));
        Capture c = CaptureFiles.load(dir).orElseThrow();
        assertEquals(null, c.pages());
        assertEquals("permission denied", c.pagesNote());
    }

    /** Waits until the child has exec'd and its start-up is over: its maps hold libc and stay the same for 200 ms. */
    public static void waitForExec(long pid, String cmdline) throws InterruptedException {
        String last = null;
        for (int i = 0; i < 200; i++) {
            Parsed<LiveProcess> p = LiveProcess.read(pid);
            String now = p.failed() ? null : ProcMaps.format(p.value().maps(), 16);
            if (now != null && p.value().cmdline().equals(cmdline) && now.contains("libc.so.6") && now.equals(last)) {
                return;
            }
            last = now;
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    public static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(20, TimeUnit.SECONDS);
        return out;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static int indexOf(List<MapEntry> maps, String name) {
        for (int i = 0; i < maps.size(); i++) if (name.equals(maps.get(i).name())) return i;
        throw new AssertionError("no " + name);
    }
}
