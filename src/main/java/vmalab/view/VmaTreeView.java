package vmalab.view;

import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Task;
import vmalab.view.tree.Legend;
import vmalab.view.tree.TreeDiagram;
import vmalab.view.tree.TreePalette;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.fold.StepState;

/**
 * The VMA red-black tree (mm_rb) of the selected process, with the vm_next list under it. Draws any state from
 * scratch; animates an operation's rb-tree steps as the session's event cursor moves over them. Scroll zooms,
 * drag pans, double-click fits; clicking a node selects its VMA.
 */
public final class VmaTreeView extends CanvasView {
    public static final String STYLE_CLASS = "vma-tree-view";
    public static final String TITLE = "diagram-title";
    public static final String CAPTION = "diagram-caption";
    public static final String NODE_LABEL = "tree-node-label";

    private final TreePalette palette = new TreePalette();
    private final TreeDiagram state;
    private final Label caption = new Label(" ");
    /** Carries the canvas label font from CSS ({@code .vma-tree-view .tree-node-label { -fx-font: ... }}). */
    private final Label fontProbe = new Label();
    private boolean dirty = true;
    private double pressX, pressY, lastX, lastY;
    private boolean dragged;

    public VmaTreeView(Session session) {
        super(session, STYLE_CLASS, "vma-tree-view");
        this.state = new TreeDiagram(palette);
        createView();
        initListeners();
    }

    private void createView() {
        caption.getStyleClass().add(CAPTION);
        caption.setFont(Legend.TEXT_FONT);
        caption.setId("vma-tree-caption");
        Button fit = new Button("Fit");
        fit.setId("vma-tree-fit");
        fit.setFont(Legend.TEXT_FONT);
        fit.setOnAction(e -> zoomToFit());
        Button toSelected = new Button("Zoom to selected");
        toSelected.setId("vma-tree-zoom-selected");
        toSelected.setFont(Legend.TEXT_FONT);
        toSelected.setOnAction(e -> zoomToSelected());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(10, title, spacer, fit, toSelected);
        top.setAlignment(Pos.CENTER_LEFT);
        header.getChildren().addAll(top, state.legend(), caption);
        fontProbe.getStyleClass().add(NODE_LABEL);
        fontProbe.setFont(Font.font("Monospaced", FontWeight.BOLD, 15));
        fontProbe.setManaged(false);
        fontProbe.setVisible(false);
        canvas.setId("vma-tree-canvas");
        getChildren().addAll(canvas, header, fontProbe);
        palette.attachHidden(header, this::redraw);
        state.setFont(fontProbe.getFont());
    }

    private void initListeners() {
        session.versionProperty().addListener((o, a, b) -> invalidateState());
        session.selectedPidProperty().addListener((o, a, b) -> invalidateState());
        repaintOn(session.selectedVmaProperty(), session.stepStateProperty(), session.eventProgressProperty());
        fontProbe.fontProperty().addListener((o, a, b) -> {
            state.setFont(b);
            redraw();
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
                zoomToFit();
            }
        });
    }

    /** Every node in view. */
    public void zoomToFit() {
        refresh();
        state.fit();
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

    /** Pixels per in-order column: below 5 nodes are dots; labels need about 60. */
    public double zoom() {
        return state.zoom();
    }

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

    /** The header at the cursor: the VMAs the tree holds when the cursor's event has been shown. */
    private String titleAt(StepState st) {
        Mm mm = session.selectedMm();
        Task t = session.selectedTask();
        if (t == null || mm == null) return "mm_rb: no process";
        return String.format("mm_rb of %s (pid %d): %d VMAs, height %d", t.comm(), t.pid(),
            st.counters(mm).mapCount(), state.height());
    }

    @Override
    protected void redraw() {
        refresh();
        // the folded state at its cursor; reduce motion only means no in-between frames (progress stays at 1)
        StepState st = session.stepState();
        title.setText(titleAt(st));
        caption.setText(state.paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(),
            st.cursor(), session.eventProgressProperty().get(), false, session.selectedVmaProperty().get()));
    }

    private void layoutCanvas() {
        layoutHeaderAndCanvas(0);
        state.setArea(canvas.getWidth(), canvas.getHeight());
    }

    @Override
    protected void layoutChildren() {
        refresh();
        layoutCanvas();
        redraw();
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
