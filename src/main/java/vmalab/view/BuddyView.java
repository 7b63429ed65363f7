package vmalab.view;

import java.util.BitSet;
import javafx.geometry.Dimension2D;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import vmalab.model.Kernel;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Task;
import vmalab.model.mm.Vma;
import vmalab.model.paging.FrameInfo;
import vmalab.model.paging.Mapping;
import vmalab.model.paging.PhysicalMemory;
import vmalab.view.buddy.BuddyDiagram;
import vmalab.view.paging.CanvasTips;
import vmalab.view.paging.HeaderScale;
import vmalab.view.paging.SlideLegend;
import vmalab.view.paint.Pen;
import vmalab.view.paint.SlideSource;
import vmalab.view.paint.Type;
import vmalab.view.tree.Legend;
import vmalab.viewmodel.Physical;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.Sizes;

/**
 * Physical memory: the frames in use in a zoomable grid coloured by owner (zero page and COW-shared frames in
 * their own colours) under a minimap of all of memory, the buddy allocator's free lists per order, and
 * /proc/buddyinfo. Splits and merges play as the event cursor moves over them. The frames of the selected VMA
 * are lit; clicking a frame a process maps selects that process, VMA and address.
 *
 * <p>The map opens fitted to the frames in use; the wheel scrolls it, Ctrl+wheel and the − / + buttons zoom,
 * a click on the minimap moves the window there. Type follows the session's font scale; when the diagram
 * needs more room than the window has, it scrolls under the title.
 */
public final class BuddyView extends CanvasView implements SlideSource {
    public static final String STYLE_CLASS = "buddy-view";
    public static final String BUDDYINFO = "buddyinfo-text";
    public static final String HINT = "Ctrl+wheel or − / +: zoom the frames · wheel: scroll a zoomed map · click the"
        + " bar of all memory to move there · hover a frame for what it holds";

    private final BuddyDiagram diagram = new BuddyDiagram();
    private final Label caption = new Label(" ");
    private final Label hint = new Label(HINT);
    private final Button used = new Button("Frames in use");
    private final Button all = new Button("All memory");
    private final Button out = new Button("−");
    private final Button in = new Button("+");
    private final Label window = new Label(" ");
    private final FlowPane zoomBar = new FlowPane(8, 6, used, all, out, in);
    private FlowPane legend = new FlowPane();
    private final VBox body = new VBox(6);
    private final ScrollPane scroll = new ScrollPane(body);
    private final CanvasTips tips = new CanvasTips();
    private boolean dirty = true;

    public BuddyView(Session session) {
        super(session, STYLE_CLASS, "buddy-view");
        createView();
        initListeners();
    }

    private void createView() {
        title.setWrapText(true);
        caption.getStyleClass().add(VmaTreeView.CAPTION);
        caption.setId("buddy-caption");
        caption.setWrapText(true);
        hint.getStyleClass().add(VmaTreeView.CAPTION);
        hint.setId("buddy-hint");
        hint.setWrapText(true);
        used.setId("buddy-fit-used");
        all.setId("buddy-show-all");
        out.setId("buddy-zoom-out");
        in.setId("buddy-zoom-in");
        // the buttons keep their words; the hint beside them wraps instead
        for (javafx.scene.control.ButtonBase b : new javafx.scene.control.ButtonBase[] {used, all, out, in}) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        window.setId("buddy-window");
        window.setWrapText(true);
        used.setTooltip(new Tooltip("Zoom the frame map to the frames in use"));
        all.setTooltip(new Tooltip("Show every frame of physical memory"));
        out.setTooltip(new Tooltip("Zoom out: twice as many frames"));
        in.setTooltip(new Tooltip("Zoom in: half as many frames"));
        zoomBar.setAlignment(Pos.CENTER_LEFT);
        zoomBar.setId("buddy-zoom");
        legend = diagram.legend();
        header.getChildren().add(title);
        body.getChildren().addAll(zoomBar, caption, canvas, legend, hint);
        scrollBody(scroll, body, "buddy-scroll", new Insets(0, 10, 4, 10), ScrollPane.ScrollBarPolicy.AS_NEEDED);
        canvas.setId("buddy-canvas");
        getChildren().addAll(scroll, header);
        diagram.palette().attachHidden(header, this::invalidate); // new colours: the owners are coloured again
        tips.install(canvas, () -> Font.font(Type.SANS, 15 * session.fontScale()));
        scaleHeader();
    }

