package vmalab.view.structures;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import vmalab.view.paint.Pen;

/**
 * Paints a laid-out, styled node tree to a {@link Pen}, so a view built from nodes exports as the same picture
 * it shows: region background fills and borders (with their radii and insets), text in its font and fill, and
 * the line shapes a diagram draws arrows with (Line, Polyline, Polygon, Circle, Rectangle). Translation and
 * opacity follow the nodes; other transforms, effects and images are not drawn. FX thread only.
 */
public final class NodePainter {
    private NodePainter() {
    }

    /** Paints {@code root}'s children (not {@code root}'s own position or background) at the pen's origin. */
    public static void paintChildren(Parent root, Pen pen) {
        for (Node c : root.getChildrenUnmodifiable()) paint(c, pen);
    }

    /** Paints {@code n} and everything under it, placed at its layout position in its parent. */
    public static void paint(Node n, Pen pen) {
        if (!n.isVisible() || n.getOpacity() <= 0) return;
        pen.save();
        pen.translate(n.getLayoutX() + n.getTranslateX(), n.getLayoutY() + n.getTranslateY());
        if (n.getOpacity() < 1) pen.setGlobalAlpha(n.getOpacity());
        if (n instanceof Region r) region(r, pen);
        else if (n instanceof Text t) text(t, pen);
        else if (n instanceof Shape s) shape(s, pen);
        if (n instanceof Parent p) paintChildren(p, pen);
        pen.restore();
    }

    private static void region(Region r, Pen pen) {
        double w = r.getWidth();
        double h = r.getHeight();
        Background bg = r.getBackground();
        if (bg != null) {
            for (BackgroundFill f : bg.getFills()) {
                if (isClear(f.getFill())) continue;
                Insets in = f.getInsets();
                pen.setFill(f.getFill());
                box(pen, in.getLeft(), in.getTop(), w - in.getLeft() - in.getRight(), h - in.getTop() - in.getBottom(),
                    f.getRadii(), true);
            }
        }
        Border border = r.getBorder();
        if (border != null) {
            for (BorderStroke s : border.getStrokes()) {
                Paint p = s.getTopStroke();
                if (isClear(p)) continue;
                double bw = s.getWidths().getTop();
                if (s.getWidths().isTopAsPercentage()) bw *= h;
                if (bw <= 0) continue;
                Insets in = s.getInsets();
                pen.setStroke(p);
                pen.setLineWidth(bw);
                pen.setLineDashes();
                // a CSS border lies inside the region's box: the stroke is centred half its width in
                box(pen, in.getLeft() + bw / 2, in.getTop() + bw / 2, w - in.getLeft() - in.getRight() - bw,
                    h - in.getTop() - in.getBottom() - bw, s.getRadii(), false);
            }
        }
    }

    private static void box(Pen pen, double x, double y, double w, double h, CornerRadii radii, boolean fill) {
        if (w <= 0 || h <= 0) return;
        double r = radii == null ? 0 : radii.getTopLeftHorizontalRadius();
        if (radii != null && radii.isTopLeftHorizontalRadiusAsPercentage()) r *= w;
        if (r > 0) {
            if (fill) pen.fillRoundRect(x, y, w, h, 2 * r, 2 * r);
            else pen.strokeRoundRect(x, y, w, h, 2 * r, 2 * r);
        } else if (fill) {
            pen.fillRect(x, y, w, h);
        } else {
            pen.strokeRect(x, y, w, h);
        }
    }

    private static void text(Text t, Pen pen) {
        String s = t.getText();
        if (s == null || s.isEmpty() || isClear(t.getFill())) return;
        pen.setFont(t.getFont());
        pen.setFill(t.getFill());
        pen.setTextAlign(TextAlignment.LEFT);
        pen.setTextBaseline(VPos.BASELINE);
        // the first baseline in the Text's own coordinates: its layout box's top plus the baseline offset
        Bounds lb = t.getLayoutBounds();
        double baseline = lb.getMinY() + t.getBaselineOffset();
        String[] lines = s.split("\n", -1);
        double step = lines.length > 1 ? lb.getHeight() / lines.length : 0;
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isEmpty()) pen.fillText(lines[i], lb.getMinX(), baseline + i * step);
        }
    }

    private static void shape(Shape s, Pen pen) {
        Paint fill = s.getFill();
        Paint stroke = s.getStroke();
        boolean stroked = !isClear(stroke) && s.getStrokeWidth() > 0;
        if (stroked) {
            pen.setStroke(stroke);
            pen.setLineWidth(s.getStrokeWidth());
            pen.setLineCap(s.getStrokeLineCap());
            List<Double> dashes = s.getStrokeDashArray();
            double[] d = new double[dashes.size()];
            for (int i = 0; i < d.length; i++) d[i] = dashes.get(i);
            pen.setLineDashes(d);
        }
        boolean filled = !isClear(fill);
        if (filled) pen.setFill(fill);
        if (s instanceof Polyline pl) {
            double[][] xy = points(pl.getPoints());
            if (filled && xy[0].length > 2) pen.fillPolygon(xy[0], xy[1], xy[0].length);
            if (stroked) pen.strokePolyline(xy[0], xy[1], xy[0].length);
        } else if (s instanceof Polygon pg) {
            double[][] xy = points(pg.getPoints());
            if (filled) pen.fillPolygon(xy[0], xy[1], xy[0].length);
            if (stroked) {
                double[] xs = java.util.Arrays.copyOf(xy[0], xy[0].length + 1);
                double[] ys = java.util.Arrays.copyOf(xy[1], xy[1].length + 1);
                xs[xs.length - 1] = xy[0][0];
                ys[ys.length - 1] = xy[1][0];
                pen.strokePolyline(xs, ys, xs.length);
            }
        } else if (s instanceof Line l) {
            if (stroked) pen.strokeLine(l.getStartX(), l.getStartY(), l.getEndX(), l.getEndY());
        } else if (s instanceof Circle c) {
            double r = c.getRadius();
            if (filled) pen.fillOval(c.getCenterX() - r, c.getCenterY() - r, 2 * r, 2 * r);
            if (stroked) pen.strokeOval(c.getCenterX() - r, c.getCenterY() - r, 2 * r, 2 * r);
        } else if (s instanceof Rectangle r) {
            if (filled) pen.fillRect(r.getX(), r.getY(), r.getWidth(), r.getHeight());
            if (stroked) pen.strokeRect(r.getX(), r.getY(), r.getWidth(), r.getHeight());
        }
        pen.setLineDashes();
    }

    private static double[][] points(List<Double> pts) {
        int n = pts.size() / 2;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = pts.get(2 * i);
            ys[i] = pts.get(2 * i + 1);
        }
        return new double[][] {xs, ys};
    }

    private static boolean isClear(Paint p) {
        return p == null || (p instanceof Color c && c.getOpacity() == 0);
    }
}
