package vmalab.view;

import java.util.BitSet;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
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
import vmalab.view.tree.Legend;
import vmalab.viewmodel.Physical;
import vmalab.viewmodel.Session;

/**
 * Physical memory: every page frame in a grid coloured by owner, the buddy allocator's free lists per order,
 * and /proc/buddyinfo. Splits and merges play as the event cursor moves over them. The frames of the selected
 * VMA are lit; clicking a frame a process maps selects that process, VMA and address.
 */
public final class BuddyView extends CanvasView {
    public static final String STYLE_CLASS = "buddy-view";
    public static final String BUDDYINFO = "buddyinfo-text";

    private final BuddyDiagram diagram = new BuddyDiagram();
    private final Label caption = new Label(" ");
    private final Label buddyinfo = new Label();
    private final Label buddyinfoTitle = new Label("/proc/buddyinfo (free blocks of order 0 … 10)");
    private FlowPane legend = new FlowPane();
    private boolean dirty = true;

    public BuddyView(Session session) {
        super(session, STYLE_CLASS, "buddy-view");
        createView();
        initListeners();
    }

    private void createView() {
        caption.getStyleClass().add(VmaTreeView.CAPTION);
        caption.setFont(Legend.TEXT_FONT);
        caption.setId("buddy-caption");
        buddyinfo.getStyleClass().add(BUDDYINFO);
        buddyinfo.setId("buddyinfo");
        buddyinfo.setFont(Font.font("Monospaced", FontWeight.BOLD, 16));
        buddyinfoTitle.setFont(Legend.TEXT_FONT);
        legend = diagram.legend();
        header.getChildren().addAll(title, legend, caption);
        canvas.setId("buddy-canvas");
        getChildren().addAll(canvas, header, buddyinfoTitle, buddyinfo);
        diagram.palette().attachHidden(header, this::invalidate); // new colours: the owners are coloured again
    }

    private void initListeners() {
        session.versionProperty().addListener((o, a, b) -> invalidate());
        repaintOn(session.selectedPidProperty(), session.selectedVmaProperty(), session.stepStateProperty(),
            session.eventProgressProperty());
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) selectFrame(diagram.frameAt(e.getX(), e.getY()));
        });
    }

    /** Centre of the grid cell of frame {@code pfn}, in this view's coordinates, or null. */
    public Point2D frameCentre(long pfn) {
        redraw();
        Point2D p = diagram.frameCentre(pfn);
        return p == null ? null : canvas.localToParent(p);
    }

    /** The /proc/buddyinfo line shown. */
    public String buddyinfoText() {
        redraw();
        return buddyinfo.getText();
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
        header.getChildren().set(header.getChildren().indexOf(legend), fresh);
        legend = fresh;
    }

    @Override
    protected void redraw() {
        refresh();
        Mm mm = session.selectedMm();
        long sel = session.selectedVmaProperty().get();
        Vma vma = mm == null || sel < 0 ? null : mm.vmaAt(sel);
        BitSet selected = diagram.framesOf(mm, vma);
        caption.setText(diagram.paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(),
            session.stepState(), session.eventProgressProperty().get(), selected));
        buddyinfo.setText(diagram.buddyinfo());
        title.setText(diagram.title());
    }

    @Override
    protected void layoutChildren() {
        refresh();
        double x = snappedLeftInset();
        double w = getWidth() - x - snappedRightInset();
        double bh = buddyinfo.prefHeight(w);
        double th = buddyinfoTitle.prefHeight(w);
        double bottom = getHeight() - snappedBottomInset();
        buddyinfo.resizeRelocate(x + 12, bottom - bh - 6, w - 24, bh);
        buddyinfoTitle.resizeRelocate(x + 12, bottom - bh - th - 8, w - 24, th);
        layoutHeaderAndCanvas(bh + th + 12);
        redraw();
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
