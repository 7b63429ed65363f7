package vmalab.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A running process read from /proc: maps, smaps, cmdline and start_stack (field 28 of stat). Every file
 * that cannot be read or parsed makes the whole read fail with its name and the reason.
 *
 * @param pid        the pid read
 * @param comm       the command name from stat
 * @param cmdline    the arguments joined by spaces, or {@code [comm]} when empty (a kernel thread)
 * @param startStack mm->start_stack
 * @param maps       /proc/PID/maps
 * @param smaps      /proc/PID/smaps
 */
public record LiveProcess(int pid, String comm, String cmdline, long startStack, List<MapEntry> maps,
                          List<SmapsEntry> smaps) {
    public static final Path PROC = Path.of("/proc");
    /** /proc/PID/stat's start_stack field (proc(5), counted from 1). */
    static final int STAT_START_STACK = 28;

    public LiveProcess {
        maps = List.copyOf(maps);
        smaps = List.copyOf(smaps);
    }

    public static Parsed<LiveProcess> read(long pid) {
        return read(PROC, pid);
    }

    /** Reads {@code root/PID/…}; {@code root} is /proc, or a directory holding a saved capture. */
    public static Parsed<LiveProcess> read(Path root, long pid) {
        Path dir = root.resolve(Long.toString(pid));
        Parsed<String> stat = readText(dir.resolve("stat"));
        if (stat.failed()) return Parsed.failed(stat.error());
        Parsed<String[]> statFields = parseStat(dir.resolve("stat").toString(), stat.value());
        if (statFields.failed()) return Parsed.failed(statFields.error());
        String comm = statFields.value()[0];
        String startStackText = statFields.value()[1];

        Parsed<String> cmd = readText(dir.resolve("cmdline"));
        if (cmd.failed()) return Parsed.failed(cmd.error());
        Parsed<String> mapsText = readText(dir.resolve("maps"));
        if (mapsText.failed()) return Parsed.failed(mapsText.error());
        Parsed<List<MapEntry>> maps = MapsParser.parse(dir.resolve("maps").toString(), mapsText.value());
        if (maps.failed()) return Parsed.failed(maps.error());
        Parsed<String> smapsText = readText(dir.resolve("smaps"));
        if (smapsText.failed()) return Parsed.failed(smapsText.error());
        Parsed<List<SmapsEntry>> smaps = SmapsParser.parse(dir.resolve("smaps").toString(), smapsText.value());
        if (smaps.failed()) return Parsed.failed(smaps.error());

        String cmdline = joinCmdline(cmd.value());
        if (cmdline.isEmpty()) cmdline = "[" + comm + "]";
        return Parsed.ok(new LiveProcess((int) pid, comm, cmdline, Long.parseUnsignedLong(startStackText),
            maps.value(), smaps.value()));
    }

    /** What pmap would read: the maps lines with RSS and Dirty from smaps where the two agree on a range. */
    public ProcSnapshot snapshot() {
        List<MapEntry> entries = maps.stream().map(m -> {
            for (SmapsEntry s : smaps) {
                if (s.map().start() == m.start() && s.map().end() == m.end()) {
                    return m.withPages(s.map().rssKb(), s.map().dirtyKb());
                }
            }
            return m;
        }).toList();
        return new ProcSnapshot(pid, cmdline, startStack, ProcSnapshot.addressDigitsOf(entries), entries);
    }

    /** The pagemap entries of each mapping, read from {@code /proc/PID/pagemap}. */
    public Parsed<List<VmaPages>> pagemap() {
        return PagemapReader.read(PROC.resolve(Integer.toString(pid)).resolve("pagemap"), maps);
    }

    /** The arguments of /proc/PID/cmdline (NUL-terminated) joined by spaces, as procps shows them. */
    static String joinCmdline(String raw) {
        String s = raw;
        while (s.endsWith("\0")) s = s.substring(0, s.length() - 1);
        return s.replace('\0', ' ');
    }

    /** comm (between the first '(' and the last ')') and field 28, start_stack. */
    static Parsed<String[]> parseStat(String file, String text) {
        int open = text.indexOf('(');
        int close = text.lastIndexOf(')');
        if (open < 0 || close < open) return Parsed.failed(file, 1, "no (comm) field");
        String comm = text.substring(open + 1, close);
        String[] rest = text.substring(close + 1).trim().split(" +");
        int index = STAT_START_STACK - 3;  // the fields after ')' start at field 3, state
        if (rest.length <= index) return Parsed.failed(file, 1, "only " + (rest.length + 2) + " fields");
        String v = rest[index];
        if (!Hex.isDecimal(v)) return Parsed.failed(file, 1, "bad start_stack \"" + v + "\"");
        return Parsed.ok(new String[] {comm, v});
    }

    static Parsed<String> readText(Path p) {
        try {
            return Parsed.ok(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Parsed.failed(p + ": cannot read (" + PagemapReader.reason(e) + ")");
        }
    }
}
