package vmalab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** What PngWriter writes reads back, through the JDK's own PNG reader, as the same pixels. */
class PngWriterTest {
    @Test
    void randomPixelsWithAlphaReadBackExactly() throws IOException {
        int w = 37;
        int h = 23;
        int[] px = new int[w * h];
        Random r = new Random(9);
        for (int i = 0; i < px.length; i++) px[i] = r.nextInt();
        assertEquals(w * h, px.length);
        assertArrayEquals(px, readBack(PngWriter.encode(w, h, px), w, h));
    }

    @Test
    void flatAreasAndStripesCompressAndReadBack() throws IOException {
        // a diagram's kind of picture: flat paper, a box, vertical and horizontal lines, a translucent ramp
        int w = 300;
        int h = 200;
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c = 0xfff6f8fa;
                if (x > 40 && x < 120 && y > 30 && y < 90) c = 0xff2f81f7;
                if (x % 50 == 0 || y % 40 == 0) c = 0xff1f2328;
                if (x > 200) c = 0x80000000 | (x * 0x010101);
                px[y * w + x] = c;
            }
        }
        byte[] png = PngWriter.encode(w, h, px);
        assertArrayEquals(px, readBack(png, w, h));
        assertEquals(true, png.length < w * h, "deflated well below a byte a pixel: " + png.length);
    }

    @Test
    void aSizeWithNoPixelsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PngWriter.encode(0, 4, new int[0]));
        assertThrows(IllegalArgumentException.class, () -> PngWriter.encode(4, 4, new int[3]));
    }

    private static int[] readBack(byte[] png, int w, int h) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(w, img.getWidth());
        assertEquals(h, img.getHeight());
        return img.getRGB(0, 0, w, h, null, 0, w);
    }
}
