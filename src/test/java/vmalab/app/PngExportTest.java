package vmalab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** PNG export: decodable images of the expected pixel size, written safely. */
@ExtendWith(ApplicationExtension.class)
class PngExportTest {
    private Workbench wb;

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        wb = WindowFixture.show(stage);
    }

    private BufferedImage export(FxRobot robot, String view, double scale, String caption, Path file) {
        AtomicReference<Boolean> ok = new AtomicReference<>();
        robot.interact(() -> ok.set(ExportDialog.export(wb.window(), wb.controller(),
            new ExportDialog.Choice(view, scale, caption), file)));
        assertTrue(ok.get(), wb.controller().statusProperty().get());
        try {
            BufferedImage img = ImageIO.read(file.toFile());
            assertNotNull(img, "decodable PNG");
            return img;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theWindowAtOneAndTwoTimes(FxRobot robot) {
        WindowFixture.load(robot, wb, VmaLabApp.demoScenario(), 3);

        BufferedImage one = export(robot, MainWindow.WINDOW, 1, null, tmp.resolve("w1.png"));
        BufferedImage two = export(robot, MainWindow.WINDOW, 2, null, tmp.resolve("w2.png"));

        assertEquals((int) WindowFixture.WIDTH, one.getWidth());
        assertEquals((int) WindowFixture.HEIGHT, one.getHeight());
        assertEquals(2 * (int) WindowFixture.WIDTH, two.getWidth());
        assertEquals(2 * (int) WindowFixture.HEIGHT, two.getHeight());
        assertTrue(wb.controller().statusProperty().get().startsWith("Exported 2480×1520 PNG"),
            wb.controller().statusProperty().get());
    }

    @Test
    void aViewWithACaptionUnderIt(FxRobot robot) {
        WindowFixture.load(robot, wb, VmaLabApp.demoScenario(), 3);
        var node = wb.window().view(MainWindow.LAYOUT);
        int w = (int) Math.ceil(node.getLayoutBounds().getWidth());
        int h = (int) Math.ceil(node.getLayoutBounds().getHeight());

        BufferedImage img = export(robot, MainWindow.LAYOUT, 2, wb.controller().caption(), tmp.resolve("l.png"));

        assertEquals(2 * w, img.getWidth());
        assertEquals(2 * h + 2 * (int) PngExporter.CAPTION_HEIGHT, img.getHeight());
        // the caption band is mostly white with dark text somewhere in it
        boolean ink = false;
        for (int x = 0; x < img.getWidth() / 2 && !ink; x++) {
            for (int y = 2 * h + 10; y < img.getHeight() - 10 && !ink; y++) {
                ink = (img.getRGB(x, y) & 0xff) < 0x60;
            }
        }
        assertTrue(ink, "the caption is drawn");
        assertTrue(wb.controller().caption().contains("step 3 of 12: touch 0x55555555b000 w"),
            wb.controller().caption());
    }

    @Test
    void anotherViewIsExportedAndTheTabOnShowComesBack(FxRobot robot) {
        WindowFixture.load(robot, wb, VmaLabApp.demoScenario(), -1);
        String shown = wb.window().selectedView();

        BufferedImage img = export(robot, MainWindow.STRUCTURES, 1, null, tmp.resolve("s.png"));

        assertTrue(img.getWidth() > 100 && img.getHeight() > 100);
        assertEquals(shown, wb.window().selectedView());
    }

    @Test
    void aFailedWriteSaysSoAndLeavesNothingBehind(FxRobot robot) {
        WindowFixture.load(robot, wb, "exec cat x86_64", -1);
        Path missing = tmp.resolve("no-such-dir").resolve("x.png");

        AtomicReference<Boolean> ok = new AtomicReference<>();
        robot.interact(() -> ok.set(ExportDialog.export(wb.window(), wb.controller(),
            new ExportDialog.Choice(MainWindow.LAYOUT, 1, null), missing)));

        assertFalse(ok.get());
        assertTrue(wb.controller().statusIsErrorProperty().get());
        assertTrue(wb.controller().statusProperty().get().startsWith("Could not export"));
        assertFalse(Files.exists(missing));
    }

    @Test
    void headlessExportAtAStep() throws IOException {
        // the toolkit is already up (TestFX), so the export leaves it running
        Path out = tmp.resolve("headless.png");
        HeadlessExport.export(VmaLabApp.demoScenario(), "demo.vlab", "window", 4, 1, false, out);
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(HeadlessExport.WIDTH_PX, img.getWidth());
        assertEquals(HeadlessExport.HEIGHT_PX, img.getHeight());

        Path layout = tmp.resolve("layout2.png");
        HeadlessExport.export(VmaLabApp.demoScenario(), "demo.vlab", "layout", -1, 2, true, layout);
        BufferedImage l = ImageIO.read(layout.toFile());
        assertNotNull(l);
        assertEquals(0, l.getHeight() % 2);
        Files.createDirectories(Path.of("target", "snapshots"));
        Files.copy(layout, Path.of("target", "snapshots", "headless-layout-2x.png"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThrows(IllegalArgumentException.class, () ->
            HeadlessExport.export("brk", "bad.vlab", "layout", -1, 1, false, tmp.resolve("x.png")));
        assertThrows(IllegalArgumentException.class, () ->
            HeadlessExport.export("exec cat x86_64", "ok.vlab", "nope", -1, 1, false, tmp.resolve("x.png")));
    }
}
