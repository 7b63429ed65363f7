package vmalab.view.buddy;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import vmalab.view.paging.CanvasTips;
import vmalab.view.paint.Pen;
import vmalab.view.paint.TextFit;
import vmalab.view.paint.Type;
import vmalab.viewmodel.Sizes;
import vmalab.viewmodel.fold.FreeListState.Block;
import vmalab.viewmodel.fold.FreeListState;

/**
 * {@code zone->free_area[]}: one row per order, its blocks from head to tail, and a column for the blocks in
 * hand (being split, merged, handed out or given back). Between two states each block slides from where it was
 * to where it goes; a split's halves start from their parent (mm/page_alloc.c: expand()), a merge's parts fly
 * into the merged block (__free_one_page()). Every width is measured in the fonts of the current scale.
 */
final class FreeListPainter {
    private final BuddyPalette pal;
    private Font bold;
    private Font small;
    private Font mono;
    private double labelW;
    private double boxW;
    private double gap;
    private double headH;
    private double x0;
    private double y0;
    private double w;
    private double rowH = 36;
    private int perRow;
    private Type type = Type.of(1);

    FreeListPainter(BuddyPalette pal) {
        this.pal = pal;
    }

    /** Measures the fonts of {@code t} for memory of {@code frames} frames and {@code orders} lists. */
    void measure(Type t, int frames, int orders) {
        type = t;
        bold = t.bold(15);
        small = t.sans(13);
        mono = t.monoBold(13);
        gap = t.px(8);
        labelW = 0;
        for (int o = 0; o < orders; o++) {
            labelW = Math.max(labelW, TextFit.width("order " + o, bold));
            labelW = Math.max(labelW, TextFit.width(countLine(o, 9999), small));
        }
        labelW += t.px(14);
        boxW = TextFit.width(Sizes.frame(Math.max(0, frames - 1)), mono) + t.px(14);
        rowH = Math.ceil(Math.max(TextFit.lineHeight(bold) + TextFit.lineHeight(small) + t.px(8),
            TextFit.lineHeight(mono) + t.px(16)));
        headH = Math.ceil(TextFit.lineHeight(bold) + t.px(8));
    }

    private static String countLine(int o, int free) {
        return (1 << o) + (o == 0 ? " page, " : " pages, ") + free + " free";
    }

    /** The narrowest width that shows the labels, the hand and one block a row. */
    double minWidth() {
        return listX() + boxW + gap;
    }

    /** A width showing up to {@code blocks} blocks a row. */
    double naturalWidth(int blocks) {
        return listX() + Math.max(2, blocks) * (boxW + gap);
    }

    double height(int orders) {
        return headH + orders * rowH + type.px(4);
    }

    void layout(double x, double y, double width, int orders) {
        x0 = x;
        y0 = y;
        w = width;
        perRow = (int) Math.max(1, (w - listX()) / (boxW + gap));
    }

    private double handX() {
        return x0 + labelW;
    }

    private double listX() {
        return labelW + 2 * (boxW + gap) + type.px(14);
    }

    private double rowY(int order) {
        return y0 + headH + order * rowH;
    }

    /** Where a block sits in state s, as {x, y}, or null when it is in neither a list nor the hand. */
    private double[] where(FreeListState s, Block b) {
        if (b.order() >= s.orders()) return null;
        List<Long> l = s.list(b.order());
        int i = l.indexOf(b.pfn());
        if (i >= 0) {
            int shown = Math.min(i, perRow - 1);
            return new double[] {x0 + listX() + shown * (boxW + gap), rowY(b.order()), i >= perRow - 1 ? 0 : 1};
        }
        int j = 0;
        for (Block h : s.inHand()) {
            if (h.equals(b)) return new double[] {handX() + j * (boxW + gap), rowY(b.order()), 1};
            if (h.order() == b.order()) j++;
        }
        return null;
    }

