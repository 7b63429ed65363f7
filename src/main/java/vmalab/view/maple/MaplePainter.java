package vmalab.view.maple;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import vmalab.model.maple.MapleStep;
import vmalab.model.maple.MapleTree.NodeInfo;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.model.mm.VmaRef;
import vmalab.view.anim.Palette;
import vmalab.view.paint.Pen;
import vmalab.view.paint.Type;
import vmalab.view.tree.VmaText;
import vmalab.viewmodel.Sizes;
import vmalab.viewmodel.VmaKind;

/**
 * Draws a maple tree (state → picture, from scratch): the overview on top, every node as its row of slots
 * (a leaf's slots coloured by the VMA they point to, NULL ranges pale), an edge from each internal slot to its
 * child, the nodes the last stores walked outlined and the nodes they made filled; and under it the node in
 * focus written out slot by slot: its pivots (inclusive upper bounds), what each slot holds, and for an
 * arange node the gap array with its largest gap marked. Level of detail: a slot narrower than the type shows
 * its colour only; only what lies in the window is drawn, so 65,530 VMAs draw as fast as 30.
 */
public final class MaplePainter {
    /** Overview geometry at 1×, before the type scale. */
    public static final double NODE_H = 30;
    public static final double ROW_GAP = 54;
    public static final double MARGIN = 14;
    public static final double GUTTER = 132;
    /** A slot drawn at least this wide (px at 1×) gets a label. */
    public static final double LABEL_SLOT = 30;

    private final Palette palette;

    public MaplePainter(Palette palette) {
        this.palette = palette;
    }

    /** What one picture shows. */
    public record Scene(Mm mm, MapleLayout layout, List<MapleStep> stores, long selectedVma, NodeInfo focus,
                        double slotPx, double scrollX) {
    }

    /** The height the overview takes for {@code layout}, in px. */
    public static double overviewHeight(MapleLayout layout, Type t) {
        int rows = Math.max(1, layout.height());
        return t.px(MARGIN) * 2 + rows * t.px(NODE_H) + (rows - 1) * t.px(ROW_GAP);
    }

    /**
     * The slot width that fits the whole overview into {@code width} px (at most 40 px at 1×): 65,530 VMAs make
     * some 10,000 leaves, each then a sliver of colour; zooming in brings back slots and then their words.
     */
    public static double fitSlot(MapleLayout layout, double width, Type t) {
        double room = room(t, width);
        return layout.width() <= 0 ? t.px(40) : Math.max(1e-3, Math.min(t.px(40), room / layout.width()));
    }

    /** Paints everything into [0, width] × [0, height]. */
    public void paint(Pen pen, Scene s, Type t, double width, double height) {
        pen.setFill(palette.color("tree-background"));
        pen.fillRect(0, 0, width, height);
        if (s.layout().height() == 0) {
            pen.setFill(palette.color("tree-text"));
            pen.setFont(Font.font(Type.SANS, t.px(17)));
            pen.setTextBaseline(VPos.TOP);
            pen.fillText("The maple tree is empty: one NULL range 0 – ULONG_MAX", t.px(MARGIN), t.px(MARGIN));
            return;
        }
        double top = overviewHeight(s.layout(), t);
        paintOverview(pen, s, t, width);
        pen.setStroke(palette.color("grid"));
        pen.setLineWidth(1);
        pen.strokeLine(0, top, width, top);
        if (s.focus() != null) paintDetail(pen, s, t, top + t.px(10), width, height - top - t.px(10));
    }

    // ---- overview

    /** The x of slot-unit position {@code u}, in px. */
    static double px(Scene s, Type t, double u) {
        return left(t) + u * s.slotPx() - s.scrollX();
    }

    /** Where slot unit 0 of the overview lands, unscrolled, in px: right of the gutter and the margin. */
    public static double left(Type t) {
        return t.px(GUTTER) + t.px(MARGIN);
    }

    /** The overview's width for slots in a picture {@code width} px wide. */
    public static double room(Type t, double width) {
        return width - t.px(GUTTER) - 2 * t.px(MARGIN);
    }

    /** The slot unit under picture x {@code x}, at slot width {@code slotPx} and scroll {@code scrollX}. */
    public static double unitAt(Type t, double x, double slotPx, double scrollX) {
        return (x - left(t) + scrollX) / slotPx;
    }

