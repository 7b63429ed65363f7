package vmalab.view.tree;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Dimension2D;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.view.paint.Pen;
import vmalab.view.paint.TextFit;
import vmalab.view.paint.Type;
import vmalab.viewmodel.fold.ShadowTree;
import vmalab.viewmodel.fold.TreeFrames;
import vmalab.viewmodel.fold.TreeShape;
import vmalab.viewmodel.fold.TreeStep;

/**
 * The VMA tree picture behind {@link vmalab.view.VmaTreeView}: which frames the last operation has for the shown
 * mm, where the camera is, and painting the frame the event cursor points at, on screen or on a slide. No JavaFX
 * properties: the view feeds it the session's values.
 */
public final class TreeDiagram {
    /** Trees up to this many VMAs fit with every range readable (scrolling sideways); bigger ones fit whole. */
    public static final int LABELLED_FIT_MAX = 64;
    /** The legend's words for the label rule. */
    public static final String LEGEND_NODE = "node: vm_start–vm_end over perms name";
    public static final String LEGEND_LOD = "up to " + LABELLED_FIT_MAX + " VMAs Fit keeps every range (scroll "
        + "sideways); more: vm_end shortened (…), then perms name, then a dot; hover a node for its VMA";

    private final TreePalette palette;
    private final TreePainter painter;
    private final TreeCamera camera = new TreeCamera();
    private final FlowPane legend;
    private final Label legendNote = Legend.label(LEGEND_NODE + " · " + LEGEND_LOD);
    private TreeFrames frames = TreeFrames.still(ShadowTree.empty());
    private long shownMm = -1;
    private boolean autoFit = true;
    /** Fit shows the whole tree (double-click) rather than spacing it for its labels. */
    private boolean whole;
    private double screenGap;
    private TreeMotion motion;
    private TreeScene scene;
    private int columns;
    private Type type = Type.of(1);

    /** One frame to draw: the motion, the step, the caption. */
    private record Frame(TreePainter.Picture picture, String caption) { }

    public TreeDiagram(TreePalette palette) {
        this.palette = palette;
        this.painter = new TreePainter(palette);
        this.legend = Legend.of(
            Legend.item(palette.black, "black node"),
            Legend.item(palette.red, "red node"),
            Legend.item(palette.selected, "selected VMA"),
            Legend.item(palette.step, "step being shown"),
            Legend.item(palette.path, "find_vma path"),
            Legend.item(palette.chainBox, "vm_next list"));
        // the free text wraps in the header's VBox (a FlowPane ignores a wrapping label's max width: it was cut)
        this.legendNote.setWrapText(true);
        this.legendNote.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        setType(Type.of(1));
    }

    public FlowPane legend() {
        return legend;
    }

    /** The label rule in words, under the swatches. */
    public Label legendNote() {
        return legendNote;
    }

    /** The caption for the frame at the cursor (what {@link #paint} returns), without painting. */
    public String caption(int cursor, double progress, boolean reduceMotion, long selected) {
        return frame(cursor, progress, reduceMotion, selected).caption();
    }

    /** The type scale (the session's font scale): every font and stroke of the picture and its legend. */
    public void setType(Type t) {
        type = t;
        painter.setType(t);
        camera.setRowSizes(painter.labelRow(), painter.lineRow(), painter.topPad());
        legend.setHgap(t.px(16));
        legendNote.setFont(t.sans(14));
        for (Node n : legend.getChildren()) {
            if (n instanceof Label l) {
                l.setFont(t.sans(14));
                l.setWrapText(true);
            } else if (n instanceof HBox item) {
                item.setSpacing(t.px(6));
                for (Node c : item.getChildren()) {
                    if (c instanceof Label l) l.setFont(t.sans(14));
                    if (c instanceof Swatch s) s.setSide(t.px(16));
                }
            }
        }
    }

    /** The legend's free-text lines wrap at {@code w} rather than being cut short. */
    public void setLegendWidth(double w) {
        legendNote.setMaxWidth(Math.max(40, w));
        legend.setPrefWrapLength(Math.max(40, w));
    }

    public Type type() {
        return type;
    }

    /** Shows {@code mm}'s tree (null: none) through the frames the fold made of the operation on show. */
    public void show(Mm mm, TreeFrames folded) {
        painter.setMm(mm);
        long id = mm == null ? -1 : mm.id();
        boolean other = id != shownMm;
        frames = folded == null ? TreeFrames.still(ShadowTree.empty()) : folded;
        shownMm = id;
        columns = frames.end().size();
        if (other) autoFit = true;
    }

