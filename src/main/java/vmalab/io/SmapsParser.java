package vmalab.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads a real /proc/PID/smaps text: a maps line, then {@code Key:   value kB} lines, then (since 3.8) the
 * VmFlags line, for each VMA. Any field name is kept, in order, so every kernel's list reads back. One pass
 * over the bytes; the keys, which repeat for every VMA, are shared rather than made again.
 */
public final class SmapsParser {
    private SmapsParser() {
    }

    public static Parsed<List<SmapsEntry>> parse(String file, String text) {
        return parse(file, text.getBytes(StandardCharsets.UTF_8));
    }

    public static Parsed<List<SmapsEntry>> parse(String file, byte[] bytes) {
        return parse(file, bytes, false);
    }

    /**
     * With {@code pmapOnly}, keeps of each entry only what pmap -x reads (Rss, Shared_Dirty, Private_Dirty and
     * VmFlags) and only checks the other lines' keys: a third of the work for 65,530 VMAs, for a listing that
     * prints nothing else. The mapping lines are checked in full either way.
     */
    public static Parsed<List<SmapsEntry>> parse(String file, byte[] bytes, boolean pmapOnly) {
        int split = bytes.length < SPLIT_BYTES ? -1 : entryStartAfter(bytes, bytes.length / 2);
        if (split < 0) {
            Part p = parseRange(bytes, 0, bytes.length, pmapOnly);
            return p.problem != null ? Parsed.failed(file, p.badLine, p.problem) : Parsed.ok(List.copyOf(p.entries));
        }
        // 48 MB for 65,530 VMAs: the second half of the entries is parsed on another core
        Future<Part> secondJob = HALVES.submit(() -> parseRange(bytes, split, bytes.length, pmapOnly));
        Part first = parseRange(bytes, 0, split, pmapOnly);
        return join(file, List.of(CompletableFuture.completedFuture(first), secondJob));
    }

    /**
     * The parts of one text, in order, as one result: the first problem in the file's order, as one pass would
     * meet it (a part's own first line, then the order of the mapping lines where two parts meet, then the
     * rest of the part), with its line counted in the whole file.
     */
    static Parsed<List<SmapsEntry>> join(String file, List<? extends Future<Part>> jobs) {
        List<Part> parts = new ArrayList<>(jobs.size());
        try {
            for (Future<Part> f : jobs) parts.add(f.get());
        } catch (InterruptedException e) {
            for (Future<Part> f : jobs) f.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parsing " + file, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        int lines = 0;
        int count = 0;
        MapEntry before = null;
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            if (i > 0 && p.problem != null && p.badLine == 1) return Parsed.failed(file, lines + 1, p.problem);
            if (i > 0) {
                String order = MapsParser.checkOrder(before, p.firstHeader);
                if (order != null) return Parsed.failed(file, lines + 1, order);
            }
            if (p.problem != null) return Parsed.failed(file, lines + p.badLine, p.problem);
            lines += p.lines;
            count += p.entries.size();
            if (p.lastHeader != null) before = p.lastHeader;
        }
        if (parts.size() == 1) return Parsed.ok(List.copyOf(parts.get(0).entries));
        List<SmapsEntry> all = new ArrayList<>(count);
        for (Part p : parts) all.addAll(p.entries);
        return Parsed.ok(List.copyOf(all));
    }

    /** Below this size one core parses the whole text (a few ms). */
    static final int SPLIT_BYTES = 4 << 20;

