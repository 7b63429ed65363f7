package vmalab.view.tree;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import vmalab.model.mm.Mm;
import vmalab.model.rbtree.RbStep;
import vmalab.view.paint.Pen;
import vmalab.view.paint.TextFit;
import vmalab.view.paint.Type;
import vmalab.viewmodel.fold.TreeShape;
import vmalab.viewmodel.fold.TreeStep;

/**
 * Paints a tree state (or the motion between two) with a {@link Pen}: edges, nodes with their labels
 * ({@link TreeScene} decides which label each node has room for), the step being shown, find_vma's path, the
 * selection; then the vm_next list along the bottom. Only the columns in view are visited, so a frame costs
 * O(visible + depth); below {@link #DOT_SX} pixels per column nodes go into a pixel buffer and only the step's,
 * the selected and the top two rows' nodes get labels.
 */
final class TreePainter {
    static final double DOT_SX = 5;
    private static final double MARGIN = 160;

    /**
     * What to draw: a motion between frames, the step that leads into the target, the selected vm_start, and how
     * far find_vma's walk has got (0..1).
     */
    record Picture(TreeMotion motion, TreeStep step, long selectedKey, double walked) { }

    private final TreePalette pal;
    private final PixelLayer pixels = new PixelLayer();
    private final TreeChainPainter chain;
    private final NodeLabels labels = new NodeLabels();
    private Type type = Type.of(1);
    private Font badgeFont = Font.font(Type.SANS, 13);
    /** The mm whose tree is drawn: names [heap] and [stack]. */
    private Mm mm;
    private double gap;

    TreePainter(TreePalette pal) {
        this.pal = pal;
        this.chain = new TreeChainPainter(pal);
        setType(Type.of(1));
    }

    void setType(Type t) {
        type = t;
        labels.setType(t);
        badgeFont = t.bold(12);
        chain.setType(t, labels.font());
    }

    Type type() { return type; }
    NodeLabels labels() { return labels; }

    void setMm(Mm m) {
        mm = m;
    }

    Mm mm() { return mm; }

    /** The vm_next list's height, and the strip above it kept for the view's scroll bar. */
    double chainHeight() {
        return chain.height() + gap;
    }

    /** Keeps {@code px} under the tree free (the screen's scroll bar sits there; slides keep none). */
    void setGap(double px) {
        gap = Math.max(0, px);
    }

    /** Sizes the vm_next list for a picture {@code h} px high. */
    void fitChainTo(double h) {
        chain.fitTo(h);
    }

    /** The margin above the root and under the last row (the boxes are centred on their nodes). */
    double topPad() {
        return Math.round(type.px(6));
    }

    /** Room between the boxes of two rows, for the edges joining them. */
    double edgeRoom() {
        return Math.max(8, Math.round(type.px(8)));
    }

    /** A row tall enough for the two-line label and its edges. */
    double labelRow() {
        return labels.fullHeight() + edgeRoom();
    }

    /** A row tall enough for a one-line label and its edges. */
    double lineRow() {
        return labels.lineBoxHeight() + edgeRoom();
    }

    private double radius(TreeCamera cam) {
        return Math.max(3, Math.min(type.px(12), Math.min(cam.rowHeight() * 0.3, cam.sx() * 0.8)));
    }

    /** Screen centre of node i of the motion's target, as drawn in {@code last} (null: the dots picture). */
    Point2D centre(TreeCamera cam, TreeMotion m, int i, TreeScene last) {
        if (last != null) {
            TreeScene.Node n = last.node(m.to().id(i));
            if (n != null && !n.ghost()) return new Point2D(n.x(), n.y());
        }
        return new Point2D(cam.screenX(m.col(i) + 0.5), cam.screenY(m.row(i)));
    }

