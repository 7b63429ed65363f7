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
import vmalab.io.ScenarioParser;
import vmalab.io.ScenarioRunner;
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

    @Option(names = "--view", paramLabel = "VIEW", completionCandidates = ViewKind.Ids.class,
        description = "${COMPLETION-CANDIDATES} (default: layout; with --deck, each step in the view the lesson's "
            + "view lines choose, layout where they name none; window: the Story with the narration in the caption)")
    String view;

    /** The view when --view is not given. */
    static final String DEFAULT_VIEW = "layout";

    @Option(names = "--step", paramLabel = "N",
        description = "how many operations to run first, 0 to the scenario's number of steps (default: all)")
    Long step;

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
        if (output.toString().isBlank()) return fail("-o needs a file name (it was empty)");
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
        if (step != null && deck) return fail("--step goes with a single image; --deck writes every step");
        try {
            new HeadlessExport.SlideOptions(view == null ? DEFAULT_VIEW : view, -1, scale, caption, width, height, t,
                fontScale, f);
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
        Lessons.Source source;
        try {
            source = Lessons.resolve(scenario).orElse(null);
        } catch (IOException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        if (source == null) return fail(Lessons.notFound(scenario));
        // everything is checked before the toolkit starts: the scenario parses, the step exists, and every
        // operation up to it succeeds as `run` would have it; else nothing is written
        ScenarioParser.Result parsed = ScenarioParser.parse(source.text(), source.fileName());
        if (!parsed.ok()) {
            System.err.println(parsed.error());
            return 1;
        }
        int steps = parsed.steps().size();
        if (step != null && (step < 0 || step > steps)) {
            return fail("--step must be 0 to " + steps + " (the scenario's steps): " + step);
        }
        int upTo = step == null ? steps : step.intValue();
        String failed = ScenarioRunner.firstError(parsed.steps(), source.fileName(), upTo);
        if (failed != null) {
            System.err.println(failed);
            System.err.println("vmalab export: nothing written");
            return 1;
        }
        HeadlessExport.SlideOptions o = new HeadlessExport.SlideOptions(view == null ? DEFAULT_VIEW : view, upTo,
            scale, caption, width, height, t, fontScale, f);
        try {
            if (deck) {
                // an explicit --view wins over the lesson's view lines
                List<Path> files = HeadlessExport.exportDeck(source.text(), source.fileName(), o, output, view == null);
                System.out.println("wrote " + files.size() + " files to " + output);
            } else {
                int[] px = HeadlessExport.exportSlide(source.text(), source.fileName(), o, output);
                System.out.println("wrote " + output + " (" + px[0] + "×" + px[1] + " " + f.extension() + ")");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("vmalab export: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            System.err.println("vmalab export: " + e.getMessage());
            return 2;
        }
        return 0;
    }

    private static int fail(String message) {
        System.err.println("vmalab export: " + message);
        return 2;
    }
}
