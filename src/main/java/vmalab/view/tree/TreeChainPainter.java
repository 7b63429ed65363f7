package vmalab.view.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javafx.geometry.VPos;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import vmalab.view.paint.Pen;
import vmalab.view.paint.TextFit;
import vmalab.view.paint.Type;
import vmalab.viewmodel.fold.TreeShape;

/**
 * The vm_next list along the bottom of the tree view, from mm->mmap to NULL: one box per VMA labelled with its
 * vm_start, linked by arrows. When the tree's columns are wide enough each box sits under its node's column
 * (in-order is address order); otherwise the list is drawn on its own, as many boxes as fit: the first and last
 * VMAs, the step's and the selected one always, and "…N more…" for each run left out.
 */
final class TreeChainPainter {
    static final String TITLE = "vm_next list (address order), from mm->mmap";
    static final String LOW_HEAD = "vm_next list: ";
    private final TreePalette pal;
    private Type type = Type.of(1);
    private Font font = Font.font(Type.MONO, 13);
    private Font titleFont = Font.font(Type.SANS, 13);
    private double lh = 16;
    private double titleH = 16;
    /** A low picture (the window's pane at 1280×720): the title goes into the row instead of a line of its own. */
    private boolean low;
    /** Where each shown VMA's box is (rank → centre x), as last painted. */
    private final Map<Integer, Double> boxX = new TreeMap<>();

    TreeChainPainter(TreePalette pal) {
        this.pal = pal;
    }

    void setType(Type t, Font mono) {
        type = t;
        font = mono;
        titleFont = t.sans(13);
        lh = Math.ceil(TextFit.lineHeight(font));
        titleH = Math.ceil(TextFit.lineHeight(titleFont));
    }

    private double pad() { return Math.round(type.px(5)); }
    private double boxH() { return lh + 2 * pad(); }
    private double arrowLen() { return Math.round(type.px(20)); }

    /** The strip's height: its title and one row of boxes (the row alone when low). */
    double height() {
        return (low ? 0 : titleH) + boxH() + type.px(6) + 14;
    }

    /** Whether a picture {@code h} px high is low: the list's title then opens its row. */
    void fitTo(double h) {
        low = h < type.px(440);
    }

    /** The row's first words: "mm->mmap", after "vm_next list:" when the title has no line of its own. */
    private String head() {
        return low ? LOW_HEAD + "mm->mmap" : "mm->mmap";
    }

    private double centreY(double h) {
        return h - 6 - boxH() / 2;
    }

    double boxTop(double h) {
        return centreY(h) - boxH() / 2;
    }

    /** Centre x of the box of the VMA of rank r in the last picture, or NaN when it is not shown. */
    double boxX(int rank) {
        Double x = boxX.get(rank);
        return x == null ? Double.NaN : x;
    }

    private void title(Pen g, double w, double h) {
        double top = h - height();
        g.setStroke(pal.chainBox.color());
        g.setLineWidth(1);
        g.strokeLine(0, top + 0.5, w, top + 0.5);
        if (low) return;
        g.setFill(pal.text.color());
        g.setFont(titleFont);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(TextFit.end(TITLE, titleFont, w - 16), 8, top + 4);
    }

    void paintEmpty(Pen g, double w, double h) {
        boxX.clear();
        title(g, w, h);
        g.setFill(pal.text.color());
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(TextFit.end("mm->mmap = NULL: no VMAs", font, w - 16), 8, centreY(h));
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(TextFit.end("mm_rb is empty", font, w - 16), w / 2, (h - height()) / 2);
    }

    private double boxW(TreeShape s) {
        return TextFit.width(VmaText.hex(s.key(s.byRank(s.size() - 1))), font) + 2 * pad();
    }

    /** Whether the boxes sit under their nodes at this zoom. */
    boolean aligned(TreeCamera cam, TreeShape s) {
        return s.size() > 0 && cam.sx() >= boxW(s) + arrowLen() * 0.8;
    }

    /**
     * Paints the list. {@code must}: ranks that are always shown (the step's VMAs, the selected one).
     */
    void paint(Pen g, double w, double h, TreeCamera cam, TreeMotion m, int lo, int hi, long selected,
               TreeSet<Integer> must) {
        boxX.clear();
        title(g, w, h);
        TreeShape s = m.to();
        if (aligned(cam, s)) {
            paintAligned(g, w, h, cam, m, lo, hi, selected);
        } else {
            paintCompact(g, w, h, s, selected, must);
        }
    }

    private void paintAligned(Pen g, double w, double h, TreeCamera cam, TreeMotion m, int lo, int hi,
                              long selected) {
        TreeShape s = m.to();
        double y = centreY(h);
        double half = boxW(s) / 2;
        double prevRight = Double.NaN;
        double mmapW = TextFit.width(head(), font) + arrowLen() + 6;
        for (int r = lo; r <= hi; r++) {
            int i = s.byRank(r);
            double x = cam.screenX(m.chainCol(i) + 0.5);
            if (!Double.isNaN(prevRight) && x - half - prevRight >= 8) arrow(g, prevRight, x - half, y);
            if (r == 0 && x - half > mmapW + 8) {
                text(g, head(), x - half - arrowLen() - 4, y, TextAlignment.RIGHT);
                arrow(g, x - half - arrowLen(), x - half, y);
            }
            g.setGlobalAlpha(m.alpha(i));
            box(g, x, y, half, VmaText.hex(s.key(i)), s.key(i) == selected);
            g.setGlobalAlpha(1);
            boxX.put(r, x);
            prevRight = x + half;
            double nullW = TextFit.width("NULL", font) + arrowLen() + 6;
            if (r == s.size() - 1 && x + half + nullW < w - 4) {
                arrow(g, x + half, x + half + arrowLen(), y);
                text(g, "NULL", x + half + arrowLen() + 4, y, TextAlignment.LEFT);
            }
        }
    }

