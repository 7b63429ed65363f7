package vmalab.view.tree;

import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.model.rbtree.RbStep;
import vmalab.viewmodel.fold.TreeShape;
import vmalab.viewmodel.fold.TreeStep;

/**
 * Paints a tree state (or the motion between two) on a canvas: edges, nodes, the step being shown, find_vma's
 * path, the selection; then the vm_next chain along the bottom. Only the columns in view are visited, so a
 * frame costs O(visible + depth); below {@link #DOT_SX} pixels per column nodes go into a pixel buffer.
 */
final class TreePainter {
    static final double DOT_SX = 5;
    static final double CHAIN_H = 70;
    private static final double MARGIN = 120;

    /** What to draw: a motion between frames, the step that leads into the target, the selected vm_start. */
    record Picture(TreeMotion motion, TreeStep step, long selectedKey) { }

    private final TreePalette pal;
    private final PixelLayer pixels = new PixelLayer();
    private final TreeChainPainter chain;
    private Font font = Font.font("Monospaced", 15);
    private Font badgeFont = Font.font("System", 14);
    private double adv = 9;
    private double lh = 18;
    /** The mm whose tree is drawn: names [heap] and [stack]. */
    private Mm mm;

    TreePainter(TreePalette pal) {
        this.pal = pal;
        this.chain = new TreeChainPainter(pal);
    }

    void setFont(Font f) {
        font = f;
        Text probe = new Text("0000000000");
        probe.setFont(f);
        adv = probe.getLayoutBounds().getWidth() / 10;
        lh = Math.ceil(f.getSize() * 1.22);
        badgeFont = Font.font(f.getFamily(), Math.max(14, f.getSize() - 1));
        chain.setFont(f, adv);
    }

    Font font() { return font; }

    void setMm(Mm m) {
        mm = m;
    }

    /** The node's look at this zoom. */
    NodeLook look(TreeShape s, int i, TreeCamera cam) {
        return look(s, i, cam, s.room(i));
    }

    /** A node changing place is drawn one column wide, so nodes swapping rows side by side do not cover each other. */
    NodeLook look(TreeMotion m, int i, TreeCamera cam) {
        return look(m.to(), i, cam, m.travelling(i) ? 1 : m.to().room(i));
    }

    private NodeLook look(TreeShape s, int i, TreeCamera cam, int room) {
        Vma v = s.vma(i);
        int addr = v == null ? Long.toHexString(s.key(i)).length()
            : Math.max(Long.toHexString(v.start()).length(), Long.toHexString(v.end()).length());
        int name = v == null ? 0 : VmaText.permsAndName(mm, v).length();
        return NodeLook.of(room * cam.sx(), cam.rowHeight(), cam.sx(), adv, lh, addr, name);
    }

    /** Screen centre of node i of the motion's target. */
    Point2D centre(TreeCamera cam, TreeMotion m, int i) {
        return new Point2D(cam.screenX(m.col(i) + 0.5), cam.screenY(m.row(i)));
    }

    /** The node of the target under (x, y), or -1. */
    int hit(TreeCamera cam, TreeMotion m, double x, double y) {
        TreeShape s = m.to();
        if (s.size() == 0) return -1;
        int c = (int) Math.floor(cam.colAt(x));
        int reach = (int) Math.min(2000, Math.ceil(MARGIN / cam.sx())) + 1;
        int best = -1;
        double bestD = Double.MAX_VALUE;
        for (int i = Math.max(0, c - reach); i <= Math.min(s.size() - 1, c + reach); i++) {
            NodeLook lk = look(m, i, cam);
            Point2D p = centre(cam, m, i);
            double dx = Math.abs(x - p.getX());
            double dy = y - p.getY();
            double hw = Math.max(lk.halfWidth(), 6);
            boolean inside = dx <= hw && dy >= -Math.max(lk.up(), 6) && dy <= Math.max(lk.down(), 6);
            double d = dx * dx + dy * dy;
            if (inside && d < bestD) {
                best = i;
                bestD = d;
            }
        }
        return best;
    }

