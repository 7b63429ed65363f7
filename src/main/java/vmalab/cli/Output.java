package vmalab.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Standard output that notices when it fails. A PrintStream swallows a write error (a full disk, ENOSPC; the
 * reader of a pipe gone, EPIPE) and only remembers it; this writer asks after every block it passes on, so
 * {@link PrintWriter#checkError()} after a step tells the command to stop instead of computing for nobody.
 */
final class Output {
    /** The one line a command prints when its output failed. */
    static final String FAILED = "standard output failed (the disk is full or the reader closed the pipe): stopped";

    private Output() {
    }

    /** A UTF-8 writer over {@code stream} (not flushed line by line: the caller flushes once a step). */
    static PrintWriter over(PrintStream stream) {
        return new PrintWriter(new Utf8(new Checked(stream)), false);
    }

    /**
     * UTF-8 by {@link String#getBytes}, a string at a time: an OutputStreamWriter encodes through a char buffer
     * 8 KB at a time, and for the 4 MB of a 65,530-line {@code pmap -x} that cold loop was a tenth of the whole
     * command. A high surrogate at the end of one write waits for the low one of the next; one left at close is
     * written as '?', as OutputStreamWriter's encoder writes it.
     */
    static final class Utf8 extends java.io.Writer {
        private final OutputStream out;
        private String pendingHigh = "";

        Utf8(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            emit(off == 0 && len == s.length() ? s : s.substring(off, off + len));
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            emit(new String(cbuf, off, len));
        }

        @Override
        public void write(int c) throws IOException {
            emit(String.valueOf((char) c));
        }

        private void emit(String part) throws IOException {
            if (!pendingHigh.isEmpty()) {
                part = pendingHigh + part;
                pendingHigh = "";
            }
            if (!part.isEmpty() && Character.isHighSurrogate(part.charAt(part.length() - 1))) {
                pendingHigh = part.substring(part.length() - 1);
                part = part.substring(0, part.length() - 1);
            }
            if (!part.isEmpty()) out.write(part.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (!pendingHigh.isEmpty()) {
                pendingHigh = "";
                out.write('?');
            }
            out.close();
        }
    }

    /** Flushes {@code out}; true when it, or anything written before, failed. */
    static boolean failed(PrintWriter out) {
        return out.checkError();
    }

    private static final class Checked extends OutputStream {
        private final PrintStream stream;

        Checked(PrintStream stream) {
            this.stream = stream;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            stream.write(b, off, len);
            if (stream.checkError()) throw new IOException(FAILED);
        }

        @Override
        public void flush() throws IOException {
            if (stream.checkError()) throw new IOException(FAILED);
        }
    }
}
