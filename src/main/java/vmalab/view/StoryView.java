package vmalab.view;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.text.Font;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.model.paging.PhysicalMemory;
import vmalab.view.anim.PaintRequest;
import vmalab.view.anim.Palette;
import vmalab.view.story.CounterTiles;
import vmalab.view.story.FreeAreaPainter;
import vmalab.view.story.PagesPainter;
import vmalab.view.story.StoryFocus;
import vmalab.view.story.StoryType;
import vmalab.view.story.WalkRowPainter;
import vmalab.view.tree.VmaText;
import vmalab.viewmodel.Sizes;
import vmalab.viewmodel.fold.Counters;
import vmalab.viewmodel.fold.NarrationAt;
import vmalab.viewmodel.fold.PtesAtCursor;
import vmalab.viewmodel.fold.StepState;

/**
 * The story of one step on one screen, for a class: the lesson's {@code say} text in large type over the kernel
 * function on show; the address space zoomed onto the VMA the step works on (the camera follows what changed);
 * that VMA's pages; the page walk of the address faulted on; the buddy allocator's free lists with the split
 * animated; RSS, VSZ, free frames and minflt with this step's change marked. Everything is drawn from the folded
 * state at the event cursor ({@link Session#stepStateProperty()}), and the highlights of the step stay until
 * the next one. Sizes follow the view (a 16:9 projector at 1920 × 1080 down to 1280 × 720).
 */
public final class StoryView extends Region {
    public static final String STYLE_CLASS = "story-view";
    public static final String SAY = "story-say";
    public static final String NARRATION = "story-narration";
    public static final String PANEL = "story-panel";
    public static final String PANEL_TITLE = "story-panel-title";
    /** How long the camera takes to move to a new VMA at speed 1. */
    static final double CAMERA_MILLIS = 900;
    /** The share of the layout's height the focused VMA fills. */
    static final double CAMERA_FILL = 0.42;

    private final vmalab.viewmodel.Session session;
    private final Pane swatchHost = new Pane();
    private final Palette palette = new Palette(swatchHost);
    private final Label say = new Label();
    private final Label narration = new Label();
    private final Label position = new Label();
    private final Label layoutTitle = new Label();
    private final Label pagesTitle = new Label();
    private final Label walkTitle = new Label();
    private final Label buddyTitle = new Label("Buddy allocator: zone->free_area[]");
    private final Region layoutPanel = new Region();
    private final Region pagesPanel = new Region();
    private final Region walkPanel = new Region();
    private final Region buddyPanel = new Region();
    private final LayoutView layout;
    private final Canvas pagesCanvas = new Canvas();
    private final Canvas walkCanvas = new Canvas();
    private final Canvas buddyCanvas = new Canvas();
    private final CounterTiles counters = new CounterTiles();
    private final PagesPainter pages = new PagesPainter(palette);
    private final WalkRowPainter walk = new WalkRowPainter(palette);
    private final FreeAreaPainter buddy = new FreeAreaPainter(palette);
    private final PaintRequest paint = new PaintRequest(this::redraw);
    private StoryType type = StoryType.forSize(1880, 800);
    private final Map<Label, ObjectProperty<Font>> fonts = new HashMap<>();
    private StoryFocus focus = StoryFocus.NONE;
    private long walkAddr = -1;
    private long[] aimed;
    /** What the whole step on show changes: worked out once per step and mm, not on every animation frame. */
    private StoryFocus endFocus = StoryFocus.NONE;
    private int endFocusVersion = -1;
    private long endFocusMm = -1;
    private int aimedVersion = -1;
    /** A short view (720p): the counters go over the layout, the camera frames the VMA tighter. */
    private boolean low;

    public StoryView(vmalab.viewmodel.Session session) {
        this.session = session;
        this.layout = new LayoutView(session);
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add(STYLE_CLASS);
        setId("story-view");
        swatchHost.setManaged(false);
        swatchHost.setVisible(false);
        say.setId("story-say");
        say.getStyleClass().add(SAY);
        say.setWrapText(true);
        narration.setId("story-narration");
        narration.getStyleClass().add(NARRATION);
        narration.setWrapText(true);
        position.setId("story-position");
        position.getStyleClass().add("story-position");
        layoutTitle.setId("story-layout-title");
        pagesTitle.setId("story-pages-title");
        walkTitle.setId("story-walk-title");
        buddyTitle.setId("story-buddy-title");
        for (Label l : new Label[] {layoutTitle, pagesTitle, walkTitle, buddyTitle}) l.getStyleClass().add(PANEL_TITLE);
        for (Region r : new Region[] {layoutPanel, pagesPanel, walkPanel, buddyPanel}) r.getStyleClass().add(PANEL);
        layout.setCompact(true);
        layout.setId("story-layout");
        pagesCanvas.setId("story-pages");
        walkCanvas.setId("story-walk");
        buddyCanvas.setId("story-buddy");
        getChildren().addAll(swatchHost, layoutPanel, pagesPanel, walkPanel, buddyPanel, say, narration, position,
            layoutTitle, layout, pagesTitle, pagesCanvas, walkTitle, walkCanvas, counters, buddyTitle, buddyCanvas);
    }

