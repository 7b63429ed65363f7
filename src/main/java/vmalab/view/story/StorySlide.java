package vmalab.view.story;

import javafx.geometry.Dimension2D;
import javafx.geometry.VPos;
import javafx.scene.text.TextAlignment;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.model.paging.PhysicalMemory;
import vmalab.view.anim.Palette;
import vmalab.view.paint.Pen;
import vmalab.view.paint.SlideSource;
import vmalab.view.paint.TextFit;
import vmalab.view.paint.Type;
import vmalab.view.tree.VmaText;
import vmalab.viewmodel.Sizes;
import vmalab.viewmodel.fold.PtesAtCursor;
import vmalab.viewmodel.fold.StepState;

/**
 * The Story view as a slide: the say and narration lines, the counter tiles, and the address space, pages,
 * buddy free lists and page walk as titled panels, drawn with the same painters the view uses on screen but
 * with no hint or control, sized for the slide's type.
 */
public final class StorySlide {
    /** What one slide shows: the step's words, its focus, the state, the mm and the address-space panel's title. */
    public record Parts(String say, String narration, StoryFocus focus, StepState state, Mm mm, String[] layoutTitle) {
    }

    private final Palette palette;
    private final CounterTiles counters;
    private final PagesPainter pages;
    private final WalkRowPainter walk;
    private final FreeAreaPainter buddy;
    private final SlideSource layout;

    public StorySlide(Palette palette, CounterTiles counters, PagesPainter pages, WalkRowPainter walk,
                      FreeAreaPainter buddy, SlideSource layout) {
        this.palette = palette;
        this.counters = counters;
        this.pages = pages;
        this.walk = walk;
        this.buddy = buddy;
        this.layout = layout;
    }

    /** The slide's size at type {@code t}: full-HD wide (wider for larger type), as high as its rows need. */
    public Dimension2D size(Type t, Parts p) {
        double w = Math.round(Math.min(3840, 1600 * Math.max(1, t.fontScale() * 0.85)));
        Rows r = rows(t, w, p);
        double h = r.pad + r.say + r.narration + r.pad * 0.5 + r.tiles + r.pad * 0.5 + Math.max(r.pages, t.px(360))
            + r.pad * 0.5 + r.walk + r.pad;
        return new Dimension2D(w, Math.round(h));
    }

    /** The heights of the slide's rows at its type: the say and narration lines, the tiles, the VMA's pages. */
    private record Rows(double pad, double say, double narration, double tiles, double pages, double walk,
                        double title) {
    }

    private static Rows rows(Type t, double w, Parts p) {
        double pad = t.px(24);
        double textW = w - 2 * pad;
        double sayH = SlideText.wrap(p.say(), t.bold(30), textW).size() * TextFit.lineHeight(t.bold(30)) * 1.1;
        double narH = SlideText.wrap(p.narration(), t.sans(22), textW).size() * TextFit.lineHeight(t.sans(22)) * 1.1;
        double tileH = TextFit.lineHeight(t.bold(19)) + TextFit.lineHeight(t.monoBold(28))
            + TextFit.lineHeight(t.bold(21)) + t.px(20);
        double titleH = TextFit.lineHeight(t.bold(20)) * 1.3;
        Vma v = p.focus().vma();
        long n = v == null ? 0 : v.pages();
        double cell = t.px(64) + TextFit.lineHeight(t.mono(17)) * 1.15 + t.px(8);
        double rightW = w * 0.68 - pad;
        int cols = (int) Math.max(1, Math.floor(rightW * 0.42 / (t.px(72))));
        double pagesH = titleH + Math.max(3, Math.min(8, (n + cols - 1) / cols)) * cell + t.px(24);
        double walkH = titleH + 2 * TextFit.lineHeight(t.monoBold(20)) * 1.3 + 4.6 * TextFit.lineHeight(t.mono(16))
            + t.px(24);
        return new Rows(pad, sayH, narH, tileH, pagesH, walkH, titleH);
    }