    /** The node of the target under (x, y), or -1. */
    int hit(TreeCamera cam, TreeMotion m, double x, double y, TreeScene last) {
        TreeShape s = m.to();
        if (s.size() == 0) return -1;
        if (last != null) {
            TreeScene.Node n = last.at(x, y);
            return n == null ? -1 : s.indexOfId(n.id());
        }
        int c = (int) Math.floor(cam.colAt(x));
        int best = -1;
        double bestD = 36;
        for (int i = Math.max(0, c - 3); i <= Math.min(s.size() - 1, c + 3); i++) {
            Point2D p = centre(cam, m, i, null);
            double d = p.distance(x, y);
            if (d * d < bestD * bestD) {
                best = i;
                bestD = d;
            }
        }
        return best;
    }

    static boolean dots(TreeCamera cam) {
        return cam.sx() < DOT_SX;
    }

    /**
     * Paints the picture; returns the scene drawn (the positions and looks of the nodes; in the dots picture only
     * the labelled ones).
     */
    TreeScene paint(Pen g, double w, double h, TreeCamera cam, Picture pic) {
        TreeMotion m = pic.motion();
        TreeShape s = m.to();
        chain.fitTo(h);
        double treeH = h - chain.height() - gap;
        int n = s.size();
        boolean tiny = h < 2 * type.px(12);
        boolean dots = !tiny && n > 0 && dots(cam);
        g.setFill(pal.background.color());
        // the dots' layer is opaque over the tree's part: under the software pipeline a full-size fill under it
        // is a pass over every pixel of the frame for nothing
        if (dots) g.fillRect(0, Math.floor(treeH), w, h - Math.floor(treeH));
        else g.fillRect(0, 0, w, h);
        // no room for one row of the tree (a pane squeezed by its header): nothing but the background
        if (tiny) return new TreeScene();
        if (n == 0) {
            chain.paintEmpty(g, w, h);
            return new TreeScene();
        }
        int lo = (int) Math.max(0, Math.floor(cam.colAt(-MARGIN)) - 2);
        int hi = (int) Math.min(n - 1, Math.ceil(cam.colAt(w + MARGIN)) + 2);
        if (dots) paintDots(g, w, h, treeH, cam, m, lo, hi);
        TreeScene scene = dots ? dotsScene(cam, m, pic, w, treeH) : scene(cam, m, pic, w, treeH, lo, hi);
        TreeSet<Integer> must = new TreeSet<>();
        for (int id : firstIds(m, pic)) {
            int i = s.indexOfId(id);
            if (i >= 0) must.add(s.rank(i));
        }
        // a picture lower than the list itself (the header took the pane) draws the tree alone
        boolean chainFits = h >= chain.height() + 2 * type.px(12);
        if (chainFits) {
            chain.paint(g, w, h, cam, m, lo, hi, pic.selectedKey(), must);
            paintSelectedLink(g, m, scene, pic.selectedKey(), treeH, h);
        }
        g.save();
        g.beginPath();
        g.rect(0, 0, w, treeH);
        g.clip();
        if (!dots) paintEdges(g, scene);
        paintStepEdges(g, cam, scene, pic);
        paintNodes(g, scene, dots);
        paintRings(g, scene, m, pic, w, treeH);
        g.restore();
        return scene;
    }

    /** The ids labelled before all others: the step's nodes, find_vma's path so far, the selected node. */
    private List<Integer> firstIds(TreeMotion m, Picture pic) {
        List<Integer> ids = new ArrayList<>();
        TreeStep st = pic.step();
        if (st != null) {
            if (st.subject() >= 0) ids.add(st.subject());
            if (st.other() >= 0) ids.add(st.other());
            int partner = rotatePartner(m, st);
            if (partner >= 0) ids.add(partner);
            List<Integer> path = st.path();
            int shown = pathShown(st, pic);
            for (int k = 0; k < shown; k++) ids.add(path.get(k));
        }
        if (pic.selectedKey() >= 0) {
            int i = m.to().indexOfKey(pic.selectedKey());
            if (i >= 0) ids.add(m.to().id(i));
        }
        return ids;
    }

