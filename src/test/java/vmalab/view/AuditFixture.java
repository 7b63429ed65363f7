package vmalab.view;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import vmalab.app.WindowFixture;
import vmalab.app.Workbench;

/** The real window at a projector's 1280×720, lessons loaded from the jar, a tab brought to the front. */
final class AuditFixture {
    static final double W = 1280;
    static final double H = 720;

    private AuditFixture() {
    }

    static Workbench show(Stage stage) {
        return WindowFixture.show(stage, W, H);
    }

    static String lesson(String name) {
        try (InputStream in = AuditFixture.class.getResourceAsStream("/vmalab/lessons/" + name + ".vlab")) {
            if (in == null) throw new AssertionError("no lesson " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Loads {@code text} and jumps to its end. */
    static void load(FxRobot robot, Workbench wb, String text) {
        WindowFixture.load(robot, wb, text, -1);
    }

    static void tab(FxRobot robot, Workbench wb, String title) {
        robot.interact(() -> {
            for (Tab t : wb.window().views().getTabs()) {
                if (t.getText() != null && t.getText().startsWith(title)) wb.window().views().getSelectionModel().select(t);
            }
        });
        settle(robot, wb);
    }

    static void scale(FxRobot robot, Workbench wb, double s) {
        robot.interact(() -> wb.session().fontScaleProperty().set(s));
        settle(robot, wb);
    }

    static void settle(FxRobot robot, Workbench wb) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(wb::layoutNow);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A tree of {@code n} separate one-page VMAs (alternating permissions so they cannot merge, a page apart). */
    static String separateVmas(int n) {
        StringBuilder sb = new StringBuilder("exec treedemo empty\n");
        for (int i = 0; i < n; i++) {
            sb.append(String.format("mmap 0x%x 4K %s private anon%n", 0x10000000L + i * 0x2000L, i % 2 == 0 ? "rw-" : "r--"));
        }
        return sb.toString();
    }
}
