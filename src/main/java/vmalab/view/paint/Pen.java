package vmalab.view.paint;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.Image;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * What the diagram painters draw with: the part of JavaFX's {@code GraphicsContext} they use, with the same
 * names and meanings, so one painting routine draws on a canvas ({@link FxPen}), into an SVG document
 * (the export's SVG pen) or into a recorder that tests read back. Colours and fonts are JavaFX values.
 */
public interface Pen {
    /** A pen drawing on {@code canvas}. */
    static Pen on(Canvas canvas) {
        return new FxPen(canvas.getGraphicsContext2D());
    }

    void setFill(Paint p);
    void setStroke(Paint p);
    void setLineWidth(double w);
    void setLineDashes(double... dashes);
    void setLineCap(StrokeLineCap cap);
    void setGlobalAlpha(double alpha);
    void setFont(Font f);
    Font getFont();
    void setTextAlign(TextAlignment align);
    void setTextBaseline(VPos baseline);

    void fillText(String text, double x, double y);
    void strokeLine(double x1, double y1, double x2, double y2);
    void fillRect(double x, double y, double w, double h);
    void strokeRect(double x, double y, double w, double h);
    void clearRect(double x, double y, double w, double h);
    void fillRoundRect(double x, double y, double w, double h, double arcW, double arcH);
    void strokeRoundRect(double x, double y, double w, double h, double arcW, double arcH);
    void fillOval(double x, double y, double w, double h);
    void strokeOval(double x, double y, double w, double h);
    void fillPolygon(double[] xs, double[] ys, int n);
    void strokePolyline(double[] xs, double[] ys, int n);
    void drawImage(Image img, double x, double y);
    void drawImage(Image img, double x, double y, double w, double h);

    /** Path building, as in GraphicsContext: {@code beginPath(); rect(…); clip();}. */
    void beginPath();
    void moveTo(double x, double y);
    void lineTo(double x, double y);
    void rect(double x, double y, double w, double h);
    void closePath();
    void stroke();
    void fill();
    void clip();

    void save();
    void restore();
    void translate(double x, double y);
    void scale(double sx, double sy);
}
