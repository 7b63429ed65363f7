package vmalab.app;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import vmalab.model.Kernel;
import vmalab.model.mm.Task;
import vmalab.view.LayoutView;
import vmalab.view.StructuresView;
import vmalab.view.TextPanes;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.Timeline;

/**
 * The main window's content, built in code: menu and toolbar, the timeline slider, the diagrams in tabs with
 * the text panes beside them, the narration line and the command bar. Needs no Stage, so the headless export
 * can build it off-screen.
 */
public final class MainWindow {
    public static final String STYLE_CLASS = "main-window";
    /** Names of the views, as {@code --view} and the export dialog use them (from {@link ViewKind}). */
    public static final String LAYOUT = ViewKind.LAYOUT.id();
    public static final String STRUCTURES = ViewKind.STRUCTURES.id();
    public static final String WINDOW = ViewKind.WINDOW.id();
    /** The height (px at 1×) under which the window is compact. */
    public static final double COMPACT_HEIGHT = 820;
    private static final javafx.css.PseudoClass COMPACT = javafx.css.PseudoClass.getPseudoClass("compact");

    private final Controller controller;
    private final Session session;
    private final Timeline timeline;
    private final BorderPane root = new BorderPane();
    private final TabPane views = new TabPane();
    private SplitPane split;
    private final Map<String, Tab> viewTabs = new LinkedHashMap<>();
    private final Map<ViewKind, Node> built = new java.util.EnumMap<>(ViewKind.class);
    private final LayoutView layoutView;
    private final StructuresView structuresView;
    private final SideBySide sideBySide;
    private final TextPanes texts;
    private final CommandBar commandBar;
    private final NarrationBar narration;
    private final Slider slider = new Slider();
    private final Label stepLabel = new Label();
    private final Label stepText = new Label();
    private final ComboBox<Integer> processes = new ComboBox<>();
    private final Label status = new Label();
    private MenuBar menuBar;
    private HBox toolbar;
    private HBox timelineBar;
    private HBox presenterStrip;
    private LessonBar lessonBar;
    private Presenter presenter;
    private final Label zoomLabel = new Label();
    private Runnable afterPresenter = () -> { };
    private Runnable onOpen = () -> { };
    private Runnable onSave = () -> { };
    private Runnable onExport = () -> { };
    private Runnable onHelp = () -> { };
    private Runnable onQuit = () -> { };
    private Runnable onLessons = () -> { };
    private Runnable onOpenSession = () -> { };
    private Runnable onSaveSession = () -> { };
    private final Menu lessonsMenu = new Menu("Lessons");
    private Menu fileMenu;
    private boolean updatingSlider;
    private boolean updatingProcesses;

    public MainWindow(Controller controller) {
        this.controller = controller;
        this.session = controller.session();
        this.timeline = controller.timeline();
        for (ViewKind k : ViewKind.values()) if (k.isTab()) built.put(k, k.create(session));
        this.layoutView = (LayoutView) built.get(ViewKind.LAYOUT);
        this.structuresView = (StructuresView) built.get(ViewKind.STRUCTURES);
        this.sideBySide = new SideBySide(new vmalab.viewmodel.Twin(timeline, session, Operations::apply),
            (vmalab.view.MapleTreeView) built.get(ViewKind.MAPLE));
        this.texts = new TextPanes(session, timeline);
        this.commandBar = new CommandBar(controller);
        this.narration = new NarrationBar(session, timeline);
        createView();
        initListeners();
        refreshTimeline();
        refreshProcesses();
    }

    public BorderPane root() { return root; }
    public LayoutView layoutView() { return layoutView; }
    public StructuresView structuresView() { return structuresView; }
    public TextPanes texts() { return texts; }
    public TabPane views() { return views; }
    /** The side-by-side mode's twin (its {@code onProperty()} is the mode's switch). */
    public vmalab.viewmodel.Twin twin() { return sideBySide.twin(); }
    /** The side-by-side view, or null before the mode was first turned on. */
    public vmalab.view.SideBySideView sideBySideView() { return sideBySide.both(); }

