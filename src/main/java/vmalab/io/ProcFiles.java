package vmalab.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * Reads a /proc file or a saved capture as bytes, refusing before it opens anything what cannot be one: a
 * file that is not regular (a FIFO would block the read, a character device such as /dev/zero never ends) or
 * one larger than any maps or smaps file. /proc files report a size of 0 (fs/proc/base.c: their inodes have no
 * i_size), so the limit is also enforced while reading.
 */
public final class ProcFiles {
    /**
     * The largest file read: 256 MiB. smaps of vm.max_map_count (65,530) VMAs is about 48 MB with short
     * names; a maps file of that many lines is about 3 MB.
     */
    public static final long MAX_BYTES = 256L << 20;

    private ProcFiles() {
    }

    public static Parsed<byte[]> read(Path file) {
        return read(file, MAX_BYTES);
    }

    /** The whole file, or {@code FILE: problem}: no such file, not a regular file, too large, cannot read. */
    public static Parsed<byte[]> read(Path file, long maxBytes) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return Parsed.failed(file + ": cannot read (" + reason(e) + ")");
        }
        if (a.isDirectory()) return Parsed.failed(file + ": is a directory, not a file");
        if (!a.isRegularFile()) return Parsed.failed(file + ": not a regular file (" + kind(file) + ")");
        if (a.size() > maxBytes) {
            return Parsed.failed(file + ": " + mib(a.size()) + " is too large to be a /proc file (the limit is "
                + mib(maxBytes) + ")");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return a.size() > 0 ? readSized(file, in, (int) a.size(), maxBytes) : readUnsized(file, in, maxBytes);
        } catch (IOException e) {
            return Parsed.failed(file + ": cannot read (" + reason(e) + ")");
        }
    }

    /**
     * A file that says its size (a capture): read into an array of that size, so the 47 MB of a 65,530-VMA
     * smaps are neither copied to trim nor grown; a file that grew since is read on from there.
     */
    private static Parsed<byte[]> readSized(Path file, InputStream in, int size, long maxBytes) throws IOException {
        byte[] buf = new byte[size];
        int n = 0;
        while (n < size) {
            int r = in.read(buf, n, size - n);
            if (r < 0) return Parsed.ok(Arrays.copyOf(buf, n)); // shrank while read
            n += r;
        }
        int more = in.read();
        if (more < 0) return Parsed.ok(buf);
        Chunks c = new Chunks(buf, n);
        c.add((byte) more);
        return c.readRest(file, in, maxBytes);
    }

    /**
     * A /proc file (size 0 until read): read in chunks of up to 4 MiB and joined once at the end, where doubling
     * one array copied every byte about twice more.
     */
    private static Parsed<byte[]> readUnsized(Path file, InputStream in, long maxBytes) throws IOException {
        return new Chunks(new byte[64 << 10], 0).readRest(file, in, maxBytes);
    }

    /** The bytes read so far: full chunks, then the one being filled. */
    private static final class Chunks {
        private final java.util.List<byte[]> full = new java.util.ArrayList<>();
        private long fullBytes;
        private byte[] cur;
        private int n;

        Chunks(byte[] first, int filled) {
            cur = first;
            n = filled;
        }

        void add(byte b) {
            if (n == cur.length) next();
            cur[n++] = b;
        }

        private void next() {
            full.add(cur);
            fullBytes += cur.length;
            cur = new byte[(int) Math.min(Math.max(cur.length, 64 << 10) * 2L, 4 << 20)];
            n = 0;
        }

        Parsed<byte[]> readRest(Path file, InputStream in, long maxBytes) throws IOException {
            while (true) {
                if (n == cur.length) next();
                int r = in.read(cur, n, cur.length - n);
                if (r < 0) break;
                n += r;
                if (fullBytes + n > maxBytes) {
                    return Parsed.failed(file + ": more than " + mib(maxBytes) + ", too large to be a /proc file");
                }
            }
            if (full.isEmpty()) return Parsed.ok(n == cur.length ? cur : Arrays.copyOf(cur, n));
            byte[] out = new byte[(int) (fullBytes + n)];
            int at = 0;
            for (byte[] f : full) {
                System.arraycopy(f, 0, out, at, f.length);
                at += f.length;
            }
            System.arraycopy(cur, 0, out, at, n);
            return Parsed.ok(out);
        }
    }

    /** What a non-regular file is, in ls's words. */
    static String kind(Path file) {
        try {
            Object mode = Files.getAttribute(file, "unix:mode");
            int m = (Integer) mode & 0170000;
            return switch (m) {
                case 0010000 -> "a FIFO";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "mode " + Integer.toOctalString(m);
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Files.isSymbolicLink(file) ? "a symbolic link" : "not a file";
        }
    }

    static String mib(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) return (bytes >> 30) + " GiB";
        if (bytes >= 1L << 20) return (bytes >> 20) + " MiB";
        return bytes + " bytes";
    }

    /** A short reason in the words of strerror(). */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
