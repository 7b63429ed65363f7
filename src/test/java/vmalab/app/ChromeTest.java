package vmalab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vmalab.io.lesson.Lesson;
import vmalab.io.lesson.Lessons;
import vmalab.view.paint.TextAudit;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.Theme;

/** The window's chrome, headless at a projector's 1280×720: presenter mode, the zoom keys, the theme switch. */
@ExtendWith(ApplicationExtension.class)
class ChromeTest {
    private Workbench wb;

    @Start
    void start(Stage stage) {
        wb = WindowFixture.show(stage, 1280, 720);
    }

    @AfterEach
    void lightAgain(FxRobot robot) {
        robot.interact(() -> wb.session().themeProperty().set(Theme.LIGHT));
    }

    private static boolean shown(Node n) {
        return n.isVisible() && n.isManaged();
    }

    @Test
    void presenterModeHidesTheChromeAndBringsItBack(FxRobot robot) {
        WindowFixture.load(robot, wb, "exec cat x86_64\nbrk +8K", 1);
        MainWindow w = wb.window();
        List<Node> chrome = List.of(robot.lookup("#menu-bar").query(), robot.lookup("#toolbar").query(),
            robot.lookup("#command-bar").query(), robot.lookup("#status-line").query());
        chrome.forEach(n -> assertTrue(shown(n), n.getId()));

        // when: F11
        robot.type(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();

        // then: no chrome, no text panes, the step controls and the diagrams only
        assertTrue(w.presenter().isActive());
        chrome.forEach(n -> assertFalse(shown(n), n.getId() + " hidden"));
        assertFalse(w.texts().isVisible());
        assertFalse(w.split().getItems().contains(w.texts()));
        assertTrue(shown(robot.lookup("#presenter-strip").query()));
        assertTrue(robot.lookup("#presenter-step-label").queryAs(Label.class).getText().startsWith("Step 1"));

        // when: the strip's Step button, then Esc
        robot.clickOn("#presenter-step");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, wb.timeline().position());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        // then: everything is back where it was
        assertFalse(w.presenter().isActive());
        chrome.forEach(n -> assertTrue(shown(n), n.getId() + " back"));
        assertTrue(w.texts().isVisible());
        assertTrue(w.split().getItems().contains(w.texts()));
        assertFalse(shown(robot.lookup("#presenter-strip").query()));
    }

    @Test
    void theLaserFollowsTheMouseInPresenterModeOnly(FxRobot robot) {
        WindowFixture.load(robot, wb, "exec cat x86_64", 1);
        Node dot = robot.lookup("#laser-pointer").query();
        robot.moveTo("#views");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(dot.isVisible(), "no laser outside presenter mode");
        robot.interact(() -> wb.window().presenter().activeProperty().set(true));
        // going full screen may report the mouse leaving the old window (Monocle does): the next move shows it
        robot.moveBy(20, 10);
        WaitForAsyncUtils.waitForFxEvents();
        robot.moveBy(6, 4);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dot.isVisible());

