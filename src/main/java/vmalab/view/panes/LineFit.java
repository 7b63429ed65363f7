package vmalab.view.panes;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javafx.scene.text.Font;
import vmalab.view.paint.TextFit;

/**
 * A /proc/PID/maps or pmap line fitted to a width on purpose, in these forms, longest first: the whole line; the
 * line with its path's middle cut out (the file name stays: {@code /usr/lib/…/libc.so.6}); the address, the
 * permissions and the file name; the same with the name's middle cut; the line's start. The caller shows the
 * whole line in a tooltip whenever the form differs from it.
 */
public final class LineFit {
    /** maps: start-end perms offset dev inode path; pmap -x: address kbytes rss dirty mode mapping. */
    private static final int PATH_FIELD = 5;
    private static final Pattern PERMS = Pattern.compile("[r-][w-][x-][a-zA-Z-]{1,3}");
    /** Fewer characters than this left for a path: it goes, the compact form follows. */
    private static final int MIN_PATH_CHARS = 8;

    private LineFit() {
    }

    public static String fit(String line, Font f, double maxWidth) {
        if (line.isEmpty() || TextFit.fits(line, f, maxWidth)) return line;
        int tailAt = fieldStart(line, PATH_FIELD);
        double minPath = TextFit.width("m".repeat(MIN_PATH_CHARS), f);
        if (tailAt > 0) {
            String head = line.substring(0, tailAt);
            String tail = line.substring(tailAt);
            double room = maxWidth - TextFit.width(head, f);
            if (room >= Math.min(minPath, TextFit.width(tail, f))) {
                String t = TextFit.middle(tail, f, room);
                if (!t.isEmpty()) return head + t;
            }
        }
        List<String> fields = fields(line);
        String perms = null;
        for (int i = 1; i < fields.size() && i < PATH_FIELD; i++) {
            if (PERMS.matcher(fields.get(i)).matches()) perms = fields.get(i);
        }
        if (perms != null) {
            String lead = fields.get(0) + " " + perms;
            String name = tailAt > 0 ? fileName(line.substring(tailAt).strip()) : "";
            String compact = name.isEmpty() ? lead : lead + " " + name;
            if (TextFit.fits(compact, f, maxWidth)) return compact;
            double room = maxWidth - TextFit.width(lead + " ", f);
            if (!name.isEmpty() && room >= minPath) return lead + " " + TextFit.middle(name, f, room);
            if (TextFit.fits(lead, f, maxWidth)) return lead;
        }
        return TextFit.end(line, f, maxWidth);
    }

    /** The index where the n-th (0-based) whitespace-separated field starts, or -1. */
    static int fieldStart(String line, int n) {
        int field = -1;
        boolean inField = false;
        for (int i = 0; i < line.length(); i++) {
            boolean space = Character.isWhitespace(line.charAt(i));
            if (!space && !inField) {
                field++;
                if (field == n) return i;
            }
            inField = !space;
        }
        return -1;
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        for (String s : line.strip().split("\\s+")) if (!s.isEmpty()) out.add(s);
        return out;
    }

    private static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return slash >= 0 && slash < path.length() - 1 ? path.substring(slash + 1) : path;
    }

    /**
     * The VMA start a maps or pmap line is about: its first field's hex number (before a '-'), or -1 for a
     * header, a total or a blank line.
     */
    public static long startOf(String line) {
        String s = line.strip();
        int end = 0;
        while (end < s.length() && Character.digit(s.charAt(end), 16) >= 0) end++;
        if (end == 0 || end > 16) return -1;
        if (end < s.length() && s.charAt(end) != '-' && !Character.isWhitespace(s.charAt(end))) return -1;
        // a pmap address is 16 digits, a maps range has its '-'; a bare short number is something else
        if (end < s.length() && s.charAt(end) != '-' && end < 8) return -1;
        return Long.parseUnsignedLong(s.substring(0, end), 16);
    }
}
