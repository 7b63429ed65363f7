package vmalab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * {@code export LESSON --deck} without {@code --view} draws each step in the view the lesson's {@code view} lines
 * choose there (layout where they name none); an explicit {@code --view} draws every step in it. TestFX starts
 * the toolkit (the export finds it running): a toolkit started by the export itself leaves the window tests that
 * run after it in the same JVM unable to click (seen with ExportLessonTest before MainWindowTest).
 */
@ExtendWith(ApplicationExtension.class)
class DeckViewsTest {
    private static final String LESSON = """
        title "Deck views"
        exec p x86_64 rbtree
        view tree
        mmap 0x10000000 4K rw- private anon
        mmap 0x10002000 4K r-- private anon
        """;

    @TempDir
    Path tmp;

    private static void export(String... args) {
        ExportRun r = ExportRun.of(args);
        assertEquals(0, r.code(), r.err());
    }

    private Path lesson() throws IOException {
        Path f = tmp.resolve("views.vlab");
        Files.writeString(f, LESSON);
        return f;
    }

    private BufferedImage slide(Path lesson, String view, int step) throws IOException {
        Path png = tmp.resolve(view + "-" + step + ".png");
        export(lesson.toString(), "--view", view, "--step", Integer.toString(step), "-o", png.toString());
        return ImageIO.read(png.toFile());
    }

    private static BufferedImage read(Path p) throws IOException {
        return ImageIO.read(p.toFile());
    }

    private static boolean same(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) return false;
        int[] pa = a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth());
        int[] pb = b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth());
        return Arrays.equals(pa, pb);
    }

    @Test
    void withoutViewEachStepIsDrawnInTheLessonsViewAndAnExplicitViewWins() throws IOException {
        // given a lesson whose view line stands before its second operation
        Path lesson = lesson();
        BufferedImage layout1 = slide(lesson, "layout", 1);
        BufferedImage layout2 = slide(lesson, "layout", 2);
        BufferedImage tree2 = slide(lesson, "tree", 2);
        BufferedImage tree3 = slide(lesson, "tree", 3);
        assertFalse(same(layout2, tree2), "the two views draw step 2 differently");

        // when the deck is exported without --view
        Path deck = tmp.resolve("deck");
        export(lesson.toString(), "--deck", "-o", deck.toString());

        // then step 1 is the layout (no view named yet), steps 2 and 3 the VMA tree
        assertTrue(same(layout1, read(deck.resolve("step-001.png"))), "step 1 in layout");
        assertTrue(same(tree2, read(deck.resolve("step-002.png"))), "step 2 in the tree");
        assertTrue(same(tree3, read(deck.resolve("step-003.png"))), "step 3 in the tree");
        // and the notes still tell every step's narration, the last one's too
        String notes = Files.readString(deck.resolve("notes.md"));
        assertTrue(notes.contains("## Step 3 of 3"), notes);
        assertTrue(notes.substring(notes.indexOf("## Step 3 of 3")).contains("Narration:"), notes);

        // when --view layout is given, every step is the layout
        Path fixed = tmp.resolve("fixed");
        export(lesson.toString(), "--deck", "--view", "layout", "-o", fixed.toString());
        assertTrue(same(layout2, read(fixed.resolve("step-002.png"))), "an explicit --view wins");
    }
}
