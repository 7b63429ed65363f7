package vmalab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The command line's UTF-8 writer writes the bytes an OutputStreamWriter would, however the text is cut. */
class OutputUtf8Test {
    private static byte[] through(Writer w, ByteArrayOutputStream sink, String text, int[] cuts) throws Exception {
        int at = 0;
        for (int cut : cuts) {
            w.write(text, at, cut - at);
            at = cut;
        }
        w.write(text, at, text.length() - at);
        w.close();
        return sink.toByteArray();
    }

    @Test
    void randomTextCutAnywhereGivesTheSameBytesAsOutputStreamWriter() throws Exception {
        Random r = new Random(7);
        String[] pieces = {"a", "é", "→", "😀", "\n", "0x7fff", "[ anon ]", "\uD83D", "\uDE00"};
        for (int round = 0; round < 500; round++) {
            StringBuilder b = new StringBuilder();
            for (int i = r.nextInt(30); i > 0; i--) b.append(pieces[r.nextInt(pieces.length)]);
            String text = b.toString();
            int[] cuts = r.ints(r.nextInt(4), 0, text.length() + 1).sorted().toArray();
            ByteArrayOutputStream mine = new ByteArrayOutputStream();
            ByteArrayOutputStream jdk = new ByteArrayOutputStream();
            assertArrayEquals(through(new OutputStreamWriter(jdk, StandardCharsets.UTF_8), jdk, text, cuts),
                through(new Output.Utf8(mine), mine, text, cuts), () -> "text " + text.codePoints().boxed().toList());
        }
    }

    @Test
    void aSurrogatePairSplitOverTwoWritesIsOneCharacter() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        Writer w = new Output.Utf8(sink);
        w.write("a\uD83D");
        w.write("\uDE00b");
        w.close();
        assertEquals("a😀b", sink.toString(StandardCharsets.UTF_8));
    }
}
