package vmalab.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A capture folder: {@code maps} (required), and when present {@code smaps}, {@code cmdline}, {@code stat},
 * {@code status} and {@code pagemap} (a {@link PagemapDump}). {@code vmalab capture PID DIR} writes one from a
 * live process; {@code vmalab import DIR} reads it back.
 */
public final class CaptureFiles {
    public static final List<String> FILES = List.of("maps", "smaps", "cmdline", "stat", "status");

    private CaptureFiles() {
    }

    /**
     * Copies a live process's files into DIR: everything is written into a temporary folder beside DIR, then
     * renamed to DIR, so DIR either appears whole or not at all. DIR must not exist yet.
     */
    public static Parsed<Capture> capture(long pid, Path dir) {
        if (Files.exists(dir)) return Parsed.failed(dir + ": already exists (a capture goes to a new folder)");
        Path parent = dir.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) return Parsed.failed(dir + ": no such parent folder");
        Path src = LiveProcess.PROC.resolve(Long.toString(pid));
        Parsed<Capture> c = Capture.live(pid, true);
        if (c.failed()) return c;
        Path tmp = null;
        try {
            tmp = AtomicFiles.stagingFolder(dir);
            // maps and smaps as they were parsed (and found to agree), the small files as they are now
            Files.write(tmp.resolve("maps"), ProcMaps.format(c.value().maps(), 16).getBytes(StandardCharsets.UTF_8));
            Files.write(tmp.resolve("smaps"), Smaps.format(c.value().smaps(), 16).getBytes(StandardCharsets.UTF_8));
            for (String name : List.of("cmdline", "stat", "status")) {
                Parsed<byte[]> b = LiveProcess.readBytes(src.resolve(name), pid);
                if (b.failed()) return Parsed.failed(b.error());
                Files.write(tmp.resolve(name), b.value());
            }
            String dump = c.value().pages() != null ? PagemapDump.format(c.value().maps(), c.value().pages())
                : PagemapDump.unreadable(c.value().pagesNote());
            Files.writeString(tmp.resolve("pagemap"), dump, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir);
            }
            tmp = null;
            return c;
        } catch (IOException e) {
            return Parsed.failed(dir + ": cannot write (" + ProcFiles.reason(e) + ")");
        } finally {
            if (tmp != null) deleteQuietly(tmp); // a killed capture's folder goes at the next write (AtomicFiles)
        }
    }

    /** Reads a capture folder: maps is required; smaps, stat (else status), cmdline and pagemap are read when there. */
    public static Parsed<Capture> load(Path dir) {
        if (!Files.isDirectory(dir)) return Parsed.failed(dir + ": not a capture folder (no such folder)");
        Path mapsFile = dir.resolve("maps");
        Path smapsFile = dir.resolve("smaps");
        // smaps (48 MB for 65,530 VMAs) is read and parsed beside maps and the pagemap dump, its parts on
        // every core as they are read
        CompletableFuture<Parsed<List<SmapsEntry>>> smapsJob = Files.exists(smapsFile)
            ? CompletableFuture.supplyAsync(() -> readSmaps(smapsFile)) : null;
        Parsed<byte[]> mapsBytes = ProcFiles.read(mapsFile);
        if (mapsBytes.failed()) return Parsed.failed(mapsBytes.error());
        Parsed<List<MapEntry>> maps = MapsParser.parse(mapsFile.toString(), mapsBytes.value());
        if (maps.failed()) return Parsed.failed(maps.error());
        Parsed<Capture> rest = loadRest(dir, maps.value());
        if (rest.failed()) return rest;
        List<SmapsEntry> smaps = List.of();
        if (smapsJob != null) {
            Parsed<List<SmapsEntry>> s = smapsJob.join();
            if (s.failed()) return Parsed.failed(s.error());
            smaps = s.value();
        }
        Capture c = rest.value();
        return Parsed.ok(new Capture(c.pid(), c.comm(), c.state(), c.cmdline(), c.startStack(), c.maps(), smaps,
            c.pages(), c.pagesNote()));
    }

    private static Parsed<List<SmapsEntry>> readSmaps(Path smapsFile) {
        return SmapsStream.read(smapsFile, false);
    }

    /** stat or status, cmdline and the pagemap dump, for the parsed maps; the capture's smaps left empty. */
    private static Parsed<Capture> loadRest(Path dir, List<MapEntry> mapsList) {
        Parsed<List<MapEntry>> maps = Parsed.ok(mapsList);
        List<SmapsEntry> smaps = List.of();

        int pid = 0;
        String comm = "";
        char state = '?';
        long startStack = ProcSnapshot.stackFromMaps(maps.value());
        Path statFile = dir.resolve("stat");
        if (Files.exists(statFile)) {
            Parsed<byte[]> b = ProcFiles.read(statFile);
            if (b.failed()) return Parsed.failed(b.error());
            String text = new String(b.value(), StandardCharsets.UTF_8);
            Parsed<String[]> f = LiveProcess.parseStat(statFile.toString(), text);
            if (f.failed()) return Parsed.failed(f.error());
            comm = f.value()[0];
            startStack = Long.parseUnsignedLong(f.value()[1]);
            state = f.value()[2].charAt(0);
            String pidText = text.substring(0, text.indexOf(' ') < 0 ? 0 : text.indexOf(' '));
            if (!Hex.isDecimal(pidText) || pidText.length() > 10) return Parsed.failed(statFile + ":1: bad pid");
            pid = (int) Long.parseLong(pidText);
        } else {
            Path statusFile = dir.resolve("status");
            if (Files.exists(statusFile)) {
                Parsed<byte[]> b = ProcFiles.read(statusFile);
                if (b.failed()) return Parsed.failed(b.error());
                for (String line : new String(b.value(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.startsWith("Name:")) comm = line.substring(5).trim();
                    if (line.startsWith("State:") && line.substring(6).trim().length() > 0) {
                        state = line.substring(6).trim().charAt(0);
                    }
                    if (line.startsWith("Pid:") && Hex.isDecimal(line.substring(4).trim())) {
                        pid = (int) Long.parseLong(line.substring(4).trim());
                    }
                }
            }
        }
        String cmdline = comm.isEmpty() ? "" : LiveProcess.procpsCmdline("", comm, state);
        Path cmdFile = dir.resolve("cmdline");
        if (Files.exists(cmdFile)) {
            Parsed<byte[]> b = ProcFiles.read(cmdFile);
            if (b.failed()) return Parsed.failed(b.error());
            cmdline = LiveProcess.procpsCmdline(new String(b.value(), StandardCharsets.UTF_8), comm, state);
        }

        PageStates pages = null;
        String note = "the capture has no pagemap";
        Path pmFile = dir.resolve("pagemap");
        if (Files.exists(pmFile)) {
            Parsed<byte[]> b = ProcFiles.read(pmFile);
            if (b.failed()) return Parsed.failed(b.error());
            String[] why = new String[1];
            Parsed<PageStates> p = PagemapDump.parse(pmFile.toString(), b.value(), maps.value(), why);
            if (p.failed()) return Parsed.failed(p.error());
            pages = why[0] == null ? p.value() : null;
            note = why[0];
        }
        return Parsed.ok(new Capture(pid, comm, state, cmdline, startStack, maps.value(), smaps, pages, note));
    }

    /** Deletes a folder and what it holds, as far as it can. */
    public static void deleteQuietly(Path dir) {
        try {
            AtomicFiles.deleteTree(dir);
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless: its name starts with a dot, and the next write removes it
        }
    }
}
