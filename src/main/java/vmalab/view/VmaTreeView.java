package vmalab.view;

import javafx.geometry.Dimension2D;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Task;
import vmalab.view.paint.Pen;
import vmalab.view.paint.SlideSource;
import vmalab.view.paint.TextFit;
import vmalab.view.paint.Type;
import vmalab.view.tree.TreeDiagram;
import vmalab.view.tree.TreePalette;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.fold.StepState;

/**
 * The VMA red-black tree (mm_rb) of the selected process, with the vm_next list under it. Draws any state from
 * scratch; animates an operation's rb-tree steps as the session's event cursor moves over them. Scroll zooms,
 * drag pans, double-click fits; clicking a node selects its VMA; hovering shows the whole VMA. Every font and
 * stroke follows the session's font scale.
 */
public final class VmaTreeView extends CanvasView implements SlideSource {
    public static final String STYLE_CLASS = "vma-tree-view";
    public static final String TITLE = "diagram-title";
    public static final String CAPTION = "diagram-caption";
    public static final String NODE_LABEL = "tree-node-label";

    private final TreePalette palette = new TreePalette();
    private final TreeDiagram state;
    private final Label caption = new Label(" ");
    private final Button fit = new Button("Fit");
    private final Button toSelected = new Button("Zoom to selected");
    private final Tooltip tip = new Tooltip();
    /** The tree scrolls when Fit spaces it for its labels (or it is zoomed in): sideways, and down if low. */
    private final ScrollBar hBar = new ScrollBar();
    private final ScrollBar vBar = new ScrollBar();
    private boolean syncing;
    private String titleText = "";
    private boolean dirty = true;
    private double pressX, pressY, lastX, lastY;
    private boolean dragged;
    private long hovered = -1;

    public VmaTreeView(Session session) {
        super(session, STYLE_CLASS, "vma-tree-view");
        this.state = new TreeDiagram(palette);
        createView();
        initListeners();
        applyScale();
    }

    private void createView() {
        caption.getStyleClass().add(CAPTION);
        caption.setId("vma-tree-caption");
        caption.setWrapText(true);
        fit.setId("vma-tree-fit");
        fit.setOnAction(e -> zoomToFit());
        toSelected.setId("vma-tree-zoom-selected");
        toSelected.setOnAction(e -> zoomToSelected());
        for (Button b : new Button[] {fit, toSelected}) b.setMinWidth(Region.USE_PREF_SIZE);
        title.setMinWidth(0);
        FlowPane top = new FlowPane(10, 6, title, fit, toSelected);
        top.setAlignment(Pos.CENTER_LEFT);
        header.getChildren().addAll(top, state.legend(), state.legendNote(), caption);
        canvas.setId("vma-tree-canvas");
        tip.setShowDelay(Duration.millis(250));
        tip.setId("vma-tree-tooltip");
        hBar.setId("vma-tree-hscroll");
        vBar.setId("vma-tree-vscroll");
        vBar.setOrientation(Orientation.VERTICAL);
        for (ScrollBar b : new ScrollBar[] {hBar, vBar}) {
            b.setVisible(false);
            b.valueProperty().addListener((o, a, v) -> {
                if (syncing) return;
                state.scrollTo(hBar.getValue(), vBar.getValue());
                redraw();
            });
        }
        fit.setTooltip(new Tooltip("Up to " + TreeDiagram.LABELLED_FIT_MAX + " VMAs: every node's vm_start–vm_end, "
            + "the tree scrolls sideways; more: the whole tree. Scroll the wheel to zoom."));
        getChildren().addAll(canvas, header, hBar, vBar);
        palette.attachHidden(header, this::requestPaint);
    }

