package vmalab.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vmalab.io.Capture;
import vmalab.io.CaptureDiff;
import vmalab.io.CaptureFiles;
import vmalab.io.MapEntry;
import vmalab.io.MapsParser;
import vmalab.io.Parsed;
import vmalab.io.Pmap;
import vmalab.io.ProcFiles;
import vmalab.io.ProcMaps;
import vmalab.io.ProcSnapshot;
import vmalab.io.SmapsEntry;
import vmalab.io.SmapsParser;

/**
 * {@code vmalab import}: a real process, from a capture folder, a maps or smaps file, or read live, printed as
 * Linux and procps print it, compared with an earlier capture, or drawn by a view of the app.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Import a real process (a capture folder, a /proc/PID/maps or smaps file, or a live pid) and "
        + "print it as maps or pmap, compare it with a capture (--diff), or export a view of it (--export).",
        "SOURCE is a PID (all digits) or a capture folder written by `vmalab capture`."})
public final class ImportCommand implements Callable<Integer> {
    /** How {@code --export} reaches the views: the app installs it (the command line has no JavaFX). */
    public interface Exporter {
        /** Renders VIEW of the capture folder (a scenario of one line, {@code import DIR}) to FILE; 0 or an exit code. */
        int export(Path captureDir, String view, Path output, PrintWriter out, PrintWriter err);
    }

    private static volatile Exporter exporter;

    public static void setExporter(Exporter e) {
        exporter = e;
    }

    static final class Source {
        @Parameters(index = "0", paramLabel = "SOURCE", description = "a PID, or a capture folder")
        String source;

        @Option(names = "--maps", paramLabel = "FILE", description = "a /proc/PID/maps capture")
        Path maps;

        @Option(names = "--smaps", paramLabel = "FILE",
            description = "a /proc/PID/smaps capture (gives pmap -x its RSS and Dirty columns)")
        Path smaps;

        @Option(names = "--pid", paramLabel = "PID", description = "read /proc/PID of a running process")
        Long pid;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--show", defaultValue = "pmap", paramLabel = "FORMAT",
        description = "maps, pmap, pmap-d, pmap-x (default pmap)")
    String show;

    @Option(names = "--cmdline", description = "the command line pmap prints in its header (--maps, --smaps)")
    String cmdline;

    @Option(names = "--as-pid", defaultValue = "0", description = "the pid pmap prints in its header (--maps, --smaps)")
    int asPid;

    @Option(names = "--diff", paramLabel = "DIR", description = "compare with an earlier capture folder, in text")
    Path diff;

    @Option(names = "--export", paramLabel = "VIEW", description = "draw a view of the process (layout, tree, …)")
    String export;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "the PNG of --export")
    Path output;

    @Override
    public Integer call() {
        PrintWriter out = Output.over(System.out);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        if (!List.of("maps", "pmap", "pmap-d", "pmap-x").contains(show)) {
            err.println("vmalab import: unknown format \"" + show + "\" (maps, pmap, pmap-d, pmap-x)");
            return 2;
        }
        if (export != null) {
            int code = export(out, err);
            int written = outputChecked(out, err);
            return code != 0 ? code : written;
        }
        Parsed<Capture> c = load(diff != null);
        if (c.failed()) {
            err.println(c.error());
            return 1;
        }
        if (diff != null) {
            if (c.value().zombie()) {
                err.println("vmalab import: process " + c.value().pid() + " is a zombie (it has exited): nothing to "
                    + "compare with " + diff);
                return 1;
            }
            Parsed<Capture> before = CaptureFiles.load(diff);
            if (before.failed()) {
                err.println(before.error());
                return 1;
            }
            out.print(CaptureDiff.diff(before.value(), c.value()));
            return outputChecked(out, err);
        }
        Capture cap = c.value();
        if (cap.zombie()) {
            err.println("vmalab import: process " + cap.pid() + " (" + cap.comm() + ") is a zombie: it has exited "
                + "and has no memory left, only its exit status for its parent");
        }
        ProcSnapshot snap = cap.snapshot();
        switch (show) {
            case "maps" -> out.print(ProcMaps.format(snap.entries(), snap.addressDigits()));
            case "pmap" -> out.print(Pmap.format(snap, Pmap.Mode.DEFAULT));
            case "pmap-d" -> out.print(Pmap.format(snap, Pmap.Mode.DEVICE));
            default -> out.print(Pmap.format(snap, Pmap.Mode.EXTENDED));
        }
        return outputChecked(out, err);
    }

    /** 0 when standard output took everything, else the one line of {@link Output#FAILED} and 1. */
    private static int outputChecked(PrintWriter out, PrintWriter err) {
        if (!Output.failed(out)) return 0;
        err.println("vmalab import: " + Output.FAILED);
        return 1;
    }

    /** The capture named by the source; a live one reads pagemap only when asked (a diff needs its pages). */
    Parsed<Capture> load(boolean withPages) {
        if (source.smaps != null) {
            Parsed<byte[]> b = ProcFiles.read(source.smaps);
            if (b.failed()) return Parsed.failed(b.error());
            Parsed<List<SmapsEntry>> p = SmapsParser.parse(source.smaps.toString(), b.value());
            if (p.failed()) return Parsed.failed(p.error());
            return Parsed.ok(fromFile(p.value().stream().map(SmapsEntry::map).toList(), p.value()));
        }
        if (source.maps != null) {
            Parsed<byte[]> b = ProcFiles.read(source.maps);
            if (b.failed()) return Parsed.failed(b.error());
            Parsed<List<MapEntry>> p = MapsParser.parse(source.maps.toString(), b.value());
            if (p.failed()) return Parsed.failed(p.error());
            return Parsed.ok(fromFile(p.value(), List.of()));
        }
        Long pid = source.pid;
        if (pid == null && source.source.matches("[0-9]{1,18}")) pid = Long.parseLong(source.source);
        if (pid != null) return withPages ? Capture.live(pid, true) : Capture.forPmap(pid, show.equals("pmap-x"));
        Path dir = folder(source.source);
        if (dir == null) return Parsed.failed(notAPath(source.source));
        Parsed<Capture> c = CaptureFiles.load(dir);
        if (c.failed() || (cmdline == null && asPid == 0)) return c;
        Capture v = c.value();
        return Parsed.ok(new Capture(asPid != 0 ? asPid : v.pid(), v.comm(), v.state(),
            cmdline != null ? cmdline : v.cmdline(), v.startStack(), v.maps(), v.smaps(), v.pages(), v.pagesNote()));
    }

    private Capture fromFile(List<MapEntry> maps, List<SmapsEntry> smaps) {
        return new Capture(asPid, "", '?', cmdline == null ? "" : cmdline, ProcSnapshot.stackFromMaps(maps), maps,
            smaps, null, "a maps or smaps file has no pagemap");
    }

    private int export(PrintWriter out, PrintWriter err) {
        if (output == null) {
            err.println("vmalab import: --export needs -o FILE.png");
            return 2;
        }
        Exporter e = exporter;
        if (e == null) {
            err.println("vmalab import: --export needs the app's views (run the jar: java -jar vmalab.jar import …)");
            return 2;
        }
        if (source.maps != null || source.smaps != null) {
            err.println("vmalab import: --export takes a capture folder or a PID");
            return 2;
        }
        Long pid = source.pid;
        if (pid == null && source.source.matches("[0-9]{1,18}")) pid = Long.parseLong(source.source);
        if (pid == null) {
            Path dir = folder(source.source);
            if (dir == null) {
                err.println("vmalab import: " + notAPath(source.source));
                return 1;
            }
            return e.export(dir, export, output, out, err);
        }
        Path tmp = null;
        try {
            tmp = java.nio.file.Files.createTempDirectory("vmalab-import-");
            Path dir = tmp.resolve(Long.toString(pid));
            Parsed<Capture> c = CaptureFiles.capture(pid, dir);
            if (c.failed()) {
                err.println(c.error());
                return 1;
            }
            return e.export(dir, export, output, out, err);
        } catch (java.io.IOException x) {
            err.println("vmalab import: cannot make a temporary folder (" + ProcFiles.reason(x) + ")");
            return 2;
        } finally {
            if (tmp != null) CaptureFiles.deleteQuietly(tmp);
        }
    }

    /** The folder an argument names; null when it cannot be a path at all (a NUL in it). */
    private static Path folder(String arg) {
        try {
            return Path.of(arg);
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    private static String notAPath(String arg) {
        return vmalab.io.Text.quote(arg) + ": not a capture folder (not a valid path)";
    }
}
