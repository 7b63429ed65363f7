package vmalab.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads /proc/PID/pagemap into {@link PageStates} and writes and reads the capture's {@code pagemap} file.
 * <p>The file (README: "The pagemap dump") is text: a first line {@code vmalab-pagemap 1}, then one line per
 * mapping of maps, in order, {@code START-END RUNS}, where RUNS are count-and-letter pairs covering the
 * mapping's pages from its start: {@code .} not present, {@code P} present, {@code Z} the shared zero page,
 * {@code S} swapped; {@code 3P1.12S} is three present pages, one absent, twelve swapped. When pagemap could not
 * be read the file is one line, {@code vmalab-pagemap 1 unreadable: REASON}.
 */
public final class PagemapDump {
    static final String MAGIC = "vmalab-pagemap 1";
    private static final int CHUNK_PAGES = 1 << 16;
    /** /proc/kpageflags bit 24: KPF_ZERO_PAGE (Documentation/admin-guide/mm/pagemap.rst). */
    private static final long KPF_ZERO_PAGE = 1L << 24;

    private PagemapDump() {
    }

    /**
     * Reads the states of every page of the mappings from a pagemap file. fs/proc/task_mmu.c:
     * pte_to_pagemap_entry() sets PM_FILE and PM_MMAP_EXCLUSIVE only when vm_normal_page() finds a page, which it
     * does not for the zero page; so a present entry with neither is looked up in /proc/kpageflags (when its
     * PFN is shown, that is with CAP_SYS_ADMIN), and one whose frame has KPF_ZERO_PAGE is the zero page.
     */
    public static Parsed<PageStates> read(Path pagemap, List<MapEntry> vmas) {
        try (FileChannel ch = FileChannel.open(pagemap, StandardOpenOption.READ);
             ZeroPages zero = new ZeroPages()) {
            List<byte[]> out = new ArrayList<>(vmas.size());
            for (MapEntry v : vmas) {
                long pages = PagemapReader.pages(v);
                if (pages > Integer.MAX_VALUE) return Parsed.failed(pagemap + ": mapping " + Long.toHexString(v.start())
                    + " has too many pages");
                out.add(new byte[(int) pages]);
            }
            ByteBuffer buf = ByteBuffer.allocate(CHUNK_PAGES * 8).order(ByteOrder.LITTLE_ENDIAN);
            // mappings that touch (one's vm_end the next's vm_start) are read as one range: a pread per chunk of
            // pages, not per mapping (65,530 one-page mappings took 65,530 calls of pagemap_read(), 80 ms)
            for (int i = 0; i < vmas.size(); ) {
                int j = i + 1;
                while (j < vmas.size() && vmas.get(j).start() == vmas.get(j - 1).end()) j++;
                readRun(ch, zero, buf, vmas.get(i).start(), out.subList(i, j));
                i = j;
            }
            return Parsed.ok(new PageStates(out));
        } catch (IOException e) {
            return Parsed.failed(pagemap + ": cannot read (" + ProcFiles.reason(e) + ")");
        }
    }

    /** Fills the page states of adjacent mappings starting at {@code start}, in order, from one range of pagemap. */
    private static void readRun(FileChannel ch, ZeroPages zero, ByteBuffer buf, long start, List<byte[]> states)
        throws IOException {
        long pos = (start >>> 12) * 8;
        // above TASK_SIZE (the vsyscall page) pagemap_read() returns no entries: pos overflows here
        if (pos < 0) return;
        long total = 0;
        for (byte[] s : states) total += s.length;
        int vma = 0;
        int off = 0;
        for (long at = 0; at < total; ) {
            int n = (int) Math.min(CHUNK_PAGES, total - at);
            buf.clear().limit(n * 8);
            while (buf.hasRemaining()) {
                if (ch.read(buf, pos + at * 8 + buf.position()) <= 0) break;
            }
            int got = buf.position() / 8;
            for (int k = 0; k < got; k++) {
                while (off == states.get(vma).length) {
                    vma++;
                    off = 0;
                }
                long raw = buf.getLong(k * 8);
                states.get(vma)[off++] = PageStates.of(raw, zero.isZeroPage(raw));
            }
            // a short read: the address space ends (TASK_SIZE); the pages after it have no entry
            if (got < n) return;
            at += n;
        }
    }

