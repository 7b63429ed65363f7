package vmalab.app;

import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.PopOver;
import vmalab.io.lesson.Ask;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.Timeline;

/**
 * Predict-then-reveal on screen: a PopOver just above the lesson bar and the narration puts the lesson's question (a button per choice,
 * or a field for a free answer); the answer runs the step ({@link Controller#answer}) and the same PopOver
 * reveals the model's value, right or wrong, with the score once the lesson is over.
 */
final class AskPrompt {
    static final String STYLE_CLASS = "ask-prompt";
    private static final double WIDTH = 700;

    private final Controller controller;
    private final Session session;
    private final Timeline timeline;
    private final Node anchor;
    private final PopOver pop = new PopOver();
    private boolean answering;
    /** An answer whose reveal waits for the step's events to be shown. */
    private Quiz.Answer waiting;

    AskPrompt(Controller controller, Node anchor) {
        this.controller = controller;
        this.session = controller.session();
        this.timeline = controller.timeline();
        this.anchor = anchor;
        pop.setArrowLocation(PopOver.ArrowLocation.BOTTOM_RIGHT);
        pop.setDetachable(false);
        pop.setAutoHide(true);
        pop.setConsumeAutoHidingEvents(false); // a click elsewhere (a tab, Back) does what it says as well
        pop.setHeaderAlwaysVisible(false);
        pop.getStyleClass().add(STYLE_CLASS);
        pop.animatedProperty().bind(session.reduceMotionProperty().not());
        controller.quiz().setOnAsk(this::ask);
        controller.quiz().setOnReveal(this::reveal);
        session.versionProperty().addListener((o, a, b) -> moved());
        session.eventCursorProperty().addListener((o, a, b) -> {
            if (waiting != null && stepShown()) {
                Quiz.Answer w = waiting;
                waiting = null;
                showReveal(w);
            }
        });
    }

    /** Whether every event of the step that ran is on show (its animation, or its stages, are over). */
    private boolean stepShown() {
        return session.eventCursorProperty().get() >= session.lastEvents().size();
    }

    /** The PopOver, for tests to look into. */
    PopOver popOver() {
        return pop;
    }

    private void ask(Ask a) {
        Label kicker = new Label("Predict, then press a choice: the step runs and the model answers");
        kicker.getStyleClass().add("ask-kicker");
        kicker.setWrapText(true);
        Label question = new Label(a.question());
        question.setId("ask-question");
        question.getStyleClass().add("ask-question");
        question.setWrapText(true);
        Node answers;
        if (a.choices().isEmpty()) {
            TextField field = new TextField();
            field.setId("ask-field");
            field.getStyleClass().add("ask-field");
            field.setPromptText("your prediction");
            Button go = new Button("Answer");
            go.setId("ask-submit");
            go.getStyleClass().add("ask-choice");
            go.setDefaultButton(true);
            go.setOnAction(e -> answer(field.getText().strip().isEmpty() ? null : field.getText().strip()));
            field.setOnAction(e -> go.fire());
            answers = new HBox(10, field, go);
        } else {
            FlowPane choices = new FlowPane(10, 10);
            for (int i = 0; i < a.choices().size(); i++) {
                String c = a.choices().get(i);
                Button b = new Button(c);
                b.setId("ask-choice-" + i);
                b.getStyleClass().add("ask-choice");
                b.setOnAction(e -> answer(c));
                choices.getChildren().add(b);
            }
            choices.setPrefWrapLength(WIDTH - 40);
            answers = choices;
        }
        VBox box = box(kicker, question, answers);
        // Space (the step key) must not pick a choice by accident; 1…9 pick one on purpose
        box.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE && !(e.getTarget() instanceof TextField)) e.consume();
            if (e.getCode().isDigitKey() && !e.getText().isEmpty() && answers instanceof FlowPane f) {
                // a digit that is a choice picks it ("2" of 0 1 2); else the n-th choice (1 for yes, 2 for no)
                int i = a.choices().indexOf(e.getText());
                if (i < 0) i = e.getText().charAt(0) - '1';
                if (i >= 0 && i < f.getChildren().size()) {
                    e.consume();
                    ((Button) f.getChildren().get(i)).fire();
                }
            }
        });
        show(box);
        if (answers instanceof HBox h) h.getChildren().get(0).requestFocus();
    }

    private void answer(String chosen) {
        answering = true;
        try {
            if (controller.answer(chosen) == null) pop.hide();
        } finally {
            answering = false;
        }
    }

    /** The step ran: the reveal shows once the student has seen what it did. */
    private void reveal(Quiz.Answer ans) {
        if (stepShown()) {
            showReveal(ans);
        } else {
            waiting = ans;
            pop.hide();
        }
    }

    private void showReveal(Quiz.Answer ans) {
        Label verdict = new Label(ans.right() ? "✔ Right" : "✘ Not this time");
        verdict.setId("ask-verdict");
        verdict.getStyleClass().addAll("ask-verdict", ans.right() ? "right" : "wrong");
        String said = ans.chosen() == null ? "" : "You said " + ans.chosen() + "; ";
        Label value = new Label(said + "the model says " + ans.verdict().actual() + ".");
        value.setId("ask-reveal");
        value.getStyleClass().add("ask-reveal");
        value.setWrapText(true);
        Label question = new Label(ans.ask().question());
        question.getStyleClass().add("ask-kicker");
        question.setWrapText(true);
        Button next = new Button(timeline.atEnd() ? "Done" : "Continue");
        next.setId("ask-continue");
        next.getStyleClass().add("ask-choice");
        next.setDefaultButton(true);
        next.setOnAction(e -> pop.hide());
        VBox box = box(question, verdict, value);
        if (timeline.atEnd() && controller.quiz().total() > 0) {
            Label score = new Label(controller.quiz().scoreText());
            score.setId("ask-score");
            score.getStyleClass().add("ask-score");
            box.getChildren().add(score);
        }
        box.getChildren().add(next);
        show(box);
        next.requestFocus();
    }

    private VBox box(Node... children) {
        VBox box = new VBox(12, children);
        box.getStyleClass().add(STYLE_CLASS + "-box");
        box.setPrefWidth(WIDTH);
        box.setMaxWidth(WIDTH);
        box.setMinHeight(Region.USE_PREF_SIZE);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private void show(Node content) {
        pop.setContentNode(content);
        Scene scene = anchor.getScene();
        if (scene == null || scene.getWindow() == null) return;
        // above the lesson's words, at the right where the score is, so the diagram's left side stays in sight;
        // placed again each time, as the step's words may have grown the lesson bar
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        Bounds b = anchor.localToScreen(anchor.getBoundsInLocal());
        if (pop.isShowing()) pop.hide(Duration.ZERO);
        pop.show(anchor, b.getMaxX() - 90, b.getMinY());
    }

    /** The timeline moved on (a jump, a step back, the next step): what is on show is put away. */
    private void moved() {
        if (answering) return;
        waiting = null;
        Quiz quiz = controller.quiz();
        Ask pending = quiz.pending();
        if (pending != null && pending != session.nextNotesProperty().get().ask()) quiz.cancel();
        if (quiz.pending() == null && pop.isShowing()) pop.hide();
    }
}
