package vmalab.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import vmalab.app.export.SlideFiles;
import vmalab.cli.ImportCommand;
import vmalab.viewmodel.Theme;

/**
 * {@code vmalab import DIR|PID --export VIEW -o FILE.png}: the capture becomes a scenario of one line,
 * {@code import DIR}, and that scenario's last step is exported as {@code vmalab export} would (HeadlessExport).
 */
final class ImportExport implements ImportCommand.Exporter {
    @Override
    public int export(Path captureDir, String view, Path output, PrintWriter out, PrintWriter err) {
        SlideFiles.Format f = SlideFiles.Format.of(output);
        if (f == null) {
            err.println("vmalab import: " + output + ": the file must end in .png or .svg");
            return 2;
        }
        String dir = captureDir.toAbsolutePath().normalize().toString();
        if (dir.matches(".*[\\s#].*")) {
            err.println("vmalab import: " + dir + ": a capture folder for --export may not have spaces or # in its path");
            return 2;
        }
        HeadlessExport.SlideOptions o;
        try {
            o = new HeadlessExport.SlideOptions(view, -1, 1, false, 0, 0, Theme.LIGHT, 1, f);
        } catch (IllegalArgumentException e) {
            err.println("vmalab import: " + e.getMessage());
            return 2;
        }
        try {
            int[] px = HeadlessExport.exportSlide("import " + dir + "\n", dir, o, output);
            out.println("wrote " + output + " (" + px[0] + "×" + px[1] + " " + f.extension() + ")");
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("vmalab import: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("vmalab import: could not write " + output + ": " + e.getMessage());
            return 2;
        }
    }
}
