package vmalab.view;

import java.util.function.BiConsumer;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.model.paging.PhysicalMemory;
import vmalab.model.paging.Pte;
import vmalab.view.paging.PageTableDiagram;
import vmalab.view.tree.Legend;
import vmalab.viewmodel.Physical;
import vmalab.viewmodel.Session;

/**
 * The pages of the selected VMA, each cell showing its PTE (present, writable, accessed, dirty, zero page, COW),
 * and the page walk of the selected address from the PGD down to the frame. Follows the event cursor: a PTE an
 * event of the operation has not reached yet shows its old value.
 *
 * <p>Clicking a page selects its address. Clicking a page that is not present asks the app to touch it through
 * {@link #setOnPageClicked}: {@code (address, write)}, write when Shift is down; Shift-clicking a present page
 * that is not writable (zero page, COW) asks for a write too, which is how a COW break is shown.
 */
public final class PageTableView extends CanvasView {
    public static final String STYLE_CLASS = "page-table-view";

    private final PageTableDiagram diagram = new PageTableDiagram();
    private final Label caption = new Label("Click a page: read it · Shift-click: write it");
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
        header.getChildren().addAll(title, diagram.legend(), caption);
        canvas.setId("page-table-canvas");
        getChildren().addAll(canvas, header);
        diagram.palette().attachHidden(header, this::redraw);
    }

    private void initListeners() {
        repaintOn(session.versionProperty(), session.selectedPidProperty(), session.selectedVmaProperty(),
            session.stepStateProperty());
        session.selectedAddressProperty().addListener((o, a, b) -> {
            diagram.reveal(b.longValue());
            requestPaint();
        });
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
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
        redraw();
        Point2D p = diagram.cellCentre(addr & -Vma.PAGE_SIZE);
        return p == null ? null : canvas.localToParent(p);
    }

    /** The VMA whose pages are shown, or null. */
    public Vma shownVma() {
        return diagram.vma(session.selectedMm(), session.selectedVmaProperty().get(),
            session.selectedAddressProperty().get());
    }

    private Pte livePte(long addr) {
        PhysicalMemory pm = Physical.of(session.kernel());
        Mm mm = session.selectedMm();
        return pm != null && mm != null ? pm.pte(mm, addr) : Pte.NONE;
    }

    @Override
    protected void redraw() {
        title.setText(diagram.paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(),
            session.stepState(), session.selectedMm(), session.selectedVmaProperty().get(),
            session.selectedAddressProperty().get()));
    }

    @Override
    protected void layoutChildren() {
        layoutHeaderAndCanvas(0);
        redraw();
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
