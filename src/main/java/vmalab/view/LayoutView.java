package vmalab.view;

import java.util.List;
import javafx.animation.Animation;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.geometry.Dimension2D;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import vmalab.io.ProcMaps;
import vmalab.model.Kernel;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.view.anim.Motion;
import vmalab.view.anim.Palette;
import vmalab.view.layout.LayoutPainter;
import vmalab.view.paint.Pen;
import vmalab.view.paint.SlideSource;
import vmalab.view.paint.TextFit;
import vmalab.view.paint.Type;
import vmalab.viewmodel.AddressAxis;
import vmalab.viewmodel.AddressAxis.Row;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.Sizes;
import vmalab.viewmodel.VmaKind;

/**
 * The address space of the selected process, high addresses at the top: one band per VMA coloured by what it
 * is, large gaps collapsed into a break with their size (or everything to true scale), start_brk/brk and
 * mmap_base marked. Scroll zooms, drag pans; when zoomed in far enough a band shows its pages, present ones in
 * full colour (the zero page and COW-shared pages in theirs). A plain click only selects (the VMA and the address:
 * the model is never changed by a selection); Ctrl+click (Cmd+click) asks the controller for a read touch of the
 * address, Ctrl+Shift+click for a write, which where nothing is mapped ends in SIGSEGV. Paints on one Canvas and
 * only the rows in sight, so 65,530 VMAs stay fast.
 */
public final class LayoutView extends CanvasView implements SlideSource {
    public static final String STYLE_CLASS = "layout-view";
    public static final String CONTROLS_CLASS = "view-controls";
    public static final String HINT_CLASS = "view-hint";

    /** Asks for an access to {@code addr}: 'r' or 'w'. The controller runs it as a scenario line. */
    @FunctionalInterface
    public interface TouchHandler {
        void touch(long addr, char access);
    }

    /** What the header says about the mouse: the one place that names the modifier. */
    public static final String HINT = "click: select · Ctrl+click: fault (read) · Ctrl+Shift+click: write"
        + " · scroll: zoom · drag: pan";

    /** The narrowest address column; {@link #bandLeft()} is where the bands start at the current font scale. */
    public static final double ADDR_COL = LayoutPainter.ADDR_COL;
    private static final double PAGE_TICKS_MIN_PX = LayoutPainter.PAGE_TICKS_MIN_PX;

    private final Pane canvasHost = new Pane(canvas);
    private final HBox controls = new HBox();
    private final FlowPane legend = new FlowPane(14, 4);
    private final ToggleButton trueScaleButton = new ToggleButton("True scale");
    private final BooleanProperty trueScale = new SimpleBooleanProperty(this, "trueScale", false);
    private final Tooltip tooltip = new Tooltip();
    private final Palette palette;
    private final LayoutPainter painter;

    private AddressAxis axis;
    private Mm axisMm;
    private int axisVersion = -1;
    private boolean axisTrueScale;
    private double zoom = 1;
    private double offset;
    private boolean needsFit = true;
    /** Fit again on resize and after each step until the user zooms or pans. */
    private boolean autoFit = true;
    private TouchHandler onTouch = (a, c) -> { };
    private boolean compact;
    /** The range the camera follows ({@link #focus}), re-applied at once on resize; focusEnd 0: none. */
    private long focusStart;
    private long focusEnd;
    private double focusFill = 0.6;
    private Animation camera;

    private double pressX;
    private double pressY;
    private double pressOffset;
    private boolean panning;
    private int tooltipRow = -1;
    private int paintedRows;

    public LayoutView(Session session) {
        super(session, STYLE_CLASS, "layout-view");
        this.palette = new Palette(canvasHost);
        this.painter = new LayoutPainter(palette, session);
        createView();
        initListeners();
    }

