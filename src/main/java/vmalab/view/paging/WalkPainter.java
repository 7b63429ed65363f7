package vmalab.view.paging;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import vmalab.model.mm.Profile;
import vmalab.model.paging.Pte;
import vmalab.model.paging.TableFormat;
import vmalab.model.paging.WalkStep;
import vmalab.view.paint.Pen;
import vmalab.view.paint.TextFit;
import vmalab.view.paint.Type;
import vmalab.viewmodel.Sizes;
import vmalab.viewmodel.fold.PtesAtCursor;

/**
 * A page walk as the MMU does it: the virtual address cut into its index fields (one colour per level), then
 * each level's table with the selected entry lit and an arrow to the next table, ending at the page frame (or
 * at the missing table or the not-present PTE where a fault would start). The tables flow in as many rows as
 * the width needs; every label takes the longest of its forms that fits its box, the full text in a tooltip.
 */
final class WalkPainter {
    private final PagingPalette pal;
    private Type t = Type.of(1);
    private Font title;
    private Font mono;
    private Font monoBold;
    private Font label;
    private double row;
    private double header;
    private double arrow;
    private double pad;
    private double bitsH;

    WalkPainter(PagingPalette pal) {
        this.pal = pal;
        setType(Type.of(1));
    }

    private void setType(Type type) {
        t = type;
        title = t.bold(16);
        mono = t.mono(14);
        monoBold = t.monoBold(14);
        label = t.bold(14);
        row = Math.max(t.px(22), TextFit.lineHeight(mono) + t.px(4));
        header = Math.max(t.px(28), TextFit.lineHeight(label) + t.px(6));
        arrow = t.px(36);
        pad = t.px(12);
        bitsH = Math.max(t.px(48), TextFit.lineHeight(label) + TextFit.lineHeight(mono) + t.px(6));
    }

    /** What the frame box says about the frame a PTE maps: its owner. */
    interface FrameNames {
        String owner(long pfn);
    }

    /** The boxes per row and their width, for w px across and n boxes. */
    private double[] grid(double w, int n) {
        double full = t.px(270);
        double min = t.px(170);
        int per = n;
        while (per > 1 && (w - 2 * pad - (per - 1) * arrow) / per < min) per--;
        double reserve = per < n ? arrow / 2 : 0; // the channel the arrow to the next row runs down
        double tw = Math.min(full, (w - 2 * pad - (per - 1) * arrow - reserve) / per);
        return new double[] {per, Math.max(t.px(40), tw)};
    }

    private double boxH() {
        return header + 6 * row;
    }

    private double rowGap() {
        return arrow * 0.9;
    }

    /** The height the walk needs across w for a walk of {@code depth} levels. */
    double height(Type type, double w, int depth) {
        setType(type);
        int n = depth + 1;
        int per = (int) grid(w, n)[0];
        int rows = (n + per - 1) / per;
        return titleH() + bitsH + t.px(16) + rows * boxH() + (rows - 1) * rowGap() + pad;
    }

    /** The width the walk takes when every box has its full width. */
    double naturalWidth(Type type, int depth) {
        setType(type);
        int n = depth + 1;
        return 2 * pad + n * t.px(270) + (n - 1) * arrow;
    }

    private double titleH() {
        return TextFit.lineHeight(title) + t.px(10);
    }

    double messageHeight(Type type) {
        setType(type);
        return TextFit.lineHeight(label) + 2 * pad;
    }

    void paintNone(Pen g, Type type, double y, double w, String message) {
        setType(type);
        g.setFill(pal.faint.color());
        g.setFont(label);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(TextFit.end(message, label, w - 2 * pad), pad, y + pad);
    }

