package vmalab.app;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import vmalab.io.lesson.Lesson;
import vmalab.io.lesson.Lessons;

/** A lesson's picture is drawn from the lesson run to its end, off-screen. */
@ExtendWith(ApplicationExtension.class)
class ThumbnailsTest {
    @Start
    void start(Stage stage) {
    }

    @Test
    void aThumbnailShowsTheLessonsMappingsInColour() throws Exception {
        Lesson l = Lessons.all().get(0);
        CompletableFuture<Image> img = new CompletableFuture<>();
        Platform.runLater(() -> Thumbnails.request(l, img::complete));
        Image i = img.get(20, TimeUnit.SECONDS);
        assertNotNull(i);
        assertTrue(i.getWidth() >= 300, "width " + i.getWidth());
        // some pixel is saturated: a coloured VMA band, not a blank or grey picture
        PixelReader pr = i.getPixelReader();
        int coloured = 0;
        for (int y = 0; y < i.getHeight(); y += 2) {
            for (int x = 0; x < i.getWidth(); x += 2) {
                javafx.scene.paint.Color c = pr.getColor(x, y);
                if (c.getSaturation() > 0.3 && c.getBrightness() > 0.3) coloured++;
            }
        }
        assertTrue(coloured > 50, "coloured pixels: " + coloured);
    }
}