    /** The dump's text. */
    public static String format(List<MapEntry> vmas, PageStates states) {
        StringBuilder sb = new StringBuilder(MAGIC).append('\n');
        for (int i = 0; i < vmas.size(); i++) {
            MapEntry v = vmas.get(i);
            sb.append(Long.toHexString(v.start())).append('-').append(Long.toHexString(v.end()));
            byte[] s = states.states().get(i);
            long pages = PagemapReader.pages(v);
            int at = 0;
            while (at < pages) {
                byte st = at < s.length ? s[at] : PageStates.NONE;
                int run = at;
                while (run < pages && (run < s.length ? s[run] : PageStates.NONE) == st) run++;
                sb.append(' ').append(run - at).append(PageStates.LETTERS.charAt(st));
                at = run;
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public static String unreadable(String reason) {
        return MAGIC + " unreadable: " + reason + "\n";
    }

    /**
     * Parses a dump against the capture's maps: the states, or null with {@code note[0]} set when the dump says
     * pagemap was unreadable; an error names the line.
     */
    public static Parsed<PageStates> parse(String file, byte[] bytes, List<MapEntry> vmas, String[] note) {
        Parsed<String> text = Text.decode(bytes, file);
        if (text.failed()) return Parsed.failed(text.error());
        String[] lines = text.value().split("\n", -1);
        if (lines.length == 0 || !lines[0].startsWith(MAGIC)) {
            return Parsed.failed(file, 1, "not a pagemap dump (expected \"" + MAGIC + "\")");
        }
        String head = lines[0].substring(MAGIC.length());
        if (head.startsWith(" unreadable: ")) {
            note[0] = head.substring(" unreadable: ".length());
            return Parsed.ok(new PageStates(List.of()));
        }
        if (!head.isEmpty()) return Parsed.failed(file, 1, "unknown header " + Text.quote(lines[0]));
        int count = lines.length - 1;
        if (count > 0 && lines[count].isEmpty()) count--;
        if (count != vmas.size()) {
            return Parsed.failed(file, Math.min(count, vmas.size()) + 2, count + " mappings, but maps has " + vmas.size());
        }
        List<byte[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            MapEntry v = vmas.get(i);
            String line = lines[i + 1];
            int sp = line.indexOf(' ');
            int rangeEnd = sp < 0 ? line.length() : sp;
            if (!isRange(line, rangeEnd, v)) {
                String range = Long.toHexString(v.start()) + "-" + Long.toHexString(v.end());
                return Parsed.failed(file, i + 2, "range " + Text.shown(line.substring(0, rangeEnd), Limits.QUOTED_CHARS)
                    + ", but maps has " + range);
            }
            long pages = PagemapReader.pages(v);
            if (pages > Integer.MAX_VALUE - 8) {
                // one state byte a page: a larger mapping cannot be held (nor be a real capture's dump)
                return Parsed.failed(file, i + 2, "a mapping of " + pages + " pages is too large to hold its states");
            }
            byte[] s = new byte[(int) pages];
            long at = 0;
            // the runs between single spaces (an empty one is bad, except at the end, as split(" ") drops those)
            int last = line.length();
            while (last > rangeEnd && line.charAt(last - 1) == ' ') last--;
            for (int from = rangeEnd + 1; from <= last; ) {
                int to = line.indexOf(' ', from);
                if (to < 0 || to > last) to = last;
                long len = runLength(line, from, to);
                int state = to > from ? PageStates.LETTERS.indexOf(line.charAt(to - 1)) : -1;
                if (state < 0 || len < 0) return Parsed.failed(file, i + 2, "bad run " + Text.quote(line.substring(from, to)));
                if (len == 0 || at + len > pages) {
                    return Parsed.failed(file, i + 2, "runs cover more than the mapping's " + pages + " pages");
                }
                java.util.Arrays.fill(s, (int) at, (int) (at + len), (byte) state);
                at += len;
                from = to + 1;
            }
            if (at != pages) return Parsed.failed(file, i + 2, "runs cover " + at + " of the mapping's " + pages + " pages");
            out.add(s);
        }
        return Parsed.ok(new PageStates(out));
    }

    /** Whether line[0, to) is the mapping's range as format() writes it: lowercase hex, '-', lowercase hex. */
    private static boolean isRange(String line, int to, MapEntry v) {
        int p = hexAt(line, 0, to, v.start());
        if (p < 0 || p >= to || line.charAt(p) != '-') return false;
        return hexAt(line, p + 1, to, v.end()) == to;
    }

    /** The index after Long.toHexString(value) when line holds it at from (before to), else -1. */
    private static int hexAt(String line, int from, int to, long value) {
        int digits = value == 0 ? 1 : (64 - Long.numberOfLeadingZeros(value) + 3) / 4;
        if (to - from < digits) return -1;
        for (int k = 0; k < digits; k++) {
            int d = (int) (value >>> ((digits - 1 - k) * 4)) & 0xf;
            if (line.charAt(from + k) != Character.forDigit(d, 16)) return -1;
        }
        return from + digits;
    }

    /**
     * The count of a run {@code N} + state letter at line[from, to): -1 when N is not a decimal number
     * ({@link Hex#isDecimal}); a count past Long.MAX_VALUE is read as one (it covers too many pages either way).
     */
    private static long runLength(String line, int from, int to) {
        int e = to - 1;
        if (e <= from || e - from > 20) return -1;
        long n = 0;
        for (int k = from; k < e; k++) {
            char c = line.charAt(k);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        if (e - from < 19) return n;
        String text = line.substring(from, e);
        if (!Hex.isDecimal(text)) return -1;
        return Long.parseUnsignedLong(text) < 0 ? Long.MAX_VALUE : Long.parseUnsignedLong(text);
    }

    /** Frame numbers looked up in /proc/kpageflags, once each; none when it cannot be read. */
    private static final class ZeroPages implements AutoCloseable {
        private FileChannel flags;
        private boolean tried;
        private final Map<Long, Boolean> known = new HashMap<>();
        private final ByteBuffer one = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);

        boolean isZeroPage(long raw) {
            if ((raw & PagemapEntry.PRESENT) == 0) return false;
            if ((raw & (PagemapEntry.FILE_OR_SHARED_ANON | PagemapEntry.EXCLUSIVE)) != 0) return false;
            long pfn = raw & PagemapEntry.PFN_MASK;
            if (pfn == 0) return false;  // PFNs hidden without CAP_SYS_ADMIN: cannot tell
            return known.computeIfAbsent(pfn, this::lookUp);
        }

        private boolean lookUp(long pfn) {
            try {
                if (!tried) {
                    tried = true;
                    flags = FileChannel.open(Path.of("/proc/kpageflags"), StandardOpenOption.READ);
                }
                if (flags == null) return false;
                one.clear();
                if (flags.read(one, pfn * 8) != 8) return false;
                return (one.getLong(0) & KPF_ZERO_PAGE) != 0;
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public void close() throws IOException {
            if (flags != null) flags.close();
        }
    }
}
