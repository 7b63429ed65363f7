package vmalab.view.anim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A view on a hidden tab does not paint for every change: the paint waits until the view is shown. */
@ExtendWith(ApplicationExtension.class)
class PaintRequestTest {
    private final Pane tab = new Pane();
    private final Pane view = new Pane();
    private final AtomicInteger paints = new AtomicInteger();
    private PaintRequest request;

    @Start
    void start(Stage stage) {
        tab.getChildren().add(view);
        request = new PaintRequest(paints::incrementAndGet, view);
        stage.setScene(new Scene(new StackPane(tab), 200, 100));
        stage.show();
    }

    @Test
    void aShownViewPaintsOnceAfterTheEvent(FxRobot robot) {
        robot.interact(() -> {
            request.request();
            request.request();
            assertEquals(0, paints.get(), "not during the event");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, paints.get());
    }

    @Test
    void aHiddenViewPaintsWhenItIsShownAgain(FxRobot robot) throws Exception {
        robot.interact(() -> tab.setVisible(false));
        for (int i = 0; i < 3; i++) robot.interact(request::request);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, paints.get(), "no paint while an ancestor is hidden");
        assertTrue(request.waiting());

        robot.interact(() -> tab.setVisible(true));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> paints.get() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, paints.get(), "one paint for the changes missed");
        assertTrue(!request.waiting());
    }
}
