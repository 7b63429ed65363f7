package vmalab.view.tree;

/**
 * How one node is drawn at the current zoom: a three-line label box (vm_start, vm_end, perms and name), a
 * two-line box (perms, name), a circle, or a dot; with its extent around the node's centre. The centre itself
 * is always fill (the label lines leave a gap there), so a pixel test can sample the node's colour there.
 */
record NodeLook(Kind kind, double halfWidth, double up, double down) {
    enum Kind { FULL, SHORT, CIRCLE, DOT }

    static final double PAD = 5;
    static final double GAP = 8;

    /**
     * @param roomPx  pixels to the nearest node on the same row
     * @param rowH    row height in pixels
     * @param sx      pixels per column
     * @param adv     advance of one character of the label font
     * @param lh      line height of the label font
     * @param addrChars hex digits of the node's addresses
     */
    static NodeLook of(double roomPx, double rowH, double sx, double adv, double lh, int addrChars, int nameChars) {
        if (sx < TreePainter.DOT_SX) {
            double s = Math.max(2, Math.min(5, Math.round(sx * 0.5 + 3)));
            return new NodeLook(Kind.DOT, s / 2, s / 2, s / 2);
        }
        double avail = roomPx - 10;
        double full = addrChars * adv + 2 * PAD;
        double fullUp = PAD + 2 * lh + GAP / 2;
        double down = GAP / 2 + lh + PAD;
        if (rowH >= fullUp + down + 14 && avail >= full) {
            double w = Math.min(avail, Math.max(full, Math.min(nameChars, 22) * adv + 2 * PAD));
            return new NodeLook(Kind.FULL, w / 2, fullUp, down);
        }
        double shortW = 4 * adv + 2 * PAD;
        if (rowH >= 2 * down + 12 && avail >= shortW) {
            double w = Math.min(avail, Math.max(shortW, Math.min(nameChars, 22) * adv + 2 * PAD));
            return new NodeLook(Kind.SHORT, w / 2, down, down);
        }
        double r = Math.max(3, Math.min(14, Math.min(rowH * 0.3, roomPx * 0.42)));
        return new NodeLook(Kind.CIRCLE, r, r, r);
    }

    boolean box() {
        return kind == Kind.FULL || kind == Kind.SHORT;
    }
}
