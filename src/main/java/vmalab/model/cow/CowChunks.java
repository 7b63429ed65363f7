package vmalab.model.cow;

import java.util.function.IntFunction;

/**
 * The chunk table that {@link CowBytes}, {@link CowInts} and {@link CowLongs} share: a fixed-length array in
 * chunks of {@value #CHUNK} elements shared copy-on-write between copies. A copy is one clone of the chunk
 * table; the first write to a shared chunk clones that chunk only. A checkpoint of a machine with a million
 * frames thus costs what its changed chunks cost.
 *
 * @param <A> the primitive array type of one chunk
 */
abstract class CowChunks<A> {
    static final int SHIFT = 12;
    static final int CHUNK = 1 << SHIFT;
    static final int MASK = CHUNK - 1;

    private final int length;
    /** The chunks, each an {@code A}; subclasses read them with a cast. */
    final Object[] chunks;
    /** Which copy may write each chunk in place: chunks whose owner is not {@link #token} are shared. */
    private final Object[] owner;
    private Object token = new Object();

    CowChunks(int length, IntFunction<A> chunkOfSize) {
        this.length = length;
        int n = (length + MASK) >>> SHIFT;
        chunks = new Object[n];
        owner = new Object[n];
        for (int i = 0; i < n; i++) {
            chunks[i] = chunkOfSize.apply(Math.min(CHUNK, length - (i << SHIFT)));
            owner[i] = token;
        }
    }

    CowChunks(CowChunks<A> o) {
        length = o.length;
        chunks = o.chunks.clone();
        owner = o.owner.clone();
        // both sides now share every chunk: each clones a chunk before its first write to it
        o.token = new Object();
    }

    public final int length() {
        return length;
    }

    /** The chunk holding element {@code i}, made this copy's own first if it is shared. */
    @SuppressWarnings("unchecked")
    final A writable(int i) {
        int chunk = i >>> SHIFT;
        A c = (A) chunks[chunk];
        if (owner[chunk] != token) {
            c = cloneOf(c);
            chunks[chunk] = c;
            owner[chunk] = token;
        }
        return c;
    }

    abstract A cloneOf(A chunk);
}
