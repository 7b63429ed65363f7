package vmalab.app;

import vmalab.io.lesson.LessonViews;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.Timeline;

/**
 * The tab a lesson's {@code view ID} lines ask for ({@link LessonViews}): when the timeline moves to a step
 * (forward, back or by a jump) whose view differs from the one of the step it showed before, that tab comes to the
 * front. A tab the user clicked stays while the lesson asks for nothing new.
 */
final class LessonTabs {
    /** The step the window showed last; a jump replays through the steps between, which show nothing. */
    private int shown;

    private LessonTabs() {
    }

    static void install(MainWindow window, Timeline timeline, Session session) {
        LessonTabs t = new LessonTabs();
        t.shown = timeline.position();
        // a published state, not the position: a step back restores a checkpoint and replays up to the step
        session.versionProperty().addListener((o, a, b) -> t.follow(window, timeline));
    }

    private void follow(MainWindow window, Timeline timeline) {
        int now = timeline.position();
        if (now == shown) return;
        String before = idAt(timeline, shown);
        String after = idAt(timeline, now);
        shown = now;
        if (after != null && !after.equals(before)) show(window, after);
    }

    /**
     * Brings the view {@code id} to the front: {@code compare} is the Maple tree tab with the side-by-side mode
     * on; any other view a lesson names turns the mode off.
     */
    private static void show(MainWindow window, String id) {
        boolean compare = LessonViews.COMPARE.equals(id);
        window.twin().onProperty().set(compare);
        window.selectView(compare ? ViewKind.MAPLE.id() : id);
    }

    /** The view id the loaded lesson asks for at {@code position}, or null where it names none. */
    static String idAt(Timeline timeline, int position) {
        return LessonViews.at(timeline::notesOf, timeline.size(), position);
    }

    /**
     * The tab the loaded lesson asks for at {@code position} ({@code compare}: the Maple tree tab), or null
     * where it names none.
     */
    static ViewKind at(Timeline timeline, int position) {
        String id = idAt(timeline, position);
        if (LessonViews.COMPARE.equals(id)) return ViewKind.MAPLE;
        return id == null ? null : ViewKind.byId(id).orElse(null);
    }

    /**
     * After a load: the tab the lesson asks for at the step on show, else {@code fallback} (the Story tab for a
     * lesson; null keeps the tab on show).
     */
    static void showCurrent(MainWindow window, Timeline timeline, ViewKind fallback) {
        String id = idAt(timeline, timeline.position());
        if (id == null && fallback != null) id = fallback.id();
        if (id != null) show(window, id);
    }
}
