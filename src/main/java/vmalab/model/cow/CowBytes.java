package vmalab.model.cow;

/**
 * A fixed-length array of {@code byte} in chunks of {@value #CHUNK} shared copy-on-write between copies: a
 * {@link #copy()} is one clone of the chunk table, and the first write to a shared chunk clones that chunk
 * only. A checkpoint of a machine with a million frames thus costs what its changed chunks cost.
 */
public final class CowBytes {
    public static final int SHIFT = 12;
    public static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    private final int length;
    private final byte[][] chunks;
    /** Which copy may write each chunk in place: chunks whose owner is not {@link #token} are shared. */
    private final Object[] owner;
    private Object token = new Object();

    public CowBytes(int length, byte fill) {
        this.length = length;
        int n = (length + MASK) >>> SHIFT;
        chunks = new byte[n][];
        owner = new Object[n];
        for (int i = 0; i < n; i++) {
            chunks[i] = new byte[Math.min(CHUNK, length - (i << SHIFT))];
            if (fill != 0) java.util.Arrays.fill(chunks[i], fill);
            owner[i] = token;
        }
    }

    private CowBytes(CowBytes o) {
        length = o.length;
        chunks = o.chunks.clone();
        owner = o.owner.clone();
        // both sides now share every chunk: each clones a chunk before its first write to it
        o.token = new Object();
    }

    public CowBytes copy() {
        return new CowBytes(this);
    }

    public int length() {
        return length;
    }

    public byte get(int i) {
        return chunks[i >>> SHIFT][i & MASK];
    }

    public void set(int i, byte v) {
        writable(i >>> SHIFT)[i & MASK] = v;
    }

    /** Adds d to element i and returns the new value. */
    public byte add(int i, byte d) {
        byte[] c = writable(i >>> SHIFT);
        return c[i & MASK] += d;
    }

    private byte[] writable(int chunk) {
        byte[] c = chunks[chunk];
        if (owner[chunk] != token) {
            c = c.clone();
            chunks[chunk] = c;
            owner[chunk] = token;
        }
        return c;
    }
}
