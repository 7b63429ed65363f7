package vmalab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code vmalab export NAME …}: a built-in lesson's NAME works where a scenario file does. */
class ExportLessonTest {
    @TempDir
    Path tmp;

    private record Run(int code, String err) { }

    private static Run export(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Run(new CommandLine(new ExportCommand()).execute(args), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void exportsALessonByName() throws IOException {
        Path png = tmp.resolve("buddy.png");
        Run r = export("buddy", "--view", "buddy", "--step", "2", "-o", png.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(img.getWidth() > 0 && img.getHeight() > 0);
    }

    @Test
    void anUnknownNameIsOneLineAndExitTwo() {
        Path png = tmp.resolve("x.png");
        Run r = export("no-such-lesson", "-o", png.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("vmalab export: no-such-lesson: no such file"), r.err());
        assertFalse(Files.exists(png));
    }
}
