package vmalab.io;

import java.util.List;

/**
 * What /proc/PID/pagemap said of every page of every mapping, reduced to the four states a student sees:
 * not present, present, the shared zero page, swapped out. One byte per page, one array per mapping, in maps
 * order. The capture form is {@link PagemapDump}'s text.
 *
 * @param states one array per mapping of maps, each holding one state per page
 */
public record PageStates(List<byte[]> states) {
    public static final byte NONE = 0;
    public static final byte PRESENT = 1;
    public static final byte ZERO = 2;
    public static final byte SWAPPED = 3;
    /** The letters of the dump, by state. */
    static final String LETTERS = ".PZS";

    public PageStates {
        states = List.copyOf(states);
    }

    /** Whether the page is in memory: present, the zero page included (its PTE has _PAGE_PRESENT). */
    public static boolean inMemory(byte state) {
        return state == PRESENT || state == ZERO;
    }

    /** The state of a page of the i-th mapping; NONE past what was read. */
    public byte state(int vma, long page) {
        byte[] s = states.get(vma);
        return page < s.length ? s[(int) page] : NONE;
    }

    public long count(int vma, byte state) {
        long n = 0;
        for (byte b : states.get(vma)) if (b == state) n++;
        return n;
    }

    /** One state from a raw pagemap entry: zeroPage says whether a present entry's frame is the zero page. */
    static byte of(long raw, boolean zeroPage) {
        if ((raw & PagemapEntry.PRESENT) != 0) return zeroPage ? ZERO : PRESENT;
        if ((raw & PagemapEntry.SWAPPED) != 0) return SWAPPED;
        return NONE;
    }
}