    /** The node a rotation turns about with the pivot: the pivot's parent once rotated. */
    private static int rotatePartner(TreeMotion m, TreeStep st) {
        if (!(st.step() instanceof RbStep.Rotate)) return -1;
        TreeShape s = m.to();
        int i = s.indexOfId(st.subject());
        return i >= 0 && s.parent(i) >= 0 ? s.id(s.parent(i)) : -1;
    }

    private static int pathShown(TreeStep step, Picture pic) {
        int len = step.path().size();
        return pic.walked() < 1 ? Math.min(len, (int) Math.ceil(pic.walked() * len)) : len;
    }

    /**
     * The nodes and edges of this frame. While the step's nodes are lit (the first stage of a step) the old tree
     * is drawn as it was; then the new tree's nodes move, and the node that leaves fades where it was.
     */
    private TreeScene scene(TreeCamera cam, TreeMotion m, Picture pic, double w, double treeH, int lo, int hi) {
        TreeScene.Builder b = new TreeScene.Builder(labels, mm, w, treeH, cam.rowHeight(), radius(cam));
        boolean old = m.moving() && m.holding();
        TreeShape s = old ? m.from() : m.to();
        int n = s.size();
        int from = Math.min(lo, n - 1);
        int to = Math.min(hi, n - 1);
        Set<Integer> cols = new LinkedHashSet<>();
        for (int i = from; i <= to; i++) cols.add(i);
        // the ancestors of the first node in view: edges over the view with both ends outside it
        for (int p = from >= 0 ? s.parent(from) : -1; p >= 0; p = s.parent(p)) cols.add(p);
        for (int i : cols) {
            double x = old ? cam.screenX(i + 0.5) : cam.screenX(m.col(i) + 0.5);
            double y = old ? cam.screenY(s.depth(i)) : cam.screenY(m.row(i));
            double red = old ? (s.red(i) ? 1 : 0) : m.redness(i);
            b.node(s.id(i), s, i, x, y, red, old ? 1 : m.alpha(i), false);
        }
        for (int i : cols) {
            int p = s.parent(i);
            if (p < 0) continue;
            double x1 = old ? cam.screenX(i + 0.5) : cam.screenX(m.col(i) + 0.5);
            double y1 = old ? cam.screenY(s.depth(i)) : cam.screenY(m.row(i));
            double x2 = old ? cam.screenX(p + 0.5) : cam.screenX(m.col(p) + 0.5);
            double y2 = old ? cam.screenY(s.depth(p)) : cam.screenY(m.row(p));
            b.edge(s.id(i), s.id(p), x1, y1, x2, y2);
        }
        TreeStep st = pic.step();
        if (!old && st != null && st.step() instanceof RbStep.Unlink) {
            int j = m.vanished(st.subject());
            if (j >= 0) {
                TreeShape f = m.from();
                b.node(st.subject(), f, j, cam.screenX(j + 0.5), cam.screenY(f.depth(j)), f.red(j) ? 1 : 0,
                    m.leaving(), true);
            }
        }
        return b.build(new LinkedHashSet<>(firstIds(m, pic)), pathIds(pic), this::badgeRect);
    }

    /** The dots picture's labels: the step's and selected nodes, and the top two rows. */
    private TreeScene dotsScene(TreeCamera cam, TreeMotion m, Picture pic, double w, double treeH) {
        TreeScene.Builder b = new TreeScene.Builder(labels, mm, w, treeH, cam.rowHeight(), radius(cam));
        TreeShape s = m.to();
        Set<Integer> wanted = new LinkedHashSet<>(firstIds(m, pic));
        for (int i : topTwoRows(s)) wanted.add(s.id(i));
        for (int id : wanted) {
            int i = s.indexOfId(id);
            if (i < 0) continue;
            b.node(id, s, i, cam.screenX(m.col(i) + 0.5), cam.screenY(m.row(i)), m.redness(i), 1, false);
        }
        return b.build(new LinkedHashSet<>(firstIds(m, pic)), pathIds(pic), this::badgeRect);
    }

