package vmalab.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vmalab.io.LiveProcess;
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
 * {@code vmalab import}: a real process's /proc/PID/maps or smaps, from a capture file or read live, printed as
 * Linux and procps print them.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import a real process (a /proc/PID/maps capture, or a live pid) and print it as maps or pmap.")
public final class ImportCommand implements Callable<Integer> {
    static final class Source {
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

    @Option(names = "--cmdline", defaultValue = "", description = "the command line pmap prints in its header")
    String cmdline;

    @Option(names = "--as-pid", defaultValue = "0", description = "the pid pmap prints in its header")
    int asPid;

    @Override
    public Integer call() {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        if (!List.of("maps", "pmap", "pmap-d", "pmap-x").contains(show)) {
            err.println("vmalab import: unknown format \"" + show + "\" (maps, pmap, pmap-d, pmap-x)");
            return 2;
        }
        ProcSnapshot snap;
        if (source.smaps != null) {
            byte[] text = read(source.smaps, err);
            if (text == null) return 1;
            Parsed<List<SmapsEntry>> p = SmapsParser.parse(source.smaps.toString(), text);
            if (p.error() != null) {
                err.println(p.error());
                return 1;
            }
            snap = ProcSnapshot.of(asPid, cmdline, p.value().stream().map(SmapsEntry::map).toList());
        } else if (source.maps != null) {
            byte[] text = read(source.maps, err);
            if (text == null) return 1;
            Parsed<List<MapEntry>> p = MapsParser.parse(source.maps.toString(), text);
            if (p.error() != null) {
                err.println(p.error());
                return 1;
            }
            snap = ProcSnapshot.of(asPid, cmdline, p.value());
        } else {
            Parsed<LiveProcess> p = LiveProcess.read(source.pid);
            if (p.error() != null) {
                err.println(p.error());
                return 1;
            }
            snap = p.value().snapshot();
        }
        switch (show) {
            case "maps" -> out.print(ProcMaps.format(snap.entries(), snap.addressDigits()));
            case "pmap" -> out.print(Pmap.format(snap, Pmap.Mode.DEFAULT));
            case "pmap-d" -> out.print(Pmap.format(snap, Pmap.Mode.DEVICE));
            default -> out.print(Pmap.format(snap, Pmap.Mode.EXTENDED));
        }
        out.flush();
        return 0;
    }

    /** The file's bytes, or null after saying why it could not be read (refused unread when not a file). */
    static byte[] read(Path file, PrintWriter err) {
        Parsed<byte[]> r = ProcFiles.read(file);
        if (r.failed()) err.println(r.error());
        return r.value();
    }
}
