package vmalab.app;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.Timeline;
import vmalab.viewmodel.fold.NarrationAt;

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
    private final javafx.scene.control.Tooltip trailTip = new javafx.scene.control.Tooltip();
    private boolean compact;

    NarrationBar(Session session, Timeline timeline) {
        this.session = session;
        this.timeline = timeline;
        createView();
        session.stepStateProperty().addListener((o, a, b) -> refresh());
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
        text.setWrapText(true); // a long line wraps rather than ending in "…"
        count.setId("narration-count");
        count.getStyleClass().add("narration-count");
        trail.setId("narration-trail");
        trail.getStyleClass().add("narration-count");
        trail.setWrapText(true);
        // the function's name and the step count are short: they keep their whole width, the narration wraps
        function.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        count.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        text.setMinWidth(0);
        HBox line = new HBox(14, function, text, count);
        line.getStyleClass().add(STYLE_CLASS + "-line");
        HBox.setHgrow(text, Priority.ALWAYS);
        line.setFillHeight(false);
        getChildren().addAll(line, trail);
    }

    void refresh() {
        NarrationAt n = session.stepState().narration();
        if (n.index() >= 0 || "error".equals(n.function())) {
            function.setText(n.index() >= 0 ? n.function() + "()" : n.function());
            text.setText(n.text());
        } else if (timeline.position() == 0) {
            function.setText("");
            text.setText("Press Space to run the first step, or type a line below.");
        } else {
            Timeline.Entry e = timeline.currentEntry();
            function.setText("");
            text.setText(e == null ? "" : e.text());
        }
        count.setText(n.position());
        trail.setText(n.trail().isEmpty() ? " " : "this step: " + trail(n.trail()));
        trailTip.setText(trail.getText().isBlank() ? text.getText() : text.getText() + "\n" + trail.getText());
    }

    /**
     * Compact (a window with little height, e.g. 1280×720 on a projector): one line, the step's trail of
     * functions moves into the tooltip, so the views keep the room.
     */
    void setCompact(boolean on) {
        if (on == compact) return;
        compact = on;
        trail.setVisible(!on);
        trail.setManaged(!on);
        javafx.scene.control.Tooltip.install(this, trailTip);
        if (!on) javafx.scene.control.Tooltip.uninstall(this, trailTip);
    }

    boolean isCompact() { return compact; }

    /** Beyond this many runs the trail is told as a tally of its functions (see {@link #trail}). */
    static final int MAX_RUNS = 16;

    /**
     * The step's kernel functions in order, a run of the same function told once with its count
     * ("copy_page_range ×12"), so that a fork's trail is one line, not four, and the views keep their room. A step
     * of many faults (an import's present pages, a touch of a range through the fault path) repeats a cycle of
     * functions thousands of times: past {@link #MAX_RUNS} runs it is told as a tally instead, each function once
     * in the order it first ran, with how often ("4,096 calls of 9 functions: handle_mm_fault ×512 · …"). At most
     * {@link vmalab.io.Limits#CAPTION_CHARS} characters, cut with "…".
     */
    static String trail(java.util.List<String> functions) {
        StringBuilder b = new StringBuilder();
        int runs = 0;
        int i = 0;
        while (i < functions.size()) {
            String f = functions.get(i);
            int j = i;
            while (j < functions.size() && functions.get(j).equals(f)) j++;
            if (++runs > MAX_RUNS) return vmalab.app.export.Caption.cut(tally(functions));
            if (b.length() > 0) b.append(" › ");
            b.append(f);
            if (j - i > 1) b.append(" ×").append(j - i);
            i = j;
        }
        return vmalab.app.export.Caption.cut(b.toString());
    }

    private static String tally(java.util.List<String> functions) {
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (String f : functions) counts.merge(f, 1, Integer::sum);
        StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT, "%,d calls of %d functions: ",
            functions.size(), counts.size()));
        String sep = "";
        for (var e : counts.entrySet()) {
            b.append(sep).append(e.getKey());
            if (e.getValue() > 1) b.append(String.format(java.util.Locale.ROOT, " ×%,d", e.getValue()));
            sep = " · ";
        }
        return b.toString();
    }
}