    private void initListeners() {
        session.versionProperty().addListener((o, a, b) -> invalidateState());
        session.selectedPidProperty().addListener((o, a, b) -> invalidateState());
        repaintOn(session.selectedVmaProperty(), session.stepStateProperty(), session.eventProgressProperty(),
            session.themeProperty());
        session.fontScaleProperty().addListener((o, a, b) -> {
            applyScale();
            requestLayout();
            requestPaint();
        });
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            double dy = e.getDeltaY() != 0 ? e.getDeltaY() : e.getDeltaX();
            if (e.isShiftDown() || Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
                state.pan(e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY(), 0);
            } else {
                state.zoomAt(Math.pow(1.0025, dy), e.getX());
            }
            redraw();
            e.consume();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            pressX = lastX = e.getX();
            pressY = lastY = e.getY();
            dragged = false;
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (Math.abs(e.getX() - pressX) + Math.abs(e.getY() - pressY) > 4) dragged = true;
            state.pan(e.getX() - lastX, e.getY() - lastY);
            lastX = e.getX();
            lastY = e.getY();
            redraw();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (dragged || e.getButton() != MouseButton.PRIMARY) return;
            long key = state.keyAt(e.getX(), e.getY());
            if (key >= 0) {
                session.selectedVmaProperty().set(key);
            } else if (e.getClickCount() == 2) {
                zoomToWhole();
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(-1e9, -1e9));
    }

    /** The tooltip follows the node under the mouse: the whole VMA, which a short label leaves out. */
    private void hover(double x, double y) {
        long key = state.keyAt(x, y);
        if (key == hovered) return;
        hovered = key;
        String text = key < 0 ? null : state.tooltipAt(x, y);
        if (text == null) {
            Tooltip.uninstall(canvas, tip);
            tip.hide();
        } else {
            tip.setText(text);
            Tooltip.install(canvas, tip);
        }
    }

    /** The tooltip's text for the node at (x, y) in canvas coordinates, or null: for tests. */
    public String tooltipAt(double x, double y) {
        return state.tooltipAt(x, y);
    }

    private void applyScale() {
        Type t = type();
        state.setType(t);
        title.setFont(t.bold(16));
        caption.setFont(t.sans(14));
        fit.setFont(t.sans(14));
        toSelected.setFont(t.sans(14));
        tip.setFont(t.mono(14));
        header.setSpacing(t.px(6));
    }

    /** Fit: every node's range readable for a tree of up to 64 VMAs (it scrolls), else every node in view. */
    public void zoomToFit() {
        refresh();
        state.fit();
        redraw();
    }

    /** The whole tree in view whatever its size, labels as the level-of-detail rule allows (double-click). */
    public void zoomToWhole() {
        refresh();
        state.fitWhole();
        redraw();
    }

    /** Centres the selected VMA's node at a zoom where its label is readable. */
    public void zoomToSelected() {
        refresh();
        state.centreOnKey(session.selectedVmaProperty().get());
        redraw();
    }

    /** Centre of the node keyed {@code vmStart} in this view's coordinates, or null when there is none. */
    public Point2D nodeCentre(long vmStart) {
        refresh();
        redraw();
        Point2D p = state.centreOf(vmStart);
        return p == null ? null : canvas.localToParent(p);
    }

    /**
     * A point inside the node keyed {@code vmStart} that shows the node's colour, in this view's coordinates, or
     * null when there is none: for the pixel checks (a box's text sits on its centre line).
     */
    public Point2D nodeFillPoint(long vmStart) {
        refresh();
        redraw();
        Point2D p = state.fillPoint(vmStart);
        return p == null ? null : canvas.localToParent(p);
    }

    /** Pixels per in-order column: below 5 nodes are dots; labels need about 60. */
    public double zoom() {
        return state.zoom();
    }

    /** The picture under the header, for tests: its size in px. */
    public Dimension2D canvasSize() {
        return new Dimension2D(canvas.getWidth(), canvas.getHeight());
    }

    /** Paints what the canvas shows with {@code pen} (tests record it). */
    public String paintScreen(Pen pen) {
        refresh();
        StepState st = session.stepState();
        return state.paint(pen, canvas.getWidth(), canvas.getHeight(), st.cursor(),
            session.eventProgressProperty().get(), false, session.selectedVmaProperty().get());
    }

    /** The canvas size at the last paint. */
    private double paintedW = -1;
    private double paintedH = -1;

    private void invalidateState() {
        dirty = true;
        requestPaint();
    }

