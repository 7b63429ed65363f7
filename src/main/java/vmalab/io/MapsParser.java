package vmalab.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a real /proc/PID/maps text. Each line is {@code start-end perms offset major:minor inode [name]};
 * the name is whatever follows the padding. A problem stops the parse with {@code FILE:LINE: problem}.
 * The fields are read from the bytes in one pass (fs/proc/task_mmu.c: show_map_vma() prints them ASCII).
 */
public final class MapsParser {
    /** Page size of the addresses: a VMA starts and ends on a page (mm/mmap.c: do_mmap() page-aligns). */
    static final long PAGE_MASK = 0xfff;

    private MapsParser() {
    }

    /** One parsed line, or what is wrong with it. */
    record Line(MapEntry entry, String problem) { }

    /** Parses a whole maps text; {@code file} names it in errors. */
    public static Parsed<List<MapEntry>> parse(String file, String text) {
        return parse(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses the bytes of a maps file: not text (binary, not UTF-8) is an error of its line. */
    public static Parsed<List<MapEntry>> parse(String file, byte[] bytes) {
        List<MapEntry> out = new ArrayList<>();
        ProcLines lines = new ProcLines(bytes);
        MapEntry prev = null;
        while (lines.next()) {
            Line l = parseLine(lines);
            if (l.problem() != null) return Parsed.failed(file, lines.lineNo(), l.problem());
            String order = checkOrder(prev, l.entry());
            if (order != null) return Parsed.failed(file, lines.lineNo(), order);
            out.add(l.entry());
            prev = l.entry();
        }
        return Parsed.ok(List.copyOf(out));
    }

    /** A line must start above the previous one's end: the kernel walks the VMAs in address order. */
    static String checkOrder(MapEntry prev, MapEntry e) {
        if (prev == null) return null;
        if (Long.compareUnsigned(e.start(), prev.end()) < 0) {
            return String.format(java.util.Locale.ROOT, "range %x-%x overlaps or precedes %x-%x", e.start(), e.end(), prev.start(),
                prev.end());
        }
        return null;
    }

    /** Parses one maps line given as text (tests, and callers holding a String). */
    static Line parseLine(String line) {
        ProcLines l = new ProcLines(line.getBytes(StandardCharsets.UTF_8));
        if (!l.next()) return problem("empty line");
        return parseLine(l);
    }

    /** Parses the current line of {@code l} (a maps line, or an smaps header). */
    static Line parseLine(ProcLines l) {
        if (l.isEmpty()) return problem("empty line");
        String notText = l.notText();
        if (notText != null) return problem(notText);
        Fields f = new Fields(l);
        int re = f.token(), rs = f.lastStart;
        int pe = f.token(), ps = f.lastStart;
        int oe = f.token(), os = f.lastStart;
        int de = f.token(), ds = f.lastStart;
        int ie = f.token(), is = f.lastStart;

        int dash = indexOf(l, rs, re, '-');
        if (dash < 0 || !isHex(l, rs, dash) || !isHex(l, dash + 1, re)) {
            return problem("bad address range " + Text.quote(l.text(rs, re)));
        }
        long start = hex(l, rs, dash);
        long end = hex(l, dash + 1, re);
        if (Long.compareUnsigned(start, end) >= 0) return problem("empty address range " + Text.quote(l.text(rs, re)));
        if ((start & PAGE_MASK) != 0) return problem("start " + Long.toHexString(start) + " is not page aligned");
        if ((end & PAGE_MASK) != 0) return problem("end " + Long.toHexString(end) + " is not page aligned");
        if (ps == pe) return problem("missing permissions");
        String perms = perms(l, ps, pe);
        if (perms == null) return problem("bad permissions " + Text.quote(l.text(ps, pe)));
        if (os == oe) return problem("missing offset");
        if (!isHex(l, os, oe)) return problem("bad offset " + Text.quote(l.text(os, oe)));
        if (ds == de) return problem("missing device");
        int colon = indexOf(l, ds, de, ':');
        if (colon < 0 || !isHex(l, ds, colon) || !isHex(l, colon + 1, de) || colon - ds > 8 || de - colon - 1 > 8) {
            return problem("bad device " + Text.quote(l.text(ds, de)));
        }
        if (is == ie) return problem("missing inode");
        long inode = decimal(l, is, ie);
        if (inode < 0) {
            String text = l.text(is, ie);
            if (!Hex.isDecimal(text)) return problem("bad inode " + Text.quote(text));
            inode = Long.parseUnsignedLong(text);
        }

        int p = f.from;
        while (p < l.end && l.at(p) == ' ') p++;
        String name = p < l.end ? l.text(p, l.end) : null;
        MapEntry e = new MapEntry(start, end, perms, hex(l, os, oe), (int) hex(l, ds, colon),
            (int) hex(l, colon + 1, de), inode, name);
        return new Line(e, null);
    }

    private static Line problem(String p) {
        return new Line(null, p);
    }

    /** Space-separated fields of a line, left to right. */
    private static final class Fields {
        private final ProcLines l;
        int from;

        Fields(ProcLines l) {
            this.l = l;
            this.from = l.start;
        }

        int lastStart;

        /** Skips spaces and moves past the next field: returns its end, its start in {@code lastStart}. */
        int token() {
            int p = from;
            while (p < l.end && l.at(p) == ' ') p++;
            lastStart = p;
            while (p < l.end && l.at(p) != ' ') p++;
            from = p;
            return p;
        }
    }

    private static int indexOf(ProcLines l, int from, int to, char c) {
        for (int i = from; i < to; i++) {
            if (l.at(i) == c) return i;
        }
        return -1;
    }

    private static boolean isHex(ProcLines l, int from, int to) {
        if (to <= from || to - from > 16) return false;
        for (int i = from; i < to; i++) {
            if (Hex.value(l.at(i)) < 0) return false;
        }
        return true;
    }

    /** Digits of up to 18 places (an ino_t as show_map_vma() prints it); -1 for anything else, read the slow way. */
    private static long decimal(ProcLines l, int from, int to) {
        if (to - from > 18) return -1;
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = l.at(i) - '0';
            if (d < 0 || d > 9) return -1;
            v = v * 10 + d;
        }
        return v;
    }

    /** The value of hex digits already checked by {@link #isHex}. */
    private static long hex(ProcLines l, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) v = (v << 4) | Hex.value(l.at(i));
        return v;
    }

    /** The 16 permission columns a kernel prints, made once: 65,530 lines share them. */
    private static final String[] PERMS = new String[16];

    static {
        for (int i = 0; i < 16; i++) {
            PERMS[i] = "" + ((i & 8) != 0 ? 'r' : '-') + ((i & 4) != 0 ? 'w' : '-') + ((i & 2) != 0 ? 'x' : '-')
                + ((i & 1) != 0 ? 's' : 'p');
        }
    }

    /** The shared string of a valid permission column, else null. */
    private static String perms(ProcLines l, int from, int to) {
        if (to - from != 4) return null;
        int i = bit(l.at(from), 'r', 8) | bit(l.at(from + 1), 'w', 4) | bit(l.at(from + 2), 'x', 2)
            | bit(l.at(from + 3), 's', 1, 'p');
        return i < 0 ? null : PERMS[i];
    }

    private static int bit(byte c, char set, int value) {
        return bit(c, set, value, '-');
    }

    /** {@code value} for {@code set}, 0 for {@code unset}, else a negative number (any OR with it stays negative). */
    private static int bit(byte c, char set, int value, char unset) {
        return c == set ? value : c == unset ? 0 : Integer.MIN_VALUE;
    }
}
