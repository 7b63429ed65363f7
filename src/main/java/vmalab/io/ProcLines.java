package vmalab.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a /proc text held as bytes, walked once without copying: the parsers of maps and smaps read
 * their ASCII fields straight from the bytes and decode only a name, so 65,530 VMAs (48 MB of smaps) parse in
 * one pass. A line's end excludes its newline and a CR before it; the empty line after the last newline is
 * not a line.
 */
final class ProcLines {
    private final byte[] b;
    private final int limit;
    private int next;
    private int lineNo;
    int start;
    int end;

    ProcLines(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    /** The lines of bytes[from, to); {@code from} starts a line, and line numbers count from it. */
    ProcLines(byte[] bytes, int from, int to) {
        this.b = bytes;
        this.next = from;
        this.limit = to;
    }

    byte[] bytes() {
        return b;
    }

    /** Moves to the next line; false at the end of the text. */
    boolean next() {
        if (next >= limit) return false;
        start = next;
        int p = start;
        while (p < limit && b[p] != '\n') p++;
        next = p + 1;
        end = p > start && b[p - 1] == '\r' ? p - 1 : p;
        lineNo++;
        return true;
    }

    /** The 1-based number of the current line. */
    int lineNo() {
        return lineNo;
    }

    boolean isEmpty() {
        return start == end;
    }

    byte at(int i) {
        return b[i];
    }

    /**
     * What makes the current line's bytes not text, or null: a control character (binary data), or bytes that
     * are not UTF-8. The kernel escapes a newline in a path (seq_path's "\n" escape) and prints no other
     * control character in maps; any other byte a file name may hold is UTF-8 on a UTF-8 system.
     */
    String notText() {
        boolean ascii = true;
        for (int i = start; i < end; i++) {
            int c = b[i] & 0xff;
            if (c < 0x20 && c != '\t') return String.format(java.util.Locale.ROOT, "binary data (byte 0x%02x at column %d)", c, i - start + 1);
            if (c >= 0x80) ascii = false;
        }
        if (ascii) return null;
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, start, end - start));
            return null;
        } catch (CharacterCodingException e) {
            return "not UTF-8 text (invalid byte sequence)";
        }
    }

    /** bytes[from, to) as a String: Latin-1 when ASCII (the common case, no decoding), else UTF-8. */
    String text(int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0) return new String(b, from, to - from, StandardCharsets.UTF_8);
        }
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** The current line as text, for messages. */
    String line() {
        return text(start, end);
    }
}