    /** The least picture height (px) that shows every row with a one-line label and the list under them. */
    public double neededHeight(double h) {
        painter.fitChainTo(h);
        return 2 * painter.topPad() + (frames.end().height() + 1) * painter.lineRow() + painter.chainHeight();
    }

    /** The vm_next list's height under the tree. */
    public double chainHeight() {
        return painter.chainHeight();
    }

    public int height() {
        return frames.end().height();
    }

    public int size() {
        return frames.end().size();
    }

    /** The strip (px) between the tree and the list that the screen's scroll bar takes. */
    public void setScrollGap(double px) {
        screenGap = px;
        painter.setGap(px);
    }

    public void setArea(double w, double h) {
        painter.setGap(screenGap);
        camera.setRowSizes(painter.labelRow(), painter.lineRow(), painter.topPad());
        painter.fitChainTo(h);
        camera.setArea(w, h - painter.chainHeight(), frames.end().height() + 1, columns);
        if (autoFit) applyFit();
    }

    public void fit() {
        autoFit = true;
        whole = false;
        applyFit();
    }

    /** The whole tree in view (and kept so as the tree changes) until the next Fit, pan or zoom. */
    public void fitWhole() {
        autoFit = true;
        whole = true;
        applyFit();
    }

    /**
     * Fit: a tree of up to {@link #LABELLED_FIT_MAX} VMAs is spaced so every node has room for its range (the
     * widest shortened range decides the columns; two lines with perms and name when the rows are tall enough)
     * and scrolls sideways from its root; a bigger one is fitted whole and the level-of-detail rule shortens
     * the labels it has no room for.
     */
    private void applyFit() {
        TreeShape s = frames.end();
        if (whole || s.size() == 0 || s.size() > LABELLED_FIT_MAX) {
            camera.setMargin(0);
            camera.fit(columns);
            return;
        }
        double half = labelledHalfWidth(s);
        camera.setMargin(half + 2);
        int root = 0;
        for (int i = 0; i < s.size(); i++) if (s.parent(i) < 0) root = i;
        // two nodes of one row are at least two columns apart (their common ancestor lies between them)
        camera.fitLabels(columns, half + Math.max(3, type.px(4)), root + 0.5);
    }

    /**
     * Half the width of the widest node in the form the labelled Fit spaces the columns for: of the forms that show
     * the range and fit the rows' height, the one whose widest node is narrowest (the earlier, richer one on a tie).
     */
    private double labelledHalfWidth(TreeShape s) {
        double rowH = camera.rowHeightAt(Double.MAX_VALUE);
        double[] widest = new double[NodeLabels.RANGE_FORMS];
        boolean[] fits = new boolean[NodeLabels.RANGE_FORMS];
        java.util.Arrays.fill(fits, true);
        for (int i = 0; i < s.size(); i++) {
            List<NodeLook> forms = painter.labels().forms(painter.mm(), s.vma(i), s.key(i));
            for (int k = 0; k < widest.length; k++) {
                NodeLook lk = forms.get(Math.min(k, forms.size() - 1));
                widest[k] = Math.max(widest[k], lk.halfWidth());
                // the rule TreeScene places by: a label stays within its row's height
                if (lk.up() + lk.down() > rowH - 4) fits[k] = false;
            }
        }
        double best = Double.MAX_VALUE;
        for (int k = 0; k < widest.length; k++) if (fits[k] && widest[k] < best - 0.5) best = widest[k];
        return best == Double.MAX_VALUE ? widest[widest.length - 1] : best;
    }

    /** Whether Fit keeps every label's range (a tree small enough); false: the whole tree in view. */
    public boolean labelledFit() {
        return frames.end().size() > 0 && frames.end().size() <= LABELLED_FIT_MAX;
    }

    /**
     * The horizontal scroll: least and greatest centre column, the centre now and the columns in view (equal
     * least and greatest: the whole width is in view).
     */
    public double[] hScroll() {
        double[] r = camera.centreRange();
        return new double[] {r[0], r[1], camera.centreCol(), camera.viewColumns()};
    }

    /** The vertical scroll: the greatest pan (0: the tree is no taller than the view), the pan now, the view's height. */
    public double[] vScroll() {
        return new double[] {Math.max(0, camera.contentHeight() - camera.height()), camera.panY(), camera.height()};
    }