    public void setOnOpen(Runnable r) { onOpen = r; }
    public void setOnSave(Runnable r) { onSave = r; }
    public void setOnExport(Runnable r) { onExport = r; }
    public void setOnHelp(Runnable r) { onHelp = r; }
    public void setOnQuit(Runnable r) { onQuit = r; }
    /** Lessons ▸ Lesson catalogue… (Ctrl+L): the start page's list of built-in lessons. */
    public void setOnLessons(Runnable r) { onLessons = r; }
    /** File ▸ Open session…: a saved session file. */
    public void setOnOpenSession(Runnable r) { onOpenSession = r; }
    /** File ▸ Save session…: the scenario, step, panes, selection, zoom and theme. */
    public void setOnSaveSession(Runnable r) { onSaveSession = r; }

    /** The menu bar's Lessons menu, so the app can list the lessons in it. */
    public Menu lessonsMenu() { return lessonsMenu; }
    /** The File menu (real processes add their items to it: {@link ProcessMenu}). */
    public Menu fileMenu() { return fileMenu; }

    /** The split between the views and the text panes, for a session to save and restore. */
    public SplitPane split() { return split; }

    /** The node of a view by name ({@link #LAYOUT} …, {@link #WINDOW} for everything), or null. */
    public Node view(String name) {
        if (WINDOW.equals(name)) return root;
        // the diagram itself: the Maple tree tab's content is the side-by-side host around it
        return ViewKind.byId(name).map(built::get).orElse(null);
    }

    /** The name of the view on show. */
    public String selectedView() {
        Tab sel = views.getSelectionModel().getSelectedItem();
        for (Map.Entry<String, Tab> e : viewTabs.entrySet()) if (e.getValue() == sel) return e.getKey();
        return LAYOUT;
    }

    /** Gives the diagrams this fraction of the width (1: the text panes fold away), e.g. for an export. */
    public void widenViews(double fraction) {
        split.setDividerPositions(fraction);
    }

    /**
     * Puts the split's dividers where a saved session had them. The text panes keep their width when the split is
     * resized, so a layout pass that briefly sees another width (the toolbar fitting itself after a load, a new
     * font scale) would move a divider set now: it is set again once the window has settled after the next pulse.
     */
    public void restoreDividers(double[] positions) {
        double[] div = positions.clone();
        split.setDividerPositions(div);
        javafx.scene.Scene scene = root.getScene();
        if (scene == null) return;
        Runnable[] once = new Runnable[1];
        int[] passes = {0};
        once[0] = () -> {
            double[] now = split.getDividerPositions();
            boolean same = now.length == div.length;
            for (int i = 0; same && i < div.length; i++) same = Math.abs(now[i] - div[i]) < 1e-4;
            if (same || ++passes[0] > 5) scene.removePostLayoutPulseListener(once[0]);
            else split.setDividerPositions(div);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** Brings a view's tab to the front (a snapshot of a hidden tab is empty). */
    public void selectView(String name) {
        Tab t = viewTabs.get(name);
        if (t != null) views.getSelectionModel().select(t);
    }

    public static boolean isViewName(String name) {
        return ViewKind.byId(name).isPresent();
    }

    // ---- building ----

    private void createView() {
        root.getStyleClass().add(STYLE_CLASS);
        root.setId("main-window");
        menuBar = menuBar();
        toolbar = toolbar();
        timelineBar = timelineBar();
        VBox top = new VBox(menuBar, toolbar, timelineBar);
        root.setTop(top);

        for (Map.Entry<ViewKind, Node> e : built.entrySet()) {
            Node content = e.getKey() == ViewKind.MAPLE ? sideBySide : e.getValue();
            addView(e.getKey().id(), e.getKey().title(), content);
        }
        views.setId("views");
        views.getStyleClass().add("views-pane");
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        views.getSelectionModel().select(viewTabs.get(LAYOUT));
        views.setMinWidth(400);

        split = new SplitPane(views, texts);
        split.setId("main-split");
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.5);
        SplitPane.setResizableWithParent(texts, false);
        initSideBySideRoom();
        org.controlsfx.control.NotificationPane checks = new org.controlsfx.control.NotificationPane(split);
        new CheckNotifier(controller, checks);
        root.setCenter(checks);

        status.setId("status-line");
        status.getStyleClass().add("status-line");
        status.setMaxWidth(Double.MAX_VALUE);
        lessonBar = new LessonBar(controller, views);
        presenterStrip = buildPresenterStrip();
        VBox bottom = new VBox(presenterStrip, lessonBar, narration, commandBar, status);
        root.setBottom(bottom);
        new AskPrompt(controller, bottom);
        initCompact();
        layoutView.setOnTouch(controller::touch);
        presenter = new Presenter(this);
        ((vmalab.view.PageTableView) built.get(ViewKind.PAGETABLE)).setOnPageClicked((a, w) -> controller.touch(a, w ? 'w' : 'r'));
    }

    /**
     * Below {@value #COMPACT_HEIGHT} px of height at 1× (a 1280×720 projector; 1080 px at 250 %) the window
     * is compact: the narration is one line, and on the Story tab, which tells the step's narration itself,
     * the narration bar folds away once a step has run.
     */
    private void initCompact() {
        Runnable update = () -> {
            double h = root.getHeight() / Math.max(1, session.fontScale());
            boolean c = h > 0 && h < COMPACT_HEIGHT;
            root.pseudoClassStateChanged(COMPACT, c);
            narration.setCompact(c);
            boolean told = c && ViewKind.STORY.id().equals(selectedView()) && timeline.position() > 0;
            narration.setVisible(!told);
            narration.setManaged(!told);
        };
        root.heightProperty().addListener((o, a, b) -> update.run());
        session.fontScaleProperty().addListener((o, a, b) -> update.run());
        views.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> update.run());
        timeline.positionProperty().addListener((o, a, b) -> update.run());
        update.run();
    }

