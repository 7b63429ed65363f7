package vmalab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** smaps parsed chunk by chunk while it is read gives what one parse of the whole text gives, errors too. */
class SmapsStreamTest {
    private static final String ENTRY = "%x-%x rw-p 00000000 00:00 0 %s\n"
        + "Size:                  4 kB\nRss:                   4 kB\nShared_Dirty:          0 kB\n"
        + "Private_Dirty:         4 kB\nTHPeligible:           0\nVmFlags: rd wr mr mw me ac \n";

    private static String smaps(int entries) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < entries; i++) {
            long start = 0x10000L + 0x2000L * i;
            sb.append(String.format(ENTRY, start, start + 0x1000, i % 3 == 0 ? "[anon:x]" : ""));
        }
        return sb.toString();
    }

    private static Parsed<List<SmapsEntry>> streamed(byte[] b, int chunk, boolean pmapOnly) {
        SmapsStream s = new SmapsStream(pmapOnly);
        byte[] buf = new byte[chunk];
        for (int at = 0; at < b.length; at += chunk) {
            int n = Math.min(chunk, b.length - at);
            System.arraycopy(b, at, buf, 0, n);
            s.accept(buf, n); // the buffer is reused, as ProcFiles.stream reuses it
        }
        return s.finish("x.smaps");
    }

    private static void assertSameAsOneParse(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        for (boolean pmapOnly : new boolean[] {false, true}) {
            Parsed<List<SmapsEntry>> whole = SmapsParser.parse("x.smaps", b, pmapOnly);
            for (int chunk : new int[] {1, 2, 7, 64, 181, 1000, b.length + 1}) {
                Parsed<List<SmapsEntry>> s = streamed(b, chunk, pmapOnly);
                assertEquals(whole.error(), s.error(), "chunks of " + chunk);
                assertEquals(whole.value(), s.value(), "chunks of " + chunk);
            }
        }
    }

    @Test
    void entriesAreThoseOfOneParse() {
        assertSameAsOneParse(smaps(200));
        assertSameAsOneParse("");
    }

    @Test
    void errorsAreThoseOfOneParse() {
        String text = smaps(200);
        int late = text.indexOf("Rss:", text.length() * 2 / 3);
        assertSameAsOneParse(text.substring(0, late) + "Rss: 1 kX\n" + text.substring(text.indexOf('\n', late) + 1));
        assertSameAsOneParse("Size: 4 kB\n" + text);
        int header = text.indexOf("\n", text.indexOf("VmFlags", text.length() / 2)) + 1;
        // a mapping line below the one before it, then one with a bad range
        assertSameAsOneParse(text.substring(0, header) + "00001000-00002000" + text.substring(header + 10));
        assertSameAsOneParse(text.substring(0, header) + "zz" + text.substring(header + 2));
        assertSameAsOneParse(text.substring(0, header) + "VmFlags: rd\n" + text.substring(header));
    }

    @Test
    void aFileReadsBackWithTheReadersMessages(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("smaps");
        Files.writeString(f, smaps(50));
        assertEquals(SmapsParser.parse(f.toString(), Files.readAllBytes(f)).value(), SmapsStream.read(f, false).value());
        for (Path bad : List.of(dir.resolve("nope"), dir, Path.of("/dev/zero"))) {
            assertEquals(ProcFiles.read(bad).error(), SmapsStream.read(bad, false).error(), bad.toString());
        }
    }
}
