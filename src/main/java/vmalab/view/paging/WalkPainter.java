package vmalab.view.paging;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import vmalab.model.mm.Profile;
import vmalab.model.paging.Pte;
import vmalab.model.paging.TableFormat;
import vmalab.model.paging.WalkStep;
import vmalab.viewmodel.fold.PtesAtCursor;

/**
 * A page walk as the MMU does it: the virtual address cut into its index fields (one colour per level), then
 * each level's table with the selected entry lit and an arrow to the next table, ending at the page frame (or
 * at the missing table or the not-present PTE where a fault would start).
 */
final class WalkPainter {
    /** Height the walk needs. */
    static final double HEIGHT = 300;
    private static final double ROW = 22;
    private static final double HEADER = 28;
    private static final double ARROW = 36;

    private final PagingPalette pal;
    private final Font title = Font.font("System", FontWeight.BOLD, 16);
    private final Font mono = Font.font("Monospaced", 14);
    private final Font monoBold = Font.font("Monospaced", FontWeight.BOLD, 14);
    private final Font label = Font.font("System", FontWeight.BOLD, 14);

    WalkPainter(PagingPalette pal) {
        this.pal = pal;
    }

    /** What the frame box says about the frame a PTE maps: its owner. */
    interface FrameNames {
        String owner(long pfn);
    }

    void paintNone(GraphicsContext g, double y, String message) {
        g.setFill(pal.faint.color());
        g.setFont(label);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(message, 12, y + 12);
    }

    void paint(GraphicsContext g, double y, double w, Profile profile, long addr, PtesAtCursor ptes,
               FrameNames names) {
        TableFormat fmt = TableFormat.of(profile);
        List<WalkStep> steps = ptes.walk(addr);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(pal.text.color());
        g.setFont(title);
        g.fillText(String.format("Page walk of %x (%s, %d levels): mm->pgd, then one index per level", addr,
            profile.levels() == 4 ? "x86-64" : "i386", fmt.depth()), 12, y + 12);
        double barY = y + 30;
        paintBits(g, 12, barY, w - 24, fmt, addr, profile.addressBits());
        int n = fmt.depth() + 1;
        double tw = Math.min(270, (w - 24 - fmt.depth() * ARROW) / n);
        double ty = barY + 64;
        double x = 12;
        boolean stopped = false;
        for (int lvl = 0; lvl < fmt.depth(); lvl++) {
            TableFormat.Level level = fmt.level(lvl);
            WalkStep s = lvl < steps.size() ? steps.get(lvl) : null;
            if (stopped || s == null) {
                break;
            }
            double entryY = paintTable(g, x, ty, tw, level, s, addr, ptes, lvl == fmt.leafLevel(), profile);
            if (s.tablePfn() < 0) {
                stopped = true;
                break;
            }
            boolean goOn = s.entry().present();
            if (!goOn) {
                paintEnd(g, x + tw + ARROW, ty, tw, false, s, lvl == fmt.leafLevel(), addr, names);
                arrow(g, x + tw, entryY, x + tw + ARROW, ty + HEADER / 2, pal.fault.color(), true);
                return;
            }
            arrow(g, x + tw, entryY, x + tw + ARROW, ty + HEADER / 2, pal.walk.color(), false);
            x += tw + ARROW;
            if (lvl == fmt.leafLevel()) {
                paintEnd(g, x, ty, tw, true, s, true, addr, names);
                return;
            }
        }
    }

