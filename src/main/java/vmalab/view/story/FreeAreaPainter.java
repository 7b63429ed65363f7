package vmalab.view.story;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;
import vmalab.model.buddy.BuddyEvent;
import vmalab.view.anim.Motion;
import vmalab.view.anim.Palette;
import vmalab.viewmodel.Sizes;
import vmalab.viewmodel.fold.BuddyAt;
import vmalab.viewmodel.fold.BuddyFrames;
import vmalab.viewmodel.fold.FreeListState;
import vmalab.viewmodel.fold.FreeListState.Block;

/**
 * {@code zone->free_area[]} for the story: the low orders one row each, a block box per free block (its first
 * frame in hex), the blocks in hand (taken off a list to be split or handed out) in a column of their own.
 * While a buddy step plays, its blocks slide from where they were: expand()'s halves out of their parent, a block
 * taken by __rmqueue_smallest() into the hand. Blocks the step moved keep an orange ring until the next step.
 */
public final class FreeAreaPainter {
    private final Palette pal;
    private String caption = "";
    private final Set<Long> ringed = new HashSet<>();
    private double x0;
    private double y0;
    private double labelW;
    private double handW;
    private double boxW;
    private double boxH;
    private double rowH;
    private double gap;
    private int perRow;
    private List<Integer> shownOrders = List.of();

    public FreeAreaPainter(Palette pal) {
        this.pal = pal;
    }

    /** What the last buddy step shown did, in words (frames in hex), or empty. */
    public String caption() {
        return caption;
    }

