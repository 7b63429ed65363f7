package vmalab.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a real /proc/PID/maps text. Each line is {@code start-end perms offset major:minor inode [name]};
 * the name is whatever follows the padding. A problem stops the parse with {@code FILE:LINE: problem}.
 */
public final class MapsParser {
    private MapsParser() {
    }

    /** One parsed line, or what is wrong with it. */
    record Line(MapEntry entry, String problem) { }

    /** Parses a whole maps text; {@code file} names it in errors. */
    public static Parsed<List<MapEntry>> parse(String file, String text) {
        List<MapEntry> out = new ArrayList<>();
        String[] lines = splitLines(text);
        for (int i = 0; i < lines.length; i++) {
            Line l = parseLine(lines[i]);
            if (l.problem() != null) return Parsed.failed(file, i + 1, l.problem());
            String order = checkOrder(out, l.entry());
            if (order != null) return Parsed.failed(file, i + 1, order);
            out.add(l.entry());
        }
        return Parsed.ok(List.copyOf(out));
    }

    /** The lines of a text, without the empty one after its last newline; a CR before a newline is dropped. */
    static String[] splitLines(String text) {
        if (text.isEmpty()) return new String[0];
        String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        String[] lines = t.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].endsWith("\r")) lines[i] = lines[i].substring(0, lines[i].length() - 1);
        }
        return lines;
    }

    /** A line must start above the previous one's end: the kernel walks the VMAs in address order. */
    static String checkOrder(List<MapEntry> before, MapEntry e) {
        if (before.isEmpty()) return null;
        MapEntry prev = before.get(before.size() - 1);
        if (Long.compareUnsigned(e.start(), prev.end()) < 0) {
            return String.format("range %x-%x overlaps or precedes %x-%x", e.start(), e.end(), prev.start(),
                prev.end());
        }
        return null;
    }

    /** Parses one maps (or smaps header) line. */
    static Line parseLine(String line) {
        if (line.isEmpty()) return problem("empty line");
        int[] pos = {0};
        String range = token(line, pos);
        String perms = token(line, pos);
        String offset = token(line, pos);
        String dev = token(line, pos);
        String inode = token(line, pos);

        int dash = range.indexOf('-');
        if (dash < 0 || !Hex.isHex(range.substring(0, dash)) || !Hex.isHex(range.substring(dash + 1))) {
            return problem("bad address range \"" + range + "\"");
        }
        long start = Hex.parse(range.substring(0, dash));
        long end = Hex.parse(range.substring(dash + 1));
        if (Long.compareUnsigned(start, end) >= 0) return problem("empty address range \"" + range + "\"");
        if (perms.isEmpty()) return problem("missing permissions");
        if (!validPerms(perms)) return problem("bad permissions \"" + perms + "\"");
        if (offset.isEmpty()) return problem("missing offset");
        if (!Hex.isHex(offset)) return problem("bad offset \"" + offset + "\"");
        if (dev.isEmpty()) return problem("missing device");
        int colon = dev.indexOf(':');
        if (colon < 0 || !Hex.isHex(dev.substring(0, colon)) || !Hex.isHex(dev.substring(colon + 1))
            || colon > 8 || dev.length() - colon - 1 > 8) {
            return problem("bad device \"" + dev + "\"");
        }
        if (inode.isEmpty()) return problem("missing inode");
        if (!Hex.isDecimal(inode)) return problem("bad inode \"" + inode + "\"");

        int p = pos[0];
        while (p < line.length() && line.charAt(p) == ' ') p++;
        String name = p < line.length() ? line.substring(p) : null;
        MapEntry e = new MapEntry(start, end, perms, Hex.parse(offset),
            (int) Hex.parse(dev.substring(0, colon)), (int) Hex.parse(dev.substring(colon + 1)),
            Long.parseUnsignedLong(inode), name);
        return new Line(e, null);
    }

    private static Line problem(String p) {
        return new Line(null, p);
    }

    /** The next space-separated field from pos[0] (leading spaces skipped), or "" at the end of the line. */
    private static String token(String line, int[] pos) {
        int p = pos[0];
        while (p < line.length() && line.charAt(p) == ' ') p++;
        int s = p;
        while (p < line.length() && line.charAt(p) != ' ') p++;
        pos[0] = p;
        return line.substring(s, p);
    }

    private static boolean validPerms(String p) {
        return p.length() == 4
            && (p.charAt(0) == 'r' || p.charAt(0) == '-')
            && (p.charAt(1) == 'w' || p.charAt(1) == '-')
            && (p.charAt(2) == 'x' || p.charAt(2) == '-')
            && (p.charAt(3) == 's' || p.charAt(3) == 'p');
    }
}
