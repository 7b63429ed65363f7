package vmalab.view;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import javafx.geometry.Dimension2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import vmalab.model.Kernel;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Task;
import vmalab.view.anim.Motion;
import vmalab.view.paint.Pen;
import vmalab.view.paint.SlideSource;
import vmalab.view.paint.Type;
import vmalab.view.structures.Board;
import vmalab.view.structures.NodePainter;
import vmalab.view.structures.StructBoxes;
import vmalab.viewmodel.Physical;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.fold.Change;
import vmalab.viewmodel.fold.MmNumbers;

/**
 * The kernel's bookkeeping as boxes and pointers: each task_struct points to its mm_struct (two threads to one,
 * two processes to two); each mm_struct shows its fields live and points to its VMA list (mmap / vm_next),
 * its tree (mm_rb) and its page-global directory (pgd). Fields that changed in the last step are highlighted.
 * Type, boxes and strokes follow the session's font scale; the boxes rearrange to fit the view's width
 * ({@link Board}). On a slide, the same nodes are painted to a pen ({@link NodePainter}) in their widest
 * arrangement.
 */
public final class StructuresView extends Region implements SlideSource {
    public static final String STYLE_CLASS = "structures-view";
    public static final String BOX = StructBoxes.BOX;
    public static final String TITLE = StructBoxes.TITLE;
    public static final String FIELD = StructBoxes.FIELD;
    public static final String POINTER = StructBoxes.POINTER;
    public static final String ARROW = Board.LINK;
    public static final String ARROW_HEAD = Board.LINK_HEAD;
    public static final String SELECTED = StructBoxes.SELECTED;
    public static final String CHIP = StructBoxes.CHIP;
    /** The field font's size at font scale 1, px; vmalab.css sizes everything in the view in em of it. */
    public static final double BASE_PX = 15;
    /** Room kept for the vertical scroll bar when choosing the arrangement. */
    private static final double SCROLL_BAR = 18;

    /** The shown mms' numbers before the step on show and now, by mm id: what "changed" compares. */
    private final Map<Long, Map<String, Long>> before = new HashMap<>();
    private final Map<Long, Map<String, Long>> now = new HashMap<>();
    private final Session session;
    private final Board board = new Board(() -> Math.max(0, getWidth() - SCROLL_BAR));
    private final ScrollPane scroll = new ScrollPane(board);
    private Node flashing;
    /** The boxes are out of date: see {@link #invalidate()}. */
    private boolean dirty;
    /** A VMA was selected since the last build: scroll its chip into sight after the next one. */
    private boolean revealPending;
    private int builds;

    public StructuresView(Session session) {
        this.session = session;
        createView();
        initListeners();
        rebuild();
    }

    private void createView() {
        getStyleClass().add(STYLE_CLASS);
        setId("structures-view");
        scroll.setFitToWidth(false);
        scroll.setPannable(true);
        scroll.getStyleClass().add(STYLE_CLASS);
        board.getStyleClass().add(STYLE_CLASS);
        getChildren().add(scroll);
        applyScale();
    }

    private void initListeners() {
        session.versionProperty().addListener((o, a, b) -> invalidate());
        session.selectedPidProperty().addListener((o, a, b) -> invalidate());
        session.selectedVmaProperty().addListener((o, a, b) -> {
            revealPending = true;
            invalidate();
        });
        session.fontScaleProperty().addListener((o, a, b) -> {
            applyScale();
            invalidate();
        });
        session.themeProperty().addListener((o, a, b) -> invalidate());
        session.eventProgressProperty().addListener((o, a, b) -> animate());
        session.stepStateProperty().addListener((o, a, b) -> animate());
        widthProperty().addListener((o, a, b) -> board.requestLayout());
    }

