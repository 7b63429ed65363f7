package vmalab.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import vmalab.app.WindowFixture;
import vmalab.app.Workbench;
import vmalab.io.session.Viewport;

/** The layout view's viewport, as a session saves it: given back, the same picture. */
@ExtendWith(ApplicationExtension.class)
class LayoutViewportTest {
    static final long HEAP = 0x55555555b000L;
    private Workbench wb;

    @Start
    void start(Stage stage) {
        wb = WindowFixture.show(stage);
    }

    private LayoutView layout() {
        return wb.window().layoutView();
    }

    private int[] pixels(FxRobot robot) {
        return ViewTesting.onFx(robot, () -> {
            WritableImage img = layout().canvas().snapshot(null, null);
            int w = (int) img.getWidth();
            int h = (int) img.getHeight();
            int[] px = new int[w * h];
            img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
            return px;
        });
    }

    @Test
    void aViewportGivenBackShowsTheSamePicture(FxRobot robot) {
        // given: zoomed to the heap
        WindowFixture.load(robot, wb, "exec cat x86_64\nbrk +8K\ntouch 0x55555555b000 w", -1);
        assertTrue(ViewTesting.onFx(robot, () -> layout().viewport().fit()), "a new view fits");
        robot.interact(() -> layout().reveal(HEAP, HEAP + 0x2000));
        Viewport zoomed = ViewTesting.onFx(robot, () -> layout().viewport());
        int[] picture = pixels(robot);
        assertFalse(zoomed.fit());
        long heapStart = ViewTesting.onFx(robot, () -> wb.session().selectedMm().vmaAt(HEAP).start());
        assertTrue(ViewTesting.onFx(robot, () -> layout().pagesVisible(heapStart)));

        // when: fitted again, then given the viewport back
        robot.interact(() -> layout().fit());
        assertFalse(ViewTesting.onFx(robot, () -> layout().pagesVisible(heapStart)), "fitted, no pages");
        robot.interact(() -> layout().setViewport(zoomed));

        // then
        assertEquals(zoomed, ViewTesting.onFx(robot, () -> layout().viewport()));
        assertArrayEquals(picture, pixels(robot));
    }

    @Test
    void aFittedViewportFitsAndTrueScaleFollows(FxRobot robot) {
        WindowFixture.load(robot, wb, "exec cat x86_64", -1);
        robot.interact(() -> layout().reveal(HEAP - 0x2000, HEAP));
        double fitted = ViewTesting.onFx(robot, () -> {
            layout().setViewport(new Viewport(true, true, 99, 1234));
            return layout().zoom();
        });

        Viewport v = ViewTesting.onFx(robot, () -> layout().viewport());
        assertTrue(v.fit());
        assertTrue(layout().trueScaleProperty().get());
        assertTrue(fitted != 99, "fit picks its own zoom, not the saved one");
    }
}