    private void initListeners() {
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {session.stepStateProperty(),
            session.versionProperty(), session.eventProgressProperty(), session.notesProperty(),
            session.selectedPidProperty(), session.selectedVmaProperty(), session.selectedAddressProperty()}) {
            o.addListener(x -> paint.request());
        }
        sceneProperty().addListener((o, a, b) -> {
            palette.invalidate();
            if (b != null) b.getStylesheets().addListener((javafx.beans.Observable x) -> {
                palette.invalidate();
                paint.request();
            });
            paint.request();
        });
        // the type follows the view's size; bound, so the stylesheet's font does not override it
        for (Label l : new Label[] {say, narration, position, layoutTitle, pagesTitle, walkTitle, buddyTitle}) {
            ObjectProperty<Font> f = new SimpleObjectProperty<>(l.getFont());
            fonts.put(l, f);
            l.fontProperty().bind(f);
        }
    }

    // ---- what tests and the window read ----

    /** What the step on show works on (as last painted). */
    public StoryFocus focus() {
        return focus;
    }

    /** The VMA the layout and the page strip show, or null. */
    public Vma focusedVma() {
        return focus.vma();
    }

    /** The layout panel (a compact {@link LayoutView} whose camera follows the focus). */
    public LayoutView layoutView() {
        return layout;
    }

    public CounterTiles counters() {
        return counters;
    }

    /** The page cells painted, in address order. */
    public List<PagesPainter.Cell> pageCells() {
        return pages.cells();
    }

    /** The walk's boxes painted, PGD first; the last is {@code frame 0x…} when the walk reaches a frame. */
    public List<String> walkBoxes() {
        return walk.boxes();
    }

    /** The address whose walk is shown, or -1. */
    public long walkAddress() {
        return walkAddr;
    }

    public String sayText() {
        return say.getText();
    }

    public String narrationText() {
        return narration.getText();
    }

    /** What the last buddy step shown did, or empty. */
    public String buddyCaption() {
        return buddy.caption();
    }

    // ---- painting ----

    /** Reads the folded state at the cursor and paints every panel. */
    void redraw() {
        StepState st = session.stepState();
        Mm mm = session.selectedMm();
        focus = StoryFocus.of(st, mm, session.selectedVmaProperty().get(), session.selectedAddressProperty().get());
        String sayText = session.notesProperty().get() == null ? "" : session.notesProperty().get().sayText();
        say.setText(sayText == null ? "" : sayText);
        NarrationAt n = st.narration();
        if (n.function() == null || n.function().isEmpty()) {
            narration.setText(st.hasStep() ? "" : session.kernel() == null ? "No process yet." : "");
        } else {
            narration.setText(n.function() + "() — " + n.text());
        }
        position.setText(!st.hasStep() ? "" : st.atEnd() ? "Space: next step ▶" : "Space: more ▶");
        aimCamera(st, mm);
        layoutTitle.setText(layoutCaption(mm));
        Counters now = mm == null ? null : st.counters(mm);
        Counters before = mm == null || !st.hasStep() ? null : st.step().at(0).counters(mm);
        counters.show(before, now);
        paintPages(st, mm);
        paintWalk(st, mm);
        paintBuddy(st);
    }

    /**
     * Points the layout at what the whole step changes, from its first event on: the camera arrives while the
     * step is told, not after its last event.
     */
    private void aimCamera(StepState st, Mm mm) {
        StoryFocus target = focus;
        if (st.hasStep() && !st.atEnd()) {
            StoryFocus end = endFocus(st, mm);
            if (end.framed()) target = end;
        }
        if (!target.framed()) return;
        long[] range = {target.start(), target.end()};
        int v = session.versionProperty().get();
        if (aimed != null && aimed[0] == range[0] && aimed[1] == range[1] && aimedVersion == v
            && layout.inView(range[0], range[1])) {
            return;
        }
        boolean smooth = !session.reduceMotionProperty().get() && aimed != null && getScene() != null
            && layout.getHeight() > 10;
        aimed = range;
        aimedVersion = v;
        layout.focus(range[0], range[1], low ? 0.6 : CAMERA_FILL, smooth ? CAMERA_MILLIS : 0);
    }

    private StoryFocus endFocus(StepState st, Mm mm) {
        long mmId = mm == null ? -1 : mm.id();
        if (endFocusVersion != st.version() || endFocusMm != mmId) {
            endFocus = StoryFocus.of(st.step().at(st.step().eventCount()), mm,
                session.selectedVmaProperty().get(), session.selectedAddressProperty().get());
            endFocusVersion = st.version();
            endFocusMm = mmId;
        }
        return endFocus;
    }

    private String layoutCaption(Mm mm) {
        if (mm == null) return "Address space";
        Vma v = focus.vma();
        if (v == null) {
            return focus.framed() ? "Address space: nothing mapped at " + Sizes.hex(focus.start()) : "Address space";
        }
        String name = VmaText.shortName(mm, v);
        Vma b = focus.before();
        String size = b == null || b.length() == v.length() ? Sizes.human(v.length())
            : Sizes.human(b.length()) + " → " + Sizes.human(v.length());
        return "Address space: " + name + " " + v.perms() + ", " + size;
    }

    /** The panel's canvas cleared to paper, ready to paint. */
    private GraphicsContext blank(javafx.scene.canvas.Canvas c) {
        GraphicsContext g = c.getGraphicsContext2D();
        g.setFill(palette.color("paper"));
        g.fillRect(0, 0, c.getWidth(), c.getHeight());
        return g;
    }

    private void paintPages(StepState st, Mm mm) {
        GraphicsContext g = blank(pagesCanvas);
        double w = pagesCanvas.getWidth();
        double h = pagesCanvas.getHeight();
        Vma v = focus.vma();
        if (mm == null || v == null) {
            pages.cells().clear();
            pagesTitle.setText("Pages");
            return;
        }
        PtesAtCursor ptes = st.ptes(mm);
        pagesTitle.setText("Pages of " + VmaText.shortName(mm, v) + ": " + Sizes.pages(v.pages()) + ", "
            + ptes.presentIn(v) + " present");
        double pad = type.px(12);
        pages.paint(g, type, pad, pad, w - 2 * pad, h - 2 * pad, v, ptes, focus.pages(), focus.addr(),
            st.hasStep() ? focus.before() : v);
    }

    private void paintWalk(StepState st, Mm mm) {
        GraphicsContext g = blank(walkCanvas);
        double w = walkCanvas.getWidth();
        double h = walkCanvas.getHeight();
        walk.boxes().clear();
        walkAddr = -1;
        PhysicalMemory pm = st.kernel() != null && st.kernel().pages() instanceof PhysicalMemory p ? p : null;
        if (mm == null || pm == null) {
            walkTitle.setText("Page walk");
            return;
        }
        PtesAtCursor ptes = st.ptes(mm);
        long addr = ptes.lastWalkAddr();
        if (addr < 0 && focus.addr() >= 0 && st.hasStep()) addr = focus.addr();
        double pad = type.px(12);
        if (addr < 0) {
            walkTitle.setText("Page walk");
            g.setFill(palette.color("muted"));
            g.setFont(type.sans(20));
            g.setTextBaseline(javafx.geometry.VPos.TOP);
            g.fillText(st.hasStep() ? "This step touches no page: no page walk, no fault." : "No access on show.",
                pad, pad);
            return;
        }
        walkAddr = addr & -Vma.PAGE_SIZE;
        walkTitle.setText("Page walk of " + Sizes.hex(walkAddr) + ": mm->pgd, one index per level");
        walk.paint(g, type, pad, pad, w - 2 * pad, h - 2 * pad, walkAddr, ptes.walk(walkAddr));
    }

    private void paintBuddy(StepState st) {
        GraphicsContext g = blank(buddyCanvas);
        double w = buddyCanvas.getWidth();
        double h = buddyCanvas.getHeight();
        double pad = type.px(12);
        buddy.paint(g, type, pad, pad, w - 2 * pad, h - 2 * pad, st.buddy(), st.cursor(),
            session.eventProgressProperty().get());
    }

    // ---- layout ----

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        type = StoryType.forSize(w, h);
        double pad = Math.max(8, type.px(14));
        double gap = Math.max(6, type.px(12));
        font(say, type.bold(32));
        font(narration, type.sans(22));
        font(position, type.bold(20));
        for (Label l : new Label[] {layoutTitle, pagesTitle, walkTitle, buddyTitle}) font(l, type.bold(20));
        counters.scale(type);

        double posW = position.getText().isEmpty() ? 0 : position.prefWidth(-1);
        double textW = w - 2 * pad;
        double y = pad;
        if (!say.getText().isEmpty()) {
            double sh = Math.min(say.prefHeight(textW), type.size(32, 18) * 1.3 * 3);
            say.resizeRelocate(pad, y, textW, sh);
            y += sh + type.px(6);
        } else {
            say.resizeRelocate(pad, y, textW, 0);
        }
        double nh = Math.min(narration.prefHeight(textW - posW - gap), type.size(22, 14) * 1.3 * 2);
        narration.resizeRelocate(pad, y, textW - posW - gap, nh);
        position.resizeRelocate(w - pad - posW, y, posW, position.prefHeight(posW));
        y += Math.max(nh, type.size(22, 14) * 1.3) + gap;

        double bodyH = Math.max(50, h - y - pad);
        double leftW = Math.max(390, Math.min(560, w * 0.27));
        double rightX = pad + leftW + gap;
        double rightW = Math.max(50, w - rightX - pad);
        double titleH = type.size(20, 13) * 1.45;
        // a short view (720p) stacks the counters two by two over the layout, so the free lists keep their rows
        low = bodyH < 520;
        counters.setColumns(low ? 2 : 4);
        // the tiles get the height their text needs (squeezed, their values would spill over the panel below);
        // in the two-by-two stack they may take up to 60% of the left column
        double countersH = Math.min(bodyH * (low ? 0.6 : 0.45), counters.prefHeight(low ? leftW : rightW));
        double layoutY = y;
        double rightY = y;
        if (low) {
            counters.resizeRelocate(pad, y, leftW, countersH);
            layoutY = y + countersH + gap;
        } else {
            counters.resizeRelocate(rightX, y, rightW, countersH);
            rightY = y + countersH + gap;
        }
        double layoutH = y + bodyH - layoutY;
        panel(layoutPanel, layoutTitle, pad, layoutY, leftW, layoutH, titleH);
        layout.resizeRelocate(pad + 2, layoutY + titleH + 2, leftW - 4, Math.max(10, layoutH - titleH - 4));

        double rightH = y + bodyH - rightY;
        double walkH = low ? Math.max(118, rightH * 0.36) : Math.max(150, type.px(250));
        double midY = rightY;
        double midH = Math.max(40, rightH - walkH - gap);
        double pagesW = Math.max(60, (rightW - gap) * 0.42);
        double buddyX = rightX + pagesW + gap;
        double buddyW = rightW - pagesW - gap;
        panel(pagesPanel, pagesTitle, rightX, midY, pagesW, midH, titleH);
        canvas(pagesCanvas, rightX + 2, midY + titleH, pagesW - 4, midH - titleH - 2);
        panel(buddyPanel, buddyTitle, buddyX, midY, buddyW, midH, titleH);
        canvas(buddyCanvas, buddyX + 2, midY + titleH, buddyW - 4, midH - titleH - 2);
        double walkY = midY + midH + gap;
        panel(walkPanel, walkTitle, rightX, walkY, rightW, walkH, titleH);
        canvas(walkCanvas, rightX + 2, walkY + titleH, rightW - 4, walkH - titleH - 2);
        redraw();
    }

    private void font(Label l, Font f) {
        ObjectProperty<Font> p = fonts.get(l);
        if (!f.equals(p.get())) p.set(f);
    }

    private void panel(Region bg, Label title, double x, double y, double w, double h, double titleH) {
        bg.resizeRelocate(x, y, w, h);
        title.setPadding(new Insets(0, type.px(10), 0, type.px(10)));
        title.resizeRelocate(x, y, w, titleH);
    }

    private static void canvas(Canvas c, double x, double y, double w, double h) {
        c.relocate(x, y);
        c.setWidth(Math.max(1, Math.floor(w)));
        c.setHeight(Math.max(1, Math.floor(h)));
    }

    @Override
    protected double computePrefWidth(double height) {
        return 1600;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 800;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }
}
