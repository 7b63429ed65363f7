package vmalab.view;

import javafx.beans.Observable;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import vmalab.view.anim.PaintRequest;
import vmalab.viewmodel.Session;

/**
 * What the diagram views share: a header (a title line over whatever the view adds), one canvas, and one
 * {@link PaintRequest} through which every repaint the session asks for goes, so a picture never shows a new
 * cursor over an old state. Subclasses paint {@link Session#stepState()} from scratch in {@link #redraw()}.
 */
public abstract class CanvasView extends Region {
    /**
     * A scroll pane that paints no background of its own (nor its viewport): the theme gives both a transparent
     * fill, and the software pipeline still fills the dirty area with it at every frame (vmalab.css).
     */
    public static final String BARE_SCROLL = "bare-scroll";
    protected final Session session;
    protected final Canvas canvas = new Canvas();
    protected final VBox header = new VBox(6);
    protected final Label title = new Label();
    private final PaintRequest paint = new PaintRequest(this::redraw, this);

    protected CanvasView(Session session, String styleClass, String id) {
        this.session = session;
        getStyleClass().add(styleClass);
        setId(id);
        title.getStyleClass().add(VmaTreeView.TITLE);
        title.setId(id + "-title");
        title.setFont(Font.font("System", FontWeight.BOLD, 17));
        header.setPadding(new Insets(8, 10, 4, 10));
    }

    /** Paints the session's state now. */
    protected abstract void redraw();

    /** Paints once after the current FX event, however often asked. */
    protected final void requestPaint() {
        paint.request();
    }

    /** Repaints (coalesced) whenever one of {@code sources} changes. */
    protected final void repaintOn(Observable... sources) {
        for (Observable o : sources) o.addListener(x -> requestPaint());
    }

    /** The diagrams' type at the session's font scale. */
    protected final vmalab.view.paint.Type type() {
        return vmalab.view.paint.Type.of(session.fontScale());
    }

    /**
     * The header on top at its preferred height, {@code scroll} under it to the bottom; returns the scroll's
     * viewport size (the pane's own size until it has been laid out once).
     */
    protected final javafx.geometry.Dimension2D layoutHeaderOver(ScrollPane scroll) {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double w = getWidth() - x - snappedRightInset();
        double hh = header.prefHeight(w);
        header.resizeRelocate(x, y, w, hh);
        double sh = Math.max(1, getHeight() - y - hh - snappedBottomInset());
        scroll.resizeRelocate(x, y + hh, w, sh);
        double vw = scroll.getViewportBounds().getWidth();
        double vh = scroll.getViewportBounds().getHeight();
        return new javafx.geometry.Dimension2D(vw <= 1 ? w : vw, vh <= 1 ? sh : vh);
    }

    /** The header on top at its preferred height, the canvas under it down to {@code bottom} px from the end. */
    protected final void layoutHeaderAndCanvas(double bottom) {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double w = getWidth() - x - snappedRightInset();
        double hh = header.prefHeight(w);
        header.resizeRelocate(x, y, w, hh);
        canvas.relocate(x, y + hh);
        canvas.setWidth(Math.max(1, Math.floor(w)));
        canvas.setHeight(Math.max(1, Math.floor(getHeight() - y - hh - snappedBottomInset() - bottom)));
    }

    /**
     * A body that scrolls under the header: the scroll pane fits the width, edge to edge, with a vertical bar as
     * needed, and the view lays out again when its viewport changes size.
     */
    protected final void scrollBody(ScrollPane scroll, VBox body, String scrollId, Insets padding,
                                    ScrollPane.ScrollBarPolicy hbar) {
        body.setPadding(padding);
        body.setFillWidth(false);
        scroll.setId(scrollId);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(hbar);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.getStyleClass().addAll("edge-to-edge", BARE_SCROLL);
        scroll.viewportBoundsProperty().addListener((o, a, b) -> {
            if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) requestLayout();
        });
    }

    /** At a new font scale: {@code scaleHeader} sizes the header's type, then the view lays out and paints again. */
    protected final void followFontScale(Runnable scaleHeader) {
        session.fontScaleProperty().addListener((o, a, b) -> {
            scaleHeader.run();
            requestLayout();
            requestPaint();
        });
    }
}
