package vmalab.view.layout;

import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import vmalab.model.mm.Vma;
import vmalab.view.anim.Palette;
import vmalab.view.paint.Pen;
import vmalab.view.paint.TextFit;
import vmalab.view.paint.Type;
import vmalab.viewmodel.AddressAxis.Row;
import vmalab.viewmodel.Sizes;

/**
 * The Layout's unmapped rows: a hole drawn to scale (hatched, its mark sized by the log of its size) and a
 * collapsed gap (two zigzags and its size), each with its label handed to the label layer.
 */
final class HolePainter {
    private final Palette palette;
    private final LabelLayer labels;

    HolePainter(Palette palette, LabelLayer labels) {
        this.palette = palette;
        this.labels = labels;
    }

    /**
     * A hole between two VMAs: hatched across a width that grows with the logarithm of its size (one page a
     * short mark, 64 KiB most of the band), its size written when the row has room.
     */
    void gap(Pen g, Type type, Font font, Row r, double x0, double x1, double y0, double y1, double height) {
        long pages = Math.max(1, (r.end() - r.start()) >>> Vma.PAGE_SHIFT);
        double f = Math.min(1, (1 + Math.log(pages) / Math.log(2)) / 6.0);
        double bw = (x1 - x0) * (0.15 + 0.85 * f);
        double hh = y1 - y0;
        double top = Math.max(y0, -2);
        double bottom = Math.min(y1, height + 2);
        g.setStroke(palette.color("grid"));
        g.setLineWidth(type.line(1));
        g.setLineDashes(4, 4);
        g.strokeLine(x0, y0 + 0.5, x1, y0 + 0.5);
        g.setLineDashes(null);
        if (hh >= 3 && bottom > top) {
            // hatching: the hole's share of the band, centred
            double gx0 = (x0 + x1) / 2 - bw / 2;
            double gx1 = gx0 + bw;
            g.save();
            g.beginPath();
            g.rect(gx0, top, bw, bottom - top);
            g.clip();
            g.setStroke(palette.color("muted"));
            g.setLineWidth(type.line(1));
            double step = Math.max(6, type.px(8));
            for (double x = gx0 - (bottom - top); x < gx1; x += step) {
                g.strokeLine(x, bottom, x + (bottom - top), top);
            }
            g.restore();
            g.setStroke(palette.color("grid"));
            g.strokeRect(gx0, y0 + 1, bw, Math.max(1, hh - 2));
        }
        double lh = TextFit.lineHeight(font);
        if (hh >= lh + 2) {
            String size = Sizes.human(r.end() - r.start());
            String full = "unmapped " + Sizes.hex(r.start()) + "-" + Sizes.hex(r.end()) + " (" + size + ")";
            String s = TextFit.first(font, Math.min(x1 - x0, bw) - type.px(8), size + " hole", size);
            if (TextFit.fits(s, font, bw)) {
                labels.add(LabelLayer.DETAIL, s, full, font, palette.color("ink"), palette.color("paper"),
                    (x0 + x1) / 2, visibleMiddle(y0, y1, height), TextAlignment.CENTER);
            }
        }
    }

    /**
     * A collapsed gap: two zigzag lines across (at its edges once it is zoomed tall), a pale fill between, and
     * the gap's size in the middle of what is in sight.
     */
    void collapsed(Pen g, Type type, Font bold, Row r, double x0, double x1, double y0, double y1,
                   double height) {
        double h = height;
        double tall = y1 - y0;
        double amp = Math.min(5, tall / 6);
        double gap = tall > 80 ? tall / 2 - 2 * amp : amp * 1.4;
        double mid = (y0 + y1) / 2;
        if (tall > 80) {
            g.setFill(palette.color("panel"));
            g.fillRect(x0, Math.max(0, y0), x1 - x0, Math.min(h, y1) - Math.max(0, y0));
        }
        g.setStroke(palette.color("grid"));
        g.setLineWidth(type.line(1.5));
        for (double dy : new double[] {-gap, gap}) {
            double base = mid + dy;
            if (base < -10 || base > h + 10) continue;
            g.beginPath();
            boolean up = true;
            g.moveTo(x0, base);
            for (double x = x0; x <= x1; x += 10) {
                g.lineTo(x, base + (up ? -amp : amp));
                up = !up;
            }
            g.stroke();
        }
        if (tall >= TextFit.lineHeight(bold) * 0.8) {
            String size = Sizes.human(r.end() - r.start());
            String full = "≈ " + size + " unmapped (" + Sizes.hex(r.start()) + "-" + Sizes.hex(r.end()) + ")";
            String s = TextFit.first(bold, x1 - x0 - type.px(12), "≈ " + size + " unmapped", "≈ " + size, size);
            labels.add(LabelLayer.DETAIL + 1, s, full, bold, palette.color("muted"), palette.color("paper"),
                (x0 + x1) / 2, visibleMiddle(y0, y1, height), TextAlignment.CENTER);
        }
    }

    /** The middle of the part of [y0, y1] in sight. */
    private static double visibleMiddle(double y0, double y1, double height) {
        return (Math.max(y0, 0) + Math.min(y1, height)) / 2;
    }
}
