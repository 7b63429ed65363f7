package vmalab.model.cow;

import java.util.Arrays;

/** A fixed-length array of {@code long} shared copy-on-write between copies (see {@link CowChunks}). */
public final class CowLongs extends CowChunks<long[]> {
    public CowLongs(int length, long fill) {
        super(length, n -> {
            long[] c = new long[n];
            if (fill != 0) Arrays.fill(c, fill);
            return c;
        });
    }

    private CowLongs(CowLongs o) {
        super(o);
    }

    public CowLongs copy() {
        return new CowLongs(this);
    }

    public long get(int i) {
        return ((long[]) chunks[i >>> SHIFT])[i & MASK];
    }

    public void set(int i, long v) {
        writable(i)[i & MASK] = v;
    }

    /** Adds d to element i and returns the new value. */
    public long add(int i, long d) {
        return writable(i)[i & MASK] += d;
    }

    @Override
    long[] cloneOf(long[] chunk) {
        return chunk.clone();
    }
}