    /** The view's type size: vmalab.css sizes its fonts, paddings and borders in em of it. */
    private void applyScale() {
        setStyle(String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", basePx()));
    }

    private double basePx() {
        return BASE_PX * session.fontScale();
    }

    /**
     * Something the boxes show changed: build them again once, on the next turn of the FX thread (or sooner,
     * when a caller asks for the boxes). An import sets the version, the pid and the VMA in one turn; each
     * rebuilt all the boxes before. Not in a layout pass: boxes added there would miss that pulse's CSS.
     */
    private void invalidate() {
        if (dirty) return;
        dirty = true;
        Platform.runLater(this::flush);
    }

    /** Builds the boxes now if something changed since the last build (on the FX thread only). */
    private void flush() {
        if (!dirty || !Platform.isFxApplicationThread()) return;
        dirty = false;
        rebuild();
        if (revealPending) {
            revealPending = false;
            // not inside a layout pass: reveal() lays the view out itself
            Platform.runLater(this::revealSelected);
        }
    }

    @Override
    protected void layoutChildren() {
        scroll.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    @Override
    protected double computePrefWidth(double h) {
        return 1100;
    }

    @Override
    protected double computePrefHeight(double w) {
        return 700;
    }

    /** The box of the task with this pid (for tests), or null. */
    public Node taskBox(int pid) {
        return boxes().tasks.get(pid);
    }

    /** The box of the mm_struct with this id (for tests), or null. */
    public Node mmBox(long mmId) {
        return boxes().mms.get(mmId);
    }

    /** How many mm_struct boxes are drawn. */
    public int mmBoxCount() {
        return boxes().mms.size();
    }

    /** How the boxes are arranged at the view's width (for tests). */
    public Board.Mode arrangement() {
        flush();
        return board.mode();
    }

    /** Scrolls so that {@code n} (a node on the board) is in sight. */
    public void reveal(Node n) {
        layout();
        javafx.geometry.Bounds b = board.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
        double ch = board.getHeight() - scroll.getViewportBounds().getHeight();
        double cw = board.getWidth() - scroll.getViewportBounds().getWidth();
        if (ch > 0) scroll.setVvalue(Math.min(1, Math.max(0, (b.getMinY() - 20) / ch)));
        if (cw > 0) scroll.setHvalue(Math.min(1, Math.max(0, (b.getMinX() - 20) / cw)));
        layout();
    }

    /** A VMA selected elsewhere (tree, layout, maps pane): scroll its chip into sight, if the list shows it. */
    private void revealSelected() {
        Node chip = selectedChip();
        if (chip != null && getScene() != null && getWidth() > 0) reveal(chip);
    }

    /** The chip drawn as selected, or null (for tests too). */
    public Node selectedChip() {
        flush();
        return board.lookup("." + CHIP + "." + SELECTED);
    }

    /** The node the boxes and arrows are laid out in (for tests). */
    public Board board() {
        flush();
        return board;
    }

    private Built built = new Built();

    private Built boxes() {
        flush();
        return built;
    }

    /** The boxes of one rebuild, by what they show. */
    private static final class Built {
        final Map<Integer, VBox> tasks = new LinkedHashMap<>();
        final Map<Long, VBox> mms = new LinkedHashMap<>();
        final Map<Long, VBox[]> sides = new LinkedHashMap<>();
        final Map<Integer, Long> taskMm = new LinkedHashMap<>();
    }

    /** How many times the boxes were built (for tests: an import builds them once). */
    public int builds() {
        flush();
        return builds;
    }

    /** The same count, without building first. */
    int builtSoFar() {
        return builds;
    }

    private void rebuild() {
        builds++;
        before.clear();
        now.clear();
        Kernel k = session.kernel();
        if (k != null) {
            for (Mm mm : k.mms()) {
                Map<String, Long> b = session.stepState().step().numbersBefore(mm);
                if (b != null) before.put(mm.id(), b);
                now.put(mm.id(), MmNumbers.of(mm, Physical.rss(k, mm)));
            }
        }
        Built b = new Built();
        flashing = null;
        Type type = Type.of(session.fontScale());
        if (k == null || k.tasks().isEmpty()) {
            Label empty = new Label("No process yet: run  exec NAME x86_64");
            empty.getStyleClass().add("placeholder-text");
            built = b;
            board.setBoxes(type, empty, b.tasks, b.mms, b.sides, b.taskMm);
            return;
        }
        StructBoxes f = new StructBoxes(before, now, basePx(), pid -> session.selectedPidProperty().set(pid),
            vma -> session.selectedVmaProperty().set(vma));
        Task selected = session.selectedTask();
        for (Task t : k.tasks()) {
            b.tasks.put(t.pid(), f.taskBox(t, t == selected));
            if (t.mm() != null) b.taskMm.put(t.pid(), t.mm().id());
        }
        long sel = session.selectedVmaProperty().get();
        for (Mm mm : k.mms()) {
            boolean mine = k.tasksOf(mm).stream().anyMatch(t -> t == selected);
            b.mms.put(mm.id(), f.mmBox(k, mm, mine));
            b.sides.put(mm.id(), new VBox[] {f.listBox(mm, sel), f.rbBox(mm), f.pgdBox(k, mm)});
        }
        built = b;
        board.setBoxes(type, null, b.tasks, b.mms, b.sides, b.taskMm);
        animate();
    }

    /** The box the current event is about fades in while the event plays. */
    private void animate() {
        if (dirty) return; // the rebuild calls this again
        Change e = session.stepState().change();
        Node target = null;
        if (e.kind() == Change.Kind.TASK_CREATED) target = built.tasks.get(e.pid());
        else if (e.isMmChange()) {
            VBox[] side = built.sides.get(e.mmId());
            if (side != null) target = e.kind() == Change.Kind.BRK_MOVED ? built.mms.get(e.mmId()) : side[0];
        }
        if (flashing != null && flashing != target) flashing.setOpacity(1);
        flashing = target;
        if (target != null) target.setOpacity(Motion.lerp(0.25, 1, Motion.ease(session.eventProgressProperty().get())));
    }

    // ---- slides ----

    private void styled() {
        flush();
        applyCss();
        board.applyCss();
    }

    @Override
    public Dimension2D slideSize() {
        styled();
        board.setUnlimited(true);
        try {
            return new Dimension2D(Math.ceil(board.extentWidth()), Math.ceil(board.extentHeight()));
        } finally {
            board.setUnlimited(false);
        }
    }

    @Override
    public void paintSlide(Pen pen, double width, double height) {
        styled();
        board.setUnlimited(true);
        board.layout();
        try {
            pen.save();
            pen.setFill(background());
            pen.fillRect(0, 0, width, height);
            // centred when the slide is larger than the picture
            double dx = Math.max(0, (width - board.extentWidth()) / 2);
            double dy = Math.max(0, (height - board.extentHeight()) / 2);
            pen.translate(dx, dy);
            NodePainter.paintChildren(board, pen);
            pen.restore();
        } finally {
            board.setUnlimited(false);
            board.layout();
        }
    }

    /** The view's paper colour, as the theme styles it. */
    private Paint background() {
        if (getBackground() != null) {
            for (BackgroundFill f : getBackground().getFills()) if (f.getFill() != null) return f.getFill();
        }
        return Color.WHITE;
    }
}
