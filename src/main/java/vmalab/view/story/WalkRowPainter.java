package vmalab.view.story;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import vmalab.view.paint.Pen;
import vmalab.view.paint.Type;
import vmalab.view.paint.TextFit;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import vmalab.model.paging.WalkStep;
import vmalab.view.anim.Palette;
import vmalab.viewmodel.Sizes;

/**
 * The page walk of one address in a row, as the MMU does it: mm->pgd, then one table per level (PGD, PUD, PMD,
 * PTE on x86-64; P4D is folded) with the index the address selects and what the entry holds, ending at the page
 * frame, or at the missing table or the empty PTE where handle_mm_fault() starts. Drawn from the walk at the
 * cursor, so a table a later event allocates is not there yet.
 */
public final class WalkRowPainter {
    private final Palette pal;
    private final List<String> boxes = new ArrayList<>();

    public WalkRowPainter(Palette pal) {
        this.pal = pal;
    }

    /** The boxes painted, one line each ({@code PGD [255] → 0x101}, {@code frame 0x106}), for tests. */
    public List<String> boxes() {
        return boxes;
    }

    public void paint(Pen g, Type t, double x, double y, double w, double h, long addr,
               List<WalkStep> steps) {
        boxes.clear();
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        // the address cut into its indexes, coloured as the tables below; a part that would run past the panel
        // is left out (the boxes below say the same, and the title has the address)
        double lx = x;
        g.setFont(t.monoBold(20));
        g.setFill(pal.color("ink"));
        String a = Sizes.hex(addr) + " =";
        if (!TextFit.fits(a, g.getFont(), w)) a = "";
        g.fillText(a, lx, y);
        lx += a.isEmpty() ? 0 : TextFit.width(a, g.getFont()) + t.px(12);
        for (WalkStep s : steps) {
            String part = s.level() + " " + s.index();
            if (lx + TextFit.width(part, g.getFont()) > x + w) break;
            g.setFill(level(s.level()));
            g.fillText(part, lx, y);
            lx += TextFit.width(part, g.getFont()) + t.px(14);
        }
        g.setFill(pal.color("muted"));
        String off = "offset " + Sizes.hex(addr & 0xfff);
        if (lx + TextFit.width(off, g.getFont()) < x + w) g.fillText(off, lx, y);

        double top = y + TextFit.lineHeight(g.getFont()) * 1.3;
        int n = Math.max(5, steps.size() + 1);
        double arrow = Math.min(t.px(34), w * 0.045);
        double bw = (w - (n - 1) * arrow) / n;
        double bh = Math.min(h - (top - y), Math.max(t.px(170), head(t) + 3.6 * TextFit.lineHeight(t.mono(16))));
        double bx = x;
        for (int i = 0; i < steps.size(); i++) {
            WalkStep s = steps.get(i);
            boolean leaf = i == steps.size() - 1 && "PTE".equals(s.level());
            if (s.tablePfn() < 0) {
                missing(g, t, bx, top, bw, bh, s.level());
                return;
            }
            table(g, t, bx, top, bw, bh, s, leaf);
            boolean goOn = s.entry().present();
            arrowTo(g, bx + bw, top + bh / 2, bx + bw + arrow, goOn ? pal.color("walk-path") : pal.color("walk-fault"),
                !goOn, t);
            bx += bw + arrow;
            if (!goOn) {
                fault(g, t, bx, top, bw, bh, leaf, s.level());
                return;
            }
            if (leaf) {
                frame(g, t, bx, top, bw, bh, s.entry().frame(), addr);
                return;
            }
        }
    }

    private void table(Pen g, Type t, double x, double y, double w, double h, WalkStep s, boolean leaf) {
        Color c = level(s.level());
        double head = head(t);
        g.setFill(c);
        g.fillRoundRect(x, y, w, head, t.px(8), t.px(8));
        g.setFill(pal.color("pte-not-present"));
        g.fillRect(x, y + head, w, h - head);
        g.setStroke(c);
        g.setLineWidth(t.line(2));
        g.strokeRect(x + 1, y + 1, w - 2, h - 2);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(t.bold(20));
        g.setFill(pal.color("paper"));
        g.fillText(fit(g, w - t.px(14), s.level() + " [" + s.index() + "]", s.level(), s.level().substring(0, 2)),
            x + t.px(7), y + head / 2);
        g.setTextBaseline(VPos.TOP);
        double ty = y + head + t.px(6);
        double bottom = y + h - t.px(4);
        ty = line(g, t.mono(16), pal.color("ink"), x, ty, w, bottom, "table " + Sizes.hex(s.tablePfn()),
            Sizes.hex(s.tablePfn()));
        String frame = Sizes.hex(s.entry().frame());
        ty = s.entry().present()
            ? line(g, t.monoBold(17), pal.color("ink"), x, ty, w, bottom, (leaf ? "→ frame " : "→ ") + frame,
                "→ " + frame, frame)
            : line(g, t.monoBold(17), pal.color("walk-fault"), x, ty, w, bottom, "entry empty", "empty", "—");
        if (s.entry().present()) line(g, t.mono(15), pal.color("muted"), x, ty, w, bottom, leaf ? flags(s) : "present",
            leaf ? flags(s).replace(" ", "") : "P");
        boxes.add(s.level() + " [" + s.index() + "] " + (s.entry().present() ? "→ " + Sizes.hex(s.entry().frame())
            : "empty"));
    }