    void paint(GraphicsContext g, double w, double h, TreeCamera cam, Picture pic) {
        TreeMotion m = pic.motion();
        TreeShape s = m.to();
        double treeH = h - CHAIN_H;
        g.setFill(pal.background.color());
        g.fillRect(0, 0, w, h);
        int n = s.size();
        if (n == 0) {
            chain.paintEmpty(g, w, h);
            return;
        }
        int lo = (int) Math.max(0, Math.floor(cam.colAt(-MARGIN)) - 2);
        int hi = (int) Math.min(n - 1, Math.ceil(cam.colAt(w + MARGIN)) + 2);
        boolean dots = cam.sx() < DOT_SX;
        if (dots) {
            paintDots(g, w, h, treeH, cam, m, lo, hi);
        }
        paintSelectedLink(g, cam, m, pic.selectedKey(), treeH, h);
        g.save();
        g.beginPath();
        g.rect(0, 0, w, treeH);
        g.clip();
        if (!dots) {
            paintEdges(g, cam, m, lo, hi);
        }
        paintStepEdges(g, cam, m, pic.step());
        if (!dots) {
            for (int i = lo; i <= hi; i++) {
                paintNode(g, cam, m, i);
            }
            paintVanished(g, cam, m, pic.step());
        }
        paintRings(g, cam, m, pic, lo, hi);
        g.restore();
        if (!dots) {
            chain.paint(g, w, h, cam, m, lo, hi, pic.selectedKey());
        } else {
            chain.paintLabels(g, w, h, cam, m);
        }
    }

    private double nx(TreeCamera cam, TreeMotion m, int i) {
        return cam.screenX(m.col(i) + 0.5);
    }

    private double ny(TreeCamera cam, TreeMotion m, int i) {
        return cam.screenY(m.row(i));
    }

    private void paintEdges(GraphicsContext g, TreeCamera cam, TreeMotion m, int lo, int hi) {
        TreeShape s = m.to();
        g.setStroke(pal.edge.color());
        g.setLineWidth(2);
        for (int i = lo; i <= hi; i++) {
            int p = s.parent(i);
            if (p >= 0) g.strokeLine(nx(cam, m, i), ny(cam, m, i), nx(cam, m, p), ny(cam, m, p));
        }
        // edges passing over the view with both ends outside it: all on the way up from any visible node
        for (int c = lo, p = s.parent(lo); p >= 0; c = p, p = s.parent(p)) {
            if (c < lo || c > hi) g.strokeLine(nx(cam, m, c), ny(cam, m, c), nx(cam, m, p), ny(cam, m, p));
        }
    }

    private void paintDots(GraphicsContext g, double w, double h, double treeH, TreeCamera cam, TreeMotion m,
                           int lo, int hi) {
        TreeShape s = m.to();
        pixels.clear((int) Math.ceil(w), (int) Math.ceil(h), pal.background.argb());
        // thousands of edges per row would merge into a slab of edge colour: fade them so the dots read
        int edge = Swatch.toArgb(pal.edge.color().interpolate(pal.background.color(), 0.7));
        int red = pal.red.argb();
        int black = pal.black.argb();
        int size = (int) Math.max(2, Math.min(Math.min(5, Math.round(cam.sx() * 0.5 + 3)), cam.rowHeight() * 0.6));
        int levels = s.height() + 1;
        int[] last = new int[levels];
        java.util.Arrays.fill(last, Integer.MIN_VALUE);
        for (int i = lo; i <= hi; i++) {
            int p = s.parent(i);
            double x = nx(cam, m, i);
            int d = s.depth(i);
            if (p < 0 || (int) x == last[d]) continue;
            last[d] = (int) x;
            double y = ny(cam, m, i);
            if (y > treeH + 4 && ny(cam, m, p) > treeH) continue;
            pixels.line(x, Math.min(y, treeH), nx(cam, m, p), Math.min(ny(cam, m, p), treeH), edge);
        }
        for (int c = lo, p = s.parent(lo); p >= 0; c = p, p = s.parent(p)) {
            if (c < lo || c > hi) pixels.line(nx(cam, m, c), ny(cam, m, c), nx(cam, m, p), ny(cam, m, p), edge);
        }
        java.util.Arrays.fill(last, Integer.MIN_VALUE);
        for (int i = lo; i <= hi; i++) {
            double x = nx(cam, m, i);
            int d = s.depth(i);
            if ((int) x == last[d]) continue;
            last[d] = (int) x;
            double y = ny(cam, m, i);
            if (y > treeH) continue;
            pixels.dot(x, y, size, m.redness(i) >= 0.5 ? red : black);
        }
        chain.paintDots(pixels, w, h, cam, m, lo, hi);
        pixels.drawTo(g, 0, 0);
    }

    private Color fill(double redness) {
        Color b = pal.black.color();
        return redness <= 0 ? b : redness >= 1 ? pal.red.color() : b.interpolate(pal.red.color(), redness);
    }

