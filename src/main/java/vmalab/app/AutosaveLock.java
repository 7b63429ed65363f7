package vmalab.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A lock a live run holds on {@code NAME.lock} beside its autosave {@code NAME.vsession}: while it is held the
 * autosave belongs to a window that is open, not to a crashed one. The operating system lets it go when the
 * process dies, however it dies.
 */
final class AutosaveLock {
    /** The first run's autosave name. */
    static final String MAIN = "autosave";

    private final String name;
    private final Path file;
    private FileChannel channel;

    private AutosaveLock(String name, Path file, FileChannel channel) {
        this.name = name;
        this.file = file;
        this.channel = channel;
    }

    /** The main lock when free, else {@code own} (a name no other run uses). */
    static AutosaveLock take(Path dir, String own) {
        AutosaveLock main = tryTake(dir, MAIN);
        if (main != null) return main;
        AutosaveLock mine = tryTake(dir, own);
        // a directory without locks (read-only, odd file system): save under our own name all the same
        return mine != null ? mine : new AutosaveLock(own, dir.resolve(own + ".lock"), null);
    }

    /** The lock {@code name}, or null when a live run (or this one) holds it. */
    static AutosaveLock tryTake(Path dir, String name) {
        Path file = dir.resolve(name + ".lock");
        FileChannel ch = null;
        try {
            Files.createDirectories(dir);
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (ch.tryLock() != null) return new AutosaveLock(name, file, ch);
        } catch (IOException | OverlappingFileLockException e) {
            // held in this JVM, or no lock to be had here: taken
        }
        close(ch);
        return null;
    }

    String name() {
        return name;
    }

    void release() {
        close(channel);
        channel = null;
    }

    /** Lets go and deletes the lock file (a name no other run will use again). */
    void releaseAndDelete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // an empty lock file left behind holds nothing
        }
        release();
    }

    private static void close(FileChannel ch) {
        try {
            if (ch != null) ch.close();
        } catch (IOException e) {
            // closing releases the lock; nothing more to do when the close itself fails
        }
    }
}