    /**
     * The root and its children, in column order, without a pass over every node (65,530 at a frame): they are the
     * ancestors, up to depth 1, of the first and the last column.
     */
    static int[] topTwoRows(TreeShape s) {
        TreeSet<Integer> top = new TreeSet<>();
        for (int end : new int[] {0, s.size() - 1}) {
            for (int i = end; i >= 0; i = s.parent(i)) if (s.depth(i) <= 1) top.add(i);
        }
        return top.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Set<Integer> pathIds(Picture pic) {
        return pic.step() == null ? Set.of() : new HashSet<>(pic.step().path());
    }

    private double badgeR() {
        return Math.max(11, type.px(10));
    }

    /** A badge sits at the top right of its node (inside the picture's top). */
    private double[] badgeRect(double x, double y, NodeLook lk) {
        double r = badgeR();
        double bx = x + Math.max(lk.halfWidth(), 4) + r + 2;
        double by = y - Math.max(lk.up(), 4) + r;
        return new double[] {bx - r, by - r, bx + r, by + r};
    }

    private void paintEdges(Pen g, TreeScene scene) {
        g.setStroke(pal.edge.color());
        g.setLineWidth(type.line(2));
        for (TreeScene.Edge e : scene.edges) g.strokeLine(e.x1(), e.y1(), e.x2(), e.y2());
    }

    private void paintDots(Pen g, double w, double h, double treeH, TreeCamera cam, TreeMotion m, int lo, int hi) {
        TreeShape s = m.to();
        pixels.clear((int) Math.ceil(w), (int) Math.ceil(treeH), pal.background.argb());
        // thousands of edges per row would merge into a slab of edge colour: fade them so the dots read
        int edge = Swatch.toArgb(pal.edge.color().interpolate(pal.background.color(), 0.7));
        int red = pal.red.argb();
        int black = pal.black.argb();
        int size = (int) Math.max(2, Math.min(Math.min(5, Math.round(cam.sx() * 0.5 + 3)), cam.rowHeight() * 0.6));
        int levels = s.height() + 1;
        int[] lastX = new int[levels];
        java.util.Arrays.fill(lastX, Integer.MIN_VALUE);
        for (int i = lo; i <= hi; i++) {
            int p = s.parent(i);
            double x = cam.screenX(m.col(i) + 0.5);
            int d = s.depth(i);
            if (p < 0 || (int) x == lastX[d]) continue;
            lastX[d] = (int) x;
            double y = cam.screenY(m.row(i));
            double py = cam.screenY(m.row(p));
            if (y > treeH + 4 && py > treeH) continue;
            pixels.line(x, Math.min(y, treeH), cam.screenX(m.col(p) + 0.5), Math.min(py, treeH), edge);
        }
        for (int c = lo, p = s.parent(lo); p >= 0; c = p, p = s.parent(p)) {
            if (c < lo || c > hi) {
                pixels.line(cam.screenX(m.col(c) + 0.5), cam.screenY(m.row(c)), cam.screenX(m.col(p) + 0.5),
                    cam.screenY(m.row(p)), edge);
            }
        }
        java.util.Arrays.fill(lastX, Integer.MIN_VALUE);
        for (int i = lo; i <= hi; i++) {
            double x = cam.screenX(m.col(i) + 0.5);
            int d = s.depth(i);
            if ((int) x == lastX[d]) continue;
            lastX[d] = (int) x;
            double y = cam.screenY(m.row(i));
            if (y > treeH) continue;
            pixels.dot(x, y, size, m.redness(i) >= 0.5 ? red : black);
        }
        pixels.drawTo(g, 0, 0);
    }

    private Color fill(double redness) {
        Color b = pal.black.color();
        return redness <= 0 ? b : redness >= 1 ? pal.red.color() : b.interpolate(pal.red.color(), redness);
    }

    /** Circles first, then label boxes, the step's and selected nodes' on top. */
    private void paintNodes(Pen g, TreeScene scene, boolean dots) {
        if (!dots) {
            for (TreeScene.Node n : scene.nodes) if (!n.look().box()) drawNode(g, n);
        }
        for (TreeScene.Node n : scene.nodes) if (n.look().box() && !n.priority()) drawNode(g, n);
        for (TreeScene.Node n : scene.nodes) if (n.look().box() && n.priority()) drawNode(g, n);
    }

    private void drawNode(Pen g, TreeScene.Node n) {
        NodeLook lk = n.look();
        double x = n.x();
        double y = n.y();
        g.setGlobalAlpha(n.alpha());
        g.setFill(fill(n.redness()));
        if (lk.box()) {
            double arc = type.px(12);
            g.fillRoundRect(x - lk.halfWidth(), y - lk.up(), 2 * lk.halfWidth(), lk.up() + lk.down(), arc, arc);
            if (n.ghost()) {
                g.setStroke(pal.step.color());
                g.setLineWidth(type.line(2));
                g.setLineDashes(6, 4);
                g.strokeRoundRect(x - lk.halfWidth(), y - lk.up(), 2 * lk.halfWidth(), lk.up() + lk.down(), arc, arc);
                g.setLineDashes();
            }
            g.setFill(pal.nodeText.color());
            g.setFont(labels.font());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            String[] lines = lk.lines();
            for (int k = 0; k < lines.length; k++) g.fillText(lines[k], x, labels.lineY(lk, k, y));
        } else {
            double r = lk.halfWidth();
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
        }
        g.setGlobalAlpha(1);
    }

    /** Thick edges under the nodes: find_vma's path so far, or the way a compare sends the new key. */
    private void paintStepEdges(Pen g, TreeCamera cam, TreeScene scene, Picture pic) {
        TreeStep step = pic.step();
        if (step == null) return;
        g.setLineCap(StrokeLineCap.ROUND);
        if (!step.path().isEmpty()) {
            g.setStroke(pal.path.color());
            g.setLineWidth(type.line(6));
            int shown = pathShown(step, pic);
            for (int k = 1; k < shown; k++) {
                TreeScene.Node a = scene.node(step.path().get(k - 1));
                TreeScene.Node b = scene.node(step.path().get(k));
                if (a != null && b != null) g.strokeLine(a.x(), a.y(), b.x(), b.y());
            }
        } else if (step.step() instanceof RbStep.Compare c) {
            TreeScene.Node n = scene.node(step.subject());
            if (n != null) {
                double x = n.x();
                double y = n.y() + (n.look().box() ? n.look().down() * 0.5 : 0);
                double dx = Math.max(18, Math.min(cam.sx() * 0.7, 60)) * (c.wentLeft() ? -1 : 1);
                double dy = Math.max(cam.rowHeight() * 0.55, type.px(18));
                g.setStroke(pal.step.color());
                g.setLineWidth(type.line(6));
                g.strokeLine(x, y, x + dx, y + dy);
                g.strokeLine(x + dx, y + dy, x + dx * 0.55, y + dy);
                g.strokeLine(x + dx, y + dy, x + dx, y + dy * 0.6);
            }
        }
        g.setLineCap(StrokeLineCap.SQUARE);
    }

    /** Whether the node's badge lies inside the tree's picture (a path node scrolled out of view has none). */
    private boolean badgeInside(TreeScene.Node n, double w, double treeH) {
        double[] r = badgeRect(n.x(), n.y(), n.look());
        return r[0] >= 0 && r[1] >= 0 && r[2] <= w && r[3] <= treeH;
    }

    private void paintRings(Pen g, TreeScene scene, TreeMotion m, Picture pic, double w, double treeH) {
        TreeStep step = pic.step();
        if (step != null) {
            if (!step.path().isEmpty()) {
                int shown = pathShown(step, pic);
                List<Integer> path = step.path();
                for (int k = 0; k < shown; k++) {
                    TreeScene.Node n = scene.node(path.get(k));
                    if (n == null) continue;
                    boolean found = path.get(k) == step.subject();
                    ring(g, n, pal.path.color(), found ? 6 : 4, 3);
                    if (!badgeCovers(scene, n) && badgeInside(n, w, treeH)) badge(g, n, Integer.toString(k + 1));
                }
            } else {
                // the step's nodes pulse while they are lit, then stay ringed
                double pulse = m.moving() && m.holding() ? 1 + 0.6 * Math.sin(Math.PI * m.t() / TreeMotion.HOLD) : 1;
                ringIfThere(g, scene, step.subject(), pal.step.color(), 5 * pulse);
                ringIfThere(g, scene, step.other(), pal.step.color(), 5 * pulse);
                ringIfThere(g, scene, rotatePartner(m, step), pal.step.color(), 3);
            }
        }
        if (pic.selectedKey() >= 0) {
            for (TreeScene.Node n : scene.nodes) {
                if (!n.ghost() && n.key() == pic.selectedKey()) ring(g, n, pal.selected.color(), 4, 6);
            }
        }
    }

    private void ringIfThere(Pen g, TreeScene scene, int id, Color c, double width) {
        if (id < 0) return;
        TreeScene.Node n = scene.node(id);
        if (n != null) ring(g, n, c, width, 3);
    }

    private void ring(Pen g, TreeScene.Node n, Color c, double width, double gap) {
        NodeLook lk = n.look();
        double lw = type.line(width);
        g.setGlobalAlpha(n.ghost() ? n.alpha() : 1);
        g.setStroke(c);
        g.setLineWidth(lw);
        double o = type.px(gap) + lw / 2;
        if (lk.box()) {
            double arc = type.px(16);
            g.strokeRoundRect(n.x() - lk.halfWidth() - o, n.y() - lk.up() - o, 2 * (lk.halfWidth() + o),
                lk.up() + lk.down() + 2 * o, arc, arc);
        } else {
            double r = Math.max(lk.halfWidth(), 3) + o;
            g.strokeOval(n.x() - r, n.y() - r, 2 * r, 2 * r);
        }
        g.setGlobalAlpha(1);
    }

    /**
     * Whether a node's order badge would lie on another node's label (a crowded path node left a circle): then the
     * ring alone marks it and the caption tells the order.
     */
    private boolean badgeCovers(TreeScene scene, TreeScene.Node n) {
        double[] r = badgeRect(n.x(), n.y(), n.look());
        for (TreeScene.Node o : scene.nodes) {
            if (o == n || !o.look().box()) continue;
            double[] q = o.look().rect(o.x(), o.y());
            if (r[0] < q[2] && q[0] < r[2] && r[1] < q[3] && q[1] < r[3]) return true;
        }
        return false;
    }

    /** find_vma's visiting order, in a small disc at the node's top right. */
    private void badge(Pen g, TreeScene.Node n, String text) {
        double[] r = badgeRect(n.x(), n.y(), n.look());
        double rad = (r[2] - r[0]) / 2;
        double x = r[0] + rad;
        double y = r[1] + rad;
        g.setFill(pal.path.color());
        g.fillOval(x - rad, y - rad, 2 * rad, 2 * rad);
        g.setFill(pal.nodeText.color());
        g.setFont(TextFit.fits(text, badgeFont, 2 * rad - 2) ? badgeFont : type.sans(10));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x, y);
    }

    /** The selected node's own entry in the vm_next list: one struct, two structures. */
    private void paintSelectedLink(Pen g, TreeMotion m, TreeScene scene, long key, double treeH, double h) {
        if (key < 0) return;
        TreeShape s = m.to();
        int i = s.indexOfKey(key);
        if (i < 0) return;
        TreeScene.Node n = scene.node(s.id(i));
        double bx = chain.boxX(s.rank(i));
        if (n == null || Double.isNaN(bx)) return;
        double y = Math.min(n.y() + n.look().down() + type.px(9), treeH);
        g.setStroke(pal.selected.color());
        g.setLineWidth(type.line(2));
        g.setLineDashes(6, 5);
        g.strokeLine(n.x(), y, bx, chain.boxTop(h) - 2);
        g.setLineDashes();
    }
}
