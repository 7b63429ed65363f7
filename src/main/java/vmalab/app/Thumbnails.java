package vmalab.app;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.scene.transform.Transform;
import vmalab.io.ScenarioParser;
import vmalab.io.lesson.Lesson;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.Timeline;

/**
 * Pictures of the lessons for the start page: each lesson run to its end in a session of its own, its Story
 * view (the Layout view while there is none) laid out off-screen and snapshotted small. One lesson per turn of
 * the FX thread, so the start page shows at once and fills in; each picture is made once per run of the app.
 */
final class Thumbnails {
    static final double VIEW_WIDTH = 800;
    static final double VIEW_HEIGHT = 455;
    static final double SCALE = 0.5;
    /** The picture's width in pixels (a card shows it at this size or smaller). */
    static final double WIDTH = 360;

    private static final Map<String, Image> DONE = new HashMap<>();
    /** The theme the pictures are drawn in (the window's; a new theme draws them again). */
    private static vmalab.viewmodel.Theme theme = vmalab.viewmodel.Theme.LIGHT;
    private static final Map<String, List<Consumer<Image>>> WAITING = new HashMap<>();
    private static final Deque<Lesson> QUEUE = new ArrayDeque<>();
    private static boolean running;

    private Thumbnails() {
    }

    /** Calls {@code use} with the lesson's picture: now when it is made, else once it is. FX thread only. */
    static void request(Lesson lesson, Consumer<Image> use) {
        Image done = DONE.get(key(lesson));
        if (done != null) {
            use.accept(done);
            return;
        }
        List<Consumer<Image>> w = WAITING.computeIfAbsent(key(lesson), k -> new ArrayList<>());
        if (w.isEmpty()) QUEUE.add(lesson);
        w.add(use);
        if (!running) {
            running = true;
            Platform.runLater(Thumbnails::next);
        }
    }

    private static void next() {
        Lesson l = QUEUE.poll();
        if (l == null) {
            running = false;
            return;
        }
        StackPane host;
        try {
            host = prepare(l);
        } catch (RuntimeException e) {
            host = null; // no picture: the card keeps its placeholder
        }
        StackPane laidOut = host;
        // a view paints through a PaintRequest queued during layout: snapshot on the turn after it
        Platform.runLater(() -> {
            Image img = laidOut == null ? null : snapshot(laidOut);
            if (img != null) DONE.put(key(l), img);
            List<Consumer<Image>> w = WAITING.remove(key(l));
            if (img != null && w != null) for (Consumer<Image> c : w) c.accept(img);
            Platform.runLater(Thumbnails::next);
        });
    }

    /** Draws the pictures asked for from now on in {@code t}. */
    static void setTheme(vmalab.viewmodel.Theme t) {
        theme = t;
    }

    private static String key(Lesson l) {
        return l.name() + "@" + theme.id();
    }

    /** The lesson at its end in a view laid out off-screen; null if it does not load. */
    static StackPane prepare(Lesson lesson) {
        Session s = new Session();
        s.reduceMotionProperty().set(true);
        Timeline t = new Timeline(s, Operations::apply);
        ScenarioParser.Result r = ScenarioParser.parse(lesson.text(), lesson.fileName());
        if (!r.ok()) return null;
        List<Timeline.Entry> entries = Timeline.Entry.of(r.steps());
        t.reset(entries, lesson.fileName());
        t.jumpTo(entries.size());
        Node view = ViewKind.STORY.create(s);
        StackPane host = new StackPane();
        host.getStyleClass().add("thumbnail-host");
        Scene scene = new Scene(host, VIEW_WIDTH, VIEW_HEIGHT);
        scene.getStylesheets().setAll(Themes.stylesheets(theme));
        // the view joins a scene already styled: it resolves its palette as it does
        host.getChildren().add(view);
        host.applyCss();
        host.layout();
        return host;
    }

    /** The picture: the lesson's end state in the Story view, scaled to the card. */
    static Image snapshot(StackPane host) {
        host.applyCss();
        host.layout();
        Node subject = host;
        double w = subject.getLayoutBounds().getWidth();
        SnapshotParameters p = new SnapshotParameters();
        double scale = w > 0 ? WIDTH / w : SCALE;
        p.setTransform(Transform.scale(scale, scale));
        return subject.snapshot(p, null);
    }
}
