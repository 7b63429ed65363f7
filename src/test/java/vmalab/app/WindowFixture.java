package vmalab.app;

import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Builds the real window for a TestFX test: a size that fits Monocle's default headless screen. */
public final class WindowFixture {
    public static final double WIDTH = 1240;
    public static final double HEIGHT = 760;

    private WindowFixture() {
    }

    public static Workbench show(Stage stage) {
        return show(stage, WIDTH, HEIGHT);
    }

    /** The window at {@code w}×{@code h} (at most Monocle's 1280×800 headless screen), motion reduced, at 0,0. */
    public static Workbench show(Stage stage, double w, double h) {
        Workbench wb = Workbench.create(w, h);
        wb.session().reduceMotionProperty().set(true);
        stage.setScene(wb.scene());
        stage.setX(0);
        stage.setY(0);
        stage.show();
        return wb;
    }

    /** Loads a scenario on the FX thread and jumps to step {@code step} (negative: the end). */
    public static void load(FxRobot robot, Workbench wb, String text, int step) {
        AtomicReference<String> err = new AtomicReference<>();
        robot.interact(() -> {
            err.set(wb.controller().load(text, "test.vlab"));
            if (err.get() == null) wb.controller().jumpTo(step < 0 ? wb.timeline().size() : step);
        });
        WaitForAsyncUtils.waitForFxEvents();
        if (err.get() != null) throw new AssertionError(err.get());
    }
}
