package vmalab.app;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import vmalab.io.lesson.LessonHeader;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.Timeline;

/**
 * The lesson's words over the kernel's: in large type, what the lesson says about the step on show (its
 * {@code say} lines; the title and summary before the first step), and beside it how far the lesson has got and
 * the predictions' score. Hidden for a plain scenario; the words alone hide on a step that says nothing.
 */
final class LessonBar extends HBox {
    static final String STYLE_CLASS = "lesson-bar";
    static final String STORY_TAB = "tab-story";
    private static final javafx.css.PseudoClass SHORT = javafx.css.PseudoClass.getPseudoClass("short");
    private static final double SHORT_BELOW = 860;

    private final Session session;
    private final Timeline timeline;
    private final Quiz quiz;
    private final BooleanBinding sayShownElsewhere;
    private final Label title = new Label();
    private final Label say = new Label();
    private final Label progress = new Label();
    private final Label score = new Label();

    /** The say text stays off the bar while the Story tab of {@code views} is on show: that view prints it. */
    LessonBar(Controller controller, TabPane views) {
        this.sayShownElsewhere = Bindings.createBooleanBinding(() -> {
            Tab t = views.getSelectionModel().getSelectedItem();
            return t != null && STORY_TAB.equals(t.getId());
        }, views.getSelectionModel().selectedItemProperty());
        this.session = controller.session();
        this.timeline = controller.timeline();
        this.quiz = controller.quiz();
        createView();
        session.versionProperty().addListener((o, a, b) -> refresh());
        timeline.sizeProperty().addListener((o, a, b) -> refresh());
        quiz.answeredProperty().addListener((o, a, b) -> refresh());
        session.eventCursorProperty().addListener((o, a, b) -> {
            if (b.intValue() >= session.lastEvents().size()) refresh();
        });
        sayShownElsewhere.addListener((o, a, b) -> refresh());
        // a short window (1280×720) keeps its views: the words in smaller type
        sceneProperty().addListener((o, a, sc) -> {
            if (sc == null) return;
            sc.heightProperty().addListener((oo, x, h) -> pseudoClassStateChanged(SHORT, h.doubleValue() < SHORT_BELOW));
            pseudoClassStateChanged(SHORT, sc.getHeight() < SHORT_BELOW);
        });
        refresh();
    }

    private void createView() {
        setId("lesson-bar");
        getStyleClass().add(STYLE_CLASS);
        title.setId("lesson-title");
        title.getStyleClass().add("lesson-title");
        title.setWrapText(true);
        say.setId("lesson-say");
        say.getStyleClass().add("lesson-say");
        say.setWrapText(true);
        say.setMaxWidth(Double.MAX_VALUE);
        VBox words = new VBox(4, title, say);
        words.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(words, Priority.ALWAYS);
        progress.setId("lesson-progress");
        progress.getStyleClass().add("lesson-progress");
        score.setId("lesson-score");
        score.getStyleClass().add("lesson-score");
        HBox right = new HBox(16, progress, score);
        right.setAlignment(Pos.CENTER_RIGHT);
        right.setMinWidth(USE_PREF_SIZE);
        getChildren().addAll(words, right);
        setAlignment(Pos.CENTER_LEFT);
    }

    void refresh() {
        boolean lesson = quiz.isLesson();
        setVisible(lesson);
        setManaged(lesson);
        if (!lesson) return;
        int p = timeline.position();
        int n = timeline.size();
        LessonHeader h = quiz.header();
        String words;
        if (p == 0) {
            title.setText(h.title() == null ? timeline.fileName() : h.title());
            words = h.summary() == null ? "" : h.summary();
        } else if (sayShownElsewhere.get()) {
            // the Story view prints the words: the bar names the lesson in a line
            title.setText(h.title() == null ? timeline.fileName() : h.title());
            words = "";
        } else {
            title.setText("");
            words = session.notesProperty().get().sayText();
        }
        title.getStyleClass().remove("compact");
        if (p > 0) title.getStyleClass().add("compact");
        show(title, !title.getText().isEmpty());
        say.setText(words);
        show(say, !words.isEmpty());
        progress.setText(p >= n && n > 0 ? "End of the lesson · " + n + " steps" : "Step " + p + " of " + n);
        boolean end = p >= n && n > 0;
        show(score, quiz.total() > 0);
        // the score moves once the step's events are on show, with the reveal, not before
        if (session.eventCursorProperty().get() < session.lastEvents().size()) return;
        String questions = quiz.total() + (quiz.total() == 1 ? " question" : " questions");
        score.setText(end ? quiz.scoreText() : quiz.answered() == 0 ? questions + " to predict"
            : quiz.right() + " of " + quiz.answered() + " predicted right · " + questions);
        score.getStyleClass().remove("final");
        if (end) score.getStyleClass().add("final");
    }

    private static void show(Label l, boolean on) {
        l.setVisible(on);
        l.setManaged(on);
    }
}
