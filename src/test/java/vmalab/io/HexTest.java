package vmalab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hex numbers as /proc and procps print them. */
class HexTest {
    @Test
    void padIsPrintfsZeroPaddedUnsignedHex() {
        Random r = new Random(3);
        long[] edges = {0, 1, 0xf, 0x10, 0x7fff_ffff_ffffL, -1, Long.MIN_VALUE};
        for (int i = 0; i < 2000; i++) {
            long v = i < edges.length ? edges[i] : r.nextLong() >>> r.nextInt(64);
            int digits = r.nextInt(20);
            String want = String.format("%" + (digits == 0 ? "" : "0" + digits) + "x", v);
            assertEquals(want, Hex.pad(v, digits), () -> Long.toHexString(v) + " in " + digits);
        }
    }

    @Test
    void valueIsTheDigitOfAsciiHexAndMinusOneForEveryOtherByte() {
        for (int b = 0; b < 256; b++) {
            char c = (char) b;
            int want = Hex.isHexDigit(c) ? Character.digit(c, 16) : -1;
            assertEquals(want, Hex.value((byte) b), "byte " + b);
        }
    }
}