    /** The address's bits, one box per field, each with the index it selects. */
    private void paintBits(GraphicsContext g, double x, double y, double w, TableFormat fmt, long addr, int bits) {
        int total = fmt.level(0).shift() + Integer.numberOfTrailingZeros(fmt.level(0).entries());
        double unit = w / total;
        int hi = total - 1;
        for (int i = 0; i <= fmt.depth(); i++) {
            boolean offset = i == fmt.depth();
            int lo = offset ? 0 : fmt.level(i).shift();
            String name = offset ? "offset" : fmt.level(i).name();
            String value = offset ? String.format("0x%03x", addr & 0xfff) : Integer.toString(fmt.level(i).index(addr));
            double bw = (hi - lo + 1) * unit;
            double bx = x + (total - 1 - hi) * unit;
            g.setFill(pal.level(name));
            g.fillRect(bx + 1, y, bw - 2, 48);
            g.setFill(pal.nodeTextOn());
            g.setTextAlign(TextAlignment.CENTER);
            g.setFont(label);
            g.fillText(name + " " + value, bx + bw / 2, y + 14);
            g.setFont(mono);
            g.fillText("bits " + hi + "-" + lo, bx + bw / 2, y + 34);
            hi = lo - 1;
        }
        g.setTextAlign(TextAlignment.LEFT);
    }

    /** About the width of one 14px character (monospaced or bold label), for fitting text in a table. */
    private static final double CHAR_PX = 8.6;

    private static boolean fits(String text, double w) {
        return text.length() * CHAR_PX <= w - 14;
    }

    /** The text, cut with an ellipsis when it would run past a table of width w. */
    private static String fit(String text, double w) {
        int chars = (int) ((w - 14) / CHAR_PX);
        return text.length() <= chars || chars < 2 ? text : text.substring(0, chars - 1) + "…";
    }

    /** One table with the walked entry lit; returns the entry's centre y for the arrow. */
    private double paintTable(GraphicsContext g, double x, double y, double w, TableFormat.Level level, WalkStep s,
                              long addr, PtesAtCursor ptes, boolean leaf, Profile profile) {
        int digits = profile.levels() == 4 ? 16 : 8;
        if (s.tablePfn() < 0) {
            g.setStroke(pal.faint.color());
            g.setLineWidth(2);
            g.setLineDashes(7, 5);
            g.strokeRect(x, y, w, HEADER + 3 * ROW);
            g.setLineDashes();
            g.setFill(pal.text.color());
            g.setFont(label);
            g.fillText("no " + level.name() + " table yet", x + 10, y + HEADER / 2 + 2);
            g.setFont(mono);
            g.fillText("a fault allocates it", x + 10, y + HEADER + ROW);
            g.fillText("(__" + level.name().toLowerCase() + "_alloc)", x + 10, y + HEADER + 2 * ROW);
            return y + HEADER / 2;
        }
        g.setFill(pal.level(level.name()));
        g.fillRect(x, y, w, HEADER);
        g.setFill(pal.nodeTextOn());
        g.setFont(label);
        g.fillText(fit(String.format("%s table, frame %x", level.name(), s.tablePfn()), w), x + 8, y + HEADER / 2);
        int idx = s.index();
        double ry = y + HEADER;
        double entryY = 0;
        g.setStroke(pal.faint.color());
        g.setLineWidth(1);
        for (int k = idx - 2; k <= idx + 2; k++) {
            boolean edge = k == idx - 2 || k == idx + 2;
            if (k < 0 || k >= level.entries()) continue;
            if (edge) {
                g.setFill(pal.faint.color());
                g.setFont(mono);
                g.fillText("   ⋮", x + 8, ry + ROW / 2);
                ry += ROW;
                continue;
            }
            Pte e = k == idx ? s.entry() : neighbour(ptes, addr, level, k - idx, leaf);
            long raw = e.raw() & (digits == 8 ? 0xffffffffL : -1L);
            String text = String.format("[%d] %0" + digits + "x", k, raw);
            if (!fits(text, w)) text = fit(String.format("[%d] %x", k, raw), w); // narrow: drop the leading zeros
            if (k == idx) {
                double hgt = 2 * ROW;
                g.setFill(pal.entry.color());
                g.fillRect(x, ry, w, hgt);
                g.setStroke(pal.walk.color());
                g.setLineWidth(3);
                g.strokeRect(x + 1.5, ry + 1.5, w - 3, hgt - 3);
                g.setFill(pal.text.color());
                g.setFont(monoBold);
                g.fillText(text, x + 8, ry + ROW / 2 + 1);
                g.setFont(mono);
                g.fillText(fit(describe(e, leaf), w), x + 8, ry + ROW * 1.5);
                entryY = ry + hgt / 2;
                ry += hgt;
            } else {
                g.setFill(pal.text.color());
                g.setFont(mono);
                g.fillText(text, x + 8, ry + ROW / 2);
                ry += ROW;
            }
        }
        g.setStroke(pal.text.color());
        g.setLineWidth(1.5);
        g.strokeRect(x, y, w, ry - y);
        return entryY;
    }

