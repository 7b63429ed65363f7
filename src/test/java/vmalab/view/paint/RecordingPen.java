package vmalab.view.paint;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * A pen that draws nothing and remembers every text it was asked to draw, with the box the text covers on
 * the page (after translate and scale), its font and fill; also the fills used, so tests can check colours.
 */
public final class RecordingPen implements Pen {
    /** One fillText: the string and where its glyphs land. */
    public record Mark(String text, Font font, Paint fill, Bounds box) {
    }

    private static final class State {
        Paint fill = Color.BLACK;
        Paint stroke = Color.BLACK;
        Font font = Font.getDefault();
        TextAlignment align = TextAlignment.LEFT;
        VPos baseline = VPos.BASELINE;
        double tx;
        double ty;
        double sx = 1;
        double sy = 1;

        State copy() {
            State s = new State();
            s.fill = fill;
            s.stroke = stroke;
            s.font = font;
            s.align = align;
            s.baseline = baseline;
            s.tx = tx;
            s.ty = ty;
            s.sx = sx;
            s.sy = sy;
            return s;
        }
    }

    private State st = new State();
    private final Deque<State> stack = new ArrayDeque<>();
    private final List<Mark> marks = new ArrayList<>();
    private final List<Paint> fills = new ArrayList<>();

    public List<Mark> marks() { return marks; }

    /** Every paint a shape or text was filled with, in order. */
    public List<Paint> fills() { return fills; }

    @Override public void setFill(Paint p) { st.fill = p; }
    @Override public void setStroke(Paint p) { st.stroke = p; }
    @Override public void setLineWidth(double w) { }
    @Override public void setLineDashes(double... dashes) { }
    @Override public void setLineCap(StrokeLineCap cap) { }
    @Override public void setGlobalAlpha(double alpha) { }
    @Override public void setFont(Font f) { st.font = f; }
    @Override public Font getFont() { return st.font; }
    @Override public void setTextAlign(TextAlignment align) { st.align = align; }
    @Override public void setTextBaseline(VPos baseline) { st.baseline = baseline; }

    @Override
    public void fillText(String text, double x, double y) {
        fills.add(st.fill);
        if (text == null || text.isEmpty()) return;
        Text probe = new Text(text);
        probe.setFont(st.font);
        Bounds lb = probe.getLayoutBounds();
        double w = lb.getWidth();
        double ascent = -lb.getMinY();
        double h = lb.getHeight();
        double left = switch (st.align) {
            case CENTER -> x - w / 2;
            case RIGHT -> x - w;
            default -> x;
        };
        double top = switch (st.baseline) {
            case TOP -> y;
            case CENTER -> y - h / 2;
            case BOTTOM -> y - h;
            default -> y - ascent;
        };
        marks.add(new Mark(text, st.font, st.fill, new BoundingBox(st.tx + left * st.sx, st.ty + top * st.sy,
            w * st.sx, h * st.sy)));
    }

    private void filled() { fills.add(st.fill); }

    @Override public void strokeLine(double x1, double y1, double x2, double y2) { }
    @Override public void fillRect(double x, double y, double w, double h) { filled(); }
    @Override public void strokeRect(double x, double y, double w, double h) { }
    @Override public void clearRect(double x, double y, double w, double h) { }
    @Override public void fillRoundRect(double x, double y, double w, double h, double aw, double ah) { filled(); }
    @Override public void strokeRoundRect(double x, double y, double w, double h, double aw, double ah) { }
    @Override public void fillOval(double x, double y, double w, double h) { filled(); }
    @Override public void strokeOval(double x, double y, double w, double h) { }
    @Override public void fillPolygon(double[] xs, double[] ys, int n) { filled(); }
    @Override public void strokePolyline(double[] xs, double[] ys, int n) { }
    @Override public void drawImage(Image img, double x, double y) { }
    @Override public void drawImage(Image img, double x, double y, double w, double h) { }
    @Override public void beginPath() { }
    @Override public void moveTo(double x, double y) { }
    @Override public void lineTo(double x, double y) { }
    @Override public void rect(double x, double y, double w, double h) { }
    @Override public void closePath() { }
    @Override public void stroke() { }
    @Override public void fill() { filled(); }
    @Override public void clip() { }
    @Override public void save() { stack.push(st.copy()); }
    @Override public void restore() { if (!stack.isEmpty()) st = stack.pop(); }

    @Override
    public void translate(double x, double y) {
        st.tx += x * st.sx;
        st.ty += y * st.sy;
    }

    @Override
    public void scale(double sx, double sy) {
        st.sx *= sx;
        st.sy *= sy;
    }
}
