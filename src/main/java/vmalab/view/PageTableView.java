package vmalab.view;

import java.util.function.BiConsumer;
import javafx.geometry.Dimension2D;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.model.paging.PhysicalMemory;
import vmalab.model.paging.Pte;
import vmalab.view.paging.CanvasTips;
import vmalab.view.paging.HeaderScale;
import vmalab.view.paging.PageTableDiagram;
import vmalab.view.paging.SlideLegend;
import vmalab.view.paint.Pen;
import vmalab.view.paint.SlideSource;
import vmalab.view.paint.Type;
import vmalab.view.tree.Legend;
import vmalab.viewmodel.Physical;
import vmalab.viewmodel.Session;

/**
 * The pages of the selected VMA, each cell showing its PTE (present, writable, accessed, dirty, zero page, COW),
 * and the page walk of the selected address from the PGD down to the frame. Follows the event cursor: a PTE an
 * event of the operation has not reached yet shows its old value.
 *
 * <p>Clicking a page selects its address. Clicking a page that is not present faults it in: the view asks the
 * app to touch it through {@link #setOnPageClicked}: {@code (address, write)}, write when Shift is down;
 * Shift-clicking a present page that is not writable (zero page, COW) asks for a write too, which is how a COW
 * break is shown. The header says so; a slide ({@link SlideSource}) shows the diagram only.
 *
 * <p>Type and strokes follow the session's font scale; when the diagram needs more room than the window gives,
 * the legend and diagram scroll under the title.
 */
public final class PageTableView extends CanvasView implements SlideSource {
    public static final String STYLE_CLASS = "page-table-view";
    public static final String CLICK_HINT = "Click a page to fault it in (a read) · Shift-click: a write (breaks COW)"
        + " · a present page is only selected";

    private final PageTableDiagram diagram = new PageTableDiagram();
    private final Label caption = new Label(CLICK_HINT);
    private final FlowPane legend = diagram.legend();
    private final VBox body = new VBox(6);
    private final ScrollPane scroll = new ScrollPane(body);
    private final CanvasTips tips = new CanvasTips();
    private BiConsumer<Long, Boolean> onPageClicked;

    public PageTableView(Session session) {
        super(session, STYLE_CLASS, "page-table-view");
        createView();
        initListeners();
    }

    private void createView() {
        caption.getStyleClass().add(VmaTreeView.CAPTION);
        caption.setFont(Legend.TEXT_FONT);
        caption.setId("page-table-caption");
        caption.setWrapText(true);
        header.getChildren().add(title);
        body.getChildren().addAll(legend, caption, canvas);
        scrollBody(scroll, body, "page-table-scroll", new Insets(0, 10, 0, 10), ScrollPane.ScrollBarPolicy.NEVER);
        canvas.setId("page-table-canvas");
        getChildren().addAll(scroll, header);
        diagram.palette().attachHidden(header, this::requestPaint);
        tips.install(canvas, () -> Font.font(Type.SANS, 15 * session.fontScale()));
        scaleHeader();
    }

