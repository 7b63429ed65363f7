package vmalab.app.export;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.VPos;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.RadialGradient;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import vmalab.view.paint.Pen;

/**
 * A {@link Pen} that writes SVG through JFreeSVG: the painters' JavaFX colours, fonts, alignment, baselines,
 * dashes, alpha, clips and transforms become Java2D calls on an {@link SVGGraphics2D}. Text stays text
 * ({@code <text>} in the painter's font family, with web fallbacks), measured with JavaFX's own metrics so a
 * centred or right-aligned label lands where it does on the canvas. Images are embedded as PNG.
 * FX thread (it measures text with JavaFX).
 */
public final class SvgPen implements Pen {
    private final SVGGraphics2D g;
    private final java.awt.Color clearColour;
    private final Deque<State> saved = new ArrayDeque<>();
    private final Map<Font, double[]> metrics = new HashMap<>();
    private State s = new State();
    private Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO);

    /** What GraphicsContext.save() keeps, as JavaFX values, plus the clip in device space. */
    private static final class State {
        Paint fill = Color.BLACK;
        Paint stroke = Color.BLACK;
        double lineWidth = 1;
        double[] dashes;
        StrokeLineCap cap = StrokeLineCap.SQUARE;
        double alpha = 1;
        Font font = Font.getDefault();
        TextAlignment align = TextAlignment.LEFT;
        VPos baseline = VPos.BASELINE;
        AffineTransform transform = new AffineTransform();
        Shape clip;

        State copy() {
            State c = new State();
            c.fill = fill;
            c.stroke = stroke;
            c.lineWidth = lineWidth;
            c.dashes = dashes == null ? null : dashes.clone();
            c.cap = cap;
            c.alpha = alpha;
            c.font = font;
            c.align = align;
            c.baseline = baseline;
            c.transform = new AffineTransform(transform);
            c.clip = clip;
            return c;
        }
    }

    /**
     * A pen on a new SVG document of {@code width} × {@code height} px; {@code clear} is what
     * {@link #clearRect} paints (an SVG has no "transparent over what was drawn": the slide's paper).
     */
    public SvgPen(double width, double height, Color clear) {
        g = new SVGGraphics2D(width, height);
        g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
        g.setFontFunction(SvgPen::webFamily);
        clearColour = awt(clear == null ? Color.WHITE : clear, 1);
    }

    /** The SVG document so far: an XML declaration and one {@code <svg>} element. */
    public String document() {
        return g.getSVGDocument();
    }

    /**
     * The SVG family list for a JavaFX family: the family itself, then fallbacks a browser has. Names are in
     * double quotes: JFreeSVG writes the style attribute in single ones.
     */
    static String webFamily(String family) {
        String f = family == null ? "System" : family;
        String lower = f.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("system") || lower.equals("dialog") || lower.equals("sansserif")) {
            return "\"DejaVu Sans\", \"Segoe UI\", Helvetica, Arial, sans-serif";
        }
        if (lower.equals("monospaced") || lower.equals("dialoginput")) {
            return "\"DejaVu Sans Mono\", Consolas, Menlo, monospace";
        }
        if (lower.equals("serif")) return "\"DejaVu Serif\", Georgia, serif";
        String generic = lower.contains("mono") ? "monospace" : lower.contains("serif") && !lower.contains("sans")
            ? "serif" : "sans-serif";
        return "\"" + f.replace("\"", "") + "\", " + generic;
    }

    // ---- attributes ----

    @Override public void setFill(Paint p) { s.fill = p; }
    @Override public void setStroke(Paint p) { s.stroke = p; }
    @Override public void setLineWidth(double w) {
        if (w > 0 && Double.isFinite(w)) s.lineWidth = w;
    }
    @Override public void setLineDashes(double... dashes) {
        s.dashes = dashes == null || dashes.length == 0 || allZero(dashes) ? null : dashes.clone();
    }
    @Override public void setLineCap(StrokeLineCap cap) {
        if (cap != null) s.cap = cap;
    }
    @Override public void setGlobalAlpha(double alpha) { s.alpha = Math.max(0, Math.min(1, alpha)); }
    @Override public void setFont(Font f) {
        if (f != null) s.font = f;
    }
    @Override public Font getFont() { return s.font; }
    @Override public void setTextAlign(TextAlignment align) {
        if (align != null) s.align = align;
    }
    @Override public void setTextBaseline(VPos baseline) {
        if (baseline != null) s.baseline = baseline;
    }

    private static boolean allZero(double[] d) {
        for (double v : d) if (v > 0) return false;
        return true;
    }

    // ---- drawing ----

    @Override
    public void fillText(String text, double x, double y) {
        if (text == null || text.isEmpty()) return;
        double[] m = metrics(s.font); // ascent, descent
        double w = s.align == TextAlignment.LEFT || s.align == TextAlignment.JUSTIFY ? 0 : width(text, s.font);
        double dx = switch (s.align) {
            case CENTER -> -w / 2;
            case RIGHT -> -w;
            default -> 0;
        };
        double base = switch (s.baseline) {
            case TOP -> y + m[0];
            case CENTER -> y + (m[0] - m[1]) / 2;
            case BOTTOM -> y - m[1];
            default -> y;
        };
        if (!usePaint(s.fill)) return;
        g.setFont(awtFont(s.font));
        g.drawString(text, (float) (x + dx), (float) base);
    }

    @Override public void strokeLine(double x1, double y1, double x2, double y2) {
        stroke(new Line2D.Double(x1, y1, x2, y2));
    }
    @Override public void fillRect(double x, double y, double w, double h) { fill(new Rectangle2D.Double(x, y, w, h)); }
    @Override public void strokeRect(double x, double y, double w, double h) {
        stroke(new Rectangle2D.Double(x, y, w, h));
    }
    @Override
    public void clearRect(double x, double y, double w, double h) {
        g.setComposite(AlphaComposite.SrcOver);
        g.setPaint(clearColour);
        g.fill(new Rectangle2D.Double(x, y, w, h));
    }
    @Override public void fillRoundRect(double x, double y, double w, double h, double aw, double ah) {
        fill(new RoundRectangle2D.Double(x, y, w, h, aw, ah));
    }
    @Override public void strokeRoundRect(double x, double y, double w, double h, double aw, double ah) {
        stroke(new RoundRectangle2D.Double(x, y, w, h, aw, ah));
    }
    @Override public void fillOval(double x, double y, double w, double h) { fill(new Ellipse2D.Double(x, y, w, h)); }
    @Override public void strokeOval(double x, double y, double w, double h) {
        stroke(new Ellipse2D.Double(x, y, w, h));
    }
    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        if (n < 2) return;
        Path2D.Double p = poly(xs, ys, n);
        p.closePath();
        fill(p);
    }
    @Override public void strokePolyline(double[] xs, double[] ys, int n) {
        if (n >= 2) stroke(poly(xs, ys, n));
    }

    private static Path2D.Double poly(double[] xs, double[] ys, int n) {
        Path2D.Double p = new Path2D.Double(Path2D.WIND_NON_ZERO);
        p.moveTo(xs[0], ys[0]);
        for (int i = 1; i < n; i++) p.lineTo(xs[i], ys[i]);
        return p;
    }

    @Override
    public void drawImage(Image img, double x, double y) {
        if (img != null) drawImage(img, x, y, img.getWidth(), img.getHeight());
    }

    @Override
    public void drawImage(Image img, double x, double y, double w, double h) {
        if (img == null || w <= 0 || h <= 0) return;
        BufferedImage bi = SwingFXUtils.fromFXImage(img, null);
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) s.alpha));
        AffineTransform at = AffineTransform.getTranslateInstance(x, y);
        at.scale(w / bi.getWidth(), h / bi.getHeight());
        g.drawImage(bi, at, null);
        g.setComposite(AlphaComposite.SrcOver);
    }

    // ---- paths ----

    @Override public void beginPath() { path = new Path2D.Double(Path2D.WIND_NON_ZERO); }
    @Override public void moveTo(double x, double y) { path.moveTo(x, y); }
    @Override
    public void lineTo(double x, double y) {
        if (path.getCurrentPoint() == null) path.moveTo(x, y);
        else path.lineTo(x, y);
    }
    @Override public void rect(double x, double y, double w, double h) { path.append(new Rectangle2D.Double(x, y, w, h), false); }
    @Override
    public void closePath() {
        if (path.getCurrentPoint() != null) path.closePath();
    }
    @Override public void stroke() { stroke(path); }
    @Override public void fill() { fill(path); }
    @Override
    public void clip() {
        Shape device = s.transform.createTransformedShape(path);
        if (s.clip == null) {
            s.clip = device;
        } else {
            java.awt.geom.Area a = new java.awt.geom.Area(s.clip);
            a.intersect(new java.awt.geom.Area(device));
            s.clip = a;
        }
        applyClip();
    }

    // ---- state ----

    @Override public void save() { saved.push(s.copy()); }
    @Override
    public void restore() {
        if (saved.isEmpty()) return;
        s = saved.pop();
        g.setTransform(s.transform);
        applyClip();
    }
    @Override
    public void translate(double x, double y) {
        s.transform.translate(x, y);
        g.setTransform(s.transform);
    }
    @Override
    public void scale(double sx, double sy) {
        s.transform.scale(sx, sy);
        g.setTransform(s.transform);
    }

    private void applyClip() {
        g.setTransform(new AffineTransform());
        g.setClip(s.clip);
        g.setTransform(s.transform);
    }

    // ---- conversion ----

    private void fill(Shape shape) {
        if (usePaint(s.fill)) g.fill(shape);
    }

    private void stroke(Shape shape) {
        if (!usePaint(s.stroke)) return;
        float[] dash = null;
        if (s.dashes != null) {
            dash = new float[s.dashes.length];
            for (int i = 0; i < dash.length; i++) dash[i] = (float) Math.max(0, s.dashes[i]);
        }
        int cap = switch (s.cap) {
            case BUTT -> BasicStroke.CAP_BUTT;
            case ROUND -> BasicStroke.CAP_ROUND;
            default -> BasicStroke.CAP_SQUARE;
        };
        g.setStroke(new BasicStroke((float) s.lineWidth, cap, BasicStroke.JOIN_MITER, 10f, dash, 0f));
        g.draw(shape);
    }

    /** Sets the Java2D paint for {@code p} at the global alpha; false when nothing would show. */
    private boolean usePaint(Paint p) {
        Color c = colourOf(p);
        if (c == null || c.getOpacity() * s.alpha <= 0) return false;
        g.setComposite(AlphaComposite.SrcOver);
        g.setPaint(awt(c, s.alpha));
        return true;
    }

    /** A flat colour for a paint (a gradient: its first stop; the painters use flat colours). */
    private static Color colourOf(Paint p) {
        if (p instanceof Color c) return c;
        if (p instanceof LinearGradient lg && !lg.getStops().isEmpty()) return lg.getStops().get(0).getColor();
        if (p instanceof RadialGradient rg && !rg.getStops().isEmpty()) return rg.getStops().get(0).getColor();
        return null;
    }

    static java.awt.Color awt(Color c, double alpha) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(),
            (float) Math.max(0, Math.min(1, c.getOpacity() * alpha)));
    }

    static java.awt.Font awtFont(Font f) {
        String style = f.getStyle() == null ? "" : f.getStyle().toLowerCase(java.util.Locale.ROOT);
        int st = java.awt.Font.PLAIN;
        if (style.contains("bold") || style.contains("black") || style.contains("heavy")
            || style.contains("semibold") || style.contains("extra bold")) st |= java.awt.Font.BOLD;
        if (style.contains("italic") || style.contains("oblique")) st |= java.awt.Font.ITALIC;
        return new java.awt.Font(f.getFamily(), st, 1).deriveFont((float) f.getSize());
    }

    /** Ascent and descent of {@code f} in px, as JavaFX lays text out. */
    private double[] metrics(Font f) {
        return metrics.computeIfAbsent(f, font -> {
            Text t = new Text("Hg");
            t.setFont(font);
            t.setTextOrigin(VPos.BASELINE);
            javafx.geometry.Bounds b = t.getLayoutBounds();
            return new double[] {-b.getMinY(), b.getMaxY()};
        });
    }

    private static double width(String text, Font f) {
        Text t = new Text(text);
        t.setFont(f);
        return t.getLayoutBounds().getWidth();
    }
}
