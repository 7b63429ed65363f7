package vmalab.view.story;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.VPos;
import vmalab.view.paint.Pen;
import vmalab.view.paint.Type;
import vmalab.view.paint.TextFit;
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

    public void paint(Pen g, Type t, double x, double y, double w, double h, BuddyAt b, int cursor,
               double progress) {
        caption = "";
        ringed.clear();
        if (b == null) {
            g.setFill(pal.color("muted"));
            g.setFont(t.sans(18));
            g.setTextBaseline(VPos.TOP);
            put(g, x, y, w, "No physical memory model.", "No memory model");
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

        double capH = TextFit.lineHeight(t.bold(18)) * 1.3;
        double summaryH = TextFit.lineHeight(t.sans(16)) * 1.3;
        double headH = TextFit.lineHeight(t.sans(16)) * 1.25;
        double minRow = (TextFit.lineHeight(t.bold(19)) + TextFit.lineHeight(t.sans(15))) * 1.1;
        int room = (int) Math.floor((h - capH - summaryH - headH) / minRow);
        if (room < 1) {
            // too short for the lists: the free memory in one line, the caption if a second fits
            long free = 0;
            for (int o = 0; o < to.orders(); o++) free += (long) to.list(o).size() << o;
            g.setTextBaseline(VPos.TOP);
            g.setTextAlign(TextAlignment.LEFT);
            g.setFill(pal.color("muted"));
            g.setFont(t.sans(16));
            double lh = TextFit.lineHeight(g.getFont());
            if (lh <= h) put(g, x, y, w, Sizes.human(free * 4096) + " free in the lists", Sizes.human(free * 4096)
                + " free");
            g.setFont(t.bold(18));
            g.setFill(pal.color("ink"));
            if (!caption.isEmpty() && lh * 1.15 + TextFit.lineHeight(g.getFont()) <= h) {
                put(g, x, y + lh * 1.15, w, caption, shortCaption());
            }
            return;
        }
        // the orders the step touched first, then the lowest ones, as many as there is room for, in order
        java.util.TreeSet<Integer> rows = new java.util.TreeSet<>();
        for (int o : touched.descendingSet()) if (rows.size() < room && o < to.orders()) rows.add(o);
        for (int o = 0; o < to.orders() && rows.size() < Math.min(room, Math.max(4, touched.size())); o++) rows.add(o);
        for (int o = 0; o < to.orders() && rows.size() < room && o <= (touched.isEmpty() ? 3 : touched.last()); o++) {
            rows.add(o);
        }
        shownOrders = new java.util.ArrayList<>(rows);
        int shown = shownOrders.size();
        rowH = Math.max(Math.min(Math.max(t.px(70), minRow), (h - capH - summaryH - headH) / Math.max(1, shown)),
            Math.min(minRow, (h - capH - summaryH - headH) / Math.max(1, shown)));
        boxH = rowH * 0.72;
        gap = t.px(8);
        x0 = x;
        y0 = y + headH;
        labelW = Math.max(TextFit.width("order 10", t.bold(19)), TextFit.width("4 MiB · 99 free", t.sans(15)))
            + t.px(10);
        boxW = Math.max(t.px(86), TextFit.width("0x3ff0", t.monoBold(18)) + t.px(12));
        handW = boxW * 2 + gap * 2 + t.px(16);
        perRow = (int) Math.max(1, (w - labelW - handW - t.px(12)) / (boxW + gap));

        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(pal.color("muted"));
        g.setFont(t.sans(16));
        put(g, x0, y, labelW - t.px(6), "order · size", "order");
        put(g, x0 + labelW, y, handW - t.px(6), "in hand", "hand");
        put(g, x0 + labelW + handW, y, x + w - (x0 + labelW + handW), "free list: head → tail", "free list", "free");
        for (int o : shownOrders) {
            double ry = rowY(o);
            g.setFill(pal.color("ink"));
            g.setFont(t.bold(19));
            g.setTextBaseline(VPos.CENTER);
            put(g, x0, ry + rowH * 0.32, labelW - t.px(6), "order " + o, "o" + o);
            g.setFont(t.sans(15));
            g.setFill(pal.color("muted"));
            if (rowH >= minRow * 0.95) {
                put(g, x0, ry + rowH * 0.72, labelW - t.px(6), Sizes.human(4096L << o) + " · " + to.list(o).size()
                    + " free", Sizes.human(4096L << o));
            }
            g.setStroke(pal.color("grid"));
            g.setLineWidth(1);
            g.strokeLine(x0, ry + rowH - 0.5, x + w, ry + rowH - 0.5);
            int n = to.list(o).size();
            if (n > perRow) {
                g.setFill(pal.color("muted"));
                g.setFont(t.sans(15));
                put(g, listX() + (perRow - 1) * (boxW + gap) + t.px(4), ry + rowH / 2,
                    x + w - (listX() + (perRow - 1) * (boxW + gap) + t.px(4)), "+" + (n - perRow + 1) + " more",
                    "+" + (n - perRow + 1));
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
            if (by + TextFit.lineHeight(g.getFont()) <= y + h + 0.5) {
                put(g, x0, by, w, String.format(java.util.Locale.ROOT, "other orders (up to %d): %d blocks, %s free", to.orders() - 1, blocks,
                    Sizes.human(frames * 4096)), String.format(java.util.Locale.ROOT, "orders to %d: %s free", to.orders() - 1,
                    Sizes.human(frames * 4096)), Sizes.human(frames * 4096) + " free elsewhere");
            }
        }
        by += summaryH;
        if (!caption.isEmpty()) {
            g.setFill(pal.color("ink"));
            g.setFont(t.bold(18));
            if (by + TextFit.lineHeight(g.getFont()) <= y + h + 0.5) put(g, x0, by, w, caption, shortCaption());
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

    /**
     * The first of {@code forms} that fits {@code maxW} in the pen's font, drawn at (x, y) as the pen is set up;
     * nothing when none fits (a shortened caption's full text is {@link #caption()}).
     */
    private static void put(Pen g, double x, double y, double maxW, String... forms) {
        for (String f : forms) {
            if (TextFit.fits(f, g.getFont(), maxW)) {
                g.fillText(f, x, y);
                return;
            }
        }
    }

    /** The caption without the split that led to it, for a narrow panel. */
    private String shortCaption() {
        int i = caption.indexOf(" · ");
        return i < 0 ? caption : caption.substring(i + 3);
    }

    /** A split's half comes out of its parent: where the parent was. */
    private static double[] parentOf(Map<Block, double[]> src, Block b) {
        long parent = b.pfn() & -(1L << (b.order() + 1));
        return src.get(new Block(parent, b.order() + 1));
    }

    private void box(Pen g, Type t, double x, double y, Block b, boolean inHand, boolean ring) {
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
        if (TextFit.lineHeight(g.getFont()) <= boxH + 2) put(g, x + boxW / 2, y + boxH / 2, boxW - 4, Sizes.hex(b.pfn()));
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