    /** Paints the slide into {@code w} × {@code h} at type {@code t}. */
    public void paint(Pen g, Type t, double w, double h, Parts p) {
        StepState st = p.state();
        Mm mm = p.mm();
        StoryFocus focus = p.focus();
        Rows r = rows(t, w, p);
        double pad = r.pad;
        double titleH = r.title;
        g.setFill(palette.color("paper"));
        g.fillRect(0, 0, w, h);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        double y = pad;
        y = SlideText.lines(g, p.say(), t.bold(30), palette.color("ink"), pad, y, w - 2 * pad);
        y = SlideText.lines(g, p.narration(), t.sans(22), palette.color("muted"), pad, y, w - 2 * pad);
        y += pad * 0.5;
        double gap = t.px(14);
        counters.paintSlide(g, t, palette, pad, y, w - 2 * pad, r.tiles, gap);
        y += r.tiles + pad * 0.5;
        double bottom = h - pad;
        double leftW = (w - 2 * pad) * 0.3;
        double rightX = pad + leftW + gap;
        double rightW = w - pad - rightX;
        double midH = Math.max(titleH * 2, bottom - y - r.walk - gap);
        // the address space, fitted, under its title
        panel(g, t, pad, y, leftW, bottom - y, titleH, p.layoutTitle());
        g.save();
        g.beginPath();
        g.rect(pad + 2, y + titleH, leftW - 4, bottom - y - titleH - 2);
        g.clip();
        g.translate(pad + 2, y + titleH);
        layout.paintSlide(g, leftW - 4, bottom - y - titleH - 2);
        g.restore();
        double pagesW = (rightW - gap) * 0.42;
        Vma v = focus.vma();
        PtesAtCursor ptes = mm == null ? null : st.ptes(mm);
        panel(g, t, rightX, y, pagesW, midH, titleH, v == null || mm == null ? new String[] {"Pages"}
            : new String[] {"Pages of " + VmaText.shortName(mm, v) + ": " + Sizes.pages(v.pages()) + ", "
                + ptes.presentIn(v) + " present", VmaText.shortName(mm, v) + ": " + ptes.presentIn(v) + "/"
                + v.pages() + " present", "Pages"});
        double ip = t.px(12);
        if (v != null && mm != null) {
            pages.paint(g, t, rightX + ip, y + titleH + ip, pagesW - 2 * ip, midH - titleH - 2 * ip, v, ptes,
                focus.pages(), focus.addr(), st.hasStep() ? focus.before() : v);
        }
        double buddyX = rightX + pagesW + gap;
        double buddyW = rightW - pagesW - gap;
        panel(g, t, buddyX, y, buddyW, midH, titleH, new String[] {"Buddy allocator: zone->free_area[]",
            "Buddy: free_area[]", "Buddy"});
        buddy.paint(g, t, buddyX + ip, y + titleH + ip, buddyW - 2 * ip, midH - titleH - 2 * ip, st.buddy(),
            st.cursor(), 1);
        double walkY = y + midH + gap;
        PhysicalMemory pm = st.kernel() != null && st.kernel().pages() instanceof PhysicalMemory m ? m : null;
        long addr = ptes == null ? -1 : ptes.lastWalkAddr();
        if (addr < 0 && focus.addr() >= 0 && st.hasStep()) addr = focus.addr();
        if (mm == null || pm == null || addr < 0) {
            panel(g, t, rightX, walkY, rightW, bottom - walkY, titleH, new String[] {"Page walk"});
        } else {
            long a = addr & -Vma.PAGE_SIZE;
            panel(g, t, rightX, walkY, rightW, bottom - walkY, titleH, new String[] {"Page walk of "
                + Sizes.hex(a) + ": mm->pgd, one index per level", "Page walk of " + Sizes.hex(a), "Page walk"});
            walk.paint(g, t, rightX + ip, walkY + titleH + ip, rightW - 2 * ip, bottom - walkY - titleH - 2 * ip, a,
                ptes.walk(a));
        }
    }

    private void panel(Pen g, Type t, double x, double y, double w, double h, double titleH, String[] title) {
        g.setStroke(palette.color("grid"));
        g.setLineWidth(t.line(1.5));
        g.strokeRoundRect(x, y, w, h, t.px(8), t.px(8));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        SlideText.line(g, t.bold(20), palette.color("ink"), x + t.px(10), y + titleH * 0.12, w - t.px(20), title);
    }
}
