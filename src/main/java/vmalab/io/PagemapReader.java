package vmalab.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes /proc/PID/pagemap: one little-endian u64 per virtual page, at file offset (address / 4096) * 8.
 * From a live file it seeks to each mapping; from bytes it takes a capture that holds, for each mapping in
 * order, its pages' entries one after another (what {@link #dump} saves).
 */
public final class PagemapReader {
    public static final int ENTRY_BYTES = 8;
    private static final int PAGE_SHIFT = 12;
    /** The most pages one mapping may have here (a 64 MiB buffer of entries, 32 GiB of address space). */
    static final long MAX_PAGES = 1L << 23;

    private PagemapReader() {
    }

    public static PagemapEntry decode(long address, long raw) {
        return new PagemapEntry(address, raw);
    }

    /** Consecutive entries from {@code bytes[offset…]} for {@code count} pages starting at {@code firstAddress}. */
    public static List<PagemapEntry> decode(byte[] bytes, int offset, long firstAddress, int count) {
        ByteBuffer b = ByteBuffer.wrap(bytes, offset, count * ENTRY_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        List<PagemapEntry> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(new PagemapEntry(firstAddress + ((long) i << PAGE_SHIFT), b.getLong()));
        }
        return out;
    }

    /** A capture's bytes: the entries of each mapping, in order; {@code name} labels errors. */
    public static Parsed<List<VmaPages>> read(String name, byte[] capture, List<MapEntry> vmas) {
        long need = 0;
        for (MapEntry v : vmas) {
            if (pages(v) > MAX_PAGES) {
                return Parsed.failed(name + ": mapping " + Long.toHexString(v.start()) + " has too many pages");
            }
            need += pages(v) * ENTRY_BYTES;
        }
        if (need != capture.length) {
            return Parsed.failed(name + ": " + capture.length + " bytes, but the " + vmas.size()
                + " mappings need " + need);
        }
        List<VmaPages> out = new ArrayList<>();
        int at = 0;
        for (MapEntry v : vmas) {
            int n = (int) pages(v);
            out.add(new VmaPages(v, decode(capture, at, v.start(), n)));
            at += n * ENTRY_BYTES;
        }
        return Parsed.ok(out);
    }

    /**
     * Reads a pagemap file for each mapping. A mapping above the task size (the vsyscall page) gets the
     * entries the kernel returns, none.
     */
    public static Parsed<List<VmaPages>> read(Path pagemap, List<MapEntry> vmas) {
        try (FileChannel ch = FileChannel.open(pagemap, StandardOpenOption.READ)) {
            List<VmaPages> out = new ArrayList<>();
            for (MapEntry v : vmas) {
                if (pages(v) > MAX_PAGES) {
                    return Parsed.failed(pagemap + ": mapping " + Long.toHexString(v.start()) + " has too many pages");
                }
                int n = (int) pages(v);
                ByteBuffer buf = ByteBuffer.allocate(n * ENTRY_BYTES);
                long pos = (v.start() >>> PAGE_SHIFT) * ENTRY_BYTES;
                if (pos < 0) {
                    out.add(new VmaPages(v, List.of()));
                    continue;
                }
                while (buf.hasRemaining()) {
                    int r = ch.read(buf, pos + buf.position());
                    if (r <= 0) break;
                }
                int got = buf.position() / ENTRY_BYTES;
                out.add(new VmaPages(v, decode(buf.array(), 0, v.start(), got)));
            }
            return Parsed.ok(out);
        } catch (IOException e) {
            return Parsed.failed(pagemap + ": cannot read (" + reason(e) + ")");
        }
    }

    /** Reads a pagemap file into the capture form {@link #read(String, byte[], List)} takes. */
    public static Parsed<byte[]> dump(Path pagemap, List<MapEntry> vmas) {
        Parsed<List<VmaPages>> r = read(pagemap, vmas);
        if (r.failed()) return Parsed.failed(r.error());
        long total = 0;
        for (MapEntry v : vmas) total += pages(v) * ENTRY_BYTES;
        if (total > Integer.MAX_VALUE) return Parsed.failed(pagemap + ": too large to capture");
        ByteBuffer b = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        for (VmaPages vp : r.value()) {
            for (PagemapEntry e : vp.pages()) b.putLong(e.raw());
            for (long i = vp.pages().size(); i < pages(vp.vma()); i++) b.putLong(0);
        }
        return Parsed.ok(b.array());
    }

    static long pages(MapEntry v) {
        return (v.end() - v.start()) >>> PAGE_SHIFT;
    }

    static String reason(IOException e) {
        String m = e.getMessage();
        String kind = e.getClass().getSimpleName();
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        return m == null ? kind : kind + ": " + m;
    }
}
