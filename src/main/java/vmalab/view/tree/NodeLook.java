package vmalab.view.tree;

/**
 * How one node is drawn: a label box (text lines above and below its centre) or a plain circle, with its extent
 * around the node's centre. A box keeps a gap at its centre free of text, so the node's colour shows there.
 */
record NodeLook(Kind kind, double halfWidth, double up, double down, String[] above, String[] below) {
    enum Kind { BOX, CIRCLE }

    static NodeLook circle(double r) {
        return new NodeLook(Kind.CIRCLE, r, r, r, new String[0], new String[0]);
    }

    boolean box() {
        return kind == Kind.BOX;
    }

    /** Left, top, right, bottom around a centre at (x, y). */
    double[] rect(double x, double y) {
        return new double[] {x - halfWidth, y - up, x + halfWidth, y + down};
    }

    /** Every text line of the box, top to bottom. */
    String[] lines() {
        String[] all = new String[above.length + below.length];
        System.arraycopy(above, 0, all, 0, above.length);
        System.arraycopy(below, 0, all, above.length, below.length);
        return all;
    }
}