    /** The depth of the overview row whose nodes span picture y {@code y}, or -1 between rows. */
    public static int rowAt(Type t, double y, int rows) {
        for (int d = 0; d < rows; d++) {
            double top = rowY(t, d);
            if (y >= top && y <= top + t.px(NODE_H)) return d;
        }
        return -1;
    }

    static double rowY(Type t, int depth) {
        return t.px(MARGIN) + depth * (t.px(NODE_H) + t.px(ROW_GAP));
    }

    private void paintOverview(Pen pen, Scene s, Type t, double width) {
        Set<Long> walked = new HashSet<>();
        Set<Long> made = new HashSet<>();
        for (MapleStep st : s.stores()) {
            walked.addAll(st.walked());
            made.addAll(st.created());
        }
        Set<Long> path = findPath(s);
        double x0 = (s.scrollX() - t.px(MARGIN)) / s.slotPx() - 1;
        double x1 = (s.scrollX() + width) / s.slotPx() + 1;
        double h = t.px(NODE_H);
        // edges first, under the nodes: from each visible internal slot to its child
        pen.setStroke(palette.color("tree-edge"));
        pen.setLineWidth(t.line(1.2));
        for (int d = 0; d + 1 < s.layout().height(); d++) {
            for (MapleLayout.Box child : s.layout().visible(d + 1, x0, x1)) {
                MapleLayout.Box p = child.parent();
                double sx = px(s, t, p.slotCentre(child.parentSlot()));
                double cx = px(s, t, child.x() + child.width() / 2);
                pen.strokeLine(sx, rowY(t, d) + h, cx, rowY(t, d + 1));
            }
        }
        Font small = Font.font(Type.MONO, t.px(12));
        for (int d = 0; d < s.layout().height(); d++) {
            double y = rowY(t, d);
            for (MapleLayout.Box b : s.layout().visible(d, x0, x1)) {
                paintNode(pen, s, t, b, y, made.contains(b.node().id()), walked.contains(b.node().id()),
                    path.contains(b.node().id()), small);
            }
        }
        // the gutter names each row's node type, over whatever scrolled under it
        pen.setFill(palette.color("tree-background"));
        pen.fillRect(0, 0, t.px(GUTTER), overviewHeight(s.layout(), t));
        pen.setFill(palette.color("tree-text"));
        pen.setFont(Font.font(Type.SANS, FontWeight.BOLD, t.px(13)));
        pen.setTextAlign(TextAlignment.LEFT);
        pen.setTextBaseline(VPos.CENTER);
        for (int d = 0; d < s.layout().height(); d++) {
            NodeInfo first = s.layout().rows().get(d).get(0).node();
            String label = (d == 0 ? "root " : "level " + d + " ") + "(" + s.layout().rows().get(d).size() + ")";
            pen.fillText(label, t.px(6), rowY(t, d) + h * 0.3);
            pen.setFont(Font.font(Type.MONO, t.px(12)));
            pen.fillText(first.type().kernelName(), t.px(6), rowY(t, d) + h * 0.8);
            pen.setFont(Font.font(Type.SANS, FontWeight.BOLD, t.px(13)));
        }
    }

