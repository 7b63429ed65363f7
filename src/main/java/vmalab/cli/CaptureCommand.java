package vmalab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import vmalab.io.Capture;
import vmalab.io.CaptureFiles;
import vmalab.io.Parsed;

/** {@code vmalab capture PID DIR}: a running process's /proc files and page states, saved to bring to class. */
@Command(name = "capture", mixinStandardHelpOptions = true,
    description = {"Save a running process into a new folder DIR: maps, smaps, cmdline, stat, status and its "
        + "pages' states from pagemap (present, zero page, swapped; see the README).",
        "Read it back with `vmalab import DIR`."})
public final class CaptureCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PID", description = "the process")
    long pid;

    @Parameters(index = "1", paramLabel = "DIR", description = "a folder that does not exist yet")
    Path dir;

    @Override
    public Integer call() {
        Parsed<Capture> c = CaptureFiles.capture(pid, dir);
        if (c.failed()) {
            System.err.println(c.error());
            return 1;
        }
        Capture v = c.value();
        String pages = v.pages() != null ? "pagemap read" : "no pagemap: " + v.pagesNote();
        System.out.println("captured " + v.pid() + " (" + v.comm() + "): " + v.maps().size() + " mappings, " + pages
            + ", in " + dir);
        return 0;
    }
}