    void paint(Pen g, Type type, double y, double w, Profile profile, long addr, PtesAtCursor ptes,
               FrameNames names, CanvasTips tips) {
        setType(type);
        TableFormat fmt = TableFormat.of(profile);
        List<WalkStep> steps = ptes.walk(addr);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(pal.text.color());
        g.setFont(title);
        String arch = profile.levels() == 4 ? "x86-64" : "i386";
        String full = String.format(java.util.Locale.ROOT, "Page walk of %s (%s, %d levels): mm->pgd, then one index per level",
            Sizes.hex(addr), arch, fmt.depth());
        String shown = TextFit.first(title, w - 2 * pad, full,
            String.format(java.util.Locale.ROOT, "Page walk of %s (%s, %d levels)", Sizes.hex(addr), arch, fmt.depth()),
            "Page walk of " + Sizes.hex(addr), "Walk of " + Sizes.hex(addr), Sizes.hex(addr));
        double th = titleH();
        g.fillText(shown, pad, y + th / 2);
        tips.addIfShort(shown, full, pad, y, w - 2 * pad, th);
        double barY = y + th;
        paintBits(g, pad, barY, w - 2 * pad, fmt, addr, tips);
        int n = fmt.depth() + 1;
        double[] gr = grid(w, n);
        int per = (int) gr[0];
        double tw = gr[1];
        double top = barY + bitsH + t.px(16);
        for (int lvl = 0; lvl < fmt.depth(); lvl++) {
            TableFormat.Level level = fmt.level(lvl);
            WalkStep s = lvl < steps.size() ? steps.get(lvl) : null;
            if (s == null) break;
            double x = boxX(lvl, per, tw);
            double ty = boxY(lvl, per, top);
            boolean leaf = lvl == fmt.leafLevel();
            double entryY = paintTable(g, x, ty, tw, level, s, addr, ptes, leaf, profile, tips);
            if (s.tablePfn() < 0) return;
            boolean goOn = s.entry().present();
            int next = lvl + 1;
            double nx = boxX(next, per, tw);
            double ny = boxY(next, per, top);
            Color c = goOn ? pal.walk.color() : pal.fault.color();
            link(g, x + tw, entryY, nx, ny, next % per == 0, c, !goOn);
            if (!goOn) {
                paintEnd(g, nx, ny, tw, false, s, leaf, addr, names, tips);
                return;
            }
            if (leaf) {
                paintEnd(g, nx, ny, tw, true, s, true, addr, names, tips);
                return;
            }
        }
    }

    private double boxX(int i, int per, double tw) {
        return pad + (i % per) * (tw + arrow);
    }

    private double boxY(int i, int per, double top) {
        return top + (i / per) * (boxH() + rowGap());
    }

    /** The address's bits, one box per field, each with the index it selects. */
    private void paintBits(Pen g, double x, double y, double w, TableFormat fmt, long addr, CanvasTips tips) {
        int total = fmt.level(0).shift() + Integer.numberOfTrailingZeros(fmt.level(0).entries());
        double unit = w / total;
        int hi = total - 1;
        double lh = TextFit.lineHeight(label);
        for (int i = 0; i <= fmt.depth(); i++) {
            boolean offset = i == fmt.depth();
            int lo = offset ? 0 : fmt.level(i).shift();
            String name = offset ? "offset" : fmt.level(i).name();
            String value = offset ? String.format(java.util.Locale.ROOT, "0x%03x", addr & 0xfff) : Integer.toString(fmt.level(i).index(addr));
            double bw = (hi - lo + 1) * unit;
            double bx = x + (total - 1 - hi) * unit;
            g.setFill(pal.level(name));
            g.fillRect(bx + 1, y, bw - 2, bitsH);
            g.setFill(pal.nodeTextOn());
            g.setTextAlign(TextAlignment.CENTER);
            g.setFont(label);
            double inner = bw - t.px(8);
            String l1 = TextFit.first(label, inner, name + " " + value, value);
            g.fillText(l1, bx + bw / 2, y + t.px(3) + lh / 2);
            g.setFont(mono);
            String l2 = TextFit.first(mono, inner, "bits " + hi + "-" + lo, hi + "-" + lo, Integer.toString(hi));
            g.fillText(l2, bx + bw / 2, y + bitsH - t.px(3) - TextFit.lineHeight(mono) / 2);
            String fullText = (offset ? "offset in the page " + value : name + " index " + value) + ": bits " + hi
                + "-" + lo;
            if (!l1.equals(name + " " + value) || !l2.startsWith("bits")) tips.add(bx, y, bw, bitsH, fullText);
            hi = lo - 1;
        }
        g.setTextAlign(TextAlignment.LEFT);
    }

