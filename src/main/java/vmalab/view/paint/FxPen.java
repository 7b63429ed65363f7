package vmalab.view.paint;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** A {@link Pen} on a canvas's GraphicsContext: every call passed straight through. */
public final class FxPen implements Pen {
    private final GraphicsContext g;

    public FxPen(GraphicsContext g) {
        this.g = g;
    }

    /** The GraphicsContext under this pen. */
    public GraphicsContext context() { return g; }

    @Override public void setFill(Paint p) { g.setFill(p); }
    @Override public void setStroke(Paint p) { g.setStroke(p); }
    @Override public void setLineWidth(double w) { g.setLineWidth(w); }
    @Override public void setLineDashes(double... dashes) { g.setLineDashes(dashes); }
    @Override public void setLineCap(StrokeLineCap cap) { g.setLineCap(cap); }
    @Override public void setGlobalAlpha(double alpha) { g.setGlobalAlpha(alpha); }
    @Override public void setFont(Font f) { g.setFont(f); }
    @Override public Font getFont() { return g.getFont(); }
    @Override public void setTextAlign(TextAlignment align) { g.setTextAlign(align); }
    @Override public void setTextBaseline(VPos baseline) { g.setTextBaseline(baseline); }
    @Override public void fillText(String text, double x, double y) { g.fillText(text, x, y); }
    @Override public void strokeLine(double x1, double y1, double x2, double y2) { g.strokeLine(x1, y1, x2, y2); }
    @Override public void fillRect(double x, double y, double w, double h) { g.fillRect(x, y, w, h); }
    @Override public void strokeRect(double x, double y, double w, double h) { g.strokeRect(x, y, w, h); }
    @Override public void clearRect(double x, double y, double w, double h) { g.clearRect(x, y, w, h); }
    @Override public void fillRoundRect(double x, double y, double w, double h, double aw, double ah) {
        g.fillRoundRect(x, y, w, h, aw, ah);
    }
    @Override public void strokeRoundRect(double x, double y, double w, double h, double aw, double ah) {
        g.strokeRoundRect(x, y, w, h, aw, ah);
    }
    @Override public void fillOval(double x, double y, double w, double h) { g.fillOval(x, y, w, h); }
    @Override public void strokeOval(double x, double y, double w, double h) { g.strokeOval(x, y, w, h); }
    @Override public void fillPolygon(double[] xs, double[] ys, int n) { g.fillPolygon(xs, ys, n); }
    @Override public void strokePolyline(double[] xs, double[] ys, int n) { g.strokePolyline(xs, ys, n); }
    @Override public void drawImage(Image img, double x, double y) { g.drawImage(img, x, y); }
    @Override public void drawImage(Image img, double x, double y, double w, double h) { g.drawImage(img, x, y, w, h); }
    @Override public void beginPath() { g.beginPath(); }
    @Override public void moveTo(double x, double y) { g.moveTo(x, y); }
    @Override public void lineTo(double x, double y) { g.lineTo(x, y); }
    @Override public void rect(double x, double y, double w, double h) { g.rect(x, y, w, h); }
    @Override public void closePath() { g.closePath(); }
    @Override public void stroke() { g.stroke(); }
    @Override public void fill() { g.fill(); }
    @Override public void clip() { g.clip(); }
    @Override public void save() { g.save(); }
    @Override public void restore() { g.restore(); }
    @Override public void translate(double x, double y) { g.translate(x, y); }
    @Override public void scale(double sx, double sy) { g.scale(sx, sy); }
}
