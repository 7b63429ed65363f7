package vmalab.model.cow;

import java.util.Arrays;

/** A fixed-length array of {@code int} shared copy-on-write between copies (see {@link CowChunks}). */
public final class CowInts extends CowChunks<int[]> {
    public CowInts(int length, int fill) {
        super(length, n -> {
            int[] c = new int[n];
            if (fill != 0) Arrays.fill(c, fill);
            return c;
        });
    }

    private CowInts(CowInts o) {
        super(o);
    }

    public CowInts copy() {
        return new CowInts(this);
    }

    public int get(int i) {
        return ((int[]) chunks[i >>> SHIFT])[i & MASK];
    }

    public void set(int i, int v) {
        writable(i)[i & MASK] = v;
    }

    /** Adds d to element i and returns the new value. */
    public int add(int i, int d) {
        return writable(i)[i & MASK] += d;
    }

    @Override
    int[] cloneOf(int[] chunk) {
        return chunk.clone();
    }
}