    private void createView() {
        canvas.setId("layout-canvas");
        canvasHost.setMinSize(0, 0);

        trueScaleButton.setId("layout-true-scale");
        trueScaleButton.selectedProperty().bindBidirectional(trueScale);
        trueScaleButton.setTooltip(new Tooltip("Draw every gap to scale: the user address space is mostly empty"));
        Button fit = new Button("Fit");
        fit.setId("layout-fit");
        fit.setOnAction(e -> {
            autoFit = true;
            fit();
        });
        Label hint = new Label(HINT);
        hint.setId("layout-hint");
        hint.setWrapText(true);
        hint.getStyleClass().add(HINT_CLASS);
        controls.getStyleClass().add(CONTROLS_CLASS);
        // the buttons keep their words at any width; the hint beside them wraps instead
        trueScaleButton.setMinWidth(Region.USE_PREF_SIZE);
        fit.setMinWidth(Region.USE_PREF_SIZE);
        hint.setMinWidth(0);
        controls.getChildren().addAll(trueScaleButton, fit, hint);

        legend.setId("layout-legend");
        legend.getStyleClass().add(CONTROLS_CLASS);
        addLegend("text", "text r-x");
        addLegend("data", "data rw-");
        addLegend("bss", "bss");
        addLegend("heap", "heap");
        addLegend("file", "file map");
        addLegend("anon", "anon map");
        addLegend("stack", "stack");
        addLegend("kernel", "vdso / kernel");
        addLegend("pte-zero-page", "zero page");
        addLegend("pte-cow", "COW shared");

        tooltip.setShowDelay(Duration.millis(250));
        tooltip.setFont(Font.font("DejaVu Sans Mono", 15));
        Tooltip.install(canvas, tooltip);
        getChildren().addAll(controls, canvasHost, legend);
    }

    private void addLegend(String colour, String text) {
        Region swatch = new Region();
        swatch.getStyleClass().add("swatch-" + colour);
        swatch.setMinSize(16, 16);
        swatch.setPrefSize(16, 16);
        swatch.setMaxSize(16, 16);
        Label l = new Label(text, swatch);
        l.setMinWidth(Region.USE_PREF_SIZE);
        legend.getChildren().add(l);
    }