    /**
     * The side-by-side mode draws two trees: while it is on, the text panes step aside and the views take the
     * whole width (1280 px on a projector); they come back where they were when it is turned off.
     */
    private void initSideBySideRoom() {
        double[] kept = {0.5};
        sideBySide.twin().onProperty().addListener((o, a, on) -> {
            if (on && split.getItems().contains(texts)) {
                kept[0] = split.getDividerPositions()[0];
                split.getItems().remove(texts);
            } else if (!on && !split.getItems().contains(texts) && !presenter.activeProperty().get()) {
                // (presenter mode keeps the panes aside until it ends, and brings them back itself)
                split.getItems().add(texts);
                split.setDividerPositions(kept[0]);
            }
        });
    }

    /** Whether the window is compact (see {@link #initCompact()}). */
    public boolean isCompact() { return root.getPseudoClassStates().contains(COMPACT); }

    private void addView(String name, String title, Node content) {
        Tab t = new Tab(title, content);
        t.setId("tab-" + name);
        viewTabs.put(name, t);
        views.getTabs().add(t);
    }

    private MenuBar menuBar() {
        MenuItem open = item("Open scenario…", "menu-open", new KeyCodeCombination(KeyCode.O,
            KeyCombination.SHORTCUT_DOWN), () -> onOpen.run());
        MenuItem save = item("Save scenario…", "menu-save", new KeyCodeCombination(KeyCode.S,
            KeyCombination.SHORTCUT_DOWN), () -> onSave.run());
        MenuItem export = item("Export…", "menu-export", new KeyCodeCombination(KeyCode.E,
            KeyCombination.SHORTCUT_DOWN), () -> onExport.run());
        MenuItem quit = item("Quit", "menu-quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN),
            () -> onQuit.run());
        MenuItem openSession = item("Open session…", "menu-open-session", new KeyCodeCombination(KeyCode.O,
            KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), () -> onOpenSession.run());
        MenuItem saveSession = item("Save session…", "menu-save-session", new KeyCodeCombination(KeyCode.S,
            KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), () -> onSaveSession.run());
        Menu file = new Menu("File", null, open, save, new javafx.scene.control.SeparatorMenuItem(), openSession,
            saveSession, new javafx.scene.control.SeparatorMenuItem(), export, quit);
        file.setId("file-menu");
        fileMenu = file;
        MenuItem catalogue = item("Lesson catalogue…", "menu-lessons", new KeyCodeCombination(KeyCode.L,
            KeyCombination.SHORTCUT_DOWN), () -> onLessons.run());
        lessonsMenu.setId("lessons-menu");
        lessonsMenu.getItems().add(catalogue);
        MenuItem help = item("Keyboard shortcuts", "menu-shortcuts", new KeyCodeCombination(KeyCode.F1),
            () -> onHelp.run());
        Menu helpMenu = new Menu("Help", null, help);
        MenuBar bar = new MenuBar(file, lessonsMenu, viewMenu(), helpMenu);
        bar.setId("menu-bar");
        return bar;
    }

