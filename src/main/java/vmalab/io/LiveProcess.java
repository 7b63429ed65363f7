package vmalab.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A running process read from /proc: maps, smaps, cmdline, and state and start_stack from stat. Every file
 * that cannot be read or parsed makes the whole read fail with its name and the reason; so does a process
 * that changed between its maps and its smaps (read again once first), so a total is never silently wrong.
 *
 * @param pid        the pid read
 * @param comm       the command name from stat
 * @param state      stat's third field: R, S, D, Z (a zombie, with no mm), I (an idle kernel thread) …
 * @param cmdline    the arguments joined by spaces, as procps shows them: {@code [comm]} when empty (a kernel
 *                   thread), {@code [comm] <defunct>} for a zombie
 * @param startStack mm->start_stack
 * @param maps       /proc/PID/maps
 * @param smaps      /proc/PID/smaps, the same VMAs
 */
public record LiveProcess(int pid, String comm, char state, String cmdline, long startStack, List<MapEntry> maps,
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

    /**
     * Reads a live process the way procps pmap does (strace shows it): {@code pmap -x} opens only smaps (its
     * mapping lines are the maps lines), plain pmap and {@code pmap -d} only maps; so the kernel generates one
     * file, not two. With {@code smaps}, keeps only what pmap prints of it. A user process whose file came back
     * empty is looked at again: gone or a zombie now, it exited while it was read.
     */
    public static Parsed<LiveProcess> readForPmap(long pid, boolean smaps) {
        Path dir = PROC.resolve(Long.toString(pid));
        if (!Files.isDirectory(dir)) {
            return Parsed.failed("process " + pid + ": no such process (" + dir + " does not exist)");
        }
        Parsed<String[]> stat = stat(dir, pid);
        if (stat.failed()) return Parsed.failed(stat.error());
        Parsed<String> cmd = readText(dir.resolve("cmdline"), pid);
        if (cmd.failed()) return Parsed.failed(cmd.error());
        String file = smaps ? "smaps" : "maps";
        List<MapEntry> maps;
        List<SmapsEntry> entries = List.of();
        if (smaps) {
            Parsed<List<SmapsEntry>> p = readSmaps(dir.resolve(file), pid, true);
            if (p.failed()) return Parsed.failed(p.error());
            entries = p.value();
            maps = entries.stream().map(e -> e.map().withPages(0, 0)).toList();
        } else {
            Parsed<byte[]> bytes = readBytes(dir.resolve(file), pid);
            if (bytes.failed()) return Parsed.failed(bytes.error());
            Parsed<List<MapEntry>> p = MapsParser.parse(dir.resolve(file).toString(), bytes.value());
            if (p.failed()) return Parsed.failed(p.error());
            maps = p.value();
        }
        char state = stat.value()[2].charAt(0);
        if (maps.isEmpty() && state != 'Z' && !cmd.value().isEmpty()) {
            Parsed<String[]> now = stat(dir, pid);
            if (now.failed() || now.value()[2].charAt(0) == 'Z') {
                return Parsed.failed("process " + pid + " exited while it was read (" + dir.resolve(file)
                    + " came back empty): nothing imported");
            }
        }
        String comm = stat.value()[0];
        return Parsed.ok(new LiveProcess((int) pid, comm, state, procpsCmdline(cmd.value(), comm, state),
            Long.parseUnsignedLong(stat.value()[1]), maps, entries));
    }

    private static Parsed<String[]> stat(Path dir, long pid) {
        Parsed<String> stat = readText(dir.resolve("stat"), pid);
        if (stat.failed()) return Parsed.failed(stat.error());
        return parseStat(dir.resolve("stat").toString(), stat.value());
    }

    /** Whether the process is a zombie: exited, not yet reaped, its mm already gone (exit_mm()). */
    public boolean zombie() {
        return state == 'Z';
    }

    /** Reads {@code root/PID/…}; {@code root} is /proc, or a directory holding a saved capture. */
    public static Parsed<LiveProcess> read(Path root, long pid) {
        return read(root, pid, maps -> { });
    }

    /**
     * The same, and {@code withMaps} is given the parsed maps on this thread while the kernel is still
     * generating smaps on another (a read of pagemap for those mappings, say); when the two files disagree and
     * are read again, it is given the second maps too.
     */
    public static Parsed<LiveProcess> read(Path root, long pid, Consumer<List<MapEntry>> withMaps) {
        Path dir = root.resolve(Long.toString(pid));
        if (!Files.isDirectory(dir)) {
            return Parsed.failed("process " + pid + ": no such process (" + dir + " does not exist)");
        }
        Parsed<LiveProcess> first = readOnce(dir, pid, withMaps);
        if (first.failed() || consistent(first.value())) return first;
        // the process mapped or unmapped between the two files: read both again once
        Parsed<LiveProcess> again = readOnce(dir, pid, withMaps);
        if (again.failed() || consistent(again.value())) return again;
        LiveProcess p = again.value();
        return Parsed.failed("process " + pid + " changed while it was read (" + dir.resolve("maps") + " has "
            + p.maps().size() + " mappings, " + dir.resolve("smaps") + " " + p.smaps().size()
            + ", twice): nothing imported");
    }

    private static Parsed<LiveProcess> readOnce(Path dir, long pid, Consumer<List<MapEntry>> withMaps) {
        Parsed<String> stat = readText(dir.resolve("stat"), pid);
        if (stat.failed()) return Parsed.failed(stat.error());
        Parsed<String[]> statFields = parseStat(dir.resolve("stat").toString(), stat.value());
        if (statFields.failed()) return Parsed.failed(statFields.error());
        String comm = statFields.value()[0];
        String startStackText = statFields.value()[1];
        char state = statFields.value()[2].charAt(0);

        // the kernel generates smaps (a page-table walk per VMA: 0.1-0.4 s for 65,530 VMAs) on a second core
        // while this one reads and parses maps; consistent() then checks the two walks saw the same VMAs
        java.util.concurrent.CompletableFuture<Parsed<List<SmapsEntry>>> smapsJob =
            java.util.concurrent.CompletableFuture.supplyAsync(() -> readSmaps(dir.resolve("smaps"), pid, false));
        Parsed<String> cmd = readText(dir.resolve("cmdline"), pid);
        if (cmd.failed()) return Parsed.failed(cmd.error());
        Parsed<byte[]> mapsBytes = readBytes(dir.resolve("maps"), pid);
        if (mapsBytes.failed()) return Parsed.failed(mapsBytes.error());
        Parsed<List<MapEntry>> maps = MapsParser.parse(dir.resolve("maps").toString(), mapsBytes.value());
        if (maps.failed()) return Parsed.failed(maps.error());
        withMaps.accept(maps.value());
        Parsed<List<SmapsEntry>> smaps = smapsJob.join();
        if (smaps.failed()) return Parsed.failed(smaps.error());

        return Parsed.ok(new LiveProcess((int) pid, comm, state, procpsCmdline(cmd.value(), comm, state),
            Long.parseUnsignedLong(startStackText), maps.value(), smaps.value()));
    }

    /** Whether smaps lists exactly the VMAs of maps: fs/proc/task_mmu.c prints both from one VMA walk each. */
    static boolean consistent(LiveProcess p) {
        if (p.maps().size() != p.smaps().size()) return false;
        for (int i = 0; i < p.maps().size(); i++) {
            MapEntry m = p.maps().get(i);
            MapEntry s = p.smaps().get(i).map();
            if (m.start() != s.start() || m.end() != s.end()) return false;
        }
        return true;
    }

    /**
     * The command line procps prints: the arguments joined by spaces; {@code [comm]} when there are none (a
     * kernel thread, a zombie); then " <defunct>" for a zombie (library/readproc.c, escape_command()).
     */
    static String procpsCmdline(String raw, String comm, char state) {
        String s = joinCmdline(raw);
        if (s.isEmpty()) s = "[" + comm + "]";
        return state == 'Z' ? s + " <defunct>" : s;
    }

    /**
     * What pmap would read: the maps lines with RSS and Dirty from smaps where the two agree on a range. Both
     * files list the VMAs in address order (fs/proc/task_mmu.c walks the mm's VMA iterator for each), so one
     * merge pass joins them: linear, where a lookup per line was quadratic (20 s at 65,530 VMAs).
     */
    public ProcSnapshot snapshot() {
        List<MapEntry> entries = new ArrayList<>(maps.size());
        int j = 0;
        for (MapEntry m : maps) {
            while (j < smaps.size() && Long.compareUnsigned(smaps.get(j).map().start(), m.start()) < 0) j++;
            MapEntry s = j < smaps.size() ? smaps.get(j).map() : null;
            boolean same = s != null && s.start() == m.start() && s.end() == m.end();
            entries.add(same ? m.withPages(s.rssKb(), s.dirtyKb()) : m);
            if (same) j++;
        }
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

    /** comm (between the first '(' and the last ')'), field 3 state, field 28 start_stack. */
    static Parsed<String[]> parseStat(String file, String text) {
        int open = text.indexOf('(');
        int close = text.lastIndexOf(')');
        if (open < 0 || close < open) return Parsed.failed(file, 1, "no (comm) field");
        String comm = text.substring(open + 1, close);
        String[] rest = text.substring(close + 1).trim().split(" +");
        int index = STAT_START_STACK - 3;  // the fields after ')' start at field 3, state
        if (rest.length <= index) return Parsed.failed(file, 1, "only " + (rest.length + 2) + " fields");
        String v = rest[index];
        if (!Hex.isDecimal(v)) return Parsed.failed(file, 1, "bad start_stack " + Text.quote(v));
        if (rest[0].length() != 1) return Parsed.failed(file, 1, "bad state " + Text.quote(rest[0]));
        return Parsed.ok(new String[] {comm, v, rest[0]});
    }

    static Parsed<String> readText(Path p, long pid) {
        return readBytes(p, pid).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /** smaps parsed while the kernel generates it ({@link SmapsStream}); errors as {@link #readBytes} gives them. */
    static Parsed<List<SmapsEntry>> readSmaps(Path p, long pid, boolean pmapOnly) {
        Parsed<List<SmapsEntry>> r = SmapsStream.read(p, pmapOnly);
        if (r.failed() && !Files.isDirectory(p.getParent())) {
            return Parsed.failed("process " + pid + " exited while it was read (" + r.error() + ")");
        }
        return r;
    }

    /** A file of /proc/PID; one that vanished after the directory was found means the process exited. */
    static Parsed<byte[]> readBytes(Path p, long pid) {
        Parsed<byte[]> r = ProcFiles.read(p);
        if (r.failed() && !Files.isDirectory(p.getParent())) {
            return Parsed.failed("process " + pid + " exited while it was read (" + r.error() + ")");
        }
        return r;
    }
}