    private static double head(Type t) {
        return TextFit.lineHeight(t.bold(20)) * 1.35;
    }

    /**
     * One line of a box, {@code forms} longest first, the first that fits the box's width; nothing when the
     * line would run below {@code bottom}. Returns where the next line goes.
     */
    private static double line(Pen g, javafx.scene.text.Font f, Color c, double x, double y, double w, double bottom,
                               String... forms) {
        double lh = TextFit.lineHeight(f);
        if (y + lh > bottom) return y;
        double pad = Math.min(f.getSize() * 0.4, w * 0.08);
        String s = whole(f, w - 2 * pad, forms);
        if (s.isEmpty()) return y;
        g.setFont(f);
        g.setFill(c);
        g.fillText(s, x + pad, y);
        return y + lh * 1.1;
    }

    private static String flags(WalkStep s) {
        String f = "P";
        if (s.entry().write()) f += " RW";
        if (s.entry().dirty()) f += " D";
        if (s.entry().accessed()) f += " A";
        return f;
    }

    private void missing(Pen g, Type t, double x, double y, double w, double h, String level) {
        g.setStroke(pal.color("grid"));
        g.setLineWidth(t.line(2));
        g.setLineDashes(t.px(8), t.px(6));
        g.strokeRect(x + 1, y + 1, w - 2, h - 2);
        g.setLineDashes();
        double bottom = y + h - t.px(4);
        double ty = line(g, t.bold(18), pal.color("muted"), x, y + t.px(8), w, bottom, "no " + level + " table",
            "no " + level, level + "?");
        line(g, t.sans(15), pal.color("muted"), x, ty, w, bottom, "the fault makes it", "made by fault", "fault");
        boxes.add("no " + level + " table");
    }

    private void fault(Pen g, Type t, double x, double y, double w, double h, boolean leaf, String level) {
        g.setStroke(pal.color("walk-fault"));
        g.setLineWidth(Math.max(2, t.line(4)));
        g.strokeRect(x + 2, y + 2, w - 4, h - 4);
        double bottom = y + h - t.px(4);
        double ty = line(g, t.bold(20), pal.color("walk-fault"), x, y + t.px(8), w, bottom, "page fault", "fault",
            "PF");
        ty = line(g, t.sans(15), pal.color("ink"), x, ty, w, bottom, leaf ? "PTE empty:" : level + " entry empty:",
            leaf ? "PTE empty" : level + " empty", "empty");
        line(g, t.mono(15), pal.color("ink"), x, ty, w, bottom, "handle_mm_fault()", "handle_mm_fault", "do fault");
        boxes.add("page fault");
    }

    private void frame(Pen g, Type t, double x, double y, double w, double h, long pfn, long addr) {
        double head = head(t);
        g.setFill(pal.color("pte-present-rw"));
        g.fillRoundRect(x, y, w, h, t.px(10), t.px(10));
        g.setStroke(pal.color("ink"));
        g.setLineWidth(t.line(2));
        g.strokeRoundRect(x + 1, y + 1, w - 2, h - 2, t.px(10), t.px(10));
        g.setTextBaseline(VPos.CENTER);
        g.setFont(t.bold(20));
        g.setFill(pal.color("paper"));
        g.fillText(fit(g, w - t.px(14), "frame " + Sizes.hex(pfn), Sizes.hex(pfn), "frame"), x + t.px(7),
            y + head / 2);
        g.setTextBaseline(VPos.TOP);
        double bottom = y + h - t.px(4);
        String phys = Sizes.hex((pfn << 12) | (addr & 0xfff));
        double ty = line(g, t.mono(16), pal.color("paper"), x, y + head + t.px(6), w, bottom, "phys " + phys, phys);
        line(g, t.mono(16), pal.color("paper"), x, ty, w, bottom, "Present", "P");
        boxes.add("frame " + Sizes.hex(pfn));
    }

    private void arrowTo(Pen g, double x0, double yy, double x1, Color c, boolean dashed, Type t) {
        g.setStroke(c);
        g.setFill(c);
        g.setLineWidth(Math.max(2.5, t.px(5)));
        if (dashed) g.setLineDashes(t.px(7), t.px(5));
        double head = Math.max(8, Math.min(t.px(14), x1 - x0 - 2));
        g.strokeLine(x0 + 2, yy, x1 - head, yy);
        g.setLineDashes();
        g.fillPolygon(new double[] {x1, x1 - head, x1 - head}, new double[] {yy, yy - head * 0.6, yy + head * 0.6}, 3);
    }

    private Color level(String name) {
        return switch (name) {
            case "PGD" -> pal.color("walk-level-pgd");
            case "P4D", "PUD" -> pal.color("walk-level-pud");
            case "PMD" -> pal.color("walk-level-pmd");
            case "PTE" -> pal.color("walk-level-pte");
            default -> pal.color("walk-level-offset");
        };
    }

    /** The first of {@code forms} that fits {@code w} in the pen's font (cut on purpose, longest form first). */
    static String fit(Pen g, double w, String... forms) {
        return whole(g.getFont(), Math.max(0, w), forms);
    }

    /** The first of {@code forms} that fits whole, or "" (never a form cut with "…"). */
    public static String whole(javafx.scene.text.Font f, double w, String... forms) {
        for (String s : forms) if (TextFit.fits(s, f, w)) return s;
        return "";
    }
}
