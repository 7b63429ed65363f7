package vmalab.view;

import java.util.List;
import javafx.geometry.Dimension2D;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import vmalab.model.maple.MapleStep;
import vmalab.model.maple.MapleTree.NodeInfo;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Task;
import vmalab.model.mm.Vma;
import vmalab.view.anim.Palette;
import vmalab.view.maple.MapleLayout;
import vmalab.view.maple.MaplePainter;
import vmalab.view.maple.MapleWords;
import vmalab.view.paint.Pen;
import vmalab.view.paint.SlideSource;
import vmalab.view.paint.Type;
import vmalab.viewmodel.Session;

/**
 * The maple tree (mm_mt) of Linux 6.1+, as lib/maple_tree.c lays it out: every node as its slot array, leaves
 * of 16 slots whose entries are the VMAs and the NULL ranges between them, internal maple_arange_64 nodes of 10
 * slots with their gap arrays; the stores of the step on show (their path, the nodes they walked and made)
 * lit; the selected VMA's mt_find() walk drawn root to leaf; and the node in focus written out slot by slot.
 *
 * <p>It opens fitted to the window; Ctrl+wheel zooms around the pointer, the wheel or a drag pans, Fit fits
 * again. Clicking a leaf's slot selects its VMA (as in every view) and focuses that leaf; clicking a node
 * focuses it. A red-black process (the seeds' era) has no maple tree: the view says so.
 */
public final class MapleTreeView extends CanvasView implements SlideSource {
    public static final String STYLE_CLASS = "maple-tree-view";
    public static final String HINT = "Ctrl+wheel: zoom · wheel or drag: pan · click a slot: select its VMA and"
        + " write the node out below";

    private final Palette palette = new Palette(header);
    private final MaplePainter painter = new MaplePainter(palette);
    private final Label caption = new Label(" ");
    private final Button fit = new Button("Fit");
    private final HBox bar = new HBox(10, fit, caption);
    private final javafx.scene.layout.VBox body = new javafx.scene.layout.VBox();
    private final javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(body);
    private double zoom = 1;
    private double scrollX;
    private Long focusId;
    private double dragX = Double.NaN;
    /** A click of this view is selecting: the camera stays where the student looks. */
    private boolean selecting;
    private MapleLayout layout = MapleLayout.of(null);
    private Mm shown;
    private int shownVersion = -1;
    private vmalab.model.mm.MapleReplay.Frame shownFrame;

    public MapleTreeView(Session session) {
        super(session, STYLE_CLASS, "maple-tree-view");
        createView();
        initListeners();
    }