    private void paintNode(Pen pen, Scene s, Type t, MapleLayout.Box b, double y, boolean made, boolean walked,
                           boolean onPath, Font small) {
        NodeInfo n = b.node();
        double x = px(s, t, b.x());
        double w = b.width() * s.slotPx();
        double h = t.px(NODE_H);
        double sw = s.slotPx();
        boolean labels = sw >= t.px(LABEL_SLOT);
        if (sw < 1.5) {
            // too small for slots: the node as one bar, its outline only where it says something
            pen.setFill(n.isLeaf() ? palette.tint("anon", 0.35) : palette.color("panel"));
            pen.fillRect(x, y, Math.max(1, w), h);
            if (made || walked || onPath) {
                pen.setStroke(palette.color(made ? "tree-step" : onPath ? "tree-selected" : "tree-find-path"));
                pen.setLineWidth(t.line(3));
                pen.strokeRect(x - t.px(2), y - t.px(2), Math.max(1, w) + t.px(4), h + t.px(4));
            } else if (w >= 4) {
                pen.setStroke(palette.color("tree-edge"));
                pen.setLineWidth(1);
                pen.strokeRect(x, y, w, h);
            }
            return;
        }
        for (int i = 0; i <= n.end(); i++) {
            double sx = x + i * sw;
            pen.setFill(slotColour(s.mm(), n, i));
            pen.fillRect(sx, y, sw, h);
            if (sw >= 4 && i > 0) {
                pen.setStroke(palette.color("grid"));
                pen.setLineWidth(1);
                pen.strokeLine(sx, y, sx, y + h);
            }
            if (labels) {
                pen.setFill(palette.color("band-ink"));
                pen.setFont(small);
                pen.setTextAlign(TextAlignment.CENTER);
                pen.setTextBaseline(VPos.CENTER);
                pen.fillText(slotWord(s.mm(), n, i, sw, t), sx + sw / 2, y + h / 2);
            }
        }
        if (made) {
            pen.setStroke(palette.color("tree-step"));
            pen.setLineWidth(t.line(4));
            pen.strokeRect(x - t.px(2), y - t.px(2), w + t.px(4), h + t.px(4));
        }
        pen.setStroke(walked || onPath ? palette.color(onPath ? "tree-selected" : "tree-find-path")
            : palette.color("tree-edge"));
        pen.setLineWidth(walked || onPath ? t.line(3) : t.line(1.2));
        pen.strokeRect(x, y, w, h);
        if (onPath && n.isLeaf() && s.selectedVma() >= 0) {
            int i = slotOf(n, s.selectedVma());
            pen.setStroke(palette.color("tree-selected"));
            pen.setLineWidth(t.line(4));
            pen.strokeRect(x + i * sw, y - t.px(3), sw, h + t.px(6));
        }
    }

    /** The colour of slot {@code i}: a leaf's by the kind of VMA (pale for NULL), an internal node's panel. */
    javafx.scene.paint.Paint slotColour(Mm mm, NodeInfo n, int i) {
        if (!n.isLeaf()) return palette.color("panel");
        Vma v = vmaOf(n, i);
        if (v == null) return palette.color("free");
        return palette.tint(VmaKind.of(mm, v).colour(), 0.35);
    }

    /** A slot's word in the overview, as it fits: the VMA's name or kind, NULL, or the child's slot count. */
    private static String slotWord(Mm mm, NodeInfo n, int i, double sw, Type t) {
        int chars = (int) Math.max(1, sw / t.px(7.3) - 0.5);
        String w;
        if (!n.isLeaf()) w = Integer.toString(i);
        else {
            Vma v = vmaOf(n, i);
            w = v == null ? "∅" : VmaText.shortName(mm, v);
        }
        return w.length() <= chars ? w : chars <= 1 ? w.substring(0, 1) : w.substring(0, chars - 1) + "…";
    }

    static Vma vmaOf(NodeInfo n, int i) {
        Object e = n.entry(i);
        return e instanceof VmaRef r ? r.vma() : e instanceof Vma v ? v : null;
    }

    /** The slot of {@code n} whose range holds {@code index} (mas_walk()'s choice in one node). */
    static int slotOf(NodeInfo n, long index) {
        for (int i = 0; i < n.end(); i++) if (Long.compareUnsigned(index, n.pivot(i)) <= 0) return i;
        return n.end();
    }

    /** The nodes mt_find() reads to find the selected VMA, root to leaf; empty when nothing is selected. */
    static Set<Long> findPath(Scene s) {
        Set<Long> out = new HashSet<>();
        if (s.selectedVma() < 0 || s.layout().height() == 0) return out;
        NodeInfo n = s.layout().rows().get(0).get(0).node();
        while (true) {
            out.add(n.id());
            if (n.isLeaf()) return out;
            n = n.child(slotOf(n, s.selectedVma()));
        }
    }

    // ---- the node in focus, slot by slot

    /** Columns per row, column width and row height of the written-out node in {@code width} px. */
    private record Grid(int perRow, double col, double rowH, int rows) { }

    private static Grid grid(NodeInfo n, Type t, double width) {
        int used = n.end() + 1;
        double avail = width - 2 * t.px(MARGIN);
        int perRow = (int) Math.max(1, Math.min(used, Math.floor(avail / t.px(112))));
        double col = Math.min(t.px(150), avail / perRow);
        double rowH = t.px(n.type().hasGaps() ? 92 : 74);
        return new Grid(perRow, col, rowH, (used + perRow - 1) / perRow);
    }