    private void refresh() {
        if (!dirty) return;
        dirty = false;
        Mm mm = session.selectedMm();
        state.show(mm, mm == null ? null : session.stepState().tree(mm).frames());
        layoutCanvas();
    }

    /** The header at the cursor, as long as the header has room for: the VMAs the tree holds, its height. */
    private String titleAt(StepState st, double width) {
        Mm mm = session.selectedMm();
        Task t = session.selectedTask();
        if (t == null || mm == null) return "mm_rb: no process";
        int n = st.counters(mm).mapCount();
        String vmas = n + (n == 1 ? " VMA" : " VMAs");
        // Linux 6.1+: mm_struct has no mm_rb; its VMAs are in the maple tree mm->mm_mt (include/linux/mm_types.h)
        if (mm.index().isMaple()) return TextFit.first(title.getFont(), width,
            String.format("%s (pid %d) has no mm_rb: its %s are in the maple tree (mm_mt)", t.comm(), t.pid(), vmas),
            "no mm_rb: " + vmas + " in the maple tree (mm_mt)", "no mm_rb: maple tree", "maple tree");
        // height counts edges, as textbooks do; the levels are what the maple tree's height (mt_height()) counts
        int h = state.height();
        return TextFit.first(title.getFont(), width,
            String.format(java.util.Locale.ROOT, "mm_rb of %s (pid %d): %s, height %d (%d levels)", t.comm(), t.pid(),
                vmas, h, n == 0 ? 0 : h + 1),
            String.format(java.util.Locale.ROOT, "mm_rb of %s (pid %d): %s, height %d", t.comm(), t.pid(), vmas, h),
            String.format(java.util.Locale.ROOT, "mm_rb of %s: %s, height %d", t.comm(), vmas, state.height()),
            String.format(java.util.Locale.ROOT, "mm_rb: %s, height %d", vmas, state.height()),
            "mm_rb: " + vmas, vmas);
    }

    @Override
    protected void redraw() {
        refresh();
        updateTexts();
        StepState st = session.stepState();
        state.paint(Pen.on(canvas), canvas.getWidth(), canvas.getHeight(), st.cursor(),
            session.eventProgressProperty().get(), false, session.selectedVmaProperty().get());
        paintedW = canvas.getWidth();
        paintedH = canvas.getHeight();
        syncBars();
    }

    /** The scroll bars follow the camera (a drag, a zoom, Fit); a bar the tree does not need is hidden. */
    private void syncBars() {
        double[] h = state.hScroll();
        double[] v = state.vScroll();
        boolean needH = h[1] - h[0] > 1e-6;
        boolean needV = v[0] > 0.5;
        if (needH != hBar.isVisible() || needV != vBar.isVisible()) requestLayout();
        syncing = true;
        try {
            hBar.setVisible(needH);
            vBar.setVisible(needV);
            if (needH) {
                double span = h[1] - h[0];
                hBar.setMin(h[0]);
                hBar.setMax(h[1]);
                hBar.setValue(h[2]);
                hBar.setVisibleAmount(span * h[3] / (span + h[3]));
                hBar.setUnitIncrement(1);
                hBar.setBlockIncrement(Math.max(1, h[3] * 0.8));
            }
            if (needV) {
                vBar.setMin(0);
                vBar.setMax(v[0]);
                vBar.setValue(v[1]);
                vBar.setVisibleAmount(v[0] * v[2] / (v[0] + v[2]));
                vBar.setUnitIncrement(20);
                vBar.setBlockIncrement(Math.max(20, v[2] * 0.8));
            }
        } finally {
            syncing = false;
        }
    }

    /** Scrolls the tree to centre column {@code col} and vertical pan {@code y} (px), as the bars do: for tests. */
    public void scrollTo(double col, double y) {
        refresh();
        state.scrollTo(col, y);
        redraw();
    }

    /** The horizontal scroll: least and greatest centre column, the centre now, the columns in view. */
    public double[] hScroll() {
        return state.hScroll();
    }

    /** The vertical scroll: the greatest pan (px), the pan now, the view's height. */
    public double[] vScroll() {
        return state.vScroll();
    }

