package vmalab.app.export;

import javafx.geometry.Bounds;
import javafx.geometry.Dimension2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import vmalab.view.paint.Pen;
import vmalab.view.paint.SlideSource;

/**
 * The diagram of a view, as a {@link SlideSource}: the view itself when it is one (it paints its diagram
 * through the pen: sharp at any scale, real text in an SVG), else a snapshot of its diagram node (its largest
 * canvas when that is most of the view, so the header's buttons and hints stay out; else the whole view)
 * taken at the resolution the slide is drawn at. FX thread only.
 */
public final class Diagrams {
    private Diagrams() {
    }

    /** The slide source for {@code view}. */
    public static SlideSource of(Node view) {
        if (view instanceof SlideSource s) return s;
        return new Snapshot(diagramNode(view));
    }

    /** Whether {@code view} paints its own slide (true) or is exported as a snapshot (false). */
    public static boolean paintsItself(Node view) {
        return view instanceof SlideSource;
    }

    /** The node a snapshot of {@code view} shows: its largest canvas when that covers most of it, else itself. */
    static Node diagramNode(Node view) {
        Canvas best = largestCanvas(view, null);
        if (best == null) return view;
        Bounds v = view.getLayoutBounds();
        double area = v.getWidth() * v.getHeight();
        return area > 0 && best.getWidth() * best.getHeight() >= 0.5 * area ? best : view;
    }

    private static Canvas largestCanvas(Node n, Canvas best) {
        if (n instanceof Canvas c && c.isVisible()
            && (best == null || c.getWidth() * c.getHeight() > best.getWidth() * best.getHeight())) best = c;
        if (n instanceof Parent p) for (Node k : p.getChildrenUnmodifiable()) best = largestCanvas(k, best);
        return best;
    }

    /** A view that does not paint slides yet: its node's picture, drawn as an image. */
    static final class Snapshot implements SlideSource, Resolution {
        private final Node node;
        private double resolution = 1;

        Snapshot(Node node) {
            this.node = node;
        }

        @Override
        public Dimension2D slideSize() {
            Bounds b = node.getLayoutBounds();
            return new Dimension2D(Math.max(1, Math.ceil(b.getWidth())), Math.max(1, Math.ceil(b.getHeight())));
        }

        @Override
        public void resolution(double pxPerUnit) {
            resolution = Math.max(1, Math.min(4, pxPerUnit));
        }

        @Override
        public void paintSlide(Pen pen, double w, double h) {
            Bounds b = node.getLayoutBounds();
            int iw = Math.max(1, (int) Math.ceil(b.getWidth() * resolution));
            int ih = Math.max(1, (int) Math.ceil(b.getHeight() * resolution));
            SnapshotParameters p = new SnapshotParameters();
            p.setFill(Color.TRANSPARENT);
            p.setTransform(Transform.scale(resolution, resolution));
            p.setViewport(new javafx.geometry.Rectangle2D(b.getMinX() * resolution, b.getMinY() * resolution, iw, ih));
            WritableImage img = node.snapshot(p, new WritableImage(iw, ih));
            pen.drawImage(img, 0, 0, w, h);
        }
    }

    /** A slide source that draws a bitmap wants to know how many pixels a unit will take. */
    interface Resolution {
        void resolution(double pxPerUnit);
    }
}
