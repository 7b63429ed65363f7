package vmalab.app;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vmalab.io.ProcFiles;

/**
 * Writing files so that a crash or a full disk never leaves half a file where a good one was. The temporary
 * file is {@code .vmalab-PID-NAME-RANDOM.tmp} beside the target: a write that was killed leaves one behind,
 * and the next write into that folder removes the ones whose process is gone.
 */
public final class ScenarioFiles {
    private static final String PREFIX = ".vmalab-";
    private static final Pattern TEMP = Pattern.compile("\\.vmalab-(\\d{1,10})-.*\\.tmp");

    private ScenarioFiles() {
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

    /** Whether {@code name} is one of this program's temporary files. */
    public static boolean isTemporary(String name) {
        return TEMP.matcher(name).matches();
    }

    /** Removes the temporary files in {@code dir} left by writes whose process no longer runs. */
    static void removeStale(Path dir) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, PREFIX + "*.tmp")) {
            for (Path p : ds) {
                Matcher m = TEMP.matcher(p.getFileName().toString());
                if (!m.matches()) continue;
                long pid = Long.parseLong(m.group(1));
                if (pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).isPresent()) continue;
                Files.deleteIfExists(p);
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
