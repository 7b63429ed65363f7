package vmalab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vmalab.io.lesson.Lesson;
import vmalab.io.lesson.Lessons;
import vmalab.viewmodel.StateText;

/** The start page over the real window: a card per built-in lesson, one click opens it, Esc and Free lab leave. */
@ExtendWith(ApplicationExtension.class)
class StartPageTest {
    private Workbench wb;
    private StartPageHost host;

    @Start
    void start(Stage stage) {
        wb = WindowFixture.show(stage);
        host = StartPageHost.install(wb);
        StartPageHost.loadDemo(wb.controller());
        host.show();
    }

    @Test
    void theStartPageHasACardPerLessonInCatalogueOrder(FxRobot robot) {
        List<Lesson> all = Lessons.all();
        assertFalse(all.isEmpty());
        Set<Node> cards = robot.lookup(".lesson-card").queryAll();
        assertEquals(all.size(), cards.size());
        List<String> ids = robot.lookup("#lesson-cards").queryParent().getChildrenUnmodifiable().stream()
            .map(Node::getId).collect(Collectors.toList());
        assertEquals(all.stream().map(l -> "lesson-card-" + l.name()).collect(Collectors.toList()), ids);
        for (Lesson l : all) {
            javafx.scene.text.Text title = robot.lookup("#lesson-card-" + l.name() + "-title")
                .queryAs(javafx.scene.text.Text.class);
            assertEquals(l.title(), title.getText());
            Node card = robot.lookup("#lesson-card-" + l.name()).query();
            assertTrue(card.isVisible());
        }
        assertTrue(host.isShowing());
        assertFalse(wb.window().root().isVisible(), "the lab is under the page");
    }

    @Test
    void aClickOnACardOpensThatLessonAtStepZero(FxRobot robot) {
        // given: the last lesson of the catalogue (scrolled to, as a teacher would)
        Lesson last = Lessons.all().get(Lessons.all().size() - 1);
        Node card = robot.lookup("#lesson-card-" + last.name()).query();
        robot.interact(() -> ((javafx.scene.control.ScrollPane) robot.lookup("#lesson-scroll").query()).setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();

        // when
        robot.clickOn(card);
        WaitForAsyncUtils.waitForFxEvents();

        // then: the lesson is loaded, nothing has run, the lab is back
        assertFalse(host.isShowing());
        assertTrue(wb.window().root().isVisible());
        assertEquals(last.fileName(), wb.timeline().fileName());
        assertEquals(0, wb.timeline().position());
        assertEquals(last.steps(), wb.timeline().size());
    }

    @Test
    void escapeGoesBackToTheLabAsItWas(FxRobot robot) {
        String before = StateText.of(wb.session().kernel());
        int position = wb.timeline().position();

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(host.isShowing());
        assertEquals("demo.vlab", wb.timeline().fileName());
        assertEquals(position, wb.timeline().position());
        assertEquals(before, StateText.of(wb.session().kernel()));
    }

    @Test
    void spaceOnTheStartPageDoesNotStepTheLabBehindIt(FxRobot robot) {
        int position = wb.timeline().position();
        robot.interact(() -> robot.lookup("#start-free-lab").query().requestFocus());
        robot.type(KeyCode.P);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(position, wb.timeline().position());
        assertFalse(wb.controller().playingProperty().get());
    }

    @Test
    void freeLabLoadsTheDemoOneStepIn(FxRobot robot) {
        robot.interact(() -> wb.controller().load("exec cat x86_64\nbrk +8K", "other.vlab"));

        robot.clickOn("#start-free-lab");
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(host.isShowing());
        assertEquals("demo.vlab", wb.timeline().fileName());
        assertEquals(1, wb.timeline().position());
    }

    @Test
    void theLessonsMenuListsEveryLessonAndReopensThePage(FxRobot robot) {
        robot.interact(host::hide);
        var items = wb.window().lessonsMenu().getItems();
        for (Lesson l : Lessons.all()) {
            assertNotNull(items.stream().filter(m -> ("menu-lesson-" + l.name()).equals(m.getId())).findFirst()
                .orElse(null), l.name());
        }
        Lesson second = Lessons.all().get(1);
        robot.interact(() -> items.stream().filter(m -> ("menu-lesson-" + second.name()).equals(m.getId()))
            .findFirst().orElseThrow().fire());
        assertEquals(second.fileName(), wb.timeline().fileName());

        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(host.isShowing());
    }
}
