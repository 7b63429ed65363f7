package vmalab.viewmodel.fold;

/**
 * The buddy allocator at the cursor: the operation's free-list states and which one the cursor shows
 * ({@code frame}: 0 before the first buddy step).
 */
public record BuddyAt(BuddyFrames frames, int frame, int cursor) {
    /** The free lists (and the blocks in hand) at the cursor. */
    public FreeListState lists() {
        return frames.state(frame);
    }

    /** The buddy step that led into the state shown, or null. */
    public BuddyFrames.Step step() {
        return frame > 0 && frames.animated() ? frames.step(frame) : null;
    }

    /** Free frames on the lists at the cursor (blocks in hand are not free). */
    public long freeFrames() {
        FreeListState s = lists();
        long n = 0;
        for (int o = 0; o < s.orders(); o++) n += (long) s.list(o).size() << o;
        return n;
    }
}
