package vmalab.app.export;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Dimension2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import vmalab.app.Controller;
import vmalab.app.Operations;
import vmalab.app.Themes;
import vmalab.app.ViewKind;
import vmalab.io.Narrator;
import vmalab.io.ScenarioParser;
import vmalab.io.lesson.LessonHeader;
import vmalab.io.lesson.StepNotes;
import vmalab.model.OpResult;
import vmalab.model.event.Narration;
import vmalab.model.event.SimEvent;
import vmalab.view.anim.Palette;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.Theme;
import vmalab.viewmodel.Timeline;

/**
 * What a headless export needs and no more: a session and timeline, and the one view to export in a small
 * scene of its own, styled in the theme, at the font scale, with motion reduced (no menus, toolbar, tabs or
 * text panes are built). {@code window} exports the Story view with the narration in the caption. FX thread.
 */
public final class LessonScene {
    /** The scene the view is laid out in: the room a view gets in the window at 1600×1000. */
    public static final double VIEW_W = 1600;
    public static final double VIEW_H = 900;

    private final ViewKind kind;
    private final Session session = new Session();
    private final Timeline timeline = new Timeline(session, Operations::apply);
    private final Controller controller = new Controller(session, timeline);
    private final Node view;
    private final Pane root;
    private final Palette palette;
    private LessonHeader header = LessonHeader.NONE;

    private LessonScene(ViewKind kind, Theme theme, double fontScale, boolean setControlsTheme) {
        this.kind = kind;
        session.reduceMotionProperty().set(true);
        session.themeProperty().set(theme);
        session.fontScaleProperty().set(fontScale);
        // before the first control exists, so modena is never loaded; not beside a window, whose controls would
        // change theme with it (the slide's diagram takes its colours from the scene's palette, not the controls)
        if (setControlsTheme) Themes.applyUserAgent(theme);
        view = (kind == ViewKind.WINDOW ? ViewKind.STORY : kind).create(session);
        root = new StackPane(view);
        Scene scene = new Scene(root, VIEW_W, VIEW_H);
        if (setControlsTheme) Themes.apply(scene, theme);
        else scene.getStylesheets().setAll(Themes.stylesheets(theme));
        palette = new Palette(root);
    }

    /** A scene for view {@code kind} (WINDOW: the Story view, narrated); sets the controls' theme JVM-wide. */
    public static LessonScene create(ViewKind kind, Theme theme, double fontScale) {
        return new LessonScene(kind, theme, fontScale, true);
    }

    /** A scene beside a window on show: the window's controls keep their theme. */
    public static LessonScene beside(ViewKind kind, Theme theme, double fontScale) {
        return new LessonScene(kind, theme, fontScale, false);
    }

    /** Loads a scenario at step 0; null when done, else its first error ({@code FILE:LINE: problem}). */
    public String load(String text, String fileName) {
        ScenarioParser.Result r = ScenarioParser.parse(text, fileName);
        if (!r.ok()) return r.error();
        header = r.header() == null ? LessonHeader.NONE : r.header();
        controller.load(r.steps(), header, text, fileName);
        return null;
    }

    /**
     * Loads steps already parsed (the window's timeline: the lesson's steps with the lines typed since) at
     * step 0, with the lesson's header.
     */
    public void load(List<ScenarioParser.Step> steps, LessonHeader lesson, String text, String fileName) {
        header = lesson == null ? LessonHeader.NONE : lesson;
        controller.load(steps, header, text, fileName);
    }

    public int steps() { return timeline.size(); }
    public Session session() { return session; }
    public Timeline timeline() { return timeline; }
    public Node view() { return view; }

    /** The lesson's title, or the file's name for a plain scenario. */
    public String title() {
        return header.title() != null && !header.title().isBlank() ? header.title() : timeline.fileName();
    }

    /** Shows the state after {@code step} operations (clamped), every event of the step shown, laid out. */
    public void show(int step) {
        int target = Math.max(0, Math.min(step, timeline.size()));
        controller.jumpTo(target);
        controller.director().showAll();
        layout();
        settle(); // the views fold the step's state on the next turn: let it come, then lay out what it changed
        layout();
    }

    private void layout() {
        root.applyCss();
        root.layout();
        root.applyCss();
        root.layout();
    }

    /**
     * Lets the repaints the views queued (they paint after the current event) run, so a view exported as a
     * snapshot shows this step; only for views that do not paint their own slide.
     */
    static void settle() {
        Object key = new Object();
        Platform.runLater(() -> Platform.exitNestedEventLoop(key, null));
        Platform.enterNestedEventLoop(key);
    }

    /** The slide of the state on show. */
    public Slide slide(boolean withCaption, Dimension2D design) {
        return new Slide(Diagrams.of(view), withCaption ? caption() : Caption.NONE, colours(palette),
            session.fontScale(), design);
    }

    /** The caption of the state on show (with the narration for {@code window}). */
    public Caption caption() {
        return captionOf(title(), timeline, session, kind == ViewKind.WINDOW);
    }

    /**
     * The caption of {@code timeline}'s step on show: the lesson {@code title}, the step and its line, and with
     * {@code narrated} the narration line. The window's export dialog and the headless export both use it.
     */
    public static Caption captionOf(String title, Timeline timeline, Session session, boolean narrated) {
        Timeline.Entry e = timeline.currentEntry();
        return Caption.of(title, timeline.position(), timeline.size(), e == null ? null : e.text(),
            narrated ? narrationLine(session) : null);
    }

    /** The narration line as the window shows it at the end of the step: {@code function(): sentence}. */
    private static String narrationLine(Session session) {
        var n = session.stepState().narration();
        if ("error".equals(n.function())) return n.text();
        if (n.index() < 0) return null;
        return n.function() + "(): " + n.text();
    }

    /** Step {@code i}'s (1-based) narration, every line of it, as the narration bar tells it event by event. */
    public List<String> narrationOf(int i) {
        OpResult r = timeline.resultOf(i - 1);
        List<String> out = new ArrayList<>();
        if (r == null) return out;
        if (r.failed()) {
            out.add(r.error());
            return out;
        }
        for (SimEvent ev : r.events()) {
            if (ev instanceof Narration n) out.add(Narrator.function(n) + "(): " + Narrator.text(n));
        }
        return out;
    }

    /** Step {@code i}'s (1-based) lesson notes ({@code say}, ask, checks). */
    public StepNotes notesOf(int i) {
        StepNotes n = i >= 1 && i <= timeline.size() ? timeline.entries().get(i - 1).notes() : null;
        return n == null ? StepNotes.NONE : n;
    }

    /** The scenario line of step {@code i} (1-based). */
    public String lineOf(int i) {
        return i >= 1 && i <= timeline.size() ? timeline.entries().get(i - 1).text() : "";
    }

    /** The slide's own colours (paper, band, ink) from the theme's palette, read in {@code host}'s scene. */
    public static Slide.Colours colours(Palette p) {
        return new Slide.Colours(p.color("paper"), p.color("panel"), p.color("ink"), p.color("muted"),
            p.color("grid"));
    }
}