    void paint(Pen g, FreeListState from, FreeListState to, double t, Block subject, CanvasTips tips) {
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(pal.text.color());
        double hy = y0 + headH / 2;
        g.setFont(bold);
        head(g, tips, bold, "free_area[]", x0, hy, labelW - type.px(6), "free_area[]", "free_area");
        g.setFont(small);
        head(g, tips, small, "in hand: blocks being split, merged, allocated or freed", handX(), hy,
            listX() - labelW - type.px(10), "in hand", "hand");
        head(g, tips, small, "free list of each order, head → tail", x0 + listX(), hy, w - listX(),
            "free list: head → tail", "free list", "list");
        for (int o = 0; o < to.orders(); o++) {
            double y = rowY(o);
            g.setFill(pal.text.color());
            g.setFont(bold);
            double lb = TextFit.lineHeight(bold);
            double top = y + (rowH - lb - TextFit.lineHeight(small)) / 2;
            g.fillText("order " + o, x0, top + lb / 2);
            g.setFont(small);
            g.fillText(countLine(o, to.list(o).size()), x0, top + lb + TextFit.lineHeight(small) / 2);
            g.setStroke(pal.faint.color());
            g.setLineWidth(1);
            g.strokeLine(x0, y + rowH - 0.5, x0 + w, y + rowH - 0.5);
            int n = to.list(o).size();
            if (n > perRow) {
                g.setFill(pal.text.color());
                g.setFont(small);
                int more = n - perRow + 1;
                String full = "+" + more + " more";
                String s = TextFit.first(small, boxW, full, "+" + more);
                g.fillText(s, x0 + listX() + (perRow - 1) * (boxW + gap) + type.px(2), y + rowH / 2);
                if (tips != null) tips.add(x0 + listX() + (perRow - 1) * (boxW + gap), y, boxW, rowH,
                    more + " more free blocks of order " + o + " (" + n + " in all)");
            }
        }
        g.setStroke(pal.faint.color());
        g.setLineDashes(5 * type.fontScale(), 4 * type.fontScale());
        g.strokeLine(x0 + listX() - type.px(7), y0 + headH - type.px(4), x0 + listX() - type.px(7), rowY(to.orders()));
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

    private static void head(Pen g, CanvasTips tips, Font f, String full, double x, double y, double room,
                             String... forms) {
        String s = TextFit.first(f, Math.max(0, room), forms);
        if (s.isEmpty()) return;
        g.fillText(s, x, y);
        if (tips != null) tips.add(x, y - TextFit.lineHeight(f) / 2, TextFit.width(s, f), TextFit.lineHeight(f), full);
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
            if (p != null) return new double[] {p[0] + (b.pfn() == parent ? 0 : boxW / 2), p[1], 1};
        }
        if (b.order() > 0) {
            double[] c = where(s, new Block(b.pfn(), b.order() - 1));
            if (c == null) c = where(s, new Block(b.pfn() + (1L << (b.order() - 1)), b.order() - 1));
            if (c != null) return c;
        }
        return null;
    }

    private void drawMoving(Pen g, FreeListState from, FreeListState to, Block b, double e,
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
            double lw = type.line(3);
            g.setLineWidth(lw);
            g.strokeRect(x - lw, y + lw / 2 + 1, boxW + 2 * lw, rowH - lw - 2);
        }
        g.setGlobalAlpha(1);
    }

    private void box(Pen g, double x, double y, Block b, boolean inHand) {
        double pad = type.px(5);
        double h = rowH - 2 * pad;
        double arc = type.px(6);
        g.setFill(inHand ? pal.step.color().interpolate(pal.background.color(), 0.55) : pal.block.color());
        g.fillRoundRect(x, y + pad, boxW, h, arc, arc);
        g.setStroke(pal.text.color());
        g.setLineWidth(type.line(1.5));
        g.strokeRoundRect(x, y + pad, boxW, h, arc, arc);
        g.setFill(pal.text.color());
        g.setFont(mono);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(Sizes.frame(b.pfn()), x + boxW / 2, y + pad + h / 2);
        g.setTextAlign(TextAlignment.LEFT);
    }
}