    private void initListeners() {
        session.versionProperty().addListener((o, a, b) -> invalidate());
        session.themeProperty().addListener((o, a, b) -> invalidate());
        repaintOn(session.selectedPidProperty(), session.selectedVmaProperty(), session.stepStateProperty(),
            session.eventProgressProperty());
        followFontScale(this::scaleHeader);
        used.setOnAction(e -> moved(diagram::fitUsed));
        all.setOnAction(e -> moved(diagram::showAll));
        out.setOnAction(e -> moved(() -> diagram.zoom(2)));
        in.setOnAction(e -> moved(() -> diagram.zoom(0.5)));
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (diagram.frameAt(e.getX(), e.getY()) < 0 && diagram.miniAt(e.getX(), e.getY()) < 0) return;
            if (e.getDeltaY() == 0) return;
            if (e.isControlDown()) {
                moved(() -> diagram.zoom(e.getDeltaY() > 0 ? 0.5 : 2));
            } else if (!diagram.fitsUsed() || !showsAllInUse()) {
                // a window fitted round every frame in use leaves the wheel to the page; a zoomed one scrolls
                moved(() -> diagram.scrollMap(e.getDeltaY() > 0 ? -2 : 2));
            } else {
                return;
            }
            e.consume();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() != MouseButton.PRIMARY) return;
            long m = diagram.miniAt(e.getX(), e.getY());
            if (m >= 0) {
                moved(() -> diagram.centreOn(m));
                return;
            }
            selectFrame(diagram.frameAt(e.getX(), e.getY()));
        });
    }

    private boolean showsAllInUse() {
        long[] u = diagram.usedRange();
        long f = diagram.windowFirst();
        return u[0] < 0 || f <= u[0] && u[1] < f + diagram.windowFrames();
    }

    private void moved(Runnable zoom) {
        zoom.run();
        redraw();
    }

    private void scaleHeader() {
        double s = session.fontScale();
        title.setFont(Font.font("System", FontWeight.BOLD, 17 * s));
        caption.setFont(Font.font("System", 15 * s));
        hint.setFont(Font.font("System", 13 * s));
        window.setFont(Font.font("System", 14 * s));
        HeaderScale.apply(legend, s);
        zoomBar.setHgap(8 * s);
    }

    /** Centre of the grid cell of frame {@code pfn}, in this view's coordinates, or null (not in the window). */
    public Point2D frameCentre(long pfn) {
        layout();
        redraw();
        Point2D p = diagram.frameCentre(pfn);
        return p == null ? null : sceneToLocal(canvas.localToScene(p));
    }

    /** The /proc/buddyinfo line shown. */
    public String buddyinfoText() {
        redraw();
        return diagram.buddyinfo();
    }

    /** The side of a frame cell, px, in the last paint. */
    public int frameCellSize() {
        return diagram.cellSize();
    }

    /** The zoomed window: its first frame and how many frames it shows. */
    public long windowFirst() { return diagram.windowFirst(); }
    public long windowFrames() { return diagram.windowFrames(); }

    /** The lowest and highest frame not free, or {-1, -1}. */
    public long[] usedRange() {
        return diagram.usedRange();
    }

    /** The full texts behind the canvas's cells and shortened labels (the hover tooltips). */
    public CanvasTips tips() {
        return tips;
    }

    private void selectFrame(long pfn) {
        Kernel k = session.kernel();
        PhysicalMemory pm = Physical.of(k);
        if (pfn < 0 || pm == null) return;
        FrameInfo f = pm.frame(pfn);
        if (f.mappings().isEmpty()) return;
        Mapping m = f.mappings().get(0);
        for (Mm mm : k.mms()) {
            if (mm.id() != m.mmId() || k.tasksOf(mm).isEmpty()) continue;
            Task t = k.tasksOf(mm).get(0);
            Vma v = mm.vmaAt(m.addr());
            session.selectedPidProperty().set(t.pid());
            session.selectedVmaProperty().set(v == null ? -1 : v.start());
            session.selectedAddressProperty().set(m.addr());
        }
    }

    private void invalidate() {
        dirty = true;
        requestPaint();
    }

    private void refresh() {
        if (!dirty) return;
        dirty = false;
        diagram.show(session.kernel());
        FlowPane fresh = diagram.legend();
        body.getChildren().set(body.getChildren().indexOf(legend), fresh);
        legend = fresh;
        HeaderScale.apply(legend, session.fontScale());
    }

    private BitSet selected() {
        Mm mm = session.selectedMm();
        long sel = session.selectedVmaProperty().get();
        Vma vma = mm == null || sel < 0 ? null : mm.vmaAt(sel);
        return diagram.framesOf(mm, vma);
    }

    /** The frame map's height on screen: what the viewport leaves, so the map is seen whole without scrolling. */
    private double mapHeight() {
        Type t = type();
        double vh = scroll.getViewportBounds().getHeight();
        if (vh <= 1) vh = getHeight();
        double above = zoomBar.getHeight() + (caption.isManaged() ? caption.getHeight() : 0) + 2 * body.getSpacing();
        return Math.max(t.px(180), vh - above - t.px(16));
    }

    /** Paints the on-screen diagram with {@code pen} into w × h, as the canvas shows it; returns the caption. */
    public String paintScreen(Pen pen, double w, double h) {
        refresh();
        return diagram.paint(pen, type(), w, h, mapHeight(), session.stepState(),
            session.eventProgressProperty().get(), selected(), tips);
    }

    @Override
    protected void redraw() {
        String said = paintScreen(Pen.on(canvas), canvas.getWidth(), canvas.getHeight());
        boolean blank = said.isBlank();
        if (caption.isManaged() == blank) {
            caption.setManaged(!blank);
            caption.setVisible(!blank);
        }
        caption.setText(said);
        title.setText(diagram.title());
        long n = diagram.windowFrames();
        long f = diagram.windowFirst();
        // the minimap's title line says the same on the canvas; the label is for tests and screen readers
        window.setText(n <= 0 ? " " : "frames " + Sizes.frame(f) + "–" + Sizes.frame(f + n - 1) + ": " + n + " of "
            + diagram.frames() + (diagram.fitsUsed() ? ", fitted to those in use" : ""));
    }

    @Override
    protected void layoutChildren() {
        refresh();
        double vw = layoutHeaderOver(scroll).getWidth();
        double cw = Math.max(1, Math.floor(vw - 20));
        // narrower than the free lists' labels need (a half-width view at 250 %): the view scrolls sideways
        double dw = Math.max(cw, diagram.minWidth(type(), session.stepState()));
        for (var r : new javafx.scene.layout.Region[] {zoomBar, legend, caption, hint}) {
            r.setMaxWidth(cw);
            r.setPrefWidth(cw);
        }
        legend.setPrefWrapLength(cw);
        zoomBar.setPrefWrapLength(cw);
        double need = diagram.contentHeight(type(), dw, mapHeight(), session.stepState());
        canvas.setWidth(dw);
        canvas.setHeight(Math.ceil(need));
        redraw();
    }

    @Override
    public Dimension2D slideSize() {
        refresh();
        Type t = type();
        double w = diagram.naturalWidth(t, session.stepState());
        double top = slideTop(null, t, w);
        double h = diagram.contentHeight(t, w, t.px(420), session.stepState());
        return new Dimension2D(w, Math.ceil(top + h));
    }

    @Override
    public void paintSlide(Pen pen, double width, double height) {
        refresh();
        Type t = type();
        pen.setFill(diagram.palette().backgroundColor());
        pen.fillRect(0, 0, width, height);
        double top = slideTop(pen, t, width);
        pen.save();
        pen.translate(0, top);
        diagram.paint(pen, t, width, height - top, t.px(420), session.stepState(),
            session.eventProgressProperty().get(), selected(), null);
        pen.restore();
    }

    /** The slide's title line and legend (drawn when pen is not null); returns their height. */
    private double slideTop(Pen pen, Type t, double w) {
        var p = diagram.palette();
        return diagram.slideLegend().header(pen, t, w, diagram.title(), p.textColor(),
            p.backgroundColor().interpolate(p.textColor(), 0.5));
    }

    @Override
    protected double computePrefWidth(double height) {
        return 1100;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 700;
    }
}
