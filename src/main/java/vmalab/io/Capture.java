package vmalab.io;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real process as vmalab imports it, read live from /proc or loaded from a capture folder: what the model,
 * the printers and (later) the window take. {@link CaptureFiles} reads and writes the folder.
 *
 * @param pid        the pid (the capture's, or the one asked for with --as-pid)
 * @param comm       stat's or status's command name; "" when the capture has neither
 * @param state      the state letter (S, R, Z …); '?' when unknown
 * @param cmdline    the command line as procps prints it (see {@link LiveProcess#procpsCmdline})
 * @param startStack mm->start_stack, from stat, else inside the {@code [stack]} line
 * @param maps       the mappings in address order
 * @param smaps      their smaps entries, or empty when there was no smaps
 * @param pages      every page's state from pagemap, or null when pagemap was not read
 * @param pagesNote  why pagemap could not be read ("permission denied" …), or null
 */
public record Capture(int pid, String comm, char state, String cmdline, long startStack, List<MapEntry> maps,
                      List<SmapsEntry> smaps, PageStates pages, String pagesNote) {
    public Capture {
        maps = List.copyOf(maps);
        smaps = List.copyOf(smaps);
        if (pages != null && pages.states().size() != maps.size()) {
            throw new IllegalArgumentException("page states for " + pages.states().size() + " of " + maps.size()
                + " mappings");
        }
    }

    /**
     * A process read live: its /proc files, and with {@code withPages} its pagemap where it can be read (else a
     * note why not).
     */
    public static Parsed<Capture> live(long pid, boolean withPages) {
        // pagemap is read for the maps just parsed while the kernel still generates smaps on the other core (it
        // took 25 ms of the 0.33 s live import of 65,530 VMAs after both)
        Path pagemap = LiveProcess.PROC.resolve(Long.toString(pid)).resolve("pagemap");
        AtomicReference<Parsed<PageStates>> pages = new AtomicReference<>();
        Parsed<LiveProcess> p = LiveProcess.read(LiveProcess.PROC, pid,
            withPages ? maps -> pages.set(PagemapDump.read(pagemap, maps)) : maps -> { });
        if (p.failed()) return Parsed.failed(p.error());
        LiveProcess l = p.value();
        if (!withPages) return Parsed.ok(of(l, null, "pagemap not read"));
        Parsed<PageStates> pm = pages.get();
        String note = !pm.failed() ? null : l.maps().isEmpty()
            ? "no memory map (" + (l.zombie() ? "a zombie" : "a kernel thread") + " has no mm)" : reasonOf(pm.error());
        return Parsed.ok(of(l, pm.failed() ? null : pm.value(), note));
    }

    /**
     * A live process read for one pmap listing only, as procps reads it: smaps alone for {@code pmap -x}, maps
     * alone otherwise (see {@link LiveProcess#readForPmap}); no pagemap.
     */
    public static Parsed<Capture> forPmap(long pid, boolean smaps) {
        return LiveProcess.readForPmap(pid, smaps).map(l -> of(l, null, "pagemap not read"));
    }

    static Capture of(LiveProcess l, PageStates pages, String note) {
        return new Capture(l.pid(), l.comm(), l.state(), l.cmdline(), l.startStack(), l.maps(), l.smaps(), pages,
            note);
    }

    /** "permission denied" out of "FILE: cannot read (permission denied)". */
    static String reasonOf(String error) {
        int open = error.lastIndexOf('(');
        return open >= 0 && error.endsWith(")") ? error.substring(open + 1, error.length() - 1) : error;
    }

    public boolean zombie() {
        return state == 'Z';
    }

    /** What pmap reads: maps with RSS and Dirty from smaps (joined in one pass). */
    public ProcSnapshot snapshot() {
        LiveProcess l = new LiveProcess(pid, comm, state, cmdline, startStack, maps, smaps);
        return l.snapshot();
    }

    /** The smaps entry of the i-th mapping when smaps lists the same range, else null. */
    public SmapsEntry smapsOf(int i) {
        if (smaps.size() != maps.size()) return null;
        SmapsEntry s = smaps.get(i);
        MapEntry m = maps.get(i);
        return s.map().start() == m.start() && s.map().end() == m.end() ? s : null;
    }
}
