package vmalab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import picocli.CommandLine;
import vmalab.io.lesson.Lessons;

/** {@code vmalab export}: slides that are the diagram alone, sized to it, PNG and SVG, decks with notes. */
class SlideExportTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) { }

    private static Run export(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new ExportCommand()).execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private BufferedImage png(String... args) throws IOException {
        Path f = tmp.resolve("s" + System.nanoTime() + ".png");
        String[] all = Stream.concat(Stream.of(args), Stream.of("-o", f.toString())).toArray(String[]::new);
        Run r = export(all);
        assertEquals(0, r.code(), r.err());
        return ImageIO.read(f.toFile());
    }

    @Test
    void aViewIsSizedToItsDiagramAndTwiceAsLargeAtScaleTwo() throws IOException {
        BufferedImage tree = png("fork-cow", "--view", "tree");
        BufferedImage tree2 = png("fork-cow", "--view", "tree", "--scale", "2");
        BufferedImage structures = png("fork-cow", "--view", "structures");

        assertEquals(2 * tree.getWidth(), tree2.getWidth(), 2);
        assertEquals(2 * tree.getHeight(), tree2.getHeight(), 2);
        // no fixed canvas: each view is as big as its own picture
        assertNotEquals(tree.getWidth() + "×" + tree.getHeight(), structures.getWidth() + "×" + structures.getHeight());
        assertFalse(tree.getWidth() == 3180 && tree.getHeight() == 1358);
    }

    @Test
    void aFixedSlideSizeIsExactlyThatSizeWhateverTheView() throws IOException {
        for (String view : List.of("layout", "buddy", "window")) {
            BufferedImage img = png("heap-fault", "--view", view, "--width", "1920", "--height", "1080", "--caption");
            assertEquals(1920, img.getWidth(), view);
            assertEquals(1080, img.getHeight(), view);
        }
    }

    @Test
    void anSvgIsWellFormedAndHoldsTheDiagramsTextButNoControls() throws Exception {
        Path svg = tmp.resolve("layout.svg");
        Run r = export("heap-fault", "--view", "layout", "--caption", "-o", svg.toString());
        assertEquals(0, r.code(), r.err());

        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // offline
        Document doc = f.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getTagName());
        NodeList texts = doc.getElementsByTagName("text");
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < texts.getLength(); i++) all.append(texts.item(i).getTextContent()).append('\n');
        String words = all.toString();
        assertTrue(words.contains("[heap]"), words);
        assertTrue(words.contains("Heap expansion and the page fault"), "the caption's lesson title: " + words);
        for (String chrome : List.of("True scale", "scroll", "Click a page")) {
            assertFalse(words.contains(chrome), "a control or hint in the slide: " + chrome);
        }
    }

    @Test
    void theDarkThemeDrawsADarkSlide() throws IOException {
        BufferedImage light = png("heap-fault", "--view", "structures", "--theme", "light");
        BufferedImage dark = png("heap-fault", "--view", "structures", "--theme", "dark");
        assertTrue(brightness(light.getRGB(2, 2)) > 0.8, "light paper");
        assertTrue(brightness(dark.getRGB(2, 2)) < 0.3, "dark paper");
    }

    @Test
    void aLargerFontScaleMakesALargerSlide() throws IOException {
        BufferedImage one = png("heap-fault", "--view", "pagetable");
        BufferedImage big = png("heap-fault", "--view", "pagetable", "--font-scale", "2");
        assertTrue(big.getWidth() > one.getWidth() * 1.3 || big.getHeight() > one.getHeight() * 1.3,
            one.getWidth() + "×" + one.getHeight() + " → " + big.getWidth() + "×" + big.getHeight());
    }

    @Test
    void aDeckIsOneImagePerStepAndNotesWithEachStepsWords() throws IOException {
        Path dir = tmp.resolve("deck");
        Run r = export("heap-fault", "--deck", "--view", "window", "--caption", "-o", dir.toString());
        assertEquals(0, r.code(), r.err());

        Lessons.Source src = Lessons.resolve("heap-fault").orElseThrow();
        List<String> says = src.text().lines().filter(l -> l.startsWith("say "))
            .map(l -> l.substring(5, l.length() - 1)).collect(Collectors.toList());
        // a step is an operation line; the rest are the lesson's words, questions and checks
        int steps = (int) src.text().lines().map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .filter(l -> !l.matches("(say|ask|expect|title|summary|tags) .*")).count();
        assertEquals(5, steps, "heap-fault's operations: exec, brk, touch, brk, touch");
        List<String> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
        assertEquals(steps + 1, files.size(), files.toString());
        for (int i = 1; i <= steps; i++) assertTrue(files.contains(String.format("step-%03d.png", i)), files.toString());
        String notes = Files.readString(dir.resolve("notes.md"));
        for (String say : says) assertTrue(notes.contains(say), "notes carry: " + say);
        assertTrue(notes.contains("do_anonymous_page()"), "and the narration");
        BufferedImage first = ImageIO.read(dir.resolve("step-001.png").toFile());
        assertTrue(first.getWidth() > 200 && first.getHeight() > 200);
    }

    @Test
    void aBadOptionIsOneLineExitTwoAndNoFile() {
        Path png = tmp.resolve("x.png");
        for (String[] bad : List.of(
            new String[] {"heap-fault", "--theme", "blue", "-o", png.toString()},
            new String[] {"heap-fault", "--width", "1920", "-o", png.toString()},
            new String[] {"heap-fault", "--font-scale", "9", "-o", png.toString()},
            new String[] {"heap-fault", "-o", tmp.resolve("x.gif").toString()})) {
            Run r = export(bad);
            assertEquals(2, r.code(), String.join(" ", bad));
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("vmalab export: "), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        assertFalse(Files.exists(png));
    }

    private static double brightness(int argb) {
        int r = (argb >> 16) & 0xff;
        int g = (argb >> 8) & 0xff;
        int b = argb & 0xff;
        return (0.299 * r + 0.587 * g + 0.114 * b) / 255;
    }
}