        assertTrue(dot.isMouseTransparent(), "the laser takes no clicks");
        robot.interact(() -> wb.window().presenter().activeProperty().set(false));
        assertFalse(dot.isVisible());
    }

    @Test
    void ctrlPlusMinusAndZeroStepTheScaleBetween100And250(FxRobot robot) {
        Session s = wb.session();
        Label step = robot.lookup("#step-label").queryAs(Label.class);
        double before = step.getFont().getSize();

        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.25, s.fontScale(), 1e-9);
        assertTrue(step.getFont().getSize() > before * 1.2, "the controls' type grows: " + step.getFont());
        assertEquals("125 %", robot.lookup("#zoom-label").queryAs(Label.class).getText());

        for (int i = 0; i < 8; i++) robot.press(KeyCode.CONTROL).type(KeyCode.ADD).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Session.MAX_SCALE, s.fontScale(), 1e-9, "clamped at 250 %");

        robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2.25, s.fontScale(), 1e-9);

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.0, s.fontScale(), 1e-9);
        assertEquals(before, step.getFont().getSize(), 1e-6);

        robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Session.MIN_SCALE, s.fontScale(), 1e-9, "clamped at 100 %");
    }

    @Test
    void theThemeSwitchRestylesControlsAndDiagrams(FxRobot robot) {
        WindowFixture.load(robot, wb, "exec cat x86_64\nbrk +64K\ntouch 0x555555559000 w", -1);
        robot.interact(() -> wb.window().selectView(ViewKind.LAYOUT.id()));
        Region paper = new Region();
        paper.getStyleClass().add("swatch-paper");
        robot.interact(() -> wb.window().root().getChildren().add(paper));
        Color lightPaper = fill(robot, paper);
        Image lightShot = snap(robot);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.T).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(Theme.DARK, wb.session().themeProperty().get());
        assertTrue(wb.scene().getStylesheets().stream().anyMatch(u -> u.endsWith("vmalab-dark.css")));
        assertEquals(Themes.userAgent(Theme.DARK), Application.getUserAgentStylesheet(), "Primer Dark controls");
        Color darkPaper = fill(robot, paper);
        assertTrue(lightPaper.getBrightness() > 0.9 && darkPaper.getBrightness() < 0.2,
            "the diagrams' paper goes dark: " + lightPaper + " → " + darkPaper);
        Image darkShot = snap(robot);
        assertTrue(meanBrightness(lightShot) > meanBrightness(darkShot) + 0.3,
            "the layout view's pixels go dark: " + meanBrightness(lightShot) + " → " + meanBrightness(darkShot));
        robot.interact(() -> wb.window().root().getChildren().remove(paper));
    }

    @Test
    void noLabelIsCutShortAt1280x720OnALessonsStartAndEnd(FxRobot robot) {
        for (Lesson l : Lessons.all().subList(0, Math.min(3, Lessons.all().size()))) {
            for (int step : new int[] {0, -1}) {
                load(robot, l, step);
                robot.interact(() -> {
                    wb.session().fontScaleProperty().set(1);
                    wb.window().presenter().activeProperty().set(false);
                });
                WaitForAsyncUtils.waitForFxEvents();
                audit(robot, l.name() + " step " + step + " at 100 %");
                robot.interact(() -> {
                    wb.session().fontScaleProperty().set(Session.MAX_SCALE);
                    wb.window().presenter().activeProperty().set(true);
                });
                WaitForAsyncUtils.waitForFxEvents();
                audit(robot, l.name() + " step " + step + " at 250 %, presenting");
            }
        }
        robot.interact(() -> {
            wb.window().presenter().activeProperty().set(false);
            wb.session().fontScaleProperty().set(1);
        });
    }

    private void audit(FxRobot robot, String what) {
        robot.interact(wb::layoutNow);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> TextAudit.assertNoEllipsis(what, wb.scene().getRoot()));
    }

    private void load(FxRobot robot, Lesson l, int step) {
        AtomicReference<String> err = new AtomicReference<>();
        robot.interact(() -> {
            err.set(wb.controller().load(l.text(), l.fileName()));
            wb.window().selectView(ViewKind.STORY.id());
            if (err.get() == null) wb.controller().jumpTo(step < 0 ? wb.timeline().size() : step);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, err.get());
    }

    private static Color fill(FxRobot robot, Region r) {
        AtomicReference<Color> c = new AtomicReference<>();
        robot.interact(() -> {
            r.applyCss();
            c.set((Color) r.getBackground().getFills().get(0).getFill());
        });
        return c.get();
    }

    private Image snap(FxRobot robot) {
        AtomicReference<Image> img = new AtomicReference<>();
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> img.set(wb.window().views().snapshot(null, null)));
        return img.get();
    }

    private static double meanBrightness(Image img) {
        double sum = 0;
        int n = 0;
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) {
                sum += img.getPixelReader().getColor(x, y).getBrightness();
                n++;
            }
        }
        assertNotEquals(0, n);
        return sum / n;
    }
}
