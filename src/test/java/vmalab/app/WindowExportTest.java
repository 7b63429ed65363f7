package vmalab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.geometry.Dimension2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.RadioButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;
import vmalab.app.export.SlideFiles;
import vmalab.view.paint.SlideSource;
import vmalab.viewmodel.Theme;

/** The window's Export dialog: slides of the view on show, in any theme and size, and decks of the timeline. */
@ExtendWith(ApplicationExtension.class)
class WindowExportTest {
    private Workbench wb;

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        wb = WindowFixture.show(stage);
    }

    /** The alerts a failed export shows stay open otherwise, over the next test's window, and take its clicks. */
    @org.junit.jupiter.api.AfterEach
    void closeDialogs(FxRobot robot) {
        robot.interact(() -> {
            for (javafx.stage.Window w : List.copyOf(javafx.stage.Window.getWindows())) {
                if (w instanceof Stage s && s.getOwner() != null) s.close();
            }
        });
    }

    private boolean export(FxRobot robot, ExportChoice c, Path file) {
        AtomicReference<Boolean> ok = new AtomicReference<>();
        robot.interact(() -> ok.set(ExportDialog.export(wb.window(), wb.controller(), c, file)));
        return ok.get();
    }

    private BufferedImage png(FxRobot robot, ExportChoice c, Path file) throws IOException {
        assertTrue(export(robot, c, file), wb.controller().statusProperty().get());
        BufferedImage img = ImageIO.read(file.toFile());
        assertNotNull(img, "decodable PNG");
        return img;
    }

    private static ExportChoice choice(String view, SlideFiles.Format f, double scale, int w, int h, Theme t,
                                       boolean caption) {
        return new ExportChoice(view, false, f, scale, w, h, t, caption);
    }

    @Test
    void aViewIsItsDiagramAloneSizedToItNotTheWindow(FxRobot robot) throws IOException {
        WindowFixture.load(robot, wb, VmaLabApp.demoScenario(), 3);
        AtomicReference<Dimension2D> size = new AtomicReference<>();
        robot.interact(() -> size.set(((SlideSource) wb.window().view(ViewKind.TREE.id())).slideSize()));

        BufferedImage one = png(robot, ExportChoice.view(ViewKind.TREE.id(), 1, false), tmp.resolve("t1.png"));
        BufferedImage two = png(robot, ExportChoice.view(ViewKind.TREE.id(), 2, false), tmp.resolve("t2.png"));

        assertEquals((int) Math.ceil(size.get().getWidth()), one.getWidth());
        assertEquals((int) Math.ceil(size.get().getHeight()), one.getHeight());
        assertEquals(2 * one.getWidth(), two.getWidth());
        assertEquals(2 * one.getHeight(), two.getHeight());
        assertTrue(one.getWidth() != (int) WindowFixture.WIDTH || one.getHeight() != (int) WindowFixture.HEIGHT,
            "not the window's size");
        assertTrue(wb.controller().statusProperty().get()
                .startsWith("Exported " + two.getWidth() + "×" + two.getHeight() + " PNG to "),
            wb.controller().statusProperty().get());
    }

    @Test
    void theCaptionAddsABandUnderTheDiagram(FxRobot robot) throws IOException {
        WindowFixture.load(robot, wb, VmaLabApp.demoScenario(), 3);
        BufferedImage bare = png(robot, ExportChoice.view(MainWindow.LAYOUT, 1, false), tmp.resolve("a.png"));
        BufferedImage cap = png(robot, ExportChoice.view(MainWindow.LAYOUT, 1, true), tmp.resolve("b.png"));

        assertTrue(cap.getHeight() > bare.getHeight() + 20, bare.getHeight() + " → " + cap.getHeight());
        int dark = 0;
        for (int y = bare.getHeight() + 2; y < cap.getHeight(); y++) {
            for (int x = 0; x < cap.getWidth(); x++) if ((cap.getRGB(x, y) & 0xff) < 0x60) dark++;
        }
        assertTrue(dark > 50, "the caption's text is drawn in the band: " + dark + " dark px");
    }

    @Test
    void aFixedSlideSizeIsExactlyThatSize(FxRobot robot) throws IOException {
        WindowFixture.load(robot, wb, VmaLabApp.demoScenario(), -1);
        for (String view : List.of(MainWindow.STRUCTURES, ViewKind.BUDDY.id(), ViewKind.WINDOW.id())) {
            BufferedImage img = png(robot, choice(view, SlideFiles.Format.PNG, 1, 1280, 720, null, true),
                tmp.resolve(view + ".png"));
            assertEquals(1280, img.getWidth(), view);
            assertEquals(720, img.getHeight(), view);
        }
    }

    @Test
    void anSvgIsWellFormedAndHoldsTheDiagramsText(FxRobot robot) throws Exception {
        WindowFixture.load(robot, wb, VmaLabApp.demoScenario(), -1);
        Path svg = tmp.resolve("layout.svg");
        assertTrue(export(robot, choice(MainWindow.LAYOUT, SlideFiles.Format.SVG, 1, 0, 0, null, false), svg));

        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // offline
        Document doc = f.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(text.contains("[heap]"), "the heap's label is real text in the SVG");
        assertFalse(text.contains("True scale"), "no controls");
    }

    @Test
    void anotherThemeIsDrawnWithoutChangingTheWindow(FxRobot robot) throws IOException {
        WindowFixture.load(robot, wb, VmaLabApp.demoScenario(), 5);
        robot.interact(() -> wb.session().selectedVmaProperty().set(0x555555559000L));
        String ua = Application.getUserAgentStylesheet();

        BufferedImage light = png(robot, ExportChoice.view(ViewKind.PAGETABLE.id(), 1, false), tmp.resolve("l.png"));
        BufferedImage dark = png(robot, choice(ViewKind.PAGETABLE.id(), SlideFiles.Format.PNG, 1, 0, 0, Theme.DARK,
            false), tmp.resolve("d.png"));

        assertTrue(luminance(dark) < luminance(light) - 60, luminance(dark) + " vs " + luminance(light));
        assertEquals(Theme.LIGHT, wb.session().themeProperty().get());
        assertEquals(ua, Application.getUserAgentStylesheet(), "the window's controls keep their theme");
        assertEquals(5, wb.timeline().position());
        assertEquals(0x555555559000L, wb.session().selectedVmaProperty().get());
    }

    @Test
    void exportingAnotherViewLeavesTheTabTheStepAndTheModel(FxRobot robot) throws IOException {
        WindowFixture.load(robot, wb, VmaLabApp.demoScenario(), 4);
        String shown = wb.window().selectedView();
        int version = wb.session().versionProperty().get();

        png(robot, ExportChoice.view(MainWindow.STRUCTURES, 1, true), tmp.resolve("s.png"));

        assertEquals(shown, wb.window().selectedView());
        assertEquals(4, wb.timeline().position());
        assertEquals(version, wb.session().versionProperty().get());
    }

    @Test
    void aFailedExportSaysSoAndLeavesTheFileAsItWas(FxRobot robot) throws IOException {
        WindowFixture.load(robot, wb, "exec cat x86_64", -1);
        Path missing = tmp.resolve("no-such-dir").resolve("x.png");
        assertFalse(export(robot, ExportChoice.view(MainWindow.LAYOUT, 1, false), missing));
        assertTrue(wb.controller().statusIsErrorProperty().get());
        assertTrue(wb.controller().statusProperty().get().startsWith("Could not export"));
        assertFalse(Files.exists(missing.getParent()));

        Path kept = tmp.resolve("kept.png");
        Files.write(kept, new byte[] {1, 2, 3});
        // a slide 20000 px wide is over the largest image side: refused before anything is written
        assertFalse(export(robot, choice(MainWindow.LAYOUT, SlideFiles.Format.PNG, 1, 20000, 100, null, false), kept));
        assertTrue(wb.controller().statusProperty().get().contains("the most is 16384 px"),
            wb.controller().statusProperty().get());
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(kept));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(kept), s.toList(), "no temporary file left");
        }
    }

    @Test
    void aDeckIsEveryStepOfTheTimelineTypedLinesIncluded(FxRobot robot) throws Exception {
        WindowFixture.load(robot, wb, VmaLabApp.demoScenario(), -1);
        robot.interact(() -> assertEquals(null, wb.controller().runLine("brk +12K")));
        int steps = wb.timeline().size();
        int at = wb.timeline().position();
        Path dir = tmp.resolve("deck");
        AtomicReference<Boolean> done = new AtomicReference<>();

        robot.interact(() -> ExportDialog.exportDeck(wb.window(), wb.controller(),
            new ExportChoice(ViewKind.TREE.id(), true, SlideFiles.Format.PNG, 1, 0, 0, null, true), dir, done::set));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> done.get() != null);

        assertTrue(done.get(), wb.controller().statusProperty().get());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(steps + 1, s.count(), "one image per step and notes.md");
        }
        assertTrue(Files.exists(dir.resolve(String.format("step-%03d.png", steps))));
        String notes = Files.readString(dir.resolve("notes.md"));
        assertTrue(notes.contains("brk +12K"), "the typed line is in the notes");
        assertEquals(at, wb.timeline().position(), "the window stays at its step");
        assertTrue(wb.controller().statusProperty().get().startsWith("Exported " + steps + " slides"),
            wb.controller().statusProperty().get());
    }

    @Test
    void aCancelledDeckLeavesTheFolderAsItWas(FxRobot robot) throws Exception {
        WindowFixture.load(robot, wb, VmaLabApp.demoScenario(), -1);
        Path dir = Files.createDirectories(tmp.resolve("deck"));
        Files.writeString(dir.resolve("step-001.png"), "an older slide");
        AtomicReference<Boolean> done = new AtomicReference<>();

        robot.interact(() -> {
            ExportDialog.DeckJob job = ExportDialog.exportDeck(wb.window(), wb.controller(),
                new ExportChoice(MainWindow.LAYOUT, true, SlideFiles.Format.PNG, 1, 0, 0, null, false), dir, done::set);
            job.cancel();
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(done.get());
        assertEquals("an older slide", Files.readString(dir.resolve("step-001.png")));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(dir), s.toList(), "no staging folder left beside it");
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void theFormSaysWhatItShows(FxRobot robot) {
        AtomicReference<ExportChoice> before = new AtomicReference<>();
        AtomicReference<ExportChoice> after = new AtomicReference<>();
        robot.interact(() -> {
            ExportForm form = new ExportForm(ViewKind.BUDDY.id(), Theme.LIGHT, true);
            before.set(form.choice());
            var root = form.node();
            ((RadioButton) root.lookup("#export-deck")).setSelected(true);
            ((RadioButton) root.lookup("#export-format-svg")).setSelected(true);
            ((RadioButton) root.lookup("#export-scale-4")).setSelected(true);
            @SuppressWarnings("unchecked")
            ComboBox<String> size = (ComboBox<String>) root.lookup("#export-size");
            size.setValue(ExportForm.sizeLabel(new int[] {1920, 1080}));
            @SuppressWarnings("unchecked")
            ComboBox<String> theme = (ComboBox<String>) root.lookup("#export-theme");
            theme.setValue(Theme.DARK.title());
            after.set(form.choice());
        });
        assertEquals(new ExportChoice(ViewKind.BUDDY.id(), false, SlideFiles.Format.PNG, 2, 0, 0, null, true), before.get());
        assertEquals(new ExportChoice(ViewKind.BUDDY.id(), true, SlideFiles.Format.SVG, 4, 1920, 1080, Theme.DARK, true),
            after.get());
    }

    private static double luminance(BufferedImage img) {
        long sum = 0;
        int n = 0;
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                int rgb = img.getRGB(x, y);
                sum += ((rgb >> 16) & 0xff) * 299L + ((rgb >> 8) & 0xff) * 587L + (rgb & 0xff) * 114L;
                n++;
            }
        }
        return sum / 1000.0 / n;
    }
}