    /** Draws {@code full} (or its shorter {@code forms}) left-aligned in a box of width w at (x, cy). */
    private void text(Pen g, Font f, double x, double cy, double w, CanvasTips tips, String full, String... forms) {
        String[] all = new String[forms.length + 1];
        all[0] = full;
        System.arraycopy(forms, 0, all, 1, forms.length);
        double inner = w - t.px(14);
        String s = TextFit.first(f, inner, all);
        g.setFont(f);
        g.fillText(s, x + t.px(8), cy);
        tips.addIfShort(s, full, x, cy - row / 2, w, row);
    }

    /** One table with the walked entry lit; returns the entry's centre y for the arrow. */
    private double paintTable(Pen g, double x, double y, double w, TableFormat.Level level, WalkStep s, long addr,
                              PtesAtCursor ptes, boolean leaf, Profile profile, CanvasTips tips) {
        int digits = profile.levels() == 4 ? 16 : 8;
        String lname = level.name();
        if (s.tablePfn() < 0) {
            g.setStroke(pal.faint.color());
            g.setLineWidth(t.line(2));
            g.setLineDashes(t.px(7), t.px(5));
            g.strokeRect(x, y, w, header + 3 * row);
            g.setLineDashes();
            g.setFill(pal.text.color());
            text(g, label, x, y + header / 2, w, tips, "no " + lname + " table yet", "no " + lname, "none");
            text(g, mono, x, y + header + row / 2, w, tips, "a fault allocates it", "fault allocates");
            text(g, mono, x, y + header + 1.5 * row, w, tips, "(__" + lname.toLowerCase(java.util.Locale.ROOT) + "_alloc)");
            return y + header / 2;
        }
        g.setFill(pal.level(lname));
        g.fillRect(x, y, w, header);
        g.setFill(pal.nodeTextOn());
        String frame = Sizes.frame(s.tablePfn());
        text(g, label, x, y + header / 2, w, tips, lname + " table, frame " + frame, lname + " " + frame, lname);
        int idx = s.index();
        double ry = y + header;
        double entryY = 0;
        for (int k = idx - 2; k <= idx + 2; k++) {
            boolean edge = k == idx - 2 || k == idx + 2;
            if (k < 0 || k >= level.entries()) continue;
            if (edge) {
                g.setFill(pal.faint.color());
                g.setFont(mono);
                g.fillText("⋮", x + t.px(30), ry + row / 2);
                ry += row;
                continue;
            }
            Pte e = k == idx ? s.entry() : neighbour(ptes, addr, level, k - idx, leaf);
            long raw = e.raw() & (digits == 8 ? 0xffffffffL : -1L);
            String full = String.format(java.util.Locale.ROOT, "[%d] 0x%0" + digits + "x", k, raw);
            String[] shorter = {String.format(java.util.Locale.ROOT, "[%d] 0x%x", k, raw), String.format(java.util.Locale.ROOT, "[%d]", k)};
            if (k == idx) {
                double hgt = 2 * row;
                g.setFill(pal.entry.color());
                g.fillRect(x, ry, w, hgt);
                g.setStroke(pal.walk.color());
                g.setLineWidth(t.line(3));
                g.strokeRect(x + 1.5, ry + 1.5, w - 3, hgt - 3);
                g.setFill(pal.text.color());
                text(g, monoBold, x, ry + row / 2 + 1, w, tips, full, shorter);
                String[] d = describe(e, leaf);
                text(g, mono, x, ry + row * 1.5, w, tips, d[0], d[1], d[2]);
                entryY = ry + hgt / 2;
                ry += hgt;
            } else {
                g.setFill(pal.text.color());
                text(g, mono, x, ry + row / 2, w, tips, full, shorter);
                ry += row;
            }
        }
        g.setStroke(pal.text.color());
        g.setLineWidth(t.line(1.5));
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

    /** What an entry points at: the full form and two shorter ones. */
    private static String[] describe(Pte e, boolean leaf) {
        if (e.none()) return leaf ? new String[] {"none: never mapped", "none", "-"}
            : new String[] {"none: no table below", "none", "-"};
        String target = (leaf ? "frame " : "table ") + Sizes.frame(e.frame());
        return new String[] {target + " " + e.flagNames(), target, Sizes.frame(e.frame())};
    }

    private void paintEnd(Pen g, double x, double y, double w, boolean present, WalkStep s, boolean leaf, long addr,
                          FrameNames names, CanvasTips tips) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        if (!present) {
            g.setStroke(pal.fault.color());
            g.setLineWidth(t.line(3));
            g.strokeRect(x, y, w, header + 3 * row);
            g.setFill(pal.fault.color());
            text(g, label, x, y + header / 2, w, tips, leaf ? "PTE not present" : "entry not present", "not present",
                "absent");
            g.setFill(pal.text.color());
            text(g, mono, x, y + header + row * 0.5, w, tips, "an access page-faults:", "page fault:", "fault");
            text(g, mono, x, y + header + row * 1.5, w, tips, "handle_mm_fault()", "handle_mm_fault");
            return;
        }
        long pfn = s.entry().frame();
        g.setFill(pal.text.color());
        g.fillRect(x, y, w, header);
        g.setFill(pal.background.color());
        String f = Sizes.frame(pfn);
        text(g, label, x, y + header / 2, w, tips, "page frame " + f, "frame " + f, f);
        g.setFill(pal.text.color());
        String phys = Sizes.phys((pfn << 12) | (addr & 0xfff));
        text(g, mono, x, y + header + row / 2, w, tips, "phys " + phys, phys);
        String[] lines = names.owner(pfn).split("\n");
        for (int i = 0; i < lines.length; i++) text(g, mono, x, y + header + row * (1.5 + i), w, tips, lines[i]);
        g.setStroke(pal.text.color());
        g.setLineWidth(t.line(1.5));
        g.strokeRect(x, y, w, header + (1 + lines.length) * row);
    }

