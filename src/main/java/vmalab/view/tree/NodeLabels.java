package vmalab.view.tree;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.text.Font;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.view.paint.TextFit;
import vmalab.view.paint.Type;

/**
 * The label forms a node can take, longest first, each measured in the label font (the level-of-detail rule
 * picks the first that has room, {@link TreeScene}):
 * <ol>
 *   <li>vm_start, vm_end on two lines above the centre, perms and name below;</li>
 *   <li>vm_start–vm_end on one line above, perms and name below;</li>
 *   <li>vm_start above, vm_end below (what the legend promises, in the least width);</li>
 *   <li>vm_start–vm_end on one line (in the least height);</li>
 *   <li>perms above, the name shortened below (a short tag: the tooltip has the rest);</li>
 * </ol>
 * else the node is a plain circle.
 */
final class NodeLabels {
    private Font font = Font.font(Type.MONO, 13);
    private double lh = 16;
    private double pad = 4;
    private double gap = 6;
    private double shortName = 60;

    void setType(Type type) {
        font = type.monoBold(13);
        lh = Math.ceil(TextFit.lineHeight(font));
        pad = Math.round(type.px(4));
        gap = Math.max(6, Math.round(type.px(6)));
        shortName = TextFit.width("0x12345", font);
    }

    Font font() { return font; }
    double lineHeight() { return lh; }
    double gap() { return gap; }

    /** The tallest form's height: a row this tall shows every node's full label. */
    double fullHeight() {
        return 2 * pad + 3 * lh + gap;
    }

    List<NodeLook> forms(Mm mm, Vma v, long key) {
        List<NodeLook> out = new ArrayList<>(4);
        if (v == null) {
            out.add(box(new String[] {VmaText.hex(key)}, new String[0]));
            return out;
        }
        String start = VmaText.hex(v.start());
        String end = VmaText.hex(v.end());
        String pn = VmaText.permsAndName(mm, v);
        String name = VmaText.shortName(mm, v);
        out.add(box(new String[] {start, end}, new String[] {pn}));
        out.add(box(new String[] {start + VmaText.DASH + end}, new String[] {pn}));
        out.add(box(new String[] {start}, new String[] {end}));
        // a low row (the app's tree pane at 1280×720): the range on one line, nothing below
        out.add(box(new String[] {start + VmaText.DASH + end}, new String[0]));
        String cut = TextFit.end(name, font, Math.max(shortName, TextFit.width(v.perms(), font)));
        out.add(box(new String[] {v.perms()}, cut.isEmpty() ? new String[0] : new String[] {cut}));
        return out;
    }

    private NodeLook box(String[] above, String[] below) {
        double w = 0;
        for (String s : above) w = Math.max(w, TextFit.width(s, font));
        for (String s : below) w = Math.max(w, TextFit.width(s, font));
        double up = pad + above.length * lh + gap / 2;
        double down = gap / 2 + Math.max(below.length * lh, lh * 0.35) + pad;
        return new NodeLook(NodeLook.Kind.BOX, w / 2 + pad + 1, up, down, above, below);
    }

    /** Baseline-centred y of line k of the box's text, for a node centred at y. */
    double lineY(NodeLook lk, int k, double y) {
        int above = lk.above().length;
        if (k < above) return y - gap / 2 - (above - k - 0.5) * lh;
        return y + gap / 2 + (k - above + 0.5) * lh;
    }
}
