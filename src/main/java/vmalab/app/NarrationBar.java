package vmalab.app;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import vmalab.model.OpResult;
import vmalab.model.event.Narration;
import vmalab.model.event.SimEvent;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.Timeline;

/**
 * The narration line: in large type, the kernel function at work in the event being shown and what it does
 * ({@code do_brk_flags: …}), and under it the trail of functions the whole step went through.
 */
final class NarrationBar extends VBox {
    static final String STYLE_CLASS = "narration";

    private final Session session;
    private final Timeline timeline;
    private final Label function = new Label();
    private final Label text = new Label();
    private final Label count = new Label();
    private final Label trail = new Label();

    NarrationBar(Session session, Timeline timeline) {
        this.session = session;
        this.timeline = timeline;
        createView();
        session.versionProperty().addListener((o, a, b) -> refresh());
        session.eventCursorProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private void createView() {
        setId("narration");
        getStyleClass().add(STYLE_CLASS);
        function.setId("narration-function");
        function.getStyleClass().add("narration-function");
        text.setId("narration-text");
        text.getStyleClass().add("narration-text");
        text.setMaxWidth(Double.MAX_VALUE);
        count.setId("narration-count");
        count.getStyleClass().add("narration-count");
        trail.setId("narration-trail");
        trail.getStyleClass().add("narration-count");
        HBox line = new HBox(14, function, text, count);
        line.getStyleClass().add(STYLE_CLASS + "-line");
        HBox.setHgrow(text, Priority.ALWAYS);
        line.setFillHeight(false);
        getChildren().addAll(line, trail);
    }

    /** The events of the step on show, and how many of them have been shown. */
    private List<SimEvent> events() {
        OpResult r = session.lastResultProperty().get();
        if (r != null) return r.events();
        OpResult past = timeline.resultOf(timeline.position() - 1);
        return past == null ? List.of() : past.events();
    }

    private int shown(List<SimEvent> all) {
        return session.lastResultProperty().get() != null
            ? Math.min(all.size(), session.eventCursorProperty().get()) : all.size();
    }

    void refresh() {
        List<SimEvent> all = events();
        int shown = shown(all);
        List<Narration> narrations = new ArrayList<>();
        int current = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) instanceof Narration n) {
                narrations.add(n);
                if (i < shown) current = narrations.size() - 1;
            }
        }
        OpResult r = session.lastResultProperty().get();
        if (r != null && r.failed()) {
            function.setText("error");
            text.setText(r.error());
        } else if (current >= 0) {
            function.setText(narrations.get(current).function() + "()");
            text.setText(sentence(narrations.get(current)));
        } else if (timeline.position() == 0) {
            function.setText("");
            text.setText("Press Space to run the first step, or type a line below.");
        } else {
            Timeline.Entry e = timeline.currentEntry();
            function.setText("");
            text.setText(e == null ? "" : e.text());
        }
        count.setText(narrations.isEmpty() ? "" : (current + 1) + " of " + narrations.size());
        List<String> names = new ArrayList<>();
        for (Narration n : narrations) names.add(n.function());
        trail.setText(names.isEmpty() ? " " : "this step: " + String.join(" › ", names));
    }

    /** The one place this bar turns a narration into words. */
    private static String sentence(Narration n) {
        return vmalab.io.Narrator.text(n);
    }
}
