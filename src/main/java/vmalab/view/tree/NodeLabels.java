package vmalab.view.tree;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.text.Font;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.view.paint.TextFit;
import vmalab.view.paint.Type;

/**
 * The label forms a node can take, richest first, each measured in the label font; the level-of-detail rule
 * ({@link TreeScene}) gives a node the first form that has room:
 * <ol start="0">
 *   <li>a rounded box of two lines: vm_start–vm_end over perms and name;</li>
 *   <li>the same with vm_end shortened ({@code 0x555555554000–…7000}: the digits it shares with vm_start left
 *       out, the tooltip has it whole);</li>
 *   <li>vm_start over vm_end over perms and name (narrow, for tall rows);</li>
 *   <li>vm_start over vm_end (narrow: the slide's crowded rows);</li>
 *   <li>vm_start–vm_end on one line (a low row: the window's tree pane at 1280×720);</li>
 *   <li>the shortened range on one line;</li>
 *   <li>perms and the name, cut to a short tag;</li>
 * </ol>
 * else the node is a plain circle (a dot when zoomed far out). The name under a range is cut to the range's
 * width, so the range alone decides how wide a node is.
 */
final class NodeLabels {
    /** The forms that show the range (all but the perms-and-name tag): the labelled Fit picks among them. */
    static final int RANGE_FORMS = 6;

    private Font font = Font.font(Type.MONO, 13);
    private double lh = 16;
    private double pad = 4;
    private double gap = 2;
    private double shortName = 60;

    void setType(Type type) {
        font = type.monoBold(13);
        lh = Math.ceil(TextFit.lineHeight(font));
        pad = Math.round(type.px(4));
        gap = Math.max(2, Math.round(type.px(2)));
        shortName = TextFit.width("0x12345", font);
    }

    Font font() { return font; }
    double lineHeight() { return lh; }

    /** The tallest box's height (three lines): a row this tall (and a gap for the edges) shows every form. */
    double fullHeight() {
        return 2 * pad + 3 * lh + gap;
    }

    /** The one-line box's height. */
    double lineBoxHeight() {
        return 2 * pad + lh;
    }

    List<NodeLook> forms(Mm mm, Vma v, long key) {
        List<NodeLook> out = new ArrayList<>(7);
        if (v == null) {
            out.add(box(new String[] {VmaText.hex(key)}, new String[0]));
            return out;
        }
        String range = VmaText.range(v);
        String shortRange = VmaText.shortRange(v);
        String pn = VmaText.permsAndName(mm, v);
        out.add(box(new String[] {range}, new String[] {cut(pn, range)}));
        out.add(box(new String[] {shortRange}, new String[] {cut(pn, shortRange)}));
        String start = VmaText.hex(v.start());
        out.add(box(new String[] {start, VmaText.hex(v.end())}, new String[] {cut(pn, start)}));
        out.add(box(new String[] {start}, new String[] {VmaText.hex(v.end())}));
        out.add(box(new String[] {range}, new String[0]));
        out.add(box(new String[] {shortRange}, new String[0]));
        String tag = TextFit.end(pn, font, Math.max(shortName, TextFit.width(v.perms() + " ", font) + shortName / 2));
        if (!tag.isEmpty()) out.add(box(new String[] {tag}, new String[0]));
        return out;
    }

    /** {@code pn} cut (with "…") to the width of {@code over}, the range line above it. */
    private String cut(String pn, String over) {
        String c = TextFit.end(pn, font, TextFit.width(over, font));
        return c.isEmpty() ? pn : c;
    }

    private NodeLook box(String[] above, String[] below) {
        double w = 0;
        for (String s : above) w = Math.max(w, TextFit.width(s, font));
        for (String s : below) w = Math.max(w, TextFit.width(s, font));
        double h = 2 * pad + (above.length + below.length) * lh + (above.length > 0 && below.length > 0 ? gap : 0);
        return new NodeLook(NodeLook.Kind.BOX, w / 2 + pad + 1, h / 2, h / 2, above, below);
    }

    /** Baseline-centred y of line k of the box's text, for a node centred at y. */
    double lineY(NodeLook lk, int k, double y) {
        double top = y - lk.up() + pad;
        return top + (k + 0.5) * lh + (k >= lk.above().length ? gap : 0);
    }
}
