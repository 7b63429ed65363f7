package vmalab.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vmalab.app.export.SlideFiles;
import vmalab.io.lesson.Lessons;
import vmalab.viewmodel.Theme;

/**
 * {@code vmalab export SCENARIO --view V [--step N] [--scale S] [--caption] [--width W --height H]
 * [--theme light|dark] [--font-scale F] -o FILE.png|FILE.svg}, or {@code --deck -o DIR} for one image per step
 * and the speaker notes; no display needed.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Render a view of a scenario as a slide: the diagram alone, sized to its content, PNG or SVG "
        + "(no display needed).", "With --deck: one image per step (DIR/step-001.png …) and DIR/notes.md."})
public final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "a scenario file, or a built-in lesson's NAME "
        + "(vmalab lessons lists them; a path that exists wins)")
    String scenario;

    @Option(names = "--view", defaultValue = "layout", paramLabel = "VIEW", completionCandidates = ViewKind.Ids.class,
        description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; window: the Story with the narration "
            + "in the caption)")
    String view;

    @Option(names = "--step", defaultValue = "-1", paramLabel = "N",
        description = "how many operations to run first (default: all)")
    int step;

    @Option(names = "--scale", defaultValue = "1", paramLabel = "S", description = "1, 2 or 4 (default: 1)")
    double scale;

    @Option(names = "--caption", description = "a band under the diagram: lesson title, step, the scenario line")
    boolean caption;

    @Option(names = "--width", defaultValue = "0", paramLabel = "PX",
        description = "a fixed image width (with --height), the diagram fitted in it, e.g. 1920")
    int width;

    @Option(names = "--height", defaultValue = "0", paramLabel = "PX",
        description = "a fixed image height (with --width), e.g. 1080")
    int height;

    @Option(names = "--theme", defaultValue = "light", paramLabel = "THEME", description = "light or dark (default: light)")
    String theme;

    @Option(names = "--font-scale", defaultValue = "1", paramLabel = "F",
        description = "type and line scale, 1 to 2.5 (default: 1)")
    double fontScale;

    @Option(names = "--deck", description = "write every step: -o names a folder")
    boolean deck;

    @Option(names = "--format", paramLabel = "png|svg", description = "the deck's image format (default: png)")
    String format;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
        description = "FILE.png or FILE.svg; with --deck, a folder")
    Path output;

    @Override
    public Integer call() {
        Theme t = Theme.byId(theme.toLowerCase(Locale.ROOT)).orElse(null);
        if (t == null) return fail("--theme must be light or dark: " + theme);
        SlideFiles.Format f;
        if (deck) {
            f = format == null ? SlideFiles.Format.PNG : SlideFiles.Format.byName(format);
            if (f == null) return fail("--format must be png or svg: " + format);
        } else {
            if (format != null) return fail("--format goes with --deck; a single image takes its format from -o");
            f = SlideFiles.Format.of(output);
            if (f == null) return fail(output + ": the file must end in .png or .svg");
        }
        HeadlessExport.SlideOptions o;
        try {
            o = new HeadlessExport.SlideOptions(view, step, scale, caption, width, height, t, fontScale, f);
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
        Lessons.Source source;
        try {
            source = Lessons.resolve(scenario).orElse(null);
        } catch (IOException e) {
            System.err.println(scenario + ": cannot read: " + e.getMessage());
            return 2;
        }
        if (source == null) return fail(Lessons.notFound(scenario));
        try {
            if (deck) {
                List<Path> files = HeadlessExport.exportDeck(source.text(), source.fileName(), o, output);
                System.out.println("wrote " + files.size() + " files to " + output);
            } else {
                int[] px = HeadlessExport.exportSlide(source.text(), source.fileName(), o, output);
                System.out.println("wrote " + output + " (" + px[0] + "×" + px[1] + " " + f.extension() + ")");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("vmalab export: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            System.err.println("vmalab export: could not write " + output + ": " + e.getMessage());
            return 2;
        }
        return 0;
    }

    private static int fail(String message) {
        System.err.println("vmalab export: " + message);
        return 2;
    }
}
