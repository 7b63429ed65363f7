package vmalab.view;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.geometry.Dimension2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vmalab.app.Controller;
import vmalab.app.Operations;
import vmalab.app.Themes;
import vmalab.view.paint.RecordingPen;
import vmalab.view.paint.TextAudit;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.Theme;
import vmalab.viewmodel.Timeline;

/** Issue 9: the Story reads at 1280 × 720 and at 250 %, on screen and on a slide, in both themes. */
@ExtendWith(ApplicationExtension.class)
class StoryViewReadableTest {
    private static final List<String> LESSONS = List.of("heap-fault", "fork-cow", "zero-page", "buddy");

    private Session session;
    private Controller controller;
    private StoryView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        session = new Session();
        session.reduceMotionProperty().set(true);
        controller = new Controller(session, new Timeline(session, Operations::apply));
        view = new StoryView(session);
        stage.setScene(ViewScenes.styled(new StackPane(view), 1280, 720));
        stage.show();
    }

    private void lessonToEnd(FxRobot robot, String name) throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/vmalab/lessons/" + name + ".vlab")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        robot.interact(() -> {
            assertNull(controller.load(text, name + ".vlab"));
            for (int i = 0; i < 400; i++) {
                if (controller.quiz().pending() != null) {
                    controller.answer(controller.quiz().pending().choices().get(0));
                    continue;
                }
                if (!controller.stepOp()) break;
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void scale(FxRobot robot, double s) {
        robot.interact(() -> session.fontScaleProperty().set(s));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> view.layout());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The panels painted again into recorders of their canvases' sizes, each audited. */
    private void auditScreen(FxRobot robot, String what) {
        Map<Canvas, RecordingPen> rec = new HashMap<>();
        robot.interact(() -> {
            view.pens = c -> rec.computeIfAbsent(c, k -> new RecordingPen());
            view.redraw();
            view.pens = vmalab.view.paint.Pen::on;
        });
        for (Canvas c : ViewTesting.onFx(robot, view::panelCanvases)) {
            RecordingPen p = rec.get(c);
            if (p != null) TextAudit.assertReadable(what + " #" + c.getId(), p, c.getWidth(), c.getHeight());
        }
        robot.interact(() -> TextAudit.assertNoEllipsis(what, view));
    }

    private RecordingPen slide(FxRobot robot, String what) {
        Dimension2D d = ViewTesting.onFx(robot, view::slideSize);
        RecordingPen p = new RecordingPen();
        robot.interact(() -> view.paintSlide(p, d.getWidth(), d.getHeight()));
        TextAudit.assertReadable(what + " slide", p, d.getWidth(), d.getHeight());
        assertTrue(!p.marks().isEmpty(), what + ": the slide has text");
        return p;
    }

    @Test
    void lessonEndStatesReadAt720pAndAt250Percent(FxRobot robot) throws IOException {
        for (String lesson : LESSONS) {
            lessonToEnd(robot, lesson);
            for (double s : new double[] {1.0, 2.5}) {
                scale(robot, s);
                auditScreen(robot, lesson + " at " + s);
                slide(robot, lesson + " at " + s);
            }
            scale(robot, 1.0);
        }
    }

    @Test
    void slideSizeGrowsWithTheFontScaleAndTheContent(FxRobot robot) throws IOException {
        lessonToEnd(robot, "heap-fault");
        Dimension2D small = ViewTesting.onFx(robot, view::slideSize);
        scale(robot, 2.5);
        Dimension2D big = ViewTesting.onFx(robot, view::slideSize);
        assertTrue(big.getWidth() > small.getWidth() && big.getHeight() > small.getHeight(), small + " → " + big);
        scale(robot, 1.0);
        // a VMA of many pages needs more rows of cells than the heap's four
        robot.interact(() -> {
            assertNull(controller.load("exec big x86_64\nmmap 64K rw- private anon\ntouch 0x7ffff7fa7000 w\n",
                "big.vlab"));
            while (controller.stepOp()) { }
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> view.layout());
        Dimension2D many = ViewTesting.onFx(robot, view::slideSize);
        long pages = ViewTesting.onFx(robot, () -> view.focusedVma() == null ? 0 : view.focusedVma().pages());
        assertTrue(pages > 4, "focused VMA has " + pages + " pages");
        assertTrue(many.getHeight() > small.getHeight(), small + " → " + many);
    }

    @Test
    void theThemeSwitchChangesTheDiagramColours(FxRobot robot) throws IOException {
        lessonToEnd(robot, "zero-page");
        Set<String> light = slide(robot, "light").fills().stream().map(Paint::toString).collect(Collectors.toSet());
        robot.interact(() -> {
            Themes.apply(stage.getScene(), Theme.DARK);
            session.themeProperty().set(Theme.DARK);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<Paint> dark = slide(robot, "dark").fills();
        Set<String> darkSet = dark.stream().map(Paint::toString).collect(Collectors.toSet());
        assertNotEquals(light, darkSet);
        // the background is the first fill: paper, light then dark
        assertNotEquals(light.contains(dark.get(0).toString()), true, "dark paper " + dark.get(0) + " is a light fill");
    }
}