    /**
     * The title and caption for the cursor. Set before the header is laid out: a label's text changed inside this
     * view's layout pass after the header was placed would never be laid out again (the stale "0 VMAs" title).
     */
    private void updateTexts() {
        StepState st = session.stepState();
        double buttons = fit.prefWidth(-1) + toSelected.prefWidth(-1) + 2 * 10;
        double room = getWidth() - snappedLeftInset() - snappedRightInset() - 24;
        String t = titleAt(st, Math.max(40, room - buttons > 200 ? room - buttons : room));
        if (!t.equals(titleText)) {
            titleText = t;
            title.setText(t);
        }
        Mm mm = session.selectedMm();
        String c = mm != null && mm.index().isMaple()
            ? "This process keeps its VMAs in the maple tree of Linux 6.1+, not in a red-black tree: see the Maple "
                + "tree tab. The shape below is only a stand-in, not mm_rb."
            : state.caption(st.cursor(), session.eventProgressProperty().get(), false,
                session.selectedVmaProperty().get());
        if (!c.equals(caption.getText())) caption.setText(c);
    }

    @Override
    public Dimension2D slideSize() {
        refresh();
        return state.slideSize();
    }

    @Override
    public void paintSlide(Pen pen, double width, double height) {
        refresh();
        StepState st = session.stepState();
        state.paintSlide(pen, width, height, st.cursor(), session.eventProgressProperty().get(), false,
            session.selectedVmaProperty().get());
    }

    private void layoutCanvas() {
        state.setLegendWidth(getWidth() - snappedLeftInset() - snappedRightInset() - 24);
        caption.setMaxWidth(Math.max(40, getWidth() - snappedLeftInset() - snappedRightInset() - 24));
        // at 250 % in a 1280×720 window the header alone would fill the pane: the legend's words go first, then
        // its swatches, so the tree keeps at least about half the height (the legend is for the front of the room)
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        // and the legend gives way to the tree's rows first: a low pane shows the tree whole in height if it can
        double hb = hBar.isVisible() ? Math.ceil(hBar.prefHeight(-1)) : 0;
        double room = getHeight() - snappedTopInset() - snappedBottomInset() - hb;
        double budget = Math.min(0.45 * getHeight(), room - state.neededHeight(room));
        budget = Math.max(budget, Math.min(0.45 * getHeight(), title.prefHeight(-1) + header.getPadding().getTop()
            + header.getPadding().getBottom() + caption.prefHeight(w) + header.getSpacing()));
        for (javafx.scene.Node n : new javafx.scene.Node[] {state.legendNote(), state.legend(), caption}) {
            n.setVisible(true);
            n.setManaged(true);
        }
        for (javafx.scene.Node n : new javafx.scene.Node[] {state.legendNote(), state.legend(), caption}) {
            if (header.prefHeight(w) <= budget) break;
            n.setVisible(false);
            n.setManaged(false);
        }
        layoutHeaderAndCanvas(0);
        double vb = vBar.isVisible() ? Math.ceil(vBar.prefWidth(-1)) : 0;
        // the bars border the tree itself: the vertical one at its right, the horizontal one between it and the list
        canvas.setWidth(Math.max(1, canvas.getWidth() - vb));
        state.setScrollGap(hb);
        state.setArea(canvas.getWidth(), canvas.getHeight());
        double x = canvas.getLayoutX();
        double y = canvas.getLayoutY();
        double treeBottom = y + canvas.getHeight() - state.chainHeight();
        hBar.resizeRelocate(x, treeBottom, canvas.getWidth(), hb);
        vBar.resizeRelocate(x + canvas.getWidth(), y, vb, Math.max(1, treeBottom - y));
    }

    @Override
    protected void layoutChildren() {
        boolean stale = dirty;
        refresh();
        updateTexts();
        layoutCanvas();
        // a pan or a zoom has redrawn the canvas already: a layout pass (its scroll bars moved, the header's text
        // changed) paints again only when the picture changed size or the state is new
        if (stale || canvas.getWidth() != paintedW || canvas.getHeight() != paintedH) redraw();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 900;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 640;
    }
}
