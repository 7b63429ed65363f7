package vmalab.viewmodel.fold;

/**
 * An mm's VMA tree at the cursor: the operation's tree frames and which of them the cursor shows ({@code frame}:
 * 0 is the tree before the operation, {@code frames() - 1} the end).
 */
public record TreeAt(TreeFrames frames, int frame, int cursor, boolean created) {
    static final TreeAt EMPTY = new TreeAt(TreeFrames.still(ShadowTree.empty()), 0, 0, false);

    /** The tree laid out as it is at the cursor. */
    public TreeShape shape() {
        return frames.shape(frame);
    }

    /** The step that led into the frame shown, or null at frame 0. */
    public TreeStep step() {
        return frame > 0 ? frames.step(frame) : null;
    }
}