    /** The entry next to the walked one: the same table's index ± 1, read by walking the neighbouring address. */
    private static Pte neighbour(PtesAtCursor ptes, long addr, TableFormat.Level level, int delta, boolean leaf) {
        long other = addr + delta * level.entrySpan();
        if (leaf) return ptes.pte(other & ~0xfffL);
        for (WalkStep s : ptes.walk(other)) {
            if (s.level().equals(level.name())) return s.entry();
        }
        return Pte.NONE;
    }

    private static String describe(Pte e, boolean leaf) {
        if (e.none()) return leaf ? "none: never mapped" : "none: no table below";
        String flags = e.flagNames();
        return (leaf ? "frame " : "table ") + Long.toHexString(e.frame()) + " " + flags;
    }

    private void paintEnd(GraphicsContext g, double x, double y, double w, boolean present, WalkStep s, boolean leaf,
                          long addr, FrameNames names) {
        if (!present) {
            g.setStroke(pal.fault.color());
            g.setLineWidth(3);
            g.strokeRect(x, y, w, HEADER + 3 * ROW);
            g.setFill(pal.fault.color());
            g.setFont(label);
            g.fillText(leaf ? "PTE not present" : "entry not present", x + 10, y + HEADER / 2 + 2);
            g.setFill(pal.text.color());
            g.setFont(mono);
            g.fillText("an access page-faults:", x + 10, y + HEADER + ROW * 0.6);
            g.fillText("handle_mm_fault()", x + 10, y + HEADER + ROW * 1.6);
            return;
        }
        long pfn = s.entry().frame();
        g.setFill(pal.text.color());
        g.fillRect(x, y, w, HEADER);
        g.setFill(pal.background.color());
        g.setFont(label);
        g.fillText(fit("page frame " + Long.toHexString(pfn), w), x + 8, y + HEADER / 2);
        g.setFill(pal.text.color());
        g.setFont(mono);
        g.fillText(String.format("phys %x", (pfn << 12) | (addr & 0xfff)), x + 8, y + HEADER + ROW / 2);
        String[] lines = names.owner(pfn).split("\n");
        int chars = Math.max(2, (int) ((w - 16) / 8.5)); // a canvas not laid out yet is 1 px wide
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            g.fillText(l.length() > chars ? l.substring(0, chars - 1) + "…" : l, x + 8, y + HEADER + ROW * (1.5 + i));
        }
        g.setStroke(pal.text.color());
        g.setLineWidth(1.5);
        g.strokeRect(x, y, w, HEADER + (1 + lines.length) * ROW);
    }

    private void arrow(GraphicsContext g, double x0, double y0, double x1, double y1, Color c, boolean dashed) {
        g.setStroke(c);
        g.setFill(c);
        g.setLineWidth(4);
        if (dashed) g.setLineDashes(6, 4);
        double mx = (x0 + x1) / 2;
        g.strokeLine(x0, y0, mx, y0);
        g.strokeLine(mx, y0, mx, y1);
        g.strokeLine(mx, y1, x1 - 8, y1);
        g.setLineDashes();
        g.fillPolygon(new double[] {x1, x1 - 11, x1 - 11}, new double[] {y1, y1 - 7, y1 + 7}, 3);
    }
}