    /** What the compact list shows: VMA ranks, and -n for a run of n left out. */
    static List<Integer> pick(int n, TreeSet<Integer> must, java.util.function.IntPredicate fits) {
        TreeSet<Integer> shown = new TreeSet<>();
        shown.add(0);
        shown.add(n - 1);
        for (int r : must) if (r >= 0 && r < n) shown.add(r);
        if (!fits.test(shown.size() + runs(shown))) {
            // not even the must-shows fit: keep the first of them, then as many as fit from the head
            TreeSet<Integer> few = new TreeSet<>();
            for (int r : shown) {
                few.add(r);
                if (!fits.test(few.size() + runs(few))) {
                    few.remove(r);
                    break;
                }
            }
            shown = few;
        } else {
            int head = 1;
            int tail = n - 2;
            boolean fromHead = true;
            while (head <= tail) {
                int r = fromHead ? head++ : tail--;
                fromHead = !fromHead;
                if (shown.contains(r)) continue;
                shown.add(r);
                if (!fits.test(shown.size() + runs(shown))) {
                    shown.remove(r);
                    break;
                }
            }
        }
        List<Integer> out = new ArrayList<>();
        int prev = -1;
        for (int r : shown) {
            if (r - prev > 1) out.add(-(r - prev - 1));
            out.add(r);
            prev = r;
        }
        if (prev < n - 1) out.add(-(n - 1 - prev));
        return out;
    }

    private static int runs(TreeSet<Integer> shown) {
        int runs = 0;
        int prev = -1;
        for (int r : shown) {
            if (r - prev > 1) runs++;
            prev = r;
        }
        return runs;
    }

    private void paintCompact(Pen g, double w, double h, TreeShape s, long selected, TreeSet<Integer> must) {
        int n = s.size();
        double y = centreY(h);
        double bw = boxW(s);
        double al = arrowLen();
        double right = w - 8 - TextFit.width("NULL", font) - 4;
        double token = TextFit.width("…" + n + " more…", titleFont) + 8;
        // the title's words open the row only when two boxes and a run left out still fit after them
        String head = head();
        if (8 + TextFit.width(head, font) + 4 + 2 * (bw + al) + token + 2 * al > right) head = "mm->mmap";
        double left = 8 + TextFit.width(head, font) + 4;
        double avail = right - left - al;
        // each item costs its width and the arrow before it; a run left out costs about one box
        // (a run left out after the last item shown is not counted by pick: keep a token's room for it)
        java.util.function.IntPredicate fits = items -> items * (Math.max(bw, token) + al) <= avail - token - al;
        List<Integer> items = n * (bw + al) <= avail ? allRanks(n) : pick(n, must, fits);
        // spare room spreads evenly over the arrows, never more than it is (a fixed step overran with a run's token)
        double used = 0;
        for (int item : items) used += (item >= 0 ? bw : token) + al;
        double extra = Math.max(0, Math.min(2 * al, (avail - used) / Math.max(1, items.size())));
        text(g, head, 8, y, TextAlignment.LEFT);
        double x = left;
        for (int item : items) {
            double itemW = item >= 0 ? bw : token;
            double slot = itemW + al + extra;
            arrow(g, x, x + slot - itemW, y);
            double cx = x + slot - itemW / 2;
            if (item >= 0) {
                int i = s.byRank(item);
                box(g, cx, y, bw / 2, VmaText.hex(s.key(i)), s.key(i) == selected);
                boxX.put(item, cx);
            } else {
                g.setFill(pal.text.color());
                g.setFont(titleFont);
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.CENTER);
                g.fillText("…" + (-item) + " more…", cx, y);
            }
            x += slot;
        }
        arrow(g, x, x + al, y);
        text(g, "NULL", x + al + 4, y, TextAlignment.LEFT);
    }

    private static List<Integer> allRanks(int n) {
        List<Integer> out = new ArrayList<>(n);
        for (int r = 0; r < n; r++) out.add(r);
        return out;
    }

    private void box(Pen g, double x, double y, double half, String label, boolean sel) {
        double bh = boxH();
        g.setFill(sel ? pal.selected.color() : pal.chainBox.color());
        g.fillRoundRect(x - half, y - bh / 2, 2 * half, bh, 6, 6);
        g.setStroke(sel ? pal.selected.color() : pal.chain.color());
        g.setLineWidth(type.line(1.5));
        g.strokeRoundRect(x - half, y - bh / 2, 2 * half, bh, 6, 6);
        g.setFill(sel ? pal.nodeText.color() : pal.text.color());
        g.setFont(font);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(label, x, y);
    }

    private void text(Pen g, String s, double x, double y, TextAlignment align) {
        g.setFill(pal.text.color());
        g.setFont(font);
        g.setTextAlign(align);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(s, x, y);
    }

    private void arrow(Pen g, double x0, double x1, double y) {
        if (x1 - x0 < 6) return;
        double a = type.px(4.5);
        g.setStroke(pal.chain.color());
        g.setFill(pal.chain.color());
        g.setLineWidth(type.line(2));
        g.strokeLine(x0 + 1, y, x1 - 2 * a + 2, y);
        g.fillPolygon(new double[] {x1 - 1, x1 - 2 * a, x1 - 2 * a}, new double[] {y, y - a, y + a}, 3);
    }
}
