package vmalab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vmalab export NAME …}: a built-in lesson's NAME works where a scenario file does. */
class ExportLessonTest {
    @TempDir
    Path tmp;

    @Test
    void exportsALessonByName() throws IOException {
        Path png = tmp.resolve("buddy.png");
        ExportRun r = ExportRun.of("buddy", "--view", "buddy", "--step", "2", "-o", png.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(img.getWidth() > 0 && img.getHeight() > 0);
    }

    @Test
    void anUnknownNameIsOneLineAndExitTwo() {
        Path png = tmp.resolve("x.png");
        ExportRun r = ExportRun.of("no-such-lesson", "-o", png.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("vmalab export: no-such-lesson: no such file"), r.err());
        assertFalse(Files.exists(png));
    }
}