    public void paint(GraphicsContext g, StoryType t, double x, double y, double w, double h, BuddyAt b, int cursor,
               double progress) {
        caption = "";
        ringed.clear();
        if (b == null) {
            g.setFill(pal.color("muted"));
            g.setFont(t.sans(18));
            g.setTextBaseline(VPos.TOP);
            g.fillText("No physical memory model.", x, y);
            return;
        }
        FreeListState to = b.lists();
        BuddyFrames.Step last = b.step();
        boolean playing = last != null && last.eventIndex() == cursor - 1 && progress < 1;
        FreeListState from = playing ? b.frames().state(b.frame() - 1) : to;
        java.util.TreeSet<Integer> touched = new java.util.TreeSet<>();
        for (int k = 1; k <= b.frame() && b.frames().animated(); k++) {
            Block s = b.frames().step(k).subject();
            if (s == null) continue;
            touched.add(s.order());
            ringed.add(s.pfn());
        }
        if (last != null) caption = caption(last.event());
        // expand()'s split is the story: keep it in the caption once the block is handed out
        String split = "";
        for (int k = 1; k <= b.frame() && b.frames().animated(); k++) {
            if (b.frames().step(k).event() instanceof BuddyEvent.Split sp) {
                split = "split " + Sizes.hex(sp.pfn()) + " (order " + sp.order() + ")";
            }
        }
        if (!split.isEmpty() && last != null && !(last.event() instanceof BuddyEvent.Split)) {
            caption = "expand: " + split + " · " + caption;
        }

        double capH = t.size(30, 19);
        double summaryH = t.size(28, 18);
        double headH = t.size(26, 18);
        double minRow = t.size(46, 30);
        int room = (int) Math.max(1, Math.floor((h - capH - summaryH - headH) / minRow));
        // the orders the step touched first, then the lowest ones, as many as there is room for, in order
        java.util.TreeSet<Integer> rows = new java.util.TreeSet<>();
        for (int o : touched.descendingSet()) if (rows.size() < room && o < to.orders()) rows.add(o);
        for (int o = 0; o < to.orders() && rows.size() < Math.min(room, Math.max(4, touched.size())); o++) rows.add(o);
        for (int o = 0; o < to.orders() && rows.size() < room && o <= (touched.isEmpty() ? 3 : touched.last()); o++) {
            rows.add(o);
        }
        shownOrders = new java.util.ArrayList<>(rows);
        int shown = shownOrders.size();
        rowH = Math.min(t.px(70), (h - capH - summaryH - headH) / Math.max(1, shown));
        boxH = rowH * 0.72;
        gap = t.px(8);
        x0 = x;
        y0 = y + headH;
        labelW = t.size(150, 100);
        boxW = Math.max(t.size(86, 64), t.size(18, 12) * 0.62 * 6 + t.px(12));
        handW = boxW * 2 + gap * 2 + t.px(16);
        perRow = (int) Math.max(1, (w - labelW - handW - t.px(12)) / (boxW + gap));

        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(pal.color("muted"));
        g.setFont(t.sans(16));
        g.fillText("order · size", x0, y);
        g.fillText("in hand", x0 + labelW, y);
        g.fillText("free list: head → tail", x0 + labelW + handW, y);
        for (int o : shownOrders) {
            double ry = rowY(o);
            g.setFill(pal.color("ink"));
            g.setFont(t.bold(19));
            g.setTextBaseline(VPos.CENTER);
            g.fillText("order " + o, x0, ry + rowH * 0.32);
            g.setFont(t.sans(15));
            g.setFill(pal.color("muted"));
            g.fillText(Sizes.human(4096L << o) + " · " + to.list(o).size() + " free", x0, ry + rowH * 0.72);
            g.setStroke(pal.color("grid"));
            g.setLineWidth(1);
            g.strokeLine(x0, ry + rowH - 0.5, x + w, ry + rowH - 0.5);
            int n = to.list(o).size();
            if (n > perRow) {
                g.setFill(pal.color("muted"));
                g.setFont(t.sans(15));
                g.fillText("+" + (n - perRow + 1) + " more", listX() + (perRow - 1) * (boxW + gap) + t.px(4),
                    ry + rowH / 2);
            }
        }
        g.setStroke(pal.color("grid"));
        g.setLineDashes(t.px(6), t.px(5));
        g.strokeLine(listX() - t.px(10), y0, listX() - t.px(10), y0 + shown * rowH);
        g.setLineDashes();

        double e = playing ? Motion.ease(progress) : 1;
        Map<Block, double[]> dest = places(to, shown);
        Map<Block, double[]> src = playing ? places(from, shown) : dest;
        for (Map.Entry<Block, double[]> d : dest.entrySet()) {
            Block blk = d.getKey();
            double[] a = src.get(blk);
            if (a == null && playing) a = parentOf(src, blk);
            double[] p = d.getValue();
            double bx = a == null ? p[0] : Motion.lerp(a[0], p[0], e);
            double by = a == null ? p[1] : Motion.lerp(a[1], p[1], e);
            g.setGlobalAlpha(a == null && playing ? e : 1);
            box(g, t, bx, by, blk, to.inHand().contains(blk), ringed.contains(blk.pfn()));
            g.setGlobalAlpha(1);
        }
        if (playing) {
            for (Map.Entry<Block, double[]> s : src.entrySet()) {
                if (dest.containsKey(s.getKey())) continue;
                g.setGlobalAlpha(1 - e);
                box(g, t, s.getValue()[0] + t.px(40) * e, s.getValue()[1], s.getKey(), true, true);
                g.setGlobalAlpha(1);
            }
        }
        double by = y0 + shown * rowH + t.px(6);
        g.setTextBaseline(VPos.TOP);
        long blocks = 0;
        long frames = 0;
        for (int o = 0; o < to.orders(); o++) {
            if (rows.contains(o)) continue;
            blocks += to.list(o).size();
            frames += (long) to.list(o).size() << o;
        }
        if (shown < to.orders()) {
            g.setFill(pal.color("muted"));
            g.setFont(t.sans(16));
            g.fillText(String.format("other orders (up to %d): %d blocks, %s free", to.orders() - 1, blocks,
                Sizes.human(frames * 4096)), x0, by);
        }
        by += summaryH;
        if (!caption.isEmpty()) {
            g.setFill(pal.color("ink"));
            g.setFont(t.bold(18));
            g.fillText(WalkRowPainter.fit(caption, w, t.size(18, 13) * 0.95), x0, by);
        }
    }