    /** The height the whole picture needs at {@code width} px: the overview, then the node in focus in full. */
    public static double neededHeight(MapleLayout layout, NodeInfo focus, Type t, double width) {
        double h = overviewHeight(layout, t);
        if (focus == null) return h;
        Grid g = grid(focus, t, width);
        return h + t.px(10) + t.px(44) + g.rows() * (g.rowH() + t.px(8)) + t.px(MARGIN);
    }

    private void paintDetail(Pen pen, Scene s, Type t, double top, double width, double height) {
        NodeInfo n = s.focus();
        double x = t.px(MARGIN);
        pen.setTextAlign(TextAlignment.LEFT);
        pen.setTextBaseline(VPos.TOP);
        pen.setFill(palette.color("tree-text"));
        pen.setFont(Font.font(Type.SANS, FontWeight.BOLD, t.px(16)));
        String meta = n.hasMeta() ? " · metadata end " + n.end() + (n.type().hasGaps() ? " · largest gap in slot "
            + n.metaGap() : "") : " · full (no metadata)";
        pen.fillText(n.type().kernelName() + " [" + Sizes.hex(n.min()) + " – " + Sizes.hex(n.max()) + "]", x, top);
        pen.setFont(Font.font(Type.SANS, t.px(14)));
        pen.fillText("slots 0–" + n.end() + " of " + n.type().slots() + " used" + meta
            + (n.isLeaf() ? " · pivot = the slot's last address (vm_end − 1)" : ""), x, top + t.px(21));
        double y = top + t.px(44);
        int used = n.end() + 1;
        Grid g = grid(n, t, width);
        int perRow = g.perRow();
        double col = g.col();
        double rowH = g.rowH();
        Font mono = Font.font(Type.MONO, t.px(13));
        Font sans = Font.font(Type.SANS, t.px(13));
        int sel = s.selectedVma() >= 0 && n.isLeaf() ? slotOf(n, s.selectedVma()) : -1;
        for (int i = 0; i < used; i++) {
            double cx = x + (i % perRow) * col;
            double cy = y + (i / perRow) * (rowH + t.px(8));
            pen.setFill(slotColour(s.mm(), n, i));
            pen.fillRect(cx, cy, col - t.px(4), rowH);
            pen.setStroke(i == sel ? palette.color("tree-selected") : palette.color("tree-edge"));
            pen.setLineWidth(i == sel ? t.line(3) : t.line(1));
            pen.strokeRect(cx, cy, col - t.px(4), rowH);
            pen.setFill(palette.color("band-ink"));
            pen.setFont(sans);
            double tx = cx + t.px(5);
            // the pivot is the slot's inclusive upper bound; the last slot has none and runs to the node's max
            pen.fillText(i < n.end() ? "slot " + i : "slot " + i + " (to max)", tx, cy + t.px(4));
            pen.setFont(mono);
            String piv = Long.toHexString(i < n.end() ? n.pivot(i) : n.max());
            pen.fillText(fit(piv, col - t.px(10), t), tx, cy + t.px(22));
            pen.setFont(sans);
            pen.fillText(fit(slotLine(s.mm(), n, i), col - t.px(10), t), tx, cy + t.px(40));
            if (n.type().hasGaps()) {
                pen.fillText(fit("gap " + Sizes.human(n.gap(i)) + (i == n.metaGap() ? " ★" : ""), col - t.px(10), t),
                    tx, cy + t.px(58));
            } else if (n.isLeaf() && vmaOf(n, i) == null) {
                pen.fillText(fit(Sizes.human(n.slotMax(i) - n.slotMin(i) + 1), col - t.px(10), t), tx, cy + t.px(56));
            }
        }
    }

    /** What slot {@code i} holds, in words: the VMA, NULL, or the child node's range. */
    private static String slotLine(Mm mm, NodeInfo n, int i) {
        if (!n.isLeaf()) return "→ child, end " + n.child(i).end();
        Vma v = vmaOf(n, i);
        return v == null ? "NULL" : VmaText.shortName(mm, v);
    }

    /** {@code s} cut with "…" to about {@code w} px of 13 px type. */
    private static String fit(String s, double w, Type t) {
        int chars = (int) Math.max(2, w / t.px(7.9));
        return s.length() <= chars ? s : s.substring(0, chars - 1) + "…";
    }

    /** The colour used for NULL ranges, for the legend. */
    public Color nullColour() {
        return palette.color("free");
    }
}
