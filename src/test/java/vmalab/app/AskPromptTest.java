package vmalab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.NotificationPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vmalab.io.ScenarioParser;
import vmalab.io.lesson.Ask;
import vmalab.io.lesson.Checks;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.Timeline;

/** Predict-then-reveal and expect failures in the real window, driven headless. */
@ExtendWith(ApplicationExtension.class)
class AskPromptTest {
    /** The heap story: the question comes before the access to the page brk just added. */
    static final String LESSON = String.join("\n",
        "title \"Heap fault\"",
        "exec heapdemo x86_64",
        "brk +8K",
        "touch 0x55555555b000 8K w",
        "say \"brk grows the heap: the new page is not mapped yet\"",
        "brk +8K",
        "ask \"How many page faults will the write take?\" 0 1 2 answer minflt",
        "touch 0x55555555d000 w",
        "brk +4K",
        "");

    private Workbench wb;

    @Start
    void start(Stage stage) {
        wb = WindowFixture.show(stage);
    }

    @Test
    void theQuestionComesBeforeTheStepAndTheRevealAgreesWithTheModel(FxRobot robot) {
        // given: the lesson one step before the asked one
        WindowFixture.load(robot, wb, LESSON, 4);
        String question = robot.lookup("#lesson-say").queryAs(Label.class).getText();
        assertTrue(question.contains("brk grows the heap"), question);

        // when: Step
        robot.clickOn("#step-op");
        WaitForAsyncUtils.waitForFxEvents();

        // then: the question shows and the step has not run
        assertEquals(4, wb.timeline().position());
        assertEquals("How many page faults will the write take?",
            robot.lookup("#ask-question").queryAs(Label.class).getText());
        Ask ask = wb.controller().quiz().pending();
        assertEquals(List.of("0", "1", "2"), ask.choices());

        // when: a choice is clicked
        robot.clickOn("#ask-choice-0");
        WaitForAsyncUtils.waitForFxEvents();

        // then: the step ran, and the verdict is the model's
        assertEquals(5, wb.timeline().position());
        String model = Checks.value(wb.timeline().kernel(), wb.timeline().resultOf(4), null, ask.answer());
        boolean right = "0".equals(model);
        String verdict = robot.lookup("#ask-verdict").queryAs(Label.class).getText();
        assertEquals(right, verdict.contains("Right"), verdict + " / model " + model);
        assertTrue(robot.lookup("#ask-reveal").queryAs(Label.class).getText().contains("the model says " + model));
        Quiz quiz = wb.controller().quiz();
        assertEquals(1, quiz.answered());
        assertEquals(right ? 1 : 0, quiz.right());

        // and: back and forth does not ask again, the first answer stays
        robot.interact(() -> wb.controller().stepBack());
        robot.interact(() -> wb.controller().stepOp());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, wb.timeline().position());
        assertNull(quiz.pending());
        assertEquals(1, quiz.answered());

        // and: at the end the score shows
        robot.interact(() -> wb.controller().stepOp());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("You predicted " + (right ? 1 : 0) + " of 1",
            robot.lookup("#lesson-score").queryAs(Label.class).getText());
    }

    @Test
    void aFreeAnswerTypedRightIsCountedRight(FxRobot robot) {
        // given: the same question without choices, and the model's answer worked out in a session of its own
        String free = LESSON.replace("\" 0 1 2 answer", "\" answer");
        String model = modelAnswer(free, 4);
        WindowFixture.load(robot, wb, free, 4);

        // when: Space puts the question, the answer is typed
        robot.clickOn("#step-label").type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, wb.timeline().position());
        robot.clickOn("#ask-field").write(model).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        // then
        assertEquals(5, wb.timeline().position());
        assertTrue(robot.lookup("#ask-verdict").queryAs(Label.class).getText().contains("Right"));
        assertEquals(1, wb.controller().quiz().right());
    }

    @Test
    void withMotionTheRevealWaitsForTheStepsEvents(FxRobot robot) throws Exception {
        // given: motion on, fast
        WindowFixture.load(robot, wb, LESSON, 4);
        robot.interact(() -> {
            wb.session().reduceMotionProperty().set(false);
            wb.controller().director().speedProperty().set(4);
        });

        // when
        robot.interact(() -> wb.controller().stepOp());
        robot.clickOn("#ask-choice-1");

        // then: the verdict comes once every event of the step is on show
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
            () -> robot.lookup("#ask-verdict").tryQuery().isPresent());
        assertEquals(wb.session().lastEvents().size(), wb.session().eventCursorProperty().get());
        assertEquals(5, wb.timeline().position());
    }

    @Test
    void playPausesAtAQuestion(FxRobot robot) throws Exception {
        WindowFixture.load(robot, wb, LESSON, 2);
        robot.interact(() -> wb.controller().director().speedProperty().set(4));

        robot.interact(() -> wb.controller().togglePlay());
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
            () -> wb.controller().quiz().pending() != null);

        assertFalse(wb.controller().playingProperty().get());
        assertEquals(4, wb.timeline().position());
    }

    @Test
    void aFailingExpectShowsItsFileAndLineOverTheViews(FxRobot robot) {
        WindowFixture.load(robot, wb, "exec heapdemo x86_64\nbrk +8K\nexpect map_count 999\n", 1);
        NotificationPane pane = robot.lookup("#check-notification").queryAs(NotificationPane.class);
        assertFalse(pane.isShowing());

        robot.clickOn("#step-op");
        WaitForAsyncUtils.waitForFxEvents();

        int actual = wb.session().selectedMm().mapCount();
        assertTrue(pane.isShowing());
        assertEquals("✘ test.vlab:3: expected map_count 999, got " + actual, pane.getText());

        // a check that holds shows nothing
        WindowFixture.load(robot, wb, "exec heapdemo x86_64\nbrk +8K\nexpect map_count " + actual + "\n", 1);
        robot.clickOn("#step-op");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(pane.isShowing());
    }

    /** The model's answer to the ask before step {@code index}, from a session of its own. */
    private static String modelAnswer(String text, int index) {
        ScenarioParser.Result r = ScenarioParser.parse(text, "test.vlab");
        List<Timeline.Entry> entries = new ArrayList<>();
        for (ScenarioParser.Step s : r.steps()) entries.add(new Timeline.Entry(s.text(), s.op(), s.line(), s.notes()));
        String[] out = new String[1];
        org.testfx.api.FxToolkit.toolkitContext();
        try {
            WaitForAsyncUtils.asyncFx(() -> {
                Timeline t = new Timeline(new Session(), Operations::apply);
                t.reset(entries, "test.vlab");
                t.jumpTo(index + 1);
                out[0] = Checks.value(t.kernel(), t.resultOf(index), null, entries.get(index).notes().ask().answer());
            }).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return out[0];
    }
}