    /** View: the theme, the zoom, presenter mode and reduce motion; every key of it is in {@link Shortcuts}. */
    private Menu viewMenu() {
        javafx.scene.control.ToggleGroup themes = new javafx.scene.control.ToggleGroup();
        Menu theme = new Menu("Theme");
        theme.setId("menu-theme");
        for (vmalab.viewmodel.Theme t : vmalab.viewmodel.Theme.values()) {
            javafx.scene.control.RadioMenuItem r = new javafx.scene.control.RadioMenuItem(t.title());
            r.setId("menu-theme-" + t.id());
            r.setToggleGroup(themes);
            r.setSelected(session.themeProperty().get() == t);
            r.setOnAction(e -> session.themeProperty().set(t));
            session.themeProperty().addListener((o, a, b) -> r.setSelected(b == t));
            theme.getItems().add(r);
        }
        MenuItem toggleTheme = item("Switch light / dark", "menu-toggle-theme", Shortcuts.TOGGLE_THEME,
            () -> Shortcuts.toggleTheme(session));
        theme.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), toggleTheme);
        MenuItem in = item("Zoom in", "menu-zoom-in", Shortcuts.ZOOM_IN, () -> Shortcuts.zoom(session, 1));
        MenuItem out = item("Zoom out", "menu-zoom-out", Shortcuts.ZOOM_OUT, () -> Shortcuts.zoom(session, -1));
        MenuItem actual = item("Actual size (100 %)", "menu-zoom-reset", Shortcuts.ZOOM_RESET,
            () -> Shortcuts.zoom(session, 0));
        MenuItem presenting = item("Presenter mode", "menu-presenter", Shortcuts.PRESENTER,
            () -> presenter().toggle());
        javafx.scene.control.CheckMenuItem reduce = new javafx.scene.control.CheckMenuItem("Reduce motion");
        reduce.setId("menu-reduce-motion");
        reduce.selectedProperty().bindBidirectional(session.reduceMotionProperty());
        Menu view = new Menu("View", null, theme, new javafx.scene.control.SeparatorMenuItem(), in, out, actual,
            new javafx.scene.control.SeparatorMenuItem(), presenting, reduce);
        view.setId("view-menu");
        return view;
    }

    private static MenuItem item(String text, String id, KeyCombination key, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        m.setAccelerator(key);
        m.setOnAction(e -> action.run());
        return m;
    }

    private HBox toolbar() {
        Button open = button("Open…", "open", "Open a scenario file (Ctrl+O)", () -> onOpen.run());
        Button save = button("Save…", "save", "Save the steps as a scenario (Ctrl+S)", () -> onSave.run());
        Button restart = button("↺ Restart", "restart", "Back to step 0 (Home)", controller::restart);
        Button back = button("◀ Back", "step-back", "Step back one operation (Backspace)", controller::seekBack);
        Button event = button("Event ▸", "step-event", "Show the next event of the step (E)",
            controller::stepEvent);
        Button step = button("Step ▶", "step-op", "Run the next operation (Space)", controller::stepOp);
        ToggleButton play = new ToggleButton("Play");
        play.setId("play");
        play.setTooltip(new Tooltip("Play / pause (P)"));
        play.selectedProperty().bindBidirectional(controller.playingProperty());
        play.textProperty().bind(javafx.beans.binding.Bindings.when(controller.playingProperty())
            .then("❚❚ Pause").otherwise("▶ Play"));
        play.setFocusTraversable(false);
        play.setMinWidth(Region.USE_PREF_SIZE);
        ComboBox<Double> speed = new ComboBox<>();
        speed.setId("speed");
        speed.getItems().addAll(0.25, 0.5, 1.0, 2.0, 4.0);
        speed.setValue(1.0);
        speed.setConverter(new StringConverter<>() {
            @Override public String toString(Double d) {
                return d == null ? "" : (d == Math.rint(d) ? Integer.toString(d.intValue()) : d.toString()) + "×";
            }
            @Override public Double fromString(String s) {
                return Double.valueOf(s.replace("×", ""));
            }
        });
        speed.valueProperty().addListener((o, a, b) -> {
            if (b != null) controller.director().speedProperty().set(b);
        });
        speed.setTooltip(new Tooltip("Animation speed"));
        speed.setFocusTraversable(false);
        ToggleButton reduce = new ToggleButton("Reduce motion");
        reduce.setId("reduce-motion");
        reduce.selectedProperty().bindBidirectional(session.reduceMotionProperty());
        reduce.setTooltip(new Tooltip("Show every step at once, without animation"));
        reduce.setFocusTraversable(false);
        reduce.setMinWidth(Region.USE_PREF_SIZE);
        speed.setMinWidth(Region.USE_PREF_SIZE);
        Button export = button("Export…", "export", "Export a view, the window or a lesson's slides (Ctrl+E)",
            () -> onExport.run());
        Button help = button("?", "help", "Keyboard shortcuts (F1)", () -> onHelp.run());

        processes.setId("process-selector");
        processes.setTooltip(new Tooltip("The process the views show"));
        processes.setFocusTraversable(false);
        processes.setConverter(new StringConverter<>() {
            @Override public String toString(Integer pid) {
                return describeTask(pid);
            }
            @Override public Integer fromString(String s) {
                return null;
            }
        });
        processes.setCellFactory(lv -> new ListCell<>() {
            @Override protected void updateItem(Integer pid, boolean empty) {
                super.updateItem(pid, empty);
                setText(empty || pid == null ? null : describeTask(pid));
            }
        });
        Label procLabel = new Label("Process");
        procLabel.getStyleClass().add("toolbar-label");
        Label speedLabel = new Label("Speed");
        speedLabel.getStyleClass().add("toolbar-label");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        zoomLabel.setId("zoom-label");
        zoomLabel.getStyleClass().add("toolbar-label");
        zoomLabel.setTooltip(new Tooltip("Type and line scale: Ctrl+plus / Ctrl+minus / Ctrl+0"));
        processes.setMinWidth(Region.USE_PREF_SIZE);
        Separator s1 = sep();
        Separator s2 = sep();
        Separator s3 = sep();
        HBox bar = new HBox(open, save, s1, restart, back, event, step, play, speedLabel, speed, s2, reduce,
            s3, export, help, spacer, zoomLabel, procLabel, processes);
        bar.setId("toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("app-toolbar");
        // a narrow window (1280×720, a large zoom) drops these first, in this order; each is in a menu too
        ToolbarFit.install(bar, java.util.List.of(java.util.List.of(zoomLabel), java.util.List.of(reduce, s2),
            java.util.List.of(open, save, s1), java.util.List.of(speedLabel, procLabel), java.util.List.of(speed),
            java.util.List.of(event), java.util.List.of(restart), java.util.List.of(help, s3)));
        return bar;
    }

    private static Separator sep() {
        Separator s = new Separator(Orientation.VERTICAL);
        s.setPrefHeight(24);
        return s;
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    private HBox timelineBar() {
        stepLabel.setId("step-label");
        stepLabel.getStyleClass().add("step-label");
        slider.setId("timeline-slider");
        slider.setMin(0);
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setShowTickMarks(true);
        slider.setFocusTraversable(false);
        slider.setPrefWidth(600);
        stepText.setId("step-text");
        stepText.getStyleClass().add("step-text");
        stepText.setMinWidth(120);
        slider.setMinWidth(160);
        HBox bar = new HBox(stepLabel, slider, stepText);
        bar.getStyleClass().add("timeline-bar");
        HBox.setHgrow(slider, Priority.ALWAYS);
        return bar;
    }

    private void initListeners() {
        timeline.positionProperty().addListener((o, a, b) -> refreshTimeline());
        timeline.sizeProperty().addListener((o, a, b) -> refreshTimeline());
        session.versionProperty().addListener((o, a, b) -> {
            refreshTimeline();
            refreshProcesses();
        });
        slider.valueProperty().addListener((o, a, b) -> {
            if (updatingSlider) return;
            int target = (int) Math.round(b.doubleValue());
            if (target != timeline.position()) controller.seek(target);
        });
        session.selectedPidProperty().addListener((o, a, b) -> refreshProcesses());
        processes.valueProperty().addListener((o, a, b) -> {
            if (updatingProcesses || b == null) return;
            session.selectedPidProperty().set(b);
        });
        status.textProperty().bind(controller.statusProperty());
        zoomLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
            () -> Math.round(session.fontScale() * 100) + " %", session.fontScaleProperty()));
        controller.statusIsErrorProperty().addListener((o, a, b) -> {
            status.getStyleClass().remove("error");
            if (b) status.getStyleClass().add("error");
        });
    }

    private void refreshTimeline() {
        updatingSlider = true;
        try {
            slider.setMax(Math.max(1, timeline.size()));
            slider.setValue(timeline.position());
            slider.setDisable(timeline.size() == 0);
        } finally {
            updatingSlider = false;
        }
        stepLabel.setText("Step " + timeline.position() + " / " + timeline.size());
        Timeline.Entry e = timeline.currentEntry();
        stepText.setText(e == null ? "(start: nothing has run)" : e.text());
    }

    private void refreshProcesses() {
        updatingProcesses = true;
        try {
            Kernel k = session.kernel();
            processes.getItems().clear();
            if (k != null) for (Task t : k.tasks()) processes.getItems().add(t.pid());
            Task sel = session.selectedTask();
            processes.setValue(sel == null ? null : sel.pid());
            processes.setDisable(processes.getItems().isEmpty());
        } finally {
            updatingProcesses = false;
        }
    }

    private String describeTask(Integer pid) {
        Kernel k = session.kernel();
        Task t = pid == null || k == null ? null : k.task(pid);
        if (t == null) return pid == null ? "" : Integer.toString(pid);
        return t.pid() + " " + t.comm() + (t.isThread() ? " (thread of " + t.tgid() + ")" : "");
    }

    /** Presenter mode (F11): made on first use. */
    Presenter presenter() {
        if (presenter == null) presenter = new Presenter(this);
        return presenter;
    }

    /** The chrome presenter mode hides: menu bar, toolbar, timeline, command bar, status line. */
    java.util.List<Node> chrome() {
        return java.util.List.of(menuBar, toolbar, timelineBar, commandBar, status);
    }

    /** The compact step controls presenter mode shows instead of the toolbar. */
    HBox presenterStrip() {
        return presenterStrip;
    }

    /** Runs after presenter mode gave the chrome back (the Story tab folds the text panes again). */
    void setAfterPresenter(Runnable r) {
        afterPresenter = r;
    }

    void afterPresenter() {
        afterPresenter.run();
    }

    private HBox buildPresenterStrip() {
        Button back = button("◀ Back", "presenter-back", "Step back (Backspace)", controller::seekBack);
        Button step = button("Step ▶", "presenter-step", "Run the next operation (Space)", controller::stepOp);
        ToggleButton play = new ToggleButton();
        play.setId("presenter-play");
        play.setFocusTraversable(false);
        play.setMinWidth(Region.USE_PREF_SIZE);
        play.selectedProperty().bindBidirectional(controller.playingProperty());
        play.textProperty().bind(javafx.beans.binding.Bindings.when(controller.playingProperty())
            .then("❚❚ Pause").otherwise("▶ Play"));
        play.setTooltip(new Tooltip("Play / pause (P)"));
        Label where = new Label();
        where.setId("presenter-step-label");
        where.getStyleClass().add("presenter-step-label");
        where.setMinWidth(Region.USE_PREF_SIZE);
        where.textProperty().bind(stepLabel.textProperty());
        Label what = new Label();
        what.setId("presenter-step-text");
        what.getStyleClass().add("step-text");
        what.textProperty().bind(stepText.textProperty());
        what.setMinWidth(0);
        what.setWrapText(true);
        HBox.setHgrow(what, Priority.ALWAYS);
        what.setMaxWidth(Double.MAX_VALUE);
        Button exit = button("✕ Exit", "presenter-exit", "Leave presenter mode (F11 or Esc)",
            () -> presenter().activeProperty().set(false));
        HBox strip = new HBox(10, back, step, play, where, what, exit);
        strip.setId("presenter-strip");
        strip.getStyleClass().add("presenter-strip");
        strip.setAlignment(Pos.CENTER_LEFT);
        strip.setVisible(false);
        strip.setManaged(false);
        return strip;
    }

    /** Focuses the command bar (for the "/" key). */
    public void focusCommand() {
        commandBar.field().requestFocus();
    }

    CommandBar commandBar() {
        return commandBar;
    }
}
