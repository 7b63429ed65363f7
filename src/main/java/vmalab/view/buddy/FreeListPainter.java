package vmalab.view.buddy;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import vmalab.viewmodel.fold.FreeListState.Block;
import vmalab.viewmodel.fold.FreeListState;

/**
 * {@code zone->free_area[]}: one row per order, its blocks from head to tail, and a column for the blocks in
 * hand (being split, merged, handed out or given back). Between two states each block slides from where it was
 * to where it goes; a split's halves start from their parent, a merge's parts fly into the merged block.
 */
final class FreeListPainter {
    private static final double LABEL_W = 158;
    private static final double BOX_W = 62;
    private static final double GAP = 8;

    private final BuddyPalette pal;
    private final Font bold = Font.font("System", FontWeight.BOLD, 15);
    private final Font small = Font.font("System", 14);
    private final Font mono = Font.font("Monospaced", FontWeight.BOLD, 14);
    private double x0;
    private double y0;
    private double w;
    private double rowH = 36;
    private int perRow;

    FreeListPainter(BuddyPalette pal) {
        this.pal = pal;
    }

    void layout(double x, double y, double width, double height, int orders) {
        x0 = x;
        y0 = y;
        w = width;
        rowH = Math.max(26, Math.min(44, (height - 26) / Math.max(1, orders)));
        perRow = (int) Math.max(1, (w - listX() - 8) / (BOX_W + GAP));
    }

    private double handX() {
        return x0 + LABEL_W;
    }

    private double listX() {
        return handX() + 2 * (BOX_W + GAP) + 22 - x0;
    }

    private double rowY(int order) {
        return y0 + 26 + order * rowH;
    }

    /** Where a block sits in state s, as {x, y}, or null when it is in neither a list nor the hand. */
    private double[] where(FreeListState s, Block b) {
        if (b.order() >= s.orders()) return null;
        List<Long> l = s.list(b.order());
        int i = l.indexOf(b.pfn());
        if (i >= 0) {
            int shown = Math.min(i, perRow - 1);
            return new double[] {x0 + listX() + shown * (BOX_W + GAP), rowY(b.order()), i >= perRow - 1 ? 0 : 1};
        }
        int j = 0;
        for (Block h : s.inHand()) {
            if (h.equals(b)) return new double[] {handX() + j * (BOX_W + GAP), rowY(b.order()), 1};
            if (h.order() == b.order()) j++;
        }
        return null;
    }

    void paint(GraphicsContext g, FreeListState from, FreeListState to, double t, Block subject) {
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(pal.text.color());
        g.setFont(bold);
        g.fillText("free_area[]", x0, y0 + 10);
        g.setFont(small);
        g.fillText("in hand", handX(), y0 + 10);
        g.fillText("free list: head → tail", x0 + listX(), y0 + 10);
        for (int o = 0; o < to.orders(); o++) {
            double y = rowY(o);
            g.setFill(pal.text.color());
            g.setFont(bold);
            g.fillText("order " + o, x0, y + rowH * 0.3);
            g.setFont(small);
            g.fillText((1 << o) + (o == 0 ? " page, " : " pages, ") + to.list(o).size() + " free", x0, y + rowH * 0.72);
            g.setStroke(pal.faint.color());
            g.setLineWidth(1);
            g.strokeLine(x0, y + rowH - 0.5, x0 + w, y + rowH - 0.5);
            int n = to.list(o).size();
            if (n > perRow) {
                g.setFill(pal.text.color());
                g.setFont(small);
                g.fillText("+" + (n - perRow + 1) + " more", x0 + listX() + (perRow - 1) * (BOX_W + GAP) + 4,
                    y + rowH / 2);
            }
        }
        g.setStroke(pal.faint.color());
        g.setLineDashes(5, 4);
        g.strokeLine(x0 + listX() - 12, y0 + 22, x0 + listX() - 12, rowY(to.orders()));
        g.setLineDashes();
        double e = t * t * (3 - 2 * t);
        for (int o = 0; o < to.orders(); o++) {
            List<Long> l = to.list(o);
            for (int i = 0; i < Math.min(l.size(), perRow - (l.size() > perRow ? 1 : 0)); i++) {
                drawMoving(g, from, to, new Block(l.get(i), o), e, subject);
            }
        }
        for (Block b : to.inHand()) drawMoving(g, from, to, b, e, subject);
        if (from != to && t < 1) {
            for (Block b : gone(from, to)) {
                double[] a = where(from, b);
                if (a == null) continue;
                double[] dest = origin(to, b);
                double x = dest == null ? a[0] - 60 * e : a[0] + (dest[0] - a[0]) * e;
                double y = dest == null ? a[1] : a[1] + (dest[1] - a[1]) * e;
                g.setGlobalAlpha(1 - e);
                box(g, x, y, b, true);
                g.setGlobalAlpha(1);
            }
        }
    }

    /** Blocks of {@code from} that {@code to} no longer holds anywhere. */
    private List<Block> gone(FreeListState from, FreeListState to) {
        List<Block> out = new java.util.ArrayList<>(from.inHand());
        for (int o = 0; o < from.orders(); o++) {
            for (int i = 0; i < Math.min(from.list(o).size(), perRow); i++) out.add(new Block(from.list(o).get(i), o));
        }
        out.removeIf(b -> where(to, b) != null);
        return out;
    }

    /** Where a block that just appeared comes from: its parent (a split) or one of its halves (a merge). */
    private double[] origin(FreeListState s, Block b) {
        if (b.order() + 1 < s.orders()) {
            long parent = b.pfn() & -(1L << (b.order() + 1));
            double[] p = where(s, new Block(parent, b.order() + 1));
            if (p != null) return new double[] {p[0] + (b.pfn() == parent ? 0 : BOX_W / 2), p[1], 1};
        }
        if (b.order() > 0) {
            double[] c = where(s, new Block(b.pfn(), b.order() - 1));
            if (c == null) c = where(s, new Block(b.pfn() + (1L << (b.order() - 1)), b.order() - 1));
            if (c != null) return c;
        }
        return null;
    }

    private void drawMoving(GraphicsContext g, FreeListState from, FreeListState to, Block b, double e,
                            Block subject) {
        double[] dest = where(to, b);
        if (dest == null) return;
        double x = dest[0];
        double y = dest[1];
        double alpha = 1;
        if (from != to && e < 1) {
            double[] a = where(from, b);
            if (a == null) a = origin(from, b);
            if (a == null) {
                alpha = e;
            } else {
                x = a[0] + (dest[0] - a[0]) * e;
                y = a[1] + (dest[1] - a[1]) * e;
            }
        }
        g.setGlobalAlpha(alpha);
        box(g, x, y, b, to.inHand().contains(b));
        if (b.equals(subject)) {
            g.setStroke(pal.step.color());
            g.setLineWidth(4);
            g.strokeRect(x - 3, y + 1, BOX_W + 6, rowH - 4);
        }
        g.setGlobalAlpha(1);
    }

    private void box(GraphicsContext g, double x, double y, Block b, boolean inHand) {
        double h = rowH - 10;
        g.setFill(inHand ? pal.step.color().interpolate(pal.background.color(), 0.55) : pal.block.color());
        g.fillRoundRect(x, y + 5, BOX_W, h, 6, 6);
        g.setStroke(pal.text.color());
        g.setLineWidth(1.5);
        g.strokeRoundRect(x, y + 5, BOX_W, h, 6, 6);
        g.setFill(pal.text.color());
        g.setFont(mono);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(Long.toString(b.pfn()), x + BOX_W / 2, y + 5 + h / 2);
        g.setTextAlign(TextAlignment.LEFT);
    }
}
