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
        return new PrintWriter(new OutputStreamWriter(new Checked(stream), StandardCharsets.UTF_8), false);
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
