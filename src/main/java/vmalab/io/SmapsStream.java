package vmalab.io;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Parses /proc/PID/smaps (or a capture's copy) while it is read: each chunk up to its last mapping line goes
 * to a parsing thread, so the parse runs beside the kernel generating the rest (a page-table walk per VMA, 0.1 s for 65,530 VMAs),
 * and the text is never held whole. The entries and every error are those of {@link SmapsParser#parse}.
 */
final class SmapsStream implements ProcFiles.ChunkSink {
    private final boolean pmapOnly;
    /** The parsing threads, one a core: the parts are independent (each starts at a mapping line). */
    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(
        Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "smaps-stream");
            t.setDaemon(true);
            return t;
        });
    private final List<Future<SmapsParser.Part>> parts = new ArrayList<>();
    /** The bytes since the last mapping line's start that a part has not taken yet. */
    private byte[] carry = new byte[64 << 10];
    private int carryLength;

    SmapsStream(boolean pmapOnly) {
        this.pmapOnly = pmapOnly;
    }

    /** Reads and parses a file; a read error is the one {@link ProcFiles#read} gives. */
    static Parsed<List<SmapsEntry>> read(java.nio.file.Path file, boolean pmapOnly) {
        SmapsStream s = new SmapsStream(pmapOnly);
        Parsed<Long> read = ProcFiles.stream(file, ProcFiles.MAX_BYTES, s);
        Parsed<List<SmapsEntry>> entries = s.finish(file.toString());
        return read.failed() ? Parsed.failed(read.error()) : entries;
    }

    @Override
    public void accept(byte[] b, int length) {
        int last = lastEntryStart(b, length);
        if (last < 0) {
            append(b, 0, length);
            return;
        }
        byte[] part = new byte[carryLength + last];
        System.arraycopy(carry, 0, part, 0, carryLength);
        System.arraycopy(b, 0, part, carryLength, last);
        submit(part);
        carryLength = 0;
        append(b, last, length - last);
    }

    /**
     * The start of the last line of b[0, length) that begins a mapping line (a hex digit after a newline, the
     * byte before b[0] being the carry's last), or -1.
     */
    private int lastEntryStart(byte[] b, int length) {
        for (int i = length - 1; i >= 0; i--) {
            byte before = i > 0 ? b[i - 1] : carryLength > 0 ? carry[carryLength - 1] : 0;
            if (before == '\n' && isHeaderStart(b[i])) return i;
        }
        return -1;
    }

    private static boolean isHeaderStart(byte c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    private void append(byte[] b, int from, int length) {
        if (carryLength + length > carry.length) {
            carry = java.util.Arrays.copyOf(carry, Math.max(carry.length * 2, carryLength + length));
        }
        System.arraycopy(b, from, carry, carryLength, length);
        carryLength += length;
    }

    private void submit(byte[] part) {
        parts.add(WORKERS.submit(() -> SmapsParser.parseRange(part, 0, part.length, pmapOnly)));
    }

    /** The entries of all the bytes accepted, or the first problem. */
    Parsed<List<SmapsEntry>> finish(String file) {
        if (carryLength > 0 || parts.isEmpty()) submit(java.util.Arrays.copyOf(carry, carryLength));
        return SmapsParser.join(file, parts);
    }
}