    private void paintNode(GraphicsContext g, TreeCamera cam, TreeMotion m, int i) {
        TreeShape s = m.to();
        g.setGlobalAlpha(m.alpha(i));
        drawNode(g, look(m, i, cam), nx(cam, m, i), ny(cam, m, i), fill(m.redness(i)), s.vma(i), s.key(i));
        g.setGlobalAlpha(1);
    }

    /** An unlinked node fades out where it was. */
    private void paintVanished(GraphicsContext g, TreeCamera cam, TreeMotion m, TreeStep step) {
        if (step == null || !(step.step() instanceof RbStep.Unlink)) return;
        int j = m.vanished(step.subject());
        if (j < 0) return;
        TreeShape f = m.from();
        g.setGlobalAlpha(1 - m.t());
        drawNode(g, look(f, j, cam), cam.screenX(j + 0.5), cam.screenY(f.depth(j)) + 30 * m.t(),
            f.red(j) ? pal.red.color() : pal.black.color(), f.vma(j), f.key(j));
        g.setGlobalAlpha(1);
    }

    private void drawNode(GraphicsContext g, NodeLook lk, double x, double y, Color c, Vma v, long key) {
        g.setFill(c);
        switch (lk.kind()) {
            case FULL, SHORT -> {
                g.fillRoundRect(x - lk.halfWidth(), y - lk.up(), 2 * lk.halfWidth(), lk.up() + lk.down(), 12, 12);
                drawLabel(g, lk, x, y, v, key);
            }
            case CIRCLE -> g.fillOval(x - lk.halfWidth(), y - lk.halfWidth(), 2 * lk.halfWidth(), 2 * lk.halfWidth());
            case DOT -> g.fillRect(x - lk.halfWidth(), y - lk.halfWidth(), 2 * lk.halfWidth(), 2 * lk.halfWidth());
        }
    }

    private void drawLabel(GraphicsContext g, NodeLook lk, double x, double y, Vma v, long key) {
        g.setFill(pal.nodeText.color());
        g.setFont(font);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        int chars = (int) Math.floor((2 * lk.halfWidth() - 2 * NodeLook.PAD) / adv);
        double below = y + NodeLook.GAP / 2 + lh / 2;
        String name = v == null ? "" : fit(VmaText.permsAndName(mm, v), chars);
        if (lk.kind() == NodeLook.Kind.FULL) {
            g.fillText(VmaText.hex(v == null ? key : v.start()), x, y - NodeLook.GAP / 2 - lh * 1.5);
            if (v != null) g.fillText(VmaText.hex(v.end()), x, y - NodeLook.GAP / 2 - lh / 2);
            g.fillText(name, x, below);
        } else {
            g.fillText(v == null ? "" : v.perms(), x, y - NodeLook.GAP / 2 - lh / 2);
            g.fillText(v == null ? "" : fit(VmaText.shortName(mm, v), chars), x, below);
        }
    }

    static String fit(String s, int chars) {
        if (s.length() <= chars) return s;
        return chars <= 1 ? "" : s.substring(0, chars - 1) + "…";
    }

    /** Thick edges under the nodes: find_vma's path so far, or the way a compare sends the new key. */
    private void paintStepEdges(GraphicsContext g, TreeCamera cam, TreeMotion m, TreeStep step) {
        if (step == null) return;
        TreeShape s = m.to();
        g.setLineCap(StrokeLineCap.ROUND);
        if (!step.path().isEmpty()) {
            g.setStroke(pal.path.color());
            g.setLineWidth(6);
            int shown = pathShown(step, m);
            for (int k = 1; k < shown; k++) {
                int a = s.indexOfId(step.path().get(k - 1));
                int b = s.indexOfId(step.path().get(k));
                if (a >= 0 && b >= 0) g.strokeLine(nx(cam, m, a), ny(cam, m, a), nx(cam, m, b), ny(cam, m, b));
            }
        } else if (step.step() instanceof RbStep.Compare c) {
            int i = s.indexOfId(step.subject());
            if (i >= 0) {
                double x = nx(cam, m, i);
                double y = ny(cam, m, i);
                double dx = Math.max(18, Math.min(cam.sx() * 0.7, 60)) * (c.wentLeft() ? -1 : 1);
                double dy = cam.rowHeight() * 0.55;
                g.setStroke(pal.step.color());
                g.setLineWidth(6);
                g.strokeLine(x, y, x + dx, y + dy);
                g.strokeLine(x + dx, y + dy, x + dx * 0.55, y + dy);
                g.strokeLine(x + dx, y + dy, x + dx, y + dy * 0.6);
            }
        }
        g.setLineCap(StrokeLineCap.SQUARE);
    }

