package vmalab.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vmalab.io.lesson.Lessons;

/** {@code vmalab export SCENARIO --view V [--step N] [--scale S] [--caption] -o FILE.png}, with no display. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Render a view of a scenario at a step as a PNG image (no display needed).")
public final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "a scenario file, or a built-in lesson's NAME "
        + "(vmalab lessons lists them; a path that exists wins)")
    String scenario;

    @Option(names = "--view", defaultValue = "layout", paramLabel = "VIEW", completionCandidates = ViewKind.Ids.class,
        description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    String view;

    @Option(names = "--step", defaultValue = "-1", paramLabel = "N",
        description = "how many operations to run first (default: all)")
    int step;

    @Option(names = "--scale", defaultValue = "1", paramLabel = "S", description = "1, 2 or 4 (default: 1)")
    double scale;

    @Option(names = "--caption", description = "draw the scenario line and step under the image")
    boolean caption;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.png", description = "the PNG to write")
    Path output;

    @Override
    public Integer call() {
        Lessons.Source source;
        try {
            source = Lessons.resolve(scenario).orElse(null);
        } catch (IOException e) {
            System.err.println(scenario + ": cannot read: " + e.getMessage());
            return 2;
        }
        if (source == null) {
            System.err.println("vmalab export: " + Lessons.notFound(scenario));
            return 2;
        }
        try {
            HeadlessExport.export(source.text(), source.fileName(), view, step, scale, caption, output);
        } catch (IllegalArgumentException e) {
            System.err.println("vmalab export: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            System.err.println("vmalab export: could not write " + output + ": " + e.getMessage());
            return 2;
        }
        System.out.println("wrote " + output);
        return 0;
    }
}
