package vmalab.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes pixels as a PNG file (8-bit RGBA, not interlaced), the format of the exports: rows unfiltered (filter
 * type None), deflated at the fastest level as one zlib stream. The exports are diagrams, flat colour in long
 * runs that deflate finds by itself: on fork-cow's tree (2411×606) that is 141 KB in about 85 ms from a cold
 * JVM, against 114 KB in 375 ms with a per-row choice of None/Sub/Up; ImageIO's writer (its plug-in registry,
 * a five-filter search per row) took about a third of a headless export.
 */
public final class PngWriter {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int FILTER_NONE = 0;
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
        // header[10..12]: deflate, filter method 0 (each row says its type), no interlace (all 0)
        chunk(out, "IHDR", header, header.length);
        byte[] data = deflate(width, height, argb);
        chunk(out, "IDAT", data, data.length);
        chunk(out, "IEND", new byte[0], 0);
        return out.toByteArray();
    }

    private static byte[] deflate(int width, int height, int[] argb) {
        int stride = width * BYTES_PER_PIXEL;
        byte[] row = new byte[stride + 1]; // the filter type, then the row's bytes
        row[0] = FILTER_NONE;
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, stride * height / 16));
        byte[] buf = new byte[64 * 1024];
        try {
            for (int y = 0; y < height; y++) {
                int at = y * width;
                for (int x = 0, i = 1; x < width; x++, i += BYTES_PER_PIXEL) {
                    int p = argb[at + x];
                    row[i] = (byte) (p >>> 16);
                    row[i + 1] = (byte) (p >>> 8);
                    row[i + 2] = (byte) p;
                    row[i + 3] = (byte) (p >>> 24);
                }
                deflater.setInput(row);
                while (!deflater.needsInput()) out.write(buf, 0, deflater.deflate(buf));
            }
            deflater.finish();
            while (!deflater.finished()) out.write(buf, 0, deflater.deflate(buf));
        } finally {
            deflater.end();
        }
        return out.toByteArray();
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
