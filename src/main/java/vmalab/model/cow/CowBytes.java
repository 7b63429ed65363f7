package vmalab.model.cow;

import java.util.Arrays;

/** A fixed-length array of {@code byte} shared copy-on-write between copies (see {@link CowChunks}). */
public final class CowBytes extends CowChunks<byte[]> {
    public CowBytes(int length, byte fill) {
        super(length, n -> {
            byte[] c = new byte[n];
            if (fill != 0) Arrays.fill(c, fill);
            return c;
        });
    }

    private CowBytes(CowBytes o) {
        super(o);
    }

    public CowBytes copy() {
        return new CowBytes(this);
    }

    public byte get(int i) {
        return ((byte[]) chunks[i >>> SHIFT])[i & MASK];
    }

    public void set(int i, byte v) {
        writable(i)[i & MASK] = v;
    }

    /** Adds d to element i and returns the new value. */
    public byte add(int i, byte d) {
        return writable(i)[i & MASK] += d;
    }

    @Override
    byte[] cloneOf(byte[] chunk) {
        return chunk.clone();
    }
}