    public void scrollTo(double centreCol, double panY) {
        autoFit = false;
        camera.setCentre(centreCol);
        camera.setPanY(panY);
    }

    public void pan(double dx, double dy) {
        autoFit = false;
        camera.pan(dx, dy, columns);
    }

    public void zoomAt(double factor, double x) {
        autoFit = false;
        camera.zoomAt(factor, x, columns);
    }

    public double zoom() {
        return camera.sx();
    }

    /** Zooms to label size around the node of {@code key}, if there is one. */
    public void centreOnKey(long key) {
        TreeShape s = frames.end();
        int i = key < 0 ? -1 : s.indexOfKey(key);
        if (i < 0) return;
        autoFit = false;
        camera.centreOn(i, s.depth(i), Math.max(120, slideSx()), columns);
    }

    /** Screen centre of the node of {@code key} in the picture last painted (canvas coordinates), or null. */
    public Point2D centreOf(long key) {
        TreeMotion m = motion != null ? motion : new TreeMotion(frames.end(), frames.end(), 1);
        int i = m.to().indexOfKey(key);
        return i < 0 ? null : painter.centre(camera, m, i, scene);
    }

    /**
     * Scrolls (without zooming) so the node of {@code key} is in view, when it is not; true when it moved. The
     * labelled Fit shows a part of a wide tree: a node elsewhere is a scroll away.
     */
    public boolean reveal(long key) {
        TreeShape s = frames.end();
        int i = key < 0 ? -1 : s.indexOfKey(key);
        if (i < 0) return false;
        double x = camera.screenX(i + 0.5);
        double y = camera.screenY(s.depth(i));
        boolean moved = false;
        if (x < camera.width() * 0.15 || x > camera.width() * 0.85) {
            camera.setCentre(i + 0.5);
            moved = true;
        }
        if (y < 0 || y > camera.height()) {
            camera.setPanY(camera.panY() + y - camera.height() / 2);
            moved = true;
        }
        if (moved) autoFit = false;
        return moved;
    }

    /** A point inside the node of {@code key} that shows its colour (a box's left margin, a circle's centre), or null. */
    public Point2D fillPoint(long key) {
        TreeMotion m = motion != null ? motion : new TreeMotion(frames.end(), frames.end(), 1);
        int i = m.to().indexOfKey(key);
        if (i < 0) return null;
        Point2D c = painter.centre(camera, m, i, scene);
        TreeScene.Node n = scene == null ? null : scene.node(m.to().id(i));
        if (n == null || !n.look().box()) return c;
        return new Point2D(c.getX() - n.look().halfWidth() + 2.5, c.getY());
    }

    /** vm_start of the node at (x, y), or -1. */
    public long keyAt(double x, double y) {
        Vma v = vmaAt(x, y);
        if (v != null) return v.start();
        if (motion == null) return -1;
        int i = painter.hit(camera, motion, x, y, scene);
        return i < 0 ? -1 : motion.to().key(i);
    }

    /** The VMA of the node at (x, y) in the picture last painted, or null. */
    public Vma vmaAt(double x, double y) {
        if (motion == null) return null;
        int i = painter.hit(camera, motion, x, y, scene);
        return i < 0 ? null : motion.to().vma(i);
    }

    /** The hover text for the node at (x, y), or null. */
    public String tooltipAt(double x, double y) {
        Vma v = vmaAt(x, y);
        return v == null ? null : VmaText.tooltip(painter.mm(), v);
    }

    /** The frame for the session's event cursor and progress, and its caption. */
    private Frame frame(int cursor, double progress, boolean reduceMotion, long selected) {
        TreeStep step = null;
        String caption = " ";
        TreeMotion m;
        double walked = 1;
        int k = frames.frameAtCursor(cursor);
        boolean atEnd = reduceMotion || k >= frames.frames() - 1 && progress >= 1;
        Mm mm = painter.mm();
        if (!frames.animated() || reduceMotion) {
            m = new TreeMotion(frames.end(), frames.end(), 1);
        } else {
            TreeStep st = k > 0 ? frames.step(k) : null;
            boolean moving = st != null && st.eventIndex() == cursor - 1 && progress < 1;
            m = moving ? new TreeMotion(frames.shape(k - 1), frames.shape(k), progress)
                : new TreeMotion(frames.shape(k), frames.shape(k), 1);
            if (moving) walked = progress;
            step = st;
            if (st != null) {
                caption = "step " + k + " of " + (frames.frames() - 1) + ": "
                    + TreeCaption.of(st, frames.shape(k - 1), frames.shape(k), mm);
            }
        }
        if (frames.animated() && atEnd) {
            int last = frames.frames() - 1;
            TreeStep lastStep = frames.step(last);
            step = lastStep.path().isEmpty() ? null : lastStep;
            caption = step == null ? " " : TreeCaption.of(step, frames.shape(last - 1), frames.shape(last), mm);
            walked = 1;
        }
        return new Frame(new TreePainter.Picture(m, step, selected, walked), caption);
    }

