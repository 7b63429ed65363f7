package vmalab.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a real /proc/PID/smaps text: a maps line, then {@code Key:   value kB} lines, then (since 3.8) the
 * VmFlags line, for each VMA. Any field name is kept, in order, so every kernel's list reads back.
 */
public final class SmapsParser {
    private SmapsParser() {
    }

    public static Parsed<List<SmapsEntry>> parse(String file, String text) {
        List<SmapsEntry> out = new ArrayList<>();
        List<MapEntry> headers = new ArrayList<>();
        MapEntry header = null;
        List<SmapsField> fields = new ArrayList<>();
        String flags = null;
        String[] lines = MapsParser.splitLines(text);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (!line.isEmpty() && Character.digit(line.charAt(0), 16) >= 0 && !Character.isUpperCase(line.charAt(0))) {
                MapsParser.Line l = MapsParser.parseLine(line);
                if (l.problem() != null) return Parsed.failed(file, i + 1, l.problem());
                String order = MapsParser.checkOrder(headers, l.entry());
                if (order != null) return Parsed.failed(file, i + 1, order);
                if (header != null) out.add(new SmapsEntry(header, fields, flags));
                header = l.entry();
                headers.add(header);
                fields = new ArrayList<>();
                flags = null;
                continue;
            }
            if (header == null) return Parsed.failed(file, i + 1, "field before the first mapping line");
            if (flags != null) return Parsed.failed(file, i + 1, "line after VmFlags: \"" + line + "\"");
            if (line.startsWith("VmFlags:")) {
                String f = line.substring("VmFlags:".length()).trim();
                if (!f.isEmpty() && !f.matches("[a-z0-9]{2}( [a-z0-9]{2})*")) {
                    return Parsed.failed(file, i + 1, "bad VmFlags \"" + f + "\"");
                }
                flags = f;
                continue;
            }
            SmapsField field = parseField(line);
            if (field == null) return Parsed.failed(file, i + 1, "bad field line \"" + line + "\"");
            fields.add(field);
        }
        if (header != null) out.add(new SmapsEntry(header, fields, flags));
        return Parsed.ok(List.copyOf(out));
    }

    /** {@code Key:  123 kB} or {@code Key:  123}; null when the line is neither. */
    static SmapsField parseField(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) return null;
        String key = line.substring(0, colon);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_')) return null;
        }
        String rest = line.substring(colon + 1).trim();
        boolean kb = rest.endsWith(" kB");
        String number = kb ? rest.substring(0, rest.length() - 3).trim() : rest;
        if (!Hex.isDecimal(number)) return null;
        return new SmapsField(key, Long.parseUnsignedLong(number), kb);
    }
}
