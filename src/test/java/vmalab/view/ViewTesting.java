package vmalab.view;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.File;
import java.io.IOException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.op.Op;
import vmalab.viewmodel.Session;
import vmalab.model.syscall.Syscalls;
import vmalab.viewmodel.fold.StepStart;

/** What the view tests share: running an operation into a session, snapshots, colour comparison. */
final class ViewTesting {
    private ViewTesting() {
    }

    /** Applies op on the FX thread, publishes it and shows all its events, as the app's director ends up doing. */
    static OpResult publish(FxRobot robot, Kernel kernel, Session session, Op op) {
        OpResult[] r = new OpResult[1];
        robot.interact(() -> {
            StepStart start = StepStart.of(kernel);
            r[0] = Syscalls.apply(kernel, op);
            assertNull(r[0].error(), () -> op + ": " + r[0].error());
            session.publish(kernel, r[0], start, null);
            session.eventCursorWritable().set(r[0].events().size());
        });
        return r[0];
    }

    /** A snapshot of the node, also written to target/snapshots/NAME.png to look at. */
    static WritableImage shot(FxRobot robot, Node node, String name) {
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = node.snapshot(new SnapshotParameters(), null));
        try {
            File dir = new File("target/snapshots");
            dir.mkdirs();
            ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", new File(dir, name + ".png"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return img[0];
    }

    /**
     * Runs a view query on the FX thread: the views draw as they answer, and drawing from the test thread while a
     * queued repaint runs on the FX thread races for the canvas.
     */
    static <T> T onFx(FxRobot robot, java.util.function.Supplier<T> query) {
        java.util.concurrent.atomic.AtomicReference<T> out = new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> out.set(query.get()));
        return out.get();
    }

    /** The same, where no robot is at hand. */
    static <T> T onFx(java.util.concurrent.Callable<T> query) {
        try {
            return org.testfx.util.WaitForAsyncUtils.asyncFx(query).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.06 && Math.abs(a.getGreen() - b.getGreen()) < 0.06
            && Math.abs(a.getBlue() - b.getBlue()) < 0.06;
    }
}