    private double rowY(int order) {
        int i = shownOrders.indexOf(order);
        return y0 + Math.max(0, i) * rowH;
    }

    private double listX() {
        return x0 + labelW + handW;
    }

    /** Where every block of s sits: on its list (the first perRow - 1 when the row overflows) or in the hand. */
    private Map<Block, double[]> places(FreeListState s, int shown) {
        Map<Block, double[]> m = new HashMap<>();
        for (int o : shownOrders) {
            List<Long> l = s.list(o);
            int max = l.size() > perRow ? perRow - 1 : perRow;
            for (int i = 0; i < Math.min(l.size(), max); i++) {
                m.put(new Block(l.get(i), o), new double[] {listX() + i * (boxW + gap), rowY(o) + (rowH - boxH) / 2});
            }
        }
        int[] perOrder = new int[s.orders()];
        for (Block b : s.inHand()) {
            if (!shownOrders.contains(b.order())) continue;
            int j = perOrder[b.order()]++;
            m.put(b, new double[] {x0 + labelW + j * (boxW + gap), rowY(b.order()) + (rowH - boxH) / 2});
        }
        return m;
    }

    /** A split's half comes out of its parent: where the parent was. */
    private static double[] parentOf(Map<Block, double[]> src, Block b) {
        long parent = b.pfn() & -(1L << (b.order() + 1));
        return src.get(new Block(parent, b.order() + 1));
    }

    private void box(GraphicsContext g, StoryType t, double x, double y, Block b, boolean inHand, boolean ring) {
        g.setFill(inHand ? pal.color("story-hand") : pal.color("buddy-block"));
        g.fillRoundRect(x, y, boxW, boxH, t.px(8), t.px(8));
        g.setStroke(pal.color("ink"));
        g.setLineWidth(1.5);
        g.strokeRoundRect(x, y, boxW, boxH, t.px(8), t.px(8));
        if (ring) {
            g.setStroke(pal.color("story-step"));
            g.setLineWidth(Math.max(3, t.px(5)));
            g.strokeRoundRect(x - t.px(3), y - t.px(3), boxW + t.px(6), boxH + t.px(6), t.px(10), t.px(10));
        }
        g.setFill(pal.color("ink"));
        g.setFont(t.monoBold(18));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(Sizes.hex(b.pfn()), x + boxW / 2, y + boxH / 2);
        g.setTextAlign(TextAlignment.LEFT);
    }

    /** The buddy step in words, frames in hex. */
    static String caption(BuddyEvent e) {
        if (e instanceof BuddyEvent.ListDel d) {
            return "__rmqueue_smallest: takes block " + Sizes.hex(d.pfn()) + " off free list " + d.order();
        }
        if (e instanceof BuddyEvent.Split s) {
            return "expand: order-" + s.order() + " block " + Sizes.hex(s.pfn()) + " splits into "
                + Sizes.hex(s.pfn()) + " + " + Sizes.hex(s.pfn() + (1L << (s.order() - 1)));
        }
        if (e instanceof BuddyEvent.ListAdd a) {
            return "expand: the upper half " + Sizes.hex(a.pfn()) + " goes to free list " + a.order();
        }
        if (e instanceof BuddyEvent.Merge m) {
            return "__free_one_page: " + Sizes.hex(m.pfn()) + " merges with its buddy " + Sizes.hex(m.buddyPfn());
        }
        if (e instanceof BuddyEvent.Allocated a) {
            return "handed out: order-" + a.order() + " block " + Sizes.hex(a.pfn());
        }
        if (e instanceof BuddyEvent.Freed f) {
            return "__free_pages: order-" + f.order() + " block " + Sizes.hex(f.pfn()) + " given back";
        }
        return "";
    }
}
