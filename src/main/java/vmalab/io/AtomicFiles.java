package vmalab.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writing files so that a crash or a full disk never leaves half a file where a good one was. The temporary
 * file is {@code .vmalab-PID-NAME-RANDOM.tmp} beside the target: a write that was killed leaves one behind,
 * and the next write into that folder removes the ones whose process is gone.
 */
public final class AtomicFiles {
    private static final String PREFIX = ".vmalab-";
    private static final Pattern TEMP = Pattern.compile("\\.vmalab-(\\d{1,10})-.*\\.tmp");

    private AtomicFiles() {
    }

    /**
     * Writes {@code bytes} to a temporary file next to {@code target}, then renames it over the target. An
     * error names the target ({@code cannot write /proc/x.png (permission denied)}), never the temporary file.
     */
    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        if (target.toString().isBlank()) throw new IOException("no file named (an empty path)");
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) throw new IOException("no such directory: " + dir);
        if (Files.isDirectory(abs)) throw new IOException(abs + " is a folder");
        removeStale(dir);
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, PREFIX + ProcessHandle.current().pid() + "-" + shortName(abs), ".tmp");
        } catch (IOException e) {
            throw new IOException("cannot write " + abs + " (" + ProcFiles.reason(e) + ")", e);
        }
        try {
            Files.write(tmp, bytes);
            keepPermissions(tmp, abs);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IOException("cannot write " + abs + " (" + ProcFiles.reason(e) + ")", e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Makes a private staging folder {@code .vmalab-PID-NAME-RANDOM.tmp} beside {@code target} (a deck's folder),
     * after removing the staging folders and files of writes whose process is gone. The caller fills it, moves
     * its contents out and removes it with {@link #deleteTree}.
     */
    public static Path stagingFolder(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) throw new IOException("no such folder: " + dir);
        removeStale(dir);
        String stem = PREFIX + ProcessHandle.current().pid() + "-" + shortName(abs);
        java.util.Random random = new java.util.Random();
        for (int tries = 0; ; tries++) {
            Path p = dir.resolve(stem + Long.toUnsignedString(random.nextLong(), 36) + ".tmp");
            try {
                return Files.createDirectory(p);
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                if (tries > 100) throw taken;
            } catch (IOException e) {
                throw new IOException("cannot write to " + dir + " (" + ProcFiles.reason(e) + ")", e);
            }
        }
    }

    /** Removes {@code dir} and everything under it; nothing to do when it is gone already. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        if (Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                for (Path p : ds) deleteTree(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    /** Whether {@code name} is one of this program's temporary files. */
    public static boolean isTemporary(String name) {
        return TEMP.matcher(name).matches();
    }

    /**
     * Removes the temporary files and staging folders in {@code dir} left by writes whose process no longer
     * runs; one that cannot be removed is skipped, the others still go.
     */
    static void removeStale(Path dir) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, PREFIX + "*.tmp")) {
            for (Path p : ds) {
                Matcher m = TEMP.matcher(p.getFileName().toString());
                if (!m.matches()) continue;
                long pid = Long.parseLong(m.group(1));
                if (pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).isPresent()) continue;
                try {
                    deleteTree(p);
                } catch (IOException | SecurityException one) {
                    // left for a later write: it may belong to a user we cannot clean up after
                }
            }
        } catch (IOException | SecurityException e) {
            // cleaning is a courtesy: a folder we cannot list or a file we cannot remove does not stop the write
        }
    }

    /** The target's name cut to 40 characters, so the temporary name stays under NAME_MAX. */
    private static String shortName(Path abs) {
        String n = abs.getFileName().toString();
        return (n.length() > 40 ? n.substring(0, 40) : n) + "-";
    }

    /**
     * A temporary file is private (rw-------); the saved file should read like any other: the old file's
     * permissions, or rw-r--r-- for a new one.
     */
    private static void keepPermissions(Path tmp, Path target) throws IOException {
        try {
            java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(tmp, perms);
        } catch (UnsupportedOperationException notPosix) {
            // Windows and friends: the temporary file already has ordinary permissions
        }
    }
}