    private void initListeners() {
        repaintOn(session.versionProperty(), session.selectedPidProperty(), session.selectedVmaProperty(),
            session.stepStateProperty(), session.themeProperty());
        followFontScale(this::scaleHeader);
        session.selectedAddressProperty().addListener((o, a, b) -> {
            diagram.reveal(b.longValue());
            requestPaint();
        });
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            // the wheel over a strip too long to show scrolls its rows; elsewhere the view scrolls
            if (!diagram.stripScrolls() || diagram.pageAt(e.getX(), e.getY()) < 0) return;
            diagram.scroll(e.getDeltaY() > 0 ? -2 : 2);
            redraw();
            e.consume();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() != MouseButton.PRIMARY) return;
            long addr = diagram.pageAt(e.getX(), e.getY());
            if (addr < 0) return;
            session.selectedAddressProperty().set(addr);
            Pte live = livePte(addr);
            boolean write = e.isShiftDown();
            if (onPageClicked != null && (!live.present() || write && !live.write())) {
                onPageClicked.accept(addr, write);
            }
        });
    }

    private void scaleHeader() {
        double s = session.fontScale();
        title.setFont(Font.font("System", FontWeight.BOLD, 17 * s));
        caption.setFont(Font.font("System", 15 * s));
        HeaderScale.apply(legend, s);
    }

    /**
     * Called with {@code (page address, write)} when a click should touch a page: a click on a page that is not
     * present (write when Shift is down), or a Shift-click on a present read-only page (a write fault: COW,
     * zero page). The app runs the access as an operation; this view never changes the model.
     */
    public void setOnPageClicked(BiConsumer<Long, Boolean> handler) {
        onPageClicked = handler;
    }

    public BiConsumer<Long, Boolean> getOnPageClicked() {
        return onPageClicked;
    }

    /** Centre of the strip cell of the page at {@code addr}, in this view's coordinates, or null. */
    public Point2D pageCentre(long addr) {
        layout();
        redraw();
        Point2D p = diagram.cellCentre(addr & -Vma.PAGE_SIZE);
        return p == null ? null : sceneToLocal(canvas.localToScene(p));
    }

    /** Whether the strip of pages is too long to show whole (the wheel over it scrolls its rows). */
    public boolean stripScrolls() {
        layout();
        redraw();
        return diagram.stripScrolls();
    }

    /** The VMA whose pages are shown, or null. */
    public Vma shownVma() {
        return diagram.vma(session.selectedMm(), session.selectedVmaProperty().get(),
            session.selectedAddressProperty().get());
    }

    /** The full texts of what the canvas shows shortened, by where (canvas coordinates): the hover tooltips. */
    public CanvasTips tips() {
        return tips;
    }

    private Pte livePte(long addr) {
        PhysicalMemory pm = Physical.of(session.kernel());
        Mm mm = session.selectedMm();
        return pm != null && mm != null ? pm.pte(mm, addr) : Pte.NONE;
    }

    /** How tall the strip may grow before it scrolls: what the viewport leaves the walk, at least a few rows. */
    private double stripCap(double viewH) {
        Type t = type();
        return Math.max(t.px(150), viewH * 0.45);
    }

    /** Paints the on-screen diagram with {@code pen} into w × h, as {@link #redraw} does; returns the title. */
    public String paintScreen(Pen pen, double w, double h) {
        return diagram.paint(pen, type(), w, h, stripCap(scroll.getViewportBounds().getHeight()), session.stepState(),
            session.selectedMm(), session.selectedVmaProperty().get(), session.selectedAddressProperty().get(), tips);
    }

    /** The canvas size at the last paint. */
    private double paintedW = -1;
    private double paintedH = -1;

    @Override
    protected void redraw() {
        title.setText(paintScreen(Pen.on(canvas), canvas.getWidth(), canvas.getHeight()));
        paintedW = canvas.getWidth();
        paintedH = canvas.getHeight();
    }

    @Override
    protected void layoutChildren() {
        javafx.geometry.Dimension2D view = layoutHeaderOver(scroll);
        double vw = view.getWidth();
        double vh = view.getHeight();
        double cw = Math.max(1, Math.floor(vw - 20));
        legend.setPrefWrapLength(cw);
        legend.setMaxWidth(cw);
        caption.setMaxWidth(cw);
        caption.setPrefWidth(cw);
        double above = legend.prefHeight(cw) + caption.prefHeight(cw) + 2 * body.getSpacing();
        double need = diagram.contentHeight(type(), cw, stripCap(vh), session.stepState(), session.selectedMm(),
            session.selectedVmaProperty().get(), session.selectedAddressProperty().get());
        canvas.setWidth(cw);
        canvas.setHeight(Math.max(Math.floor(vh - above - 2), Math.ceil(need)));
        // every change of state asks for a paint of its own (repaintOn, reveal, the font scale): a layout pass
        // (the title's new text, a scroll bar) paints again only when the canvas changed size
        if (canvas.getWidth() != paintedW || canvas.getHeight() != paintedH) redraw();
    }

    @Override
    public Dimension2D slideSize() {
        Type t = type();
        double w = Math.ceil(diagram.naturalWidth(t, session.selectedMm()));
        double top = slideTop(null, t, w);
        double h = diagram.contentHeight(t, w, t.px(400), session.stepState(), session.selectedMm(),
            session.selectedVmaProperty().get(), session.selectedAddressProperty().get());
        return new Dimension2D(w, Math.ceil(top + h));
    }

    @Override
    public void paintSlide(Pen pen, double width, double height) {
        Type t = type();
        pen.setFill(diagram.palette().backgroundColor());
        pen.fillRect(0, 0, width, height);
        double top = slideTop(pen, t, width);
        pen.save();
        pen.translate(0, top);
        diagram.paint(pen, t, width, height - top, t.px(400), session.stepState(), session.selectedMm(),
            session.selectedVmaProperty().get(), session.selectedAddressProperty().get(), new CanvasTips());
        pen.restore();
    }

    /** The slide's title line and legend (drawn when pen is not null); returns their height. */
    private double slideTop(Pen pen, Type t, double w) {
        String text = pen == null ? "" : diagram.title(session.selectedMm(), session.stepState(),
            session.selectedVmaProperty().get(), session.selectedAddressProperty().get());
        return diagram.slideLegend().header(pen, t, w, text, diagram.palette().textColor(),
            diagram.palette().faintColor());
    }

    @Override
    protected double computePrefWidth(double height) {
        return 1000;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 640;
    }
}
