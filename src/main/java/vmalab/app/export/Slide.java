package vmalab.app.export;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Dimension2D;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import vmalab.view.paint.Pen;
import vmalab.view.paint.SlideSource;
import vmalab.view.paint.TextFit;
import vmalab.view.paint.Type;

/**
 * One slide: a diagram ({@link SlideSource}) with an optional caption band under it, laid out at 1× in px.
 * Content-sized, the slide is the diagram's {@link SlideSource#slideSize()} with the band under it; with a
 * fixed size the diagram is fitted into what the band leaves (aspect kept, centred). The same
 * {@link #paint(Pen, double)} draws the PNG (on a canvas) and the SVG, so both show the same picture.
 */
public final class Slide {
    /** Colours of the slide's own parts, read from the theme's palette. */
    public record Colours(Color paper, Color band, Color ink, Color muted, Color rule) {
        public static final Colours LIGHT = new Colours(Color.WHITE, Color.web("#f2f4f7"), Color.web("#111111"),
            Color.web("#4d4d4d"), Color.web("#9a9a9a"));
    }

    private static final double PAD = 12;
    /** A caption band is at least this wide (× font scale), so it does not wrap word by word under a small diagram. */
    private static final double MIN_CAPTION_WIDTH = 560;

    private final SlideSource diagram;
    private final Caption caption;
    private final Colours colours;
    private final Type type;
    private final double width;
    private final double height;
    private final double diagramX;
    private final double diagramY;
    private final double fit;
    private final double diagramW;
    private final double diagramH;
    private final List<Line> lines = new ArrayList<>();
    private final double bandH;

    private record Line(String text, Font font, Color colour, double height) { }

    /**
     * @param design null for a content-sized slide, else the slide's size at 1× (the fixed pixel size over the
     *               export scale)
     */
    public Slide(SlideSource diagram, Caption caption, Colours colours, double fontScale, Dimension2D design) {
        this.diagram = diagram;
        this.caption = caption == null ? Caption.NONE : caption;
        this.colours = colours;
        this.type = Type.of(fontScale);
        Dimension2D d = diagram.slideSize();
        diagramW = Math.max(1, Math.ceil(d.getWidth()));
        diagramH = Math.max(1, Math.ceil(d.getHeight()));
        if (design == null) {
            width = this.caption.isEmpty() ? diagramW : Math.max(diagramW, Math.ceil(type.px(MIN_CAPTION_WIDTH)));
            bandH = layOutCaption(width);
            height = diagramH + bandH;
            fit = 1;
            diagramX = Math.floor((width - diagramW) / 2);
            diagramY = 0;
        } else {
            width = design.getWidth();
            height = design.getHeight();
            bandH = Math.min(layOutCaption(width), height / 2);
            double availH = Math.max(1, height - bandH);
            fit = Math.min(width / diagramW, availH / diagramH);
            diagramX = (width - diagramW * fit) / 2;
            diagramY = (availH - diagramH * fit) / 2;
        }
    }

    /** The slide's size at 1× in px; the image is this times the export scale. */
    public double width() { return width; }
    public double height() { return height; }
    /** The caption band's height at 1× (0: none). */
    public double bandHeight() { return bandH; }
    /** How much the diagram is scaled to fit a fixed slide (1 when content-sized). */
    public double fit() { return fit; }
    public Colours colours() { return colours; }
    public Caption caption() { return caption; }
    public SlideSource diagram() { return diagram; }

    /**
     * Paints the whole slide at 1× (the pen already scaled by {@code scale} for 2× or 4×; a diagram drawn from
     * a bitmap takes its picture at that resolution).
     */
    public void paint(Pen p, double scale) {
        if (diagram instanceof Diagrams.Resolution r) r.resolution(scale * fit);
        p.save();
        p.setGlobalAlpha(1);
        p.setFill(colours.paper());
        p.fillRect(0, 0, width, height);
        p.restore();

        p.save();
        p.translate(diagramX, diagramY);
        p.scale(fit, fit);
        p.beginPath();
        p.rect(0, 0, diagramW, diagramH);
        p.clip();
        diagram.paintSlide(p, diagramW, diagramH);
        p.restore();

        if (bandH > 0) paintCaption(p);
    }

    private void paintCaption(Pen p) {
        double top = height - bandH;
        p.save();
        p.setGlobalAlpha(1);
        p.setLineDashes();
        p.setFill(colours.band());
        p.fillRect(0, top, width, bandH);
        p.setStroke(colours.rule());
        p.setLineWidth(Math.max(1, type.fontScale()));
        p.strokeLine(0, top + 0.5, width, top + 0.5);
        p.setTextAlign(TextAlignment.LEFT);
        p.setTextBaseline(VPos.TOP);
        double y = top + type.px(PAD) * 0.75;
        double x = type.px(PAD);
        for (Line l : lines) {
            p.setFont(l.font());
            p.setFill(l.colour());
            p.fillText(l.text(), x, y);
            y += l.height();
        }
        p.restore();
    }

    /** Wraps the caption's parts into lines at {@code width}; returns the band height (0 without a caption). */
    private double layOutCaption(double slideWidth) {
        lines.clear();
        if (caption.isEmpty()) return 0;
        double maxW = Math.max(40, slideWidth - 2 * type.px(PAD));
        add(caption.heading(), type.bold(16), colours.ink(), maxW);
        add(caption.line(), type.mono(15), colours.ink(), maxW);
        add(caption.narration(), type.sans(15), colours.muted(), maxW);
        double h = type.px(PAD) * 1.5;
        for (Line l : lines) h += l.height();
        return Math.ceil(h);
    }

    private void add(String text, Font font, Color colour, double maxW) {
        if (Caption.blank(text)) return;
        double lh = Math.ceil(TextFit.lineHeight(font) * 1.15);
        for (String l : wrap(text.strip(), font, maxW)) lines.add(new Line(l, font, colour, lh));
    }

    /** Words onto lines no wider than {@code maxW}; a word longer than a line is cut where it must be. */
    static List<String> wrap(String text, Font font, double maxW) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String tryLine = cur.length() == 0 ? word : cur + " " + word;
            if (TextFit.fits(tryLine, font, maxW)) {
                cur.setLength(0);
                cur.append(tryLine);
                continue;
            }
            if (cur.length() > 0) out.add(cur.toString());
            cur.setLength(0);
            String w = word;
            while (!TextFit.fits(w, font, maxW) && w.length() > 1) {
                int n = w.length() - 1;
                while (n > 1 && !TextFit.fits(w.substring(0, n), font, maxW)) n--;
                out.add(w.substring(0, n));
                w = w.substring(n);
            }
            cur.append(w);
        }
        if (cur.length() > 0) out.add(cur.toString());
        return out;
    }
}
