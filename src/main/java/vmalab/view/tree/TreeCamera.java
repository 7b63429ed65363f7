package vmalab.view.tree;

/**
 * Where the tree is on the canvas. Horizontally, {@code sx} pixels per column (the zoom) around the column at the
 * middle of the view; vertically the rows fit the height when the tree is zoomed out and grow with the zoom up
 * to a label's height (then the tree pans vertically too). Screen positions are of node centres.
 */
final class TreeCamera {
    static final double MIN_SX = 0.002;
    static final double MAX_SX = 400;
    /** A row tall enough for a full three-line label box, at 100 %. */
    static final double LABEL_ROW = 92;
    static final double TOP_PAD = 26;

    private double labelRow = LABEL_ROW;
    private double minRow = 32;
    private double topPad = TOP_PAD;
    /** How far (px) the outermost nodes' labels reach past their centres: the scroll range keeps them in view. */
    private double margin;
    private int columns = 1;

    private double sx = 60;
    private double centreCol;
    private double panY;
    private double width = 1;
    private double height = 1;
    private int levels = 1;

    /** The tree area's size, the number of rows of the tree drawn and its number of columns. */
    void setArea(double w, double h, int treeLevels, int treeColumns) {
        width = Math.max(1, w);
        height = Math.max(1, h);
        levels = Math.max(1, treeLevels);
        columns = Math.max(1, treeColumns);
        clampPan();
    }

    /**
     * The row height a full label needs, the least a one-line label needs (zoomed in past Fit the rows are never
     * lower: the tree pans vertically instead) and the margin above the root; all grow with the font scale.
     */
    void setRowSizes(double fullLabelRow, double oneLineRow, double top) {
        labelRow = Math.max(20, fullLabelRow);
        minRow = Math.min(labelRow, Math.max(12, oneLineRow));
        topPad = Math.max(2, top);
        clampPan();
    }

    /** How far labels reach left and right of the outermost nodes. */
    void setMargin(double px) {
        margin = Math.max(0, px);
        clampCentre(columns);
    }

    /** The zoom at which every column is in view. */
    double fitSx() {
        return clamp((width - 16) / (columns + 1.0), MIN_SX, MAX_SX);
    }

    double sx() { return sx; }
    double width() { return width; }
    double height() { return height; }

    /**
     * At Fit and below the rows share the height (never taller than a full label needs); zoomed in, they grow with
     * the zoom up to a full label's height, and the tree pans vertically too.
     */
    double rowHeight() {
        return rowHeightAt(sx);
    }

    /** The row height at zoom {@code atSx}. */
    double rowHeightAt(double atSx) {
        double fit = Math.max(8, (height - 2 * topPad) / levels);
        double base = Math.min(fit, labelRow);
        return atSx <= fitSx() * 1.0001 ? base : Math.max(base, minRow);
    }

    double screenX(double col) {
        return (col - centreCol) * sx + width / 2;
    }

    double screenY(double depth) {
        return topPad + rowHeight() * (depth + 0.5) - panY;
    }

    /** The column nearest to screen x (may be outside the tree). */
    double colAt(double x) {
        return (x - width / 2) / sx + centreCol;
    }

    double depthAt(double y) {
        return (y + panY - topPad) / rowHeight() - 0.5;
    }

    void zoomAt(double factor, double x, int columns) {
        double col = colAt(x);
        sx = clamp(sx * factor, MIN_SX, MAX_SX);
        centreCol = col - (x - width / 2) / sx;
        clampCentre(columns);
        clampPan();
    }

    void pan(double dx, double dy, int columns) {
        centreCol -= dx / sx;
        panY -= dy;
        clampCentre(columns);
        clampPan();
    }

    /** Every column in view, rows fitting the height. */
    void fit(int columns) {
        this.columns = Math.max(1, columns);
        sx = fitSx();
        centreCol = columns / 2.0;
        panY = 0;
        clampPan();
    }

    /**
     * The labelled Fit: {@code labelSx} pixels per column (at least every column in view), the rows sharing the
     * height (never lower than a one-line label), centred on column {@code col} (the root); the tree scrolls.
     */
    void fitLabels(int columns, double labelSx, double col) {
        this.columns = Math.max(1, columns);
        sx = clamp(Math.max(fitSx(), labelSx), MIN_SX, MAX_SX);
        centreCol = col;
        panY = 0;
        clampCentre(columns);
        clampPan();
    }

    double centreCol() { return centreCol; }
    double panY() { return panY; }

    /** The columns the view is wide. */
    double viewColumns() {
        return width / sx;
    }

    /** The least and greatest centre column: the labels of the first and last node just in view. */
    double[] centreRange() {
        double m = margin / sx;
        double lo = 0.5 - m + viewColumns() / 2;
        double hi = columns - 0.5 + m - viewColumns() / 2;
        return lo > hi ? new double[] {columns / 2.0, columns / 2.0} : new double[] {lo, hi};
    }

    /** The tree's height (px) at this zoom: taller than the view when the tree pans vertically. */
    double contentHeight() {
        return 2 * topPad + rowHeight() * levels;
    }

    void setCentre(double col) {
        centreCol = col;
        clampCentre(columns);
    }

    void setPanY(double y) {
        panY = y;
        clampPan();
    }

    /** Zooms to a readable label size (at least {@code minSx}) and centres on a node. */
    void centreOn(double col, int depth, double minSx, int columns) {
        sx = clamp(Math.max(sx, minSx), MIN_SX, MAX_SX);
        centreCol = col + 0.5;
        clampCentre(columns);
        double y = topPad + rowHeight() * (depth + 0.5);
        panY = y - height / 2;
        clampPan();
    }

    private void clampCentre(int columns) {
        this.columns = Math.max(1, columns);
        double[] r = centreRange();
        centreCol = clamp(centreCol, r[0], r[1]);
    }

    private void clampPan() {
        double content = 2 * topPad + rowHeight() * levels;
        panY = clamp(panY, 0, Math.max(0, content - height));
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