    private void createView() {
        title.setWrapText(true);
        caption.getStyleClass().add(VmaTreeView.CAPTION);
        caption.setId("maple-caption");
        caption.setWrapText(true);
        fit.setId("maple-fit");
        fit.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        bar.setAlignment(Pos.CENTER_LEFT);
        header.getChildren().addAll(title, bar);
        canvas.setId("maple-canvas");
        body.getChildren().add(canvas);
        // the overview fits the width; the node written out below it scrolls when the window is short (720p)
        scrollBody(scroll, body, "maple-scroll", javafx.geometry.Insets.EMPTY,
            javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        getChildren().addAll(scroll, header);
        scaleHeader();
    }

    private void initListeners() {
        repaintOn(session.versionProperty(), session.selectedPidProperty(), session.selectedVmaProperty(),
            session.stepStateProperty(), session.eventProgressProperty());
        session.themeProperty().addListener((o, a, b) -> {
            palette.invalidate();
            requestPaint();
        });
        followFontScale(this::scaleHeader);
        session.selectedPidProperty().addListener((o, a, b) -> resetCamera());
        session.selectedVmaProperty().addListener((o, a, b) -> {
            focusId = null;
            if (!selecting) revealSelected();
            else requestPaint();
        });
        fit.setOnAction(e -> {
            resetCamera();
            requestPaint();
        });
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            Type t = type();
            double base = MaplePainter.fitSlot(layout, canvas.getWidth(), t);
            if (e.isControlDown()) {
                double factor = e.getDeltaY() > 0 ? 1.25 : 0.8;
                double before = base * zoom;
                zoom = Math.max(1, Math.min(zoom * factor, t.px(40) * 4 / base));
                double u = MaplePainter.unitAt(t, e.getX(), before, scrollX);
                scrollX = u * base * zoom - (e.getX() - MaplePainter.left(t));
            } else {
                double d = e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
                scrollX -= d * 3;
            }
            clampScroll();
            requestPaint();
            e.consume();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> dragX = e.getX());
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (Double.isNaN(dragX)) return;
            scrollX -= e.getX() - dragX;
            dragX = e.getX();
            clampScroll();
            requestPaint();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> dragX = Double.NaN);
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) return;
            click(e.getX(), e.getY());
        });
    }

    /** Puts a control of the window (the side-by-side toggle) at the end of the toolbar. */
    public void addTool(javafx.scene.Node tool) {
        bar.getChildren().add(1, tool);
    }

    private void scaleHeader() {
        double s = session.fontScale();
        title.setFont(Font.font("System", FontWeight.BOLD, 17 * s));
        caption.setFont(Font.font("System", 15 * s));
        fit.setFont(Font.font("System", 15 * s));
    }

    /** The mm on show when its index is the maple tree, else null. */
    private Mm mapleMm() {
        Mm mm = session.selectedMm();
        return mm != null && mm.index().isMaple() ? mm : null;
    }

    private void refreshLayout() {
        Mm mm = mapleMm();
        int v = session.versionProperty().get();
        vmalab.model.mm.MapleReplay.Frame f = mm == null ? null : session.stepState().mapleFrame(mm);
        if (mm == shown && v == shownVersion && f == shownFrame) return;
        if (mm != shown) {
            zoom = 1;
            scrollX = 0;
            focusId = null;
        }
        shown = mm;
        shownVersion = v;
        shownFrame = f;
        // part way through a step the tree as its stores so far left it (a split or a rebalance node by node),
        // else the model's tree
        layout = MapleLayout.of(mm == null ? null : f != null ? f.root() : mm.index().mapleRoot());
    }

    /** The stores to light: those replayed so far part way through a step, else the step's own. */
    private List<MapleStep> stores(Mm mm) {
        refreshLayout();
        return shownFrame != null ? shownFrame.stores() : session.stepState().mapleStores(mm);
    }

    private double slotPx(Type t, double width) {
        return MaplePainter.fitSlot(layout, width, t) * zoom;
    }

    private void resetCamera() {
        zoom = 1;
        scrollX = 0;
    }

    private void clampScroll() {
        Type t = type();
        double full = layout.width() * slotPx(t, canvas.getWidth());
        double room = MaplePainter.room(t, canvas.getWidth());
        scrollX = Math.max(0, Math.min(scrollX, Math.max(0, full - room)));
    }

    /**
     * A VMA selected elsewhere (the Layout, the maps pane): its leaf comes into the window, zoomed so that its
     * slots read when the whole tree is fitted too small for that (zoom to a VMA).
     */
    private void revealSelected() {
        refreshLayout();
        long sel = session.selectedVmaProperty().get();
        MapleLayout.Box leaf = sel < 0 ? null : layout.leafOf(sel);
        if (leaf != null) {
            Type t = type();
            double base = MaplePainter.fitSlot(layout, canvas.getWidth(), t);
            if (base * zoom < t.px(MaplePainter.LABEL_SLOT)) zoom = t.px(MaplePainter.LABEL_SLOT) / base;
            double sp = slotPx(t, canvas.getWidth());
            scrollX = (leaf.x() + leaf.width() / 2) * sp - MaplePainter.room(t, canvas.getWidth()) / 2;
            clampScroll();
        }
        requestPaint();
    }

    private void click(double x, double y) {
        refreshLayout();
        Type t = type();
        double sp = slotPx(t, canvas.getWidth());
        int d = MaplePainter.rowAt(t, y, layout.height());
        if (d < 0) return;
        double u = MaplePainter.unitAt(t, x, sp, scrollX);
        for (MapleLayout.Box b : layout.visible(d, u - 1, u + 1)) {
            if (u < b.x() || u > b.x() + b.width()) continue;
            focusId = b.node().id();
            int slot = (int) Math.min(b.node().end(), Math.floor((u - b.x()) / b.slotWidth()));
            Vma v = b.node().isLeaf() ? vmaAt(b.node(), slot) : null;
            if (v != null) {
                selecting = true;
                try {
                    session.selectedVmaProperty().set(v.start());
                } finally {
                    selecting = false;
                }
            }
            requestPaint();
            return;
        }
    }

    /** The height the picture needs at {@code width}: the overview and the node in focus written out. */
    private double neededHeight(double width) {
        refreshLayout();
        Mm mm = mapleMm();
        return mm == null ? 0 : MaplePainter.neededHeight(layout, focus(stores(mm)), type(),
            width);
    }

    private static Vma vmaAt(NodeInfo n, int slot) {
        Object e = n.entry(slot);
        return e instanceof vmalab.model.mm.VmaRef r ? r.vma() : null;
    }

    /** The node written out below: the one clicked, else the selected VMA's leaf, else the last store's, else the root. */
    private NodeInfo focus(List<MapleStep> stores) {
        if (layout.height() == 0) return null;
        if (focusId != null) {
            MapleLayout.Box b = layout.byId(focusId);
            if (b != null) return b.node();
        }
        long sel = session.selectedVmaProperty().get();
        MapleLayout.Box leaf = sel >= 0 ? layout.leafOf(sel) : null;
        if (leaf != null) return leaf.node();
        if (!stores.isEmpty()) {
            // the leaf that now holds what the step's last store wrote
            MapleLayout.Box b = layout.leafOf(stores.get(stores.size() - 1).index());
            if (b != null) return b.node();
        }
        return layout.rows().get(0).get(0).node();
    }

    @Override
    protected void layoutChildren() {
        javafx.geometry.Dimension2D view = layoutHeaderOver(scroll);
        double vw = view.getWidth();
        double vh = view.getHeight();
        double need = neededHeight(vw);
        canvas.setWidth(Math.max(1, Math.floor(vw)));
        canvas.setHeight(Math.max(1, Math.floor(Math.max(vh, need))));
        requestPaint();
    }

    @Override
    protected void redraw() {
        refreshLayout();
        // a new focus may need another height: the layout pass sizes the canvas, then paints
        double vh = scroll.getViewportBounds().getHeight();
        if (vh > 0 && Math.floor(Math.max(vh, neededHeight(canvas.getWidth()))) != canvas.getHeight()) {
            requestLayout();
            return;
        }
        Mm mm = mapleMm();
        Task task = session.selectedTask();
        List<MapleStep> stores = stores(mm);
        title.setText(MapleWords.title(task, mm, layout));
        caption.setText(mm == null ? MapleWords.notMaple(task) : MapleWords.stores(stores) + "   " + HINT);
        Type t = type();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        clampScroll();
        Pen pen = Pen.on(canvas);
        pen.clearRect(0, 0, w, h);
        if (mm == null) {
            pen.setFill(palette.color("tree-background"));
            pen.fillRect(0, 0, w, h);
            return;
        }
        painter.paint(pen, new MaplePainter.Scene(mm, layout, stores, session.selectedVmaProperty().get(),
            focus(stores), slotPx(t, w), scrollX), t, w, h);
    }

    // ---- slides

    @Override
    public Dimension2D slideSize() {
        refreshLayout();
        Type t = type();
        double w = Math.max(1280, Math.min(3840, t.px(MaplePainter.GUTTER + 2 * MaplePainter.MARGIN) + layout.width() * t.px(18)));
        Mm mm = mapleMm();
        NodeInfo f = mm == null ? null : focus(stores(mm));
        return new Dimension2D(w, Math.ceil(MaplePainter.neededHeight(layout, f, t, w)));
    }

    @Override
    public void paintSlide(Pen pen, double width, double height) {
        refreshLayout();
        Mm mm = mapleMm();
        Type t = type();
        if (mm == null) {
            pen.setFill(palette.color("tree-background"));
            pen.fillRect(0, 0, width, height);
            return;
        }
        List<MapleStep> stores = stores(mm);
        painter.paint(pen, new MaplePainter.Scene(mm, layout, stores, session.selectedVmaProperty().get(),
            focus(stores), MaplePainter.fitSlot(layout, width, t), 0), t, width, height);
    }
}
