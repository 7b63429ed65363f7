package vmalab.view.story;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
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

    public void paint(GraphicsContext g, StoryType t, double x, double y, double w, double h, long addr,
               List<WalkStep> steps) {
        boxes.clear();
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        // the address cut into its indexes, coloured as the tables below
        double lx = x;
        g.setFont(t.monoBold(20));
        g.setFill(pal.color("ink"));
        String a = Sizes.hex(addr) + " =";
        g.fillText(a, lx, y);
        lx += width(a, t.size(20, 12), true) + t.px(12);
        for (WalkStep s : steps) {
            String part = s.level() + " " + s.index();
            g.setFill(level(s.level()));
            g.fillText(part, lx, y);
            lx += width(part, t.size(20, 12), true) + t.px(14);
        }
        g.setFill(pal.color("muted"));
        String off = "offset " + Sizes.hex(addr & 0xfff);
        if (lx + width(off, t.size(20, 12), true) < x + w) g.fillText(off, lx, y);

        double top = y + t.size(34, 20);
        int n = Math.max(5, steps.size() + 1);
        double arrow = t.px(34);
        double bw = (w - (n - 1) * arrow) / n;
        double bh = Math.min(h - (top - y), t.px(170));
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

    private void table(GraphicsContext g, StoryType t, double x, double y, double w, double h, WalkStep s,
                       boolean leaf) {
        Color c = level(s.level());
        double head = t.size(36, 22);
        g.setFill(c);
        g.fillRoundRect(x, y, w, head, t.px(8), t.px(8));
        g.setFill(pal.color("pte-not-present"));
        g.fillRect(x, y + head, w, h - head);
        g.setStroke(c);
        g.setLineWidth(2);
        g.strokeRect(x + 1, y + 1, w - 2, h - 2);
        g.setFill(pal.color("paper"));
        g.setFont(t.bold(20));
        g.setTextBaseline(VPos.CENTER);
        g.fillText(fit(s.level() + " [" + s.index() + "]", w, t.size(20, 13)), x + t.px(10), y + head / 2);
        g.setTextBaseline(VPos.TOP);
        g.setFill(pal.color("ink"));
        g.setFont(t.mono(16));
        double line = t.size(24, 16);
        double ty = y + head + t.px(8);
        g.fillText(fit("table " + Sizes.hex(s.tablePfn()), w, t.size(16, 12)), x + t.px(10), ty);
        String entry = s.entry().present() ? (leaf ? "→ frame " : "→ ") + Sizes.hex(s.entry().frame()) : "entry empty";
        g.setFont(t.monoBold(17));
        g.setFill(s.entry().present() ? pal.color("ink") : pal.color("walk-fault"));
        g.fillText(fit(entry, w, t.size(17, 12)), x + t.px(10), ty + line);
        if (s.entry().present() && ty + 3 * line <= y + h) {
            g.setFont(t.mono(15));
            g.setFill(pal.color("muted"));
            g.fillText(fit(leaf ? flags(s) : "present", w, t.size(15, 12)), x + t.px(10), ty + 2 * line);
        }
        boxes.add(s.level() + " [" + s.index() + "] " + (s.entry().present() ? "→ " + Sizes.hex(s.entry().frame())
            : "empty"));
    }

    private static String flags(WalkStep s) {
        String f = "P";
        if (s.entry().write()) f += " RW";
        if (s.entry().dirty()) f += " D";
        if (s.entry().accessed()) f += " A";
        return f;
    }

    private void missing(GraphicsContext g, StoryType t, double x, double y, double w, double h, String level) {
        g.setStroke(pal.color("grid"));
        g.setLineWidth(2);
        g.setLineDashes(t.px(8), t.px(6));
        g.strokeRect(x + 1, y + 1, w - 2, h - 2);
        g.setLineDashes();
        g.setFill(pal.color("muted"));
        g.setFont(t.bold(18));
        g.fillText(fit("no " + level + " table", w, t.size(18, 13)), x + t.px(10), y + t.px(12));
        g.setFont(t.sans(15));
        g.fillText(fit("the fault makes it", w, t.size(15, 12)), x + t.px(10), y + t.px(44));
        boxes.add("no " + level + " table");
    }

    private void fault(GraphicsContext g, StoryType t, double x, double y, double w, double h, boolean leaf,
                       String level) {
        g.setStroke(pal.color("walk-fault"));
        g.setLineWidth(Math.max(2, t.px(4)));
        g.strokeRect(x + 2, y + 2, w - 4, h - 4);
        g.setFill(pal.color("walk-fault"));
        g.setFont(t.bold(20));
        g.fillText(fit("page fault", w, t.size(20, 13)), x + t.px(10), y + t.px(12));
        g.setFill(pal.color("ink"));
        g.setFont(t.sans(15));
        g.fillText(fit(leaf ? "PTE empty:" : level + " entry empty:", w, t.size(15, 12)), x + t.px(10), y + t.px(48));
        g.setFont(t.mono(15));
        g.fillText(fit("handle_mm_fault()", w, t.size(15, 12)), x + t.px(10), y + t.px(74));
        boxes.add("page fault");
    }

    private void frame(GraphicsContext g, StoryType t, double x, double y, double w, double h, long pfn, long addr) {
        double head = t.size(36, 22);
        g.setFill(pal.color("pte-present-rw"));
        g.fillRoundRect(x, y, w, h, t.px(10), t.px(10));
        g.setStroke(pal.color("ink"));
        g.setLineWidth(2);
        g.strokeRoundRect(x + 1, y + 1, w - 2, h - 2, t.px(10), t.px(10));
        g.setFill(pal.color("paper"));
        g.setFont(t.bold(20));
        g.setTextBaseline(VPos.CENTER);
        g.fillText(fit("frame " + Sizes.hex(pfn), w, t.size(20, 13)), x + t.px(10), y + head / 2);
        g.setTextBaseline(VPos.TOP);
        g.setFont(t.mono(16));
        g.fillText(fit("phys " + Sizes.hex((pfn << 12) | (addr & 0xfff)), w, t.size(16, 12)), x + t.px(10),
            y + head + t.px(8));
        g.fillText(fit("Present", w, t.size(16, 12)), x + t.px(10), y + head + t.px(8) + t.size(24, 16));
        boxes.add("frame " + Sizes.hex(pfn));
    }

    private void arrowTo(GraphicsContext g, double x0, double yy, double x1, Color c, boolean dashed, StoryType t) {
        g.setStroke(c);
        g.setFill(c);
        g.setLineWidth(Math.max(2.5, t.px(5)));
        if (dashed) g.setLineDashes(t.px(7), t.px(5));
        double head = Math.max(8, t.px(14));
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

    /** About the width of text in a font of size px (DejaVu: mono 0.60 em, sans about 0.58 em). */
    static double width(String text, double px, boolean mono) {
        return text.length() * px * (mono ? 0.61 : 0.6);
    }

    static String fit(String text, double w, double px) {
        int chars = (int) ((w - 14) / (px * 0.61));
        return text.length() <= chars || chars < 3 ? text : text.substring(0, chars - 1) + "…";
    }
}
