package vmalab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    /** A pid no process has: above the kernel's PID_MAX_LIMIT (4,194,304). */
    private static final long GONE = 4_194_305L;

    @Test
    void aStagingFolderIsNamedAsTheProgramsTemporaryFiles(@TempDir Path dir) throws Exception {
        Path staging = AtomicFiles.stagingFolder(dir.resolve("deck"));
        assertTrue(Files.isDirectory(staging));
        assertTrue(AtomicFiles.isTemporary(staging.getFileName().toString()), staging.toString());
        assertTrue(staging.getFileName().toString().startsWith(".vmalab-" + ProcessHandle.current().pid() + "-deck-"));
        AtomicFiles.deleteTree(staging);
        assertFalse(Files.exists(staging));
    }

    @Test
    void aStagingFolderLeftByAKilledWriteGoesAtTheNextWrite(@TempDir Path dir) throws Exception {
        Path stale = Files.createDirectories(dir.resolve(".vmalab-" + GONE + "-deck-abc.tmp").resolve("inner"));
        Files.write(stale.resolve("step-001.png"), new byte[] {1, 2, 3});
        Files.write(stale.getParent().resolve("notes.md"), new byte[] {4});
        Path staleFile = Files.write(dir.resolve(".vmalab-" + GONE + "-x.png-123.tmp"), new byte[] {5});
        Path mine = AtomicFiles.stagingFolder(dir.resolve("other"));
        Path user = Files.write(dir.resolve("keep.png"), new byte[] {9});

        AtomicFiles.writeAtomically(dir.resolve("x.png"), new byte[] {7, 7});

        assertFalse(Files.exists(stale.getParent()), "the stale staging folder is removed with its contents");
        assertFalse(Files.exists(staleFile));
        assertTrue(Files.isDirectory(mine), "a live process's staging folder stays");
        assertArrayEquals(new byte[] {9}, Files.readAllBytes(user));
        assertArrayEquals(new byte[] {7, 7}, Files.readAllBytes(dir.resolve("x.png")));
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(String.valueOf(GONE))));
        }
    }
}