    /**
     * The arrow from an entry (x0, y0) to the next box at (x1, y1): on the same row into its header; to the
     * first box of the next row down the channel right of the row, along the gap and down into its top.
     */
    private void link(Pen g, double x0, double y0, double x1, double y1, boolean wraps, Color c, boolean dashed) {
        g.setStroke(c);
        g.setFill(c);
        g.setLineWidth(t.line(4));
        if (dashed) g.setLineDashes(t.px(6), t.px(4));
        double head = t.px(11);
        double half = t.px(7);
        if (!wraps) {
            double yy = y1 + header / 2;
            double mx = (x0 + x1) / 2;
            g.strokeLine(x0, y0, mx, y0);
            g.strokeLine(mx, y0, mx, yy);
            g.strokeLine(mx, yy, x1 - head + 2, yy);
            g.setLineDashes();
            g.fillPolygon(new double[] {x1, x1 - head, x1 - head}, new double[] {yy, yy - half, yy + half}, 3);
            return;
        }
        double cx = x0 + arrow / 4;
        double gy = y1 - rowGap() / 2;
        double tx = x1 + t.px(30);
        g.strokeLine(x0, y0, cx, y0);
        g.strokeLine(cx, y0, cx, gy);
        g.strokeLine(cx, gy, tx, gy);
        g.strokeLine(tx, gy, tx, y1 - head + 2);
        g.setLineDashes();
        g.fillPolygon(new double[] {tx, tx - half, tx + half}, new double[] {y1, y1 - head, y1 - head}, 3);
    }
}
