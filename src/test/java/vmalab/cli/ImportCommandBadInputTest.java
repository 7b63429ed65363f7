package vmalab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vmalab.cli.CliTest.Run;

/** Each bad input of `import`: one line naming the file, the line where there is one, and the problem; no output. */
class ImportCommandBadInputTest {
    private static final String GOOD = "555555554000-555555556000 r--p 00000000 fe:00 260875"
        + "                     /usr/bin/sleep\n";

    private static void assertRefused(Run r, String expectedErr) {
        assertEquals(1, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals(expectedErr + "\n", r.err());
    }

    private static Run importMaps(Path f) {
        return CliTest.cli("import", "--maps", f.toString(), "--show", "maps");
    }

    @Test
    void binaryGarbageNamesItsLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("garbage");
        byte[] junk = {(byte) 0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
        Files.write(f, concat(GOOD.getBytes(StandardCharsets.US_ASCII), junk));
        assertRefused(importMaps(f), f + ":2: binary data (byte 0x02 at column 5)");
    }

    @Test
    void invalidUtf8NamesItsLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("latin1.maps");
        byte[] line = "7f0000000000-7f0000001000 r--p 00000000 fe:00 5    /tmp/caf\u00e9\n"
            .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(f, concat(GOOD.getBytes(StandardCharsets.US_ASCII), line));
        assertRefused(importMaps(f), f + ":2: not UTF-8 text (invalid byte sequence)");
    }

    @Test
    void anUnalignedStartIsRefused(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("unaligned.maps");
        Files.writeString(f, GOOD + "555555556800-555555557000 rw-p 00000000 00:00 0 \n");
        assertRefused(importMaps(f), f + ":2: start 555555556800 is not page aligned");
    }

    @Test
    void anEndOfAllOnesIsNotPageAligned(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("end.maps");
        Files.writeString(f, GOOD + "ffffffffff600000-ffffffffffffffff --xp 00000000 00:00 0 \n");
        assertRefused(importMaps(f), f + ":2: end ffffffffffffffff is not page aligned");
    }

    @Test
    void aMissingFileSaysWhy(@TempDir Path dir) {
        Path f = dir.resolve("nope.maps");
        assertRefused(importMaps(f), f + ": cannot read (no such file)");
    }

    @Test
    void aCharacterDeviceIsRefusedUnread() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero));
        assertRefused(importMaps(zero), "/dev/zero: not a regular file (a character device)");
    }

    @Test
    void aSparseFileOfThreeGiBIsRefusedUnread(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("huge.maps");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(3L << 30);
        }
        assertRefused(importMaps(f), f + ": 3 GiB is too large to be a /proc file (the limit is 256 MiB)");
    }

    @Test
    void aFifoIsRefusedWithoutBlocking(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("fifo");
        Process mk = new ProcessBuilder("mkfifo", f.toString()).start();
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "no mkfifo");
        assertRefused(importMaps(f), f + ": not a regular file (a FIFO)");
    }

    @Test
    void aDirectoryWithoutMapsIsRefused(@TempDir Path dir) {
        Run r = CliTest.cli("import", dir.toString());
        assertRefused(r, dir.resolve("maps") + ": cannot read (no such file)");
    }

    @Test
    void aPidThatDoesNotExist() {
        long pid = 4_000_000_000L;  // above pid_max's limit (PID_MAX_LIMIT, 4M): never a process
        assertRefused(CliTest.cli("import", "--pid", Long.toString(pid)),
            "process " + pid + ": no such process (/proc/" + pid + " does not exist)");
    }

    @Test
    void aSmapsFileWithAnUnalignedHeaderNamesItsLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.smaps");
        Files.writeString(f, GOOD + "Size:                  8 kB\n5555555560ff-555555557000 rw-p 00000000 00:00 0 \n");
        Run r = CliTest.cli("import", "--smaps", f.toString());
        assertRefused(r, f + ":3: start 5555555560ff is not page aligned");
        assertTrue(r.err().lines().count() == 1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
