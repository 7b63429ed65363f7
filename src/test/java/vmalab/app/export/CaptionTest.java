package vmalab.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vmalab.io.Limits;

class CaptionTest {
    @Test
    void aLongCaptionPartIsCutToTheLimitWithAnEllipsis() {
        String name = "p".repeat(1_000_000);
        Caption c = Caption.of(name, 1, 3, "exec " + name + " x86_64", "told " + name);
        for (String part : new String[] {c.heading(), c.line(), c.narration()}) {
            assertEquals(Limits.CAPTION_CHARS, part.codePointCount(0, part.length()), part.substring(0, 20));
            assertTrue(part.endsWith("…"));
        }
        assertTrue(c.line().startsWith("exec ppp"));
    }

    @Test
    void aCaptionWithinTheLimitIsKeptWhole() {
        String line = "x".repeat(Limits.CAPTION_CHARS);
        Caption c = new Caption("lesson — step 1 of 2", line, null);
        assertEquals(line, c.line());
        assertEquals("lesson — step 1 of 2", c.heading());
    }

    @Test
    void theCutNeverSplitsASurrogatePair() {
        String emoji = "\uD83D\uDE00";
        Caption c = new Caption(emoji.repeat(Limits.CAPTION_CHARS + 5), null, null);
        String h = c.heading();
        assertEquals(Limits.CAPTION_CHARS, h.codePointCount(0, h.length()));
        assertTrue(h.startsWith(emoji) && h.endsWith(emoji + "…"));
    }
}