    /** Daemon threads for the second half: a caller already on the common pool (CaptureFiles.load) must not wait on it. */
    private static final ExecutorService HALVES = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "smaps-parse");
        t.setDaemon(true);
        return t;
    });

    /**
     * The first mapping line at or after {@code from}: a line start whose first byte is a hex digit, exactly
     * what the parse treats as a new entry; -1 when there is none.
     */
    static int entryStartAfter(byte[] b, int from) {
        for (int i = Math.max(from, 1); i < b.length; i++) {
            if (b[i - 1] == '\n' && isHeaderStart(b[i])) return i;
        }
        return -1;
    }

    /**
     * What one range of whole lines holds: its entries, its first and last mapping lines and its line count,
     * or the first problem and its line (counted from the range's start) with the first mapping line before it.
     */
    record Part(List<SmapsEntry> entries, MapEntry firstHeader, MapEntry lastHeader, int lines, int badLine,
                        String problem) {
        static Part failed(ProcLines l, MapEntry firstHeader, String problem) {
            return new Part(null, firstHeader, null, 0, l.lineNo(), problem);
        }
    }

    static Part parseRange(byte[] bytes, int from, int to, boolean pmapOnly) {
        List<SmapsEntry> out = new ArrayList<>((to - from) / 600 + 16);
        MapEntry first = null;
        MapEntry header = null;
        Layout layout = new Layout();
        String flags = null;
        ProcLines l = new ProcLines(bytes, from, to);
        while (l.next()) {
            if (!l.isEmpty() && isHeaderStart(l.at(l.start))) {
                MapsParser.Line h = MapsParser.parseLine(l);
                if (h.problem() != null) return Part.failed(l, first, h.problem());
                String order = MapsParser.checkOrder(header, h.entry());
                if (order != null) return Part.failed(l, first, order);
                if (header != null) out.add(layout.entry(header, flags));
                header = h.entry();
                if (first == null) first = header;
                flags = null;
                continue;
            }
            if (pmapOnly && !isPmapField(l)) {
                if (header == null) return Part.failed(l, first, "field before the first mapping line");
                if (!hasKey(l)) return Part.failed(l, first, "bad field line " + Text.quote(l.line()));
                continue;
            }
            // the common case first: the key this place had in the entry before, a plain number, maybe kB
            if (header != null && flags == null && knownField(l, layout)) continue;
            String notText = l.notText();
            if (notText != null) return Part.failed(l, first, notText);
            if (header == null) return Part.failed(l, first, "field before the first mapping line");
            if (flags != null) return Part.failed(l, first, "line after VmFlags: " + Text.quote(l.line()));
            if (startsWith(l, "VmFlags:")) {
                flags = layout.flags(l, l.start + "VmFlags:".length());
                if (flags == null) {
                    return Part.failed(l, first, "bad VmFlags " + Text.quote(l.text(l.start + "VmFlags:".length(), l.end).trim()));
                }
                continue;
            }
            SmapsField field = parseField(l, layout.seen, layout.count);
            if (field == null) return Part.failed(l, first, "bad field line " + Text.quote(l.line()));
            layout.add(field);
        }
        if (header != null) out.add(layout.entry(header, flags));
        return new Part(out, first, header, l.lineNo(), 0, null);
    }

    /**
     * The field list of the entry being read. Its keys and kB marks are shared by every entry that prints the
     * same list, as all the VMAs of one kernel do (fs/proc/task_mmu.c: show_smap() prints a fixed list).
     */
    private static final class Layout {
        final List<String> keys = new ArrayList<>();
        final List<String> seen = new ArrayList<>();
        final List<Boolean> kbs = new ArrayList<>();
        long[] values = new long[32];
        int count;
        boolean changed = true;
        String[] sharedKeys;
        boolean[] sharedKb;
        /** The bytes of seen[i], made again only when that key changes. */
        private byte[][] seenBytes = new byte[32][];
        private String[] seenBytesOf = new String[32];

        byte[] seenBytes(int i, String key) {
            if (i >= seenBytes.length) {
                seenBytes = java.util.Arrays.copyOf(seenBytes, i * 2);
                seenBytesOf = java.util.Arrays.copyOf(seenBytesOf, i * 2);
            }
            if (seenBytesOf[i] != key) {
                seenBytes[i] = key.getBytes(StandardCharsets.UTF_8);
                seenBytesOf[i] = key;
            }
            return seenBytes[i];
        }

        /** VmFlags seen lately, as their raw bytes and their checked text: a process repeats a few lists. */
        private final byte[][] flagBytes = new byte[8][];
        private final String[] flagText = new String[8];
        private int flagNext;

        /** The VmFlags mnemonics of bytes[from, l.end), trimmed and checked; null when they are bad. */
        String flags(ProcLines l, int from) {
            byte[] b = l.bytes();
            int n = l.end - from;
            for (int i = 0; i < flagBytes.length; i++) {
                byte[] f = flagBytes[i];
                if (f != null && f.length == n && java.util.Arrays.equals(b, from, l.end, f, 0, n)) return flagText[i];
            }
            String f = l.text(from, l.end).trim();
            if (!f.isEmpty() && !validFlags(f)) return null;
            flagBytes[flagNext] = java.util.Arrays.copyOfRange(b, from, l.end);
            flagText[flagNext] = f;
            flagNext = (flagNext + 1) % flagBytes.length;
            return f;
        }

        void add(SmapsField f) {
            add(f.key(), f.value(), f.kb());
        }

        void add(String key, long value, boolean kb) {
            if (count == values.length) values = java.util.Arrays.copyOf(values, count * 2);
            if (count >= keys.size()) {
                keys.add(key);
                kbs.add(kb);
                changed = true;
            } else if (keys.get(count) != key || kbs.get(count) != kb) {
                keys.set(count, key);
                kbs.set(count, kb);
                changed = true;
            }
            values[count++] = value;
        }

        SmapsEntry entry(MapEntry header, String flags) {
            if (changed || sharedKeys.length != count) {
                sharedKeys = keys.subList(0, count).toArray(String[]::new);
                sharedKb = new boolean[count];
                for (int i = 0; i < count; i++) sharedKb[i] = kbs.get(i);
                changed = false;
            }
            SmapsEntry e = new SmapsEntry(header, sharedKeys, java.util.Arrays.copyOf(values, count), sharedKb, flags);
            count = 0;
            return e;
        }
    }

    /** Rss:, Shared_Dirty:, Private_Dirty: or VmFlags: (told apart by their first two bytes and length). */
    private static boolean isPmapField(ProcLines l) {
        if (l.end - l.start < 4) return true;
        byte a = l.at(l.start), b = l.at(l.start + 1);
        if (a == 'R' && b == 's') return startsWith(l, "Rss:");
        if (a == 'V' && b == 'm') return startsWith(l, "VmFlags:");
        if (a == 'S' && b == 'h') return startsWith(l, "Shared_Dirty:");
        if (a == 'P' && b == 'r') return startsWith(l, "Private_Dirty:");
        return false;
    }

    /** A key of letters, digits and '_' before a colon. */
    private static boolean hasKey(ProcLines l) {
        for (int i = l.start; i < l.end; i++) {
            byte c = l.at(i);
            if (c == ':') return i > l.start;
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) return false;
        }
        return false;
    }

    /** A mapping line starts with a lowercase hex digit; field keys start with an uppercase letter. */
    private static boolean isHeaderStart(byte c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    /**
     * Adds the current line to the layout when it is {@code Key: digits[ kB]} with the key seen at this place
     * before (so already checked) and fewer than 20 digits: exactly what {@link #parseField} would make of it,
     * in one pass and with no object. False (nothing added) for any other line, which the full path then reads.
     */
    private static boolean knownField(ProcLines l, Layout layout) {
        int index = layout.count;
        if (index >= layout.seen.size()) return false;
        String key = layout.seen.get(index);
        byte[] kb8 = layout.seenBytes(index, key);
        int n = kb8.length;
        int p = l.start + n;
        int e = l.end;
        if (p >= e || l.at(p) != ':' || !java.util.Arrays.equals(l.bytes(), l.start, p, kb8, 0, n)) return false;
        p++;
        while (p < e && l.at(p) == ' ') p++;
        int digits = p;
        long v = 0;
        while (p < e) {
            byte c = l.at(p);
            if (c < '0' || c > '9') break;
            v = v * 10 + (c - '0');
            p++;
        }
        if (p == digits || p - digits >= 20) return false;
        boolean kb = false;
        if (p < e) {
            if (l.at(p) != ' ') return false;
            while (p < e && l.at(p) == ' ') p++;
            if (p < e) {
                if (p + 1 >= e || l.at(p) != 'k' || l.at(p + 1) != 'B') return false;
                kb = true;
                p += 2;
                while (p < e && l.at(p) == ' ') p++;
                if (p < e) return false;
            }
        }
        layout.add(key, v, kb);
        return true;
    }

    /** {@code Key:  123 kB} or {@code Key:  123}; null when the line is neither. */
    static SmapsField parseField(String line) {
        ProcLines l = new ProcLines(line.getBytes(StandardCharsets.UTF_8));
        return l.next() ? parseField(l, new ArrayList<>(), 0) : null;
    }

    /** The field of the current line; {@code keys[index]} is the key seen at this place before, reused. */
    private static SmapsField parseField(ProcLines l, List<String> keys, int index) {
        int colon = -1;
        for (int i = l.start; i < l.end; i++) {
            if (l.at(i) == ':') {
                colon = i;
                break;
            }
        }
        if (colon <= l.start) return null;
        for (int i = l.start; i < colon; i++) {
            byte c = l.at(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) return null;
        }
        String key = index < keys.size() && sameBytes(l, l.start, colon, keys.get(index)) ? keys.get(index) : null;
        if (key == null) {
            key = l.text(l.start, colon);
            if (index < keys.size()) keys.set(index, key);
            else keys.add(key);
        }
        int p = colon + 1;
        int e = l.end;
        while (p < e && l.at(p) == ' ') p++;
        while (e > p && l.at(e - 1) == ' ') e--;
        boolean kb = e - p >= 3 && l.at(e - 3) == ' ' && l.at(e - 2) == 'k' && l.at(e - 1) == 'B';
        if (kb) {
            e -= 3;
            while (e > p && l.at(e - 1) == ' ') e--;
        }
        if (p == e || e - p > 20) return null;
        long v = 0;
        for (int i = p; i < e; i++) {
            byte c = l.at(i);
            if (c < '0' || c > '9') return null;
            if (e - p == 20) return decimal20(l.text(p, e), key, kb);
            v = v * 10 + (c - '0');
        }
        return new SmapsField(key, v, kb);
    }

    /** A 20-digit number may overflow an unsigned long: checked the slow way (never printed by a kernel). */
    private static SmapsField decimal20(String s, String key, boolean kb) {
        return Hex.isDecimal(s) ? new SmapsField(key, Long.parseUnsignedLong(s), kb) : null;
    }

    private static boolean sameBytes(ProcLines l, int from, int to, String s) {
        if (s.length() != to - from) return false;
        for (int i = 0; i < s.length(); i++) {
            if (l.at(from + i) != s.charAt(i)) return false;
        }
        return true;
    }

    private static boolean startsWith(ProcLines l, String prefix) {
        return l.end - l.start >= prefix.length() && sameBytes(l, l.start, l.start + prefix.length(), prefix);
    }

    /** Two-letter mnemonics separated by single spaces (show_smap_vma_flags()). */
    private static boolean validFlags(String f) {
        if (f.length() % 3 != 2) return false;
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            boolean sep = i % 3 == 2;
            if (sep ? c != ' ' : !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) return false;
        }
        return true;
    }
}
