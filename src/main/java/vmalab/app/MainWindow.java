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
    private final TextPanes texts;
    private final CommandBar commandBar;
    private final NarrationBar narration;
    private final Slider slider = new Slider();
    private final Label stepLabel = new Label();
    private final Label stepText = new Label();
    private final ComboBox<Integer> processes = new ComboBox<>();
    private final Label status = new Label();
    private Runnable onOpen = () -> { };
    private Runnable onSave = () -> { };
    private Runnable onExport = () -> { };
    private Runnable onHelp = () -> { };
    private Runnable onQuit = () -> { };
    private Runnable onLessons = () -> { };
    private Runnable onOpenSession = () -> { };
    private Runnable onSaveSession = () -> { };
    private final Menu lessonsMenu = new Menu("Lessons");
    private boolean updatingSlider;
    private boolean updatingProcesses;

    public MainWindow(Controller controller) {
        this.controller = controller;
        this.session = controller.session();
        this.timeline = controller.timeline();
        for (ViewKind k : ViewKind.values()) if (k.isTab()) built.put(k, k.create(session));
        this.layoutView = (LayoutView) built.get(ViewKind.LAYOUT);
        this.structuresView = (StructuresView) built.get(ViewKind.STRUCTURES);
        this.texts = new TextPanes(session, timeline);
        this.commandBar = new CommandBar(controller);
        this.narration = new NarrationBar(session, timeline);
        createView();
        initListeners();
        refreshTimeline();
        refreshProcesses();
    }

    public Parent root() { return root; }
    public LayoutView layoutView() { return layoutView; }
    public StructuresView structuresView() { return structuresView; }
    public TextPanes texts() { return texts; }
    public TabPane views() { return views; }

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

    /** The split between the views and the text panes, for a session to save and restore. */
    public SplitPane split() { return split; }

    /** The node of a view by name ({@link #LAYOUT} …, {@link #WINDOW} for everything), or null. */
    public Node view(String name) {
        if (WINDOW.equals(name)) return root;
        Tab t = viewTabs.get(name);
        return t == null ? null : t.getContent();
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
        VBox top = new VBox(menuBar(), toolbar(), timelineBar());
        root.setTop(top);

        for (Map.Entry<ViewKind, Node> e : built.entrySet()) addView(e.getKey().id(), e.getKey().title(), e.getValue());
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
        org.controlsfx.control.NotificationPane checks = new org.controlsfx.control.NotificationPane(split);
        new CheckNotifier(controller, checks);
        root.setCenter(checks);

        status.setId("status-line");
        status.getStyleClass().add("status-line");
        status.setMaxWidth(Double.MAX_VALUE);
        VBox bottom = new VBox(new LessonBar(controller, views), narration, commandBar, status);
        root.setBottom(bottom);
        new AskPrompt(controller, bottom);
        layoutView.setOnTouch(controller::touch);
        ((vmalab.view.PageTableView) built.get(ViewKind.PAGETABLE)).setOnPageClicked((a, w) -> controller.touch(a, w ? 'w' : 'r'));
    }

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
        MenuItem export = item("Export PNG…", "menu-export", new KeyCodeCombination(KeyCode.E,
            KeyCombination.SHORTCUT_DOWN), () -> onExport.run());
        MenuItem quit = item("Quit", "menu-quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN),
            () -> onQuit.run());
        MenuItem openSession = item("Open session…", "menu-open-session", new KeyCodeCombination(KeyCode.O,
            KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), () -> onOpenSession.run());
        MenuItem saveSession = item("Save session…", "menu-save-session", new KeyCodeCombination(KeyCode.S,
            KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), () -> onSaveSession.run());
        Menu file = new Menu("File", null, open, save, new javafx.scene.control.SeparatorMenuItem(), openSession,
            saveSession, new javafx.scene.control.SeparatorMenuItem(), export, quit);
        MenuItem catalogue = item("Lesson catalogue…", "menu-lessons", new KeyCodeCombination(KeyCode.L,
            KeyCombination.SHORTCUT_DOWN), () -> onLessons.run());
        lessonsMenu.setId("lessons-menu");
        lessonsMenu.getItems().add(catalogue);
        MenuItem help = item("Keyboard shortcuts", "menu-shortcuts", new KeyCodeCombination(KeyCode.F1),
            () -> onHelp.run());
        Menu helpMenu = new Menu("Help", null, help);
        MenuBar bar = new MenuBar(file, lessonsMenu, helpMenu);
        bar.setId("menu-bar");
        return bar;
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
        Button back = button("◀ Back", "step-back", "Step back one operation (Backspace)", controller::stepBack);
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
        Button export = button("Export PNG…", "export", "Export a view or the window as PNG (Ctrl+E)",
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
        HBox bar = new HBox(open, save, sep(), restart, back, event, step, play, speedLabel, speed, sep(), reduce,
            sep(), export, help, spacer, procLabel, processes);
        bar.setId("toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("app-toolbar");
        return bar;
    }

    private static Separator sep() {
        Separator s = new Separator(Orientation.VERTICAL);
        s.setPrefHeight(24);
        return s;
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
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
        stepText.setMinWidth(200);
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
            if (target != timeline.position()) controller.jumpTo(target);
        });
        session.selectedPidProperty().addListener((o, a, b) -> refreshProcesses());
        processes.valueProperty().addListener((o, a, b) -> {
            if (updatingProcesses || b == null) return;
            session.selectedPidProperty().set(b);
        });
        status.textProperty().bind(controller.statusProperty());
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

    /** Focuses the command bar (for the "/" key). */
    public void focusCommand() {
        commandBar.field().requestFocus();
    }

    CommandBar commandBar() {
        return commandBar;
    }
}
