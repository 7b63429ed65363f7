package vmalab.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one rule for text the program reads: strict UTF-8 (a bad byte is {@code FILE:LINE: not UTF-8 …}, never
 * replaced), a leading byte-order mark skipped, words quoted in messages cut to a readable length with
 * non-printing characters shown as {@code \\uXXXX}, and names restricted to printing characters.
 */
public final class Text {
    private static final char BOM = '\ufeff';

    private Text() {
    }

    /** {@code bytes} as text, without a leading BOM; a malformed byte is an error with its line and column. */
    public static Parsed<String> decode(byte[] bytes, String fileName) {
        if (bytes.length > Limits.FILE_BYTES) {
            return Parsed.failed(fileName + ": " + bytes.length + " bytes is too large (the most is "
                + (Limits.FILE_BYTES >> 20) + " MiB)");
        }
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = d.decode(in, out, true);
        if (!r.isError()) r = d.flush(out);
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            return Parsed.failed(fileName, line, String.format(java.util.Locale.ROOT,
                "not UTF-8 (byte 0x%02x at column %d)", bytes[at] & 0xff, at - lineStart + 1));
        }
        out.flip();
        return Parsed.ok(withoutBom(out.toString()));
    }

    /**
     * Reads a text file the user named: a regular file of at most {@link Limits#FILE_BYTES}, strict UTF-8.
     * The text, or {@code NAME: cannot read (reason)}, {@code NAME: … is too large}, {@code NAME:LINE: not UTF-8 …}.
     */
    public static Parsed<String> read(java.nio.file.Path file, String name) {
        try {
            if (!java.nio.file.Files.isRegularFile(file)) {
                return Parsed.failed(name + ": cannot read (" + (java.nio.file.Files.exists(file)
                    ? "not a regular file" : "no such file") + ")");
            }
            long size = java.nio.file.Files.size(file);
            if (size > Limits.FILE_BYTES) {
                return Parsed.failed(name + ": " + size + " bytes is too large (the most is "
                    + (Limits.FILE_BYTES >> 20) + " MiB)");
            }
            return decode(java.nio.file.Files.readAllBytes(file), name);
        } catch (java.io.IOException e) {
            return Parsed.failed(name + ": cannot read (" + ProcFiles.reason(e) + ")");
        }
    }

    /** {@code s} without a leading byte-order mark. */
    public static String withoutBom(String s) {
        return !s.isEmpty() && s.charAt(0) == BOM ? s.substring(1) : s;
    }

    /** {@code "word"} for a message: cut to {@link Limits#QUOTED_CHARS} with "…", non-printing chars escaped. */
    public static String quote(String word) {
        return "\"" + shown(word, Limits.QUOTED_CHARS) + "\"";
    }

    /** {@code s} cut to {@code max} characters with "…", non-printing characters as {@code \\uXXXX}. */
    public static String shown(String s, int max) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), max) + 8);
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            if (n >= max) return b.append('…').toString();
            int c = s.codePointAt(i);
            if (printable(c)) b.appendCodePoint(c);
            else b.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));
            i += Character.charCount(c);
            n++;
        }
        return b.toString();
    }

    /** Whether {@code c} prints as itself: not a control, format, unassigned, surrogate or private-use point. */
    public static boolean printable(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.SURROGATE,
                 Character.PRIVATE_USE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }

    /** The first character of {@code s} that is neither printable nor a tab, as {@code U+0000 at column 7}; null. */
    public static String controlIn(String s) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (c != '\t' && !printable(c)) {
                return String.format(java.util.Locale.ROOT, "U+%04X at column %d", c, s.codePointCount(0, i) + 1);
            }
            i += Character.charCount(c);
        }
        return null;
    }

    /**
     * Why {@code name} cannot name a process, or null: it must be 1 to {@link Limits#NAME_CHARS} printing
     * characters without spaces or {@code :} (the {@code NAME: OP} prefix could not address it).
     */
    public static String badName(String name) {
        if (name.isEmpty()) return "a process name cannot be empty";
        if (name.length() > Limits.NAME_CHARS) {
            return "process name " + quote(name) + " is " + name.length() + " characters long (the most is "
                + Limits.NAME_CHARS + ")";
        }
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (!printable(c) || Character.isWhitespace(c)) {
                return "process name " + quote(name) + " has a character that does not print ("
                    + String.format(java.util.Locale.ROOT, "U+%04X", c) + ")";
            }
            if (c == ':') return "process name " + quote(name) + " has a \":\" (NAME: OP could not name it)";
            i += Character.charCount(c);
        }
        return null;
    }
}
