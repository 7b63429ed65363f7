package vmalab.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A made-up process written as a capture folder's text (maps, smaps, the pagemap dump) and read back through
 * the same parsers as a real one, all in memory: the app's import warm-up ({@code vmalab.app.ImportWarmup}) runs
 * it so that the parse loops are compiled before a student's first real import. The process looks like
 * tools/many-vmas: a program, its heap, {@code vmas} one-page anonymous mappings alternating {@code rw-p}
 * present and {@code ---p} absent (neighbours differ, so mm/vma.c: vma_merge() would not join them), the
 * dynamic loader, the stack, [vvar], [vdso] and [vsyscall].
 */
public final class WarmupCapture {
    /** Where the block of one-page mappings starts. */
    static final long BLOCK = 0x7f00_0000_0000L;
    private static final String PROGRAM = "/usr/bin/vmalab-warmup";
    private static final String LOADER = "/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2";

    private WarmupCapture() {
    }

    /** The capture of a process of about {@code vmas} mappings, read back from its text. */
    public static Capture read(int vmas) {
        List<MapEntry> maps = new ArrayList<>();
        List<byte[]> pages = new ArrayList<>();
        long code = 0x5555_5555_4000L;
        add(maps, pages, new MapEntry(code, code + 0x1000, "r--p", 0, 8, 1, 1234, PROGRAM), PageStates.PRESENT);
        add(maps, pages, new MapEntry(code + 0x1000, code + 0x2000, "r-xp", 0x1000, 8, 1, 1234, PROGRAM),
            PageStates.PRESENT);
        add(maps, pages, new MapEntry(code + 0x2000, code + 0x3000, "rw-p", 0x2000, 8, 1, 1234, PROGRAM),
            PageStates.PRESENT);
        add(maps, pages, new MapEntry(code + 0x10000, code + 0x31000, "rw-p", 0, 0, 0, 0, "[heap]"), PageStates.ZERO);
        for (int k = 0; k < vmas; k++) {
            long s = BLOCK + (long) k * 4096;
            boolean rw = k % 2 == 0;
            add(maps, pages, new MapEntry(s, s + 4096, rw ? "rw-p" : "---p", 0, 0, 0, 0, null),
                rw ? PageStates.PRESENT : PageStates.NONE);
        }
        // in address order, as the kernel prints them
        add(maps, pages, new MapEntry(0x7fff_f7fb_8000L, 0x7fff_f7fb_c000L, "r--p", 0, 0, 0, 0, "[vvar]"),
            PageStates.NONE);
        add(maps, pages, new MapEntry(0x7fff_f7fb_c000L, 0x7fff_f7fb_e000L, "r-xp", 0, 0, 0, 0, "[vdso]"),
            PageStates.PRESENT);
        long ld = 0x7fff_f7fc_0000L;
        add(maps, pages, new MapEntry(ld, ld + 0x1000, "r--p", 0, 8, 1, 4321, LOADER), PageStates.PRESENT);
        add(maps, pages, new MapEntry(ld + 0x1000, ld + 0x2000, "r-xp", 0x1000, 8, 1, 4321, LOADER),
            PageStates.PRESENT);
        add(maps, pages, new MapEntry(ld + 0x2000, ld + 0x4000, "rw-p", 0x2000, 8, 1, 4321, LOADER),
            PageStates.PRESENT);
        long stack = 0x7fff_fffd_e000L;
        add(maps, pages, new MapEntry(stack, stack + 0x21000, "rw-p", 0, 0, 0, 0, "[stack]"), PageStates.NONE);
        add(maps, pages, ProcMaps.VSYSCALL, PageStates.NONE);

        byte[] mapsText = ProcMaps.format(maps, 16).getBytes(StandardCharsets.UTF_8);
        byte[] smapsText = Smaps.format(smaps(maps, pages), 16).getBytes(StandardCharsets.UTF_8);
        byte[] dump = PagemapDump.format(maps, new PageStates(pages)).getBytes(StandardCharsets.UTF_8);

        // read back as CaptureFiles.load reads a folder: maps, smaps through the stream, the pagemap dump
        List<MapEntry> parsed = MapsParser.parse("warm-up/maps", mapsText).orElseThrow();
        SmapsStream stream = new SmapsStream(false);
        for (int at = 0, chunk = 64 << 10; at < smapsText.length; at += chunk, chunk = Math.min(chunk * 2, 1 << 20)) {
            int n = Math.min(chunk, smapsText.length - at);
            byte[] b = new byte[n];
            System.arraycopy(smapsText, at, b, 0, n);
            stream.accept(b, n);
        }
        List<SmapsEntry> smaps = stream.finish("warm-up/smaps").orElseThrow();
        PageStates states = PagemapDump.parse("warm-up/pagemap", dump, parsed, new String[1]).orElseThrow();
        return new Capture(4242, "vmalab-warmup", 'S', PROGRAM, stack + 0x20000, parsed, smaps, states, null);
    }

    private static void add(List<MapEntry> maps, List<byte[]> pages, MapEntry m, byte state) {
        byte[] s = new byte[(int) PagemapReader.pages(m)];
        java.util.Arrays.fill(s, state);
        maps.add(m);
        pages.add(s);
    }

    /** smaps entries as the kernel would print them for these pages (4 kB each, private). */
    private static List<SmapsEntry> smaps(List<MapEntry> maps, List<byte[]> pages) {
        List<SmapsEntry> out = new ArrayList<>(maps.size());
        for (int i = 0; i < maps.size(); i++) {
            MapEntry m = maps.get(i);
            long kb = 0;
            for (byte b : pages.get(i)) if (PageStates.inMemory(b)) kb += 4;
            boolean anon = m.inode() == 0;
            boolean dirty = anon || m.writable();
            PageCounts c = new PageCounts(kb, kb, dirty ? kb : 0, 0, 0, dirty ? 0 : kb, dirty ? kb : 0, kb,
                anon ? kb : 0, 0, 0, 0, 0);
            String flags = (m.readable() ? "rd " : "") + (m.writable() ? "wr " : "") + (m.executable() ? "ex " : "")
                + "mr mw me" + (m.writable() ? " ac" : "");
            out.add(new SmapsEntry(m, Smaps.modernFields(m, c), m == ProcMaps.VSYSCALL ? Smaps.VSYSCALL_FLAGS : flags));
        }
        return out;
    }
}