    private void initListeners() {
        // the session's changes repaint through the one PaintRequest: a publish changes the state, the cursor and
        // the version one after the other, and the picture must not show them half-way
        repaintOn(session.versionProperty(), session.selectedVmaProperty(), session.selectedAddressProperty(),
            session.stepStateProperty(), session.eventProgressProperty(), session.fontScaleProperty(), session.changesProperty());
        session.themeProperty().addListener((o, a, b) -> {
            palette.invalidate();
            requestPaint();
        });
        session.fontScaleProperty().addListener((o, a, b) -> {
            tooltip.setFont(Font.font("DejaVu Sans Mono", 15 * session.fontScale()));
            tooltipRow = -1;
        });
        session.selectedPidProperty().addListener((o, a, b) -> {
            needsFit = true;
            autoFit = true;
            requestPaint();
        });
        trueScale.addListener((o, a, b) -> {
            needsFit = true;
            autoFit = true;
            redraw();
        });
        sceneProperty().addListener((o, a, b) -> {
            palette.invalidate();
            // a scene gets its stylesheet after it is built: colours read before that are the fallback
            if (b != null) b.getStylesheets().addListener((javafx.beans.Observable x) -> {
                palette.invalidate();
                requestPaint();
            });
            redraw();
        });

        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            pressX = e.getX();
            pressY = e.getY();
            pressOffset = offset;
            panning = false;
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (!panning && Math.hypot(e.getX() - pressX, e.getY() - pressY) > 4) panning = true;
            if (panning) {
                stopCamera();
                autoFit = false;
                offset = pressOffset - (e.getY() - pressY);
                clampOffset();
                redraw();
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (!panning && e.isStillSincePress()) click(e.getX(), e.getY(), e.isShortcutDown(), e.isShiftDown());
            panning = false;
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> updateTooltip(e.getX(), e.getY()));
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() == 0) return;
            stopCamera();
            autoFit = false;
            zoomAt(e.getY(), Math.pow(1.25, e.getDeltaY() / 40.0));
            e.consume();
        });
    }

    // ---- public API ----

    public void setOnTouch(TouchHandler handler) {
        onTouch = handler == null ? (a, c) -> { } : handler;
    }

    public BooleanProperty trueScaleProperty() {
        return trueScale;
    }

    public Canvas canvas() {
        return canvas;
    }

    public double zoom() {
        return zoom;
    }

    /** Zooms out so the whole address space fits (or fills) the view. */
    public void fit() {
        if (!ensureAxis()) return;
        zoom = fitZoom();
        offset = 0;
        needsFit = false;
        redraw();
    }

    private double fitZoom() {
        return Math.min(3, Math.max(1, canvas.getHeight()) / axis.totalHeight());
    }

    /** Zooms so that [start, end) fills most of the view, pages visible. */
    public void reveal(long start, long end) {
        if (!ensureAxis()) return;
        double h = Math.max(1, canvas.getHeight());
        double y0 = axis.yOf(end - 1);
        double y1 = axis.yOf(start);
        double span = Math.max(1e-9, y1 - y0);
        zoom = Math.max(minZoom(), Math.min(maxZoom(), h * 0.6 / span));
        autoFit = false;
        offset = (y0 + y1) / 2 * zoom - h / 2;
        clampOffset();
        needsFit = false;
        redraw();
    }

    /** The point in this view's coordinates at the middle of the page holding {@code addr}. */
    public Point2D pointOf(long addr) {
        ensureAxis();
        long page = addr & -Vma.PAGE_SIZE;
        Row row = axis.rowOf(page);
        double uy = row.kind() == AddressAxis.Kind.VMA || row.kind() == AddressAxis.Kind.GAP
            ? (row.yOf(page) + row.yOf(Math.min(page + Vma.PAGE_SIZE, row.end()))) / 2
            : row.top() + row.height() / 2;
        double y = uy * zoom - offset;
        double x = bandLeft() + (bandRight() - bandLeft()) / 2;
        return canvasHost.localToParent(canvas.localToParent(x, y));
    }

    /** Whether the pages of a band are drawn one by one at the current zoom. */
    public boolean pagesVisible(long vmaStart) {
        if (!ensureAxis()) return false;
        Row r = axis.rowOfVma(vmaStart);
        return r != null && pagePx(r) >= PAGE_TICKS_MIN_PX;
    }

    /** What the view shows, for a saved session: fitted, or the zoom and scroll the user chose. */
    public vmalab.io.session.Viewport viewport() {
        return new vmalab.io.session.Viewport(autoFit, trueScale.get(), zoom, offset);
    }

    /** Shows {@code v} again (after the selection is restored: a new process fits the view anew). */
    public void setViewport(vmalab.io.session.Viewport v) {
        stopCamera();
        trueScale.set(v.trueScale());
        autoFit = v.fit();
        needsFit = v.fit();
        if (!v.fit()) {
            zoom = v.zoom();
            offset = v.offset();
        }
        redraw();
    }

    /** Hides the buttons and the legend: the layout as one panel of a larger picture (the Story view). */
    public void setCompact(boolean c) {
        compact = c;
        painter.setMarkColumn(c ? 112 : LayoutPainter.MARK_COL);
        painter.setPageLabels(!c);
        controls.setVisible(!c);
        controls.setManaged(!c);
        legend.setVisible(!c);
        legend.setManaged(!c);
        requestLayout();
    }

    /**
     * Points the camera at [start, end): zooms so the range fills {@code fill} (0…1) of the height, centred. With
     * {@code millis} > 0 the camera moves there smoothly (zoom on a log scale, so the range grows steadily), else
     * it jumps. The range stays the camera's target: a resize frames it again at once.
     */
    public void focus(long start, long end, double fill, double millis) {
        if (end <= start) return;
        focusStart = start;
        focusEnd = end;
        focusFill = Math.max(0.05, Math.min(1, fill));
        stopCamera();
        if (!ensureAxis()) return;
        double[] to = target(start, end, focusFill);
        autoFit = false;
        needsFit = false;
        if (millis <= 0) {
            moveTo(to[0], to[1]);
            return;
        }
        double h = Math.max(1, canvas.getHeight());
        double z0 = zoom;
        double c0 = (offset + h / 2) / zoom;
        camera = Motion.progress(Duration.millis(millis), f -> {
            double e = Motion.ease(f);
            double z = Math.exp(Motion.lerp(Math.log(z0), Math.log(to[0]), e));
            moveTo(z, Motion.lerp(c0, to[1], e));
        });
        camera.setOnFinished(ev -> camera = null);
        camera.play();
    }

    /** The range the camera was last pointed at, {start, end}, or null. */
    public long[] focusRange() {
        return focusEnd > focusStart ? new long[] {focusStart, focusEnd} : null;
    }

    /** Whether [start, end) is on screen at the current zoom and offset. */
    public boolean inView(long start, long end) {
        if (!ensureAxis()) return false;
        double top = axis.yOf(end - 1) * zoom - offset;
        double bottom = axis.yOf(start) * zoom - offset;
        return bottom > 0 && top < canvas.getHeight();
    }

    private double[] target(long start, long end, double fill) {
        double h = Math.max(1, canvas.getHeight());
        double y0 = axis.yOf(end - 1);
        double y1 = axis.yOf(start);
        double span = Math.max(1e-9, y1 - y0);
        double z = Math.max(minZoom(), Math.min(maxZoom(), h * fill / span));
        return new double[] {z, (y0 + y1) / 2};
    }

    /** Zoom {@code z}, the unit-space point {@code centre} in the middle of the view. */
    private void moveTo(double z, double centre) {
        double h = Math.max(1, canvas.getHeight());
        zoom = z;
        offset = centre * zoom - h / 2;
        clampOffset();
        redraw();
    }

    private void stopCamera() {
        if (camera != null) {
            camera.setOnFinished(null);
            camera.stop();
            camera = null;
        }
    }

    /** Where the bands start (right of the address column, which grows with the font scale). */
    public double bandLeft() {
        return painter.bandLeft();
    }

    /** Rows painted by the last redraw (only those in sight). */
    int paintedRows() {
        return paintedRows;
    }

    // ---- layout ----

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double ch = compact ? 0 : controls.prefHeight(w);
        double lh = compact ? 0 : legend.prefHeight(w);
        controls.resizeRelocate(0, 0, w, ch);
        legend.resizeRelocate(0, h - lh, w, lh);
        double canvasH = Math.max(0, h - ch - lh);
        canvasHost.resizeRelocate(0, ch, w, canvasH);
        if (canvas.getWidth() != w || canvas.getHeight() != canvasH) {
            canvas.setWidth(w);
            canvas.setHeight(canvasH);
            painter.size(w, canvasH);
            if (focusEnd > focusStart && !autoFit && camera == null && ensureAxis()) {
                double[] to = target(focusStart, focusEnd, focusFill);
                moveTo(to[0], to[1]);
            }
            redraw();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 900;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 700;
    }

    // ---- geometry ----

    private boolean ensureAxis() {
        Kernel k = session.kernel();
        Mm mm = session.selectedMm();
        if (k == null || mm == null) {
            axis = null;
            axisMm = null;
            return false;
        }
        int v = session.versionProperty().get();
        if (axis == null || axisMm != mm || axisVersion != v || axisTrueScale != trueScale.get()) {
            axis = AddressAxis.build(mm.vmas(), mm.profile().taskSize(), trueScale.get());
            axisMm = mm;
            axisVersion = v;
            axisTrueScale = trueScale.get();
            tooltipRow = -1;
        }
        return true;
    }

    private double bandRight() {
        return painter.bandRight();
    }

    private double pagePx(Row r) {
        return LayoutPainter.pagePx(r, zoom);
    }

    private double minZoom() {
        double h = Math.max(1, canvas.getHeight());
        return Math.min(1, h / axis.totalHeight()) * 0.5;
    }

    private double maxZoom() {
        return axis.trueScale() ? 1e13 : 1e6;
    }

    private void zoomAt(double y, double factor) {
        if (!ensureAxis()) return;
        double nz = Math.max(minZoom(), Math.min(maxZoom(), zoom * factor));
        double uy = (y + offset) / zoom;
        zoom = nz;
        offset = uy * zoom - y;
        clampOffset();
        redraw();
    }

    private void clampOffset() {
        if (axis == null) return;
        double h = canvas.getHeight();
        double total = axis.totalHeight() * zoom;
        double max = Math.max(0, total - h * 0.5);
        offset = Math.max(-h * 0.5, Math.min(max, offset));
        if (total <= h) offset = Math.min(Math.max(offset, -(h - total)), 0);
    }

    // ---- interaction ----

    /**
     * A plain click selects what is under the mouse (a VMA and the address, or just the address where nothing is
     * mapped) and changes nothing in the model. With the shortcut modifier (Ctrl, Cmd on macOS) it also asks the
     * controller for a touch of the address: a read, or a write with Shift as well.
     */
    private void click(double x, double y, boolean fault, boolean write) {
        if (!ensureAxis()) return;
        double uy = (y + offset) / zoom;
        if (uy < 0 || uy > axis.totalHeight()) return;
        Row row = axis.rowAt(uy);
        long addr = row.addressAt(uy);
        if (row.kind() == AddressAxis.Kind.VMA) {
            session.selectedVmaProperty().set(row.start());
        } else {
            session.selectedVmaProperty().set(-1);
        }
        session.selectedAddressProperty().set(addr);
        if (fault) onTouch.touch(addr, write ? 'w' : 'r');
    }

    private String tooltipText = "";

    private void updateTooltip(double x, double y) {
        if (!ensureAxis()) return;
        double uy = (y + offset) / zoom;
        int i = axis.rowIndexAt(uy);
        String label = painter.labelAt(x, y);
        String text = (label == null ? "" : label + "\n") + describe(axis.rows().get(i))
            + "\nclick: select · Ctrl+click: fault (read) · Ctrl+Shift+click: write";
        tooltipRow = i;
        if (!text.equals(tooltipText)) {
            tooltipText = text;
            tooltip.setText(text);
        }
    }

    /** The tooltip's text for the last mouse position. */
    public String tooltipText() {
        return tooltip.getText();
    }

    private String describe(Row r) {
        Mm mm = axisMm;
        return switch (r.kind()) {
            case KERNEL -> "kernel space: from TASK_SIZE " + Sizes.hex(mm.profile().taskSize())
                + " up\nno user access: a touch here raises SIGSEGV";
            case GAP, BREAK -> String.format(java.util.Locale.ROOT, "unmapped: %s-%s (%s)%nno VMA: a touch here raises SIGSEGV",
                Sizes.hex(r.start()), Sizes.hex(r.end()), Sizes.human(r.end() - r.start()));
            case VMA -> ProcMaps.format(List.of(ProcMaps.entry(mm, r.vma())), mm.profile().addressDigits()).strip()
                + "\n" + VmaKind.of(mm, r.vma()).legend() + " · " + Sizes.human(r.vma().length()) + " · "
                + Sizes.pages(r.vma().pages());
        };
    }

    // ---- painting ----

    @Override
    protected void redraw() {
        Pen g = Pen.on(canvas);
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(palette.color("paper"));
        g.fillRect(0, 0, w, h);
        if (w < 10 || h < 10) return;
        if (!ensureAxis()) {
            empty(g, w, h);
            return;
        }
        if (needsFit || autoFit && (Math.abs(fitZoom() - zoom) > 1e-9 || offset != 0)) {
            needsFit = false;
            fit();
            return;
        }
        clampOffset();
        paintedRows = painter.paint(g, w, h, axis, axisMm, zoom, offset, true);
    }

    private void empty(Pen g, double w, double h) {
        Type t = Type.of(session.fontScale());
        g.setFill(palette.color("muted"));
        g.setFont(t.sans(20));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        String s = TextFit.first(g.getFont(), w - 8, "No process yet: run  exec NAME x86_64", "No process yet");
        g.fillText(s, w / 2, h / 2);
        g.setTextAlign(TextAlignment.LEFT);
    }

    // ---- slide ----

    /** The bands at a slide's size: wide enough for the columns at the font scale, as tall as the axis wants. */
    @Override
    public Dimension2D slideSize() {
        double s = session.fontScale();
        double h = 720 * Math.max(1, s * 0.75);
        if (ensureAxis()) h = Math.max(540, Math.min(1080, axis.totalHeight())) * Math.max(1, s * 0.75);
        return new Dimension2D(Math.round(Math.min(1920, 1040 * Math.max(1, s * 0.8))), Math.round(h));
    }

    /**
     * What the view shows (fitted, or the range the user zoomed onto, kept in the middle), at the slide's size,
     * without the selection or any control.
     */
    @Override
    public void paintSlide(Pen g, double w, double h) {
        g.setFill(palette.color("paper"));
        g.fillRect(0, 0, w, h);
        if (!ensureAxis()) {
            empty(g, w, h);
            return;
        }
        double z;
        double off;
        double ch = Math.max(1, canvas.getHeight());
        if (autoFit || needsFit || ch < 10) {
            z = Math.min(3, h / axis.totalHeight());
            off = 0;
        } else {
            double centre = (offset + ch / 2) / zoom;
            z = zoom * h / ch;
            off = centre * z - h / 2;
        }
        painter.paint(g, w, h, axis, axisMm, z, off, false);
        // the on-screen painter's columns follow the canvas again at the next paint
        painter.size(canvas.getWidth(), canvas.getHeight());
    }
}