    /**
     * Paints the frame for the session's event cursor and progress on screen; returns the caption for it.
     *
     * @param cursor   events of the last result shown so far
     * @param progress 0..1 through the event at {@code cursor - 1}
     */
    public String paint(Pen g, double w, double h, int cursor, double progress, boolean reduceMotion,
                        long selected) {
        Frame f = frame(cursor, progress, reduceMotion, selected);
        painter.setGap(screenGap);
        motion = f.picture().motion();
        TreeScene s = painter.paint(g, w, h, camera, f.picture());
        scene = TreePainter.dots(camera) ? null : s;
        return f.caption();
    }

    /** The picture last painted on screen (null in the dots picture): for tests. */
    TreeScene scene() {
        return scene;
    }

    /** The scene {@code paint} would draw at this cursor with a fresh camera fitted to w × h: for tests. */
    TreeScene sceneAt(double w, double h, int cursor, double progress, long selected, Pen pen) {
        TreeCamera cam = slideCamera(w, h);
        try {
            return painter.paint(pen, w, h, cam, frame(cursor, progress, false, selected).picture());
        } finally {
            painter.setGap(screenGap);
        }
    }

    /** A camera for a slide (no scroll bar: the gap is 0 until the screen paints again). */
    private TreeCamera slideCamera(double w, double h) {
        painter.setGap(0);
        painter.fitChainTo(h);
        TreeCamera cam = new TreeCamera();
        cam.setRowSizes(painter.labelRow(), painter.lineRow(), painter.topPad());
        cam.setArea(w, h - painter.chainHeight(), frames.end().height() + 1, columns);
        cam.fit(columns);
        return cam;
    }

    /** Pixels per column at which every node has room for its full label (neighbours on a row are 2 apart). */
    private double slideSx() {
        TreeShape s = frames.end();
        NodeLabels labels = painter.labels();
        double widest = 0;
        int n = s.size();
        int stride = Math.max(1, n / 2000);
        for (int i = 0; i < n; i += stride) {
            List<NodeLook> forms = labels.forms(painter.mm(), s.vma(i), s.key(i));
            widest = Math.max(widest, 2 * forms.get(0).halfWidth());
        }
        return Math.max(40, widest / 2 + type.px(6));
    }

    /** The slide: the tree at a size that gives every node its full label (within 3840 × 2160), the list under it. */
    public Dimension2D slideSize() {
        int n = Math.max(1, frames.end().size());
        int levels = frames.end().height() + 1;
        double sx = slideSx();
        double w = Math.max(560, Math.min(3840, (n + 1) * sx + 16));
        w = Math.max(w, TextFit.width(TreeChainPainter.TITLE, type.sans(13)) + 40);
        painter.setGap(0);
        painter.fitChainTo(Double.MAX_VALUE);
        double h = 2 * painter.topPad() + levels * painter.labelRow() + painter.chainHeight();
        painter.setGap(screenGap);
        return new Dimension2D(Math.ceil(w), Math.ceil(Math.max(240, Math.min(2160, h))));
    }

    /** Paints the diagram alone, fitted to w × h, at the cursor (background included). */
    public void paintSlide(Pen g, double w, double h, int cursor, double progress, boolean reduceMotion,
                           long selected) {
        try {
            painter.paint(g, w, h, slideCamera(w, h), frame(cursor, progress, reduceMotion, selected).picture());
        } finally {
            painter.setGap(screenGap);
        }
    }

    /** The texts a node's label may show, for tests: vm_start and vm_end in the label's words. */
    static List<String> addressTexts(Vma v) {
        List<String> out = new ArrayList<>();
        out.add(VmaText.hex(v.start()));
        out.add(VmaText.hex(v.end()));
        return out;
    }
}
