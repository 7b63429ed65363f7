package vmalab.view.paging;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import vmalab.view.paint.Pen;
import vmalab.view.paint.TextFit;
import vmalab.view.paint.Type;

/**
 * A legend drawn with the diagram (on a slide there is no header): colour boxes and what they mean, flowed in
 * rows across the width. On screen the views show the legend as controls in their header instead.
 */
public final class SlideLegend {
    /** One entry: a colour (null: text only) and its meaning. */
    public record Item(Color colour, String text) {
    }

    private final List<Item> items = new ArrayList<>();

    public SlideLegend add(Color colour, String text) {
        items.add(new Item(colour, text));
        return this;
    }

    /** The height the legend takes across {@code width}. */
    public double height(Type t, double width) {
        return paint(null, t, 0, 0, width, null, null);
    }

    /** Paints at (x, y) across {@code width}; returns the height used. With a null pen only measures. */
    public double paint(Pen g, Type t, double x, double y, double width, Color ink, Color outline) {
        Font f = t.sans(14);
        double lh = TextFit.lineHeight(f);
        double box = Math.round(lh * 0.8);
        double gap = t.px(18);
        double cx = x;
        double cy = y;
        if (g != null) {
            g.setFont(f);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
        }
        for (Item it : items) {
            double sw = it.colour() == null ? 0 : box + t.px(6);
            String text = TextFit.end(it.text(), f, width - sw);
            double iw = sw + TextFit.width(text, f);
            if (cx > x && cx + iw > x + width) {
                cx = x;
                cy += lh + t.px(6);
            }
            if (g != null) {
                if (it.colour() != null) {
                    g.setFill(it.colour());
                    g.fillRect(cx, cy + (lh - box) / 2, box, box);
                    g.setStroke(outline);
                    g.setLineWidth(1);
                    g.strokeRect(cx + 0.5, cy + (lh - box) / 2 + 0.5, box - 1, box - 1);
                }
                g.setFill(ink);
                g.fillText(text, cx + sw, cy + lh / 2);
            }
            cx += iw + gap;
        }
        return items.isEmpty() ? 0 : cy - y + lh;
    }

    /**
     * A slide's header: the title in bold on one line (cut with "…" when it must be) and this legend under it,
     * drawn when {@code g} is not null; returns the height they take with their padding.
     */
    public double header(Pen g, Type t, double width, String title, Color ink, Color outline) {
        double pad = t.px(12);
        Font f = t.bold(17);
        double lh = TextFit.lineHeight(f);
        if (g != null) {
            g.setFill(ink);
            g.setFont(f);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(TextFit.end(title, f, width - 2 * pad), pad, pad);
            paint(g, t, pad, pad + lh + t.px(8), width - 2 * pad, ink, outline);
        }
        return pad + lh + t.px(8) + height(t, width - 2 * pad) + t.px(10);
    }
}
