package vmalab.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes pixels as a PNG file (8-bit RGBA, not interlaced), the format of the exports. Each row takes the
 * filter of None, Sub and Up that leaves the smallest sum of bytes (the usual heuristic), then the rows are
 * deflated as one zlib stream. Leaner than ImageIO's writer, whose start-up (its plug-in registry) and
 * five-filter search were a third of a headless export.
 */
public final class PngWriter {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int FILTER_NONE = 0;
    private static final int FILTER_SUB = 1;
    private static final int FILTER_UP = 2;
    private static final int BYTES_PER_PIXEL = 4;

    private PngWriter() {
    }

    /**
     * The PNG file of a {@code width} × {@code height} image whose pixels are {@code argb} (one int a pixel,
     * 0xAARRGGBB, not premultiplied, rows top to bottom, {@code width} ints a row).
     */
    public static byte[] encode(int width, int height, int[] argb) {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("size " + width + "×" + height);
        if (argb.length < (long) width * height) throw new IllegalArgumentException("too few pixels: " + argb.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(width * height + 1024);
        out.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8; // bits per channel
        header[9] = 6; // colour type: RGB with alpha
        // header[10..12]: deflate, adaptive filtering, no interlace (all 0)
        chunk(out, "IHDR", header, header.length);
        byte[] data = deflate(width, height, argb);
        chunk(out, "IDAT", data, data.length);
        chunk(out, "IEND", new byte[0], 0);
        return out.toByteArray();
    }

    private static byte[] deflate(int width, int height, int[] argb) {
        int stride = width * BYTES_PER_PIXEL;
        byte[] prev = new byte[stride];
        byte[] raw = new byte[stride];
        byte[][] filtered = {new byte[stride + 1], new byte[stride + 1], new byte[stride + 1]};
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, stride * height / 8));
        byte[] buf = new byte[64 * 1024];
        try {
            for (int y = 0; y < height; y++) {
                int at = y * width;
                for (int x = 0; x < width; x++) {
                    int p = argb[at + x];
                    int i = x * BYTES_PER_PIXEL;
                    raw[i] = (byte) (p >>> 16);
                    raw[i + 1] = (byte) (p >>> 8);
                    raw[i + 2] = (byte) p;
                    raw[i + 3] = (byte) (p >>> 24);
                }
                byte[] row = filtered[bestFilter(raw, prev, filtered)];
                deflater.setInput(row);
                while (!deflater.needsInput()) out.write(buf, 0, deflater.deflate(buf));
                byte[] t = prev;
                prev = raw;
                raw = t;
            }
            deflater.finish();
            while (!deflater.finished()) out.write(buf, 0, deflater.deflate(buf));
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }

    /** Fills each filtered row (its type byte first) and returns the type whose bytes sum smallest. */
    private static int bestFilter(byte[] raw, byte[] prev, byte[][] filtered) {
        byte[] none = filtered[FILTER_NONE];
        byte[] sub = filtered[FILTER_SUB];
        byte[] up = filtered[FILTER_UP];
        none[0] = FILTER_NONE;
        sub[0] = FILTER_SUB;
        up[0] = FILTER_UP;
        long sumNone = 0;
        long sumSub = 0;
        long sumUp = 0;
        for (int i = 0; i < raw.length; i++) {
            int left = i >= BYTES_PER_PIXEL ? raw[i - BYTES_PER_PIXEL] : 0;
            byte n = raw[i];
            byte s = (byte) (raw[i] - left);
            byte u = (byte) (raw[i] - prev[i]);
            none[i + 1] = n;
            sub[i + 1] = s;
            up[i + 1] = u;
            sumNone += Math.abs((int) n);
            sumSub += Math.abs((int) s);
            sumUp += Math.abs((int) u);
        }
        if (sumSub <= sumNone && sumSub <= sumUp) return FILTER_SUB;
        return sumUp <= sumNone ? FILTER_UP : FILTER_NONE;
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data, int length) {
        byte[] len = new byte[4];
        putInt(len, 0, length);
        out.writeBytes(len);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(t);
        out.write(data, 0, length);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data, 0, length);
        byte[] c = new byte[4];
        putInt(c, 0, (int) crc.getValue());
        out.writeBytes(c);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