    private static int pathShown(TreeStep step, TreeMotion m) {
        int len = step.path().size();
        return m.moving() ? (int) Math.ceil(m.t() * len) : len;
    }

    private void paintRings(GraphicsContext g, TreeCamera cam, TreeMotion m, Picture pic, int lo, int hi) {
        TreeShape s = m.to();
        TreeStep step = pic.step();
        if (step != null) {
            if (!step.path().isEmpty()) {
                int shown = pathShown(step, m);
                List<Integer> path = step.path();
                for (int k = 0; k < shown; k++) {
                    int i = s.indexOfId(path.get(k));
                    if (i < 0) continue;
                    boolean found = path.get(k) == step.subject();
                    ring(g, cam, m, i, pal.path.color(), found ? 7 : 4, 4);
                    badge(g, cam, m, i, Integer.toString(k + 1));
                }
            } else {
                ringId(g, cam, m, step.subject(), pal.step.color());
                ringId(g, cam, m, step.other(), pal.step.color());
                if (step.step() instanceof RbStep.Rotate) {
                    int i = s.indexOfId(step.subject());
                    if (i >= 0 && s.parent(i) >= 0) ring(g, cam, m, s.parent(i), pal.step.color(), 3, 4);
                }
            }
        }
        int sel = pic.selectedKey() < 0 ? -1 : s.indexOfKey(pic.selectedKey());
        if (sel >= lo - 1 && sel <= hi + 1 && sel >= 0) ring(g, cam, m, sel, pal.selected.color(), 4, 9);
    }

    private void ringId(GraphicsContext g, TreeCamera cam, TreeMotion m, int id, Color c) {
        if (id < 0) return;
        int i = m.to().indexOfId(id);
        if (i >= 0) {
            ring(g, cam, m, i, c, 5, 4);
        } else {
            int j = m.vanished(id);
            if (j >= 0) {
                TreeShape f = m.from();
                g.setGlobalAlpha(1 - m.t());
                ringAt(g, look(f, j, cam), cam.screenX(j + 0.5), cam.screenY(f.depth(j)) + 30 * m.t(), c, 5, 4);
                g.setGlobalAlpha(1);
            }
        }
    }

    private void ring(GraphicsContext g, TreeCamera cam, TreeMotion m, int i, Color c, double width, double gap) {
        ringAt(g, look(m, i, cam), nx(cam, m, i), ny(cam, m, i), c, width, gap);
    }

    private void ringAt(GraphicsContext g, NodeLook lk, double x, double y, Color c, double width, double gap) {
        g.setStroke(c);
        g.setLineWidth(width);
        double o = gap + width / 2;
        if (lk.box()) {
            g.strokeRoundRect(x - lk.halfWidth() - o, y - lk.up() - o, 2 * (lk.halfWidth() + o),
                lk.up() + lk.down() + 2 * o, 16, 16);
        } else {
            double r = Math.max(lk.halfWidth(), 3) + o;
            g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        }
    }

    /** find_vma's visiting order, in a small disc at the node's top right. */
    private void badge(GraphicsContext g, TreeCamera cam, TreeMotion m, int i, String text) {
        NodeLook lk = look(m, i, cam);
        double r = 11;
        double x = nx(cam, m, i) + Math.max(lk.halfWidth(), 4) + 4;
        double y = ny(cam, m, i) - Math.max(lk.up(), 4) - 4;
        g.setFill(pal.path.color());
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
        g.setFill(pal.nodeText.color());
        g.setFont(badgeFont);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x, y);
    }

    /** The selected node's own entry in the vm_next list: one struct, two structures. */
    private void paintSelectedLink(GraphicsContext g, TreeCamera cam, TreeMotion m, long key, double treeH, double h) {
        if (key < 0) return;
        int i = m.to().indexOfKey(key);
        if (i < 0) return;
        double x = nx(cam, m, i);
        double y = Math.min(ny(cam, m, i) + look(m, i, cam).down() + 9, treeH);
        g.setStroke(pal.selected.color());
        g.setLineWidth(2);
        g.setLineDashes(6, 5);
        g.strokeLine(x, y, x, chain.boxTop(h, cam) - 2);
        g.setLineDashes();
    }
}
