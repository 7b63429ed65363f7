package vmalab.io;

import java.util.ArrayList;
import java.util.List;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Task;
import vmalab.model.mm.Vma;

/**
 * procps-ng 4.0.x pmap: {@code pmap PID}, {@code pmap -d PID} and {@code pmap -x PID} (src/pmap.c:
 * one_proc(), mapping_name()). The widths are those of a 64-bit build ({@code %016lx}) or, for an 8-digit
 * snapshot, a 32-bit one ({@code %08lx}).
 */
public final class Pmap {
    /** Which listing: plain, {@code -d} (device format) or {@code -x} (extended: RSS and Dirty). */
    public enum Mode { DEFAULT, DEVICE, EXTENDED }

    private Pmap() {
    }

    /** The snapshot pmap would read of a model task: its maps lines, start_stack, and page counts. */
    public static ProcSnapshot snapshot(Task task, PageCounter counter) {
        Mm mm = task.mm();
        String cmdline = task.cmdline().isEmpty() ? "[" + task.comm() + "]" : task.cmdline();
        if (mm == null) return new ProcSnapshot(task.tgid(), cmdline, 0, 16, List.of());  // no maps: a kernel thread
        List<MapEntry> entries = new ArrayList<>();
        for (Vma v : mm.vmas()) {
            PageCounts c = counter.count(mm, v);
            entries.add(ProcMaps.entry(mm, v).withPages(c.rss(), c.dirty()));
        }
        if (ProcMaps.hasGateVma(mm.profile())) entries.add(ProcMaps.VSYSCALL);
        return new ProcSnapshot(task.tgid(), cmdline, mm.startStack(), mm.profile().addressDigits(), entries);
    }

    public static ProcSnapshot snapshot(Task task) {
        return snapshot(task, PageCounter.NONE);
    }

    public static String format(Task task, Mode mode) {
        return format(snapshot(task), mode);
    }

    public static String format(ProcSnapshot s, Mode mode) {
        return lines(s, mode).text();
    }

    /** The listing as lines written on demand: the header, one line a mapping, the totals (counted here, once). */
    public static TextLines lines(ProcSnapshot s, Mode mode) {
        return new Listing(s, mode);
    }

    /** one_proc()'s output: {@code head} lines before the mappings' (1, or 2 with a column header), then the totals. */
    private static final class Listing implements TextLines {
        private final ProcSnapshot s;
        private final Mode mode;
        private final java.util.List<MapEntry> entries;
        private final int head;
        private final long shared, privateWriteable, privateReadonly, rss, dirty;

        Listing(ProcSnapshot s, Mode mode) {
            this.s = s;
            this.mode = mode;
            this.entries = s.entries();
            this.head = mode == Mode.DEFAULT ? 1 : 2;
            long sh = 0, pw = 0, pr = 0, r = 0, d = 0;
            for (MapEntry e : entries) {
                long diff = e.length();
                if (e.shared()) sh += diff;
                else if (e.writable()) pw += diff;
                else pr += diff;
                r += e.rssKb();
                d += e.dirtyKb();
            }
            shared = sh;
            privateWriteable = pw;
            privateReadonly = pr;
            rss = r;
            dirty = d;
        }

        @Override
        public int count() {
            return head + entries.size() + (mode == Mode.EXTENDED ? 2 : 1);
        }

        @Override
        public void append(StringBuilder sb, int i) {
            int aw = s.addressDigits();
            if (i == 0) {
                sb.append(s.pid()).append(":   ").append(s.cmdline()).append('\n');
            } else if (i < head) {
                if (mode == Mode.EXTENDED) {
                    sb.append(left("Address", aw)).append(right("Kbytes", 7)).append(right("RSS", 7))
                        .append(right("Dirty", 7)).append(left("Mode", 5)).append("Mapping\n");
                } else {
                    sb.append(left("Address", aw)).append(right("Kbytes", 7)).append(left("Mode", 5))
                        .append(left("Offset", 16)).append(left("Device", 9)).append("Mapping\n");
                }
            } else if (i < head + entries.size()) {
                mapping(sb, entries.get(i - head), aw);
            } else {
                totals(sb, i - head - entries.size(), aw);
            }
        }

        // each line straight into the builder (no String per column): 65,530 lines of pmap -x were a third of the
        // whole command's main thread, cold
        private void mapping(StringBuilder sb, MapEntry e, int aw) {
            long diff = e.length();
            Hex.appendPadded(sb, e.start(), aw);
            sb.append(' ');
            switch (mode) {
                case DEFAULT -> {
                    right(sb, diff >>> 10, 6);
                    sb.append("K ");
                    mode(sb, e);
                    sb.append(' ');
                }
                case DEVICE -> {
                    right(sb, diff >>> 10, 7);
                    sb.append(' ');
                    mode(sb, e);
                    sb.append(' ');
                    Hex.appendPadded(sb, e.offset(), 16);
                    sb.append(' ');
                    Hex.appendPadded(sb, e.devMajor(), 3);
                    sb.append(':');
                    Hex.appendPadded(sb, e.devMinor(), 5);
                    sb.append(' ');
                }
                case EXTENDED -> {
                    right(sb, diff >>> 10, 7);
                    sb.append(' ');
                    right(sb, e.rssKb(), 7);
                    sb.append(' ');
                    right(sb, e.dirtyKb(), 7);
                    sb.append(' ');
                    mode(sb, e);
                    sb.append(' ');
                }
            }
            mappingName(sb, e, s.startStack());
            sb.append('\n');
        }

        /** The {@code k}-th line of the totals. */
        private void totals(StringBuilder sb, int k, int aw) {
            long mapped = (shared + privateWriteable + privateReadonly) >>> 10;
            switch (mode) {
                case DEFAULT -> sb.append(" total ").append(pad(Long.toString(mapped), aw)).append("K\n");
                case DEVICE -> sb.append("mapped: ").append(mapped).append("K    writeable/private: ")
                    .append(privateWriteable >>> 10).append("K    shared: ").append(shared >>> 10).append("K\n");
                case EXTENDED -> {
                    if (k == 0) {
                        sb.append(left("-".repeat(aw), aw)).append("------- ------- ------- \n");
                    } else {
                        sb.append(left("total kB", aw)).append(pad(Long.toString(mapped), 7)).append(' ')
                            .append(pad(Long.toString(rss), 7)).append(' ').append(pad(Long.toString(dirty), 7))
                            .append('\n');
                    }
                }
            }
        }
    }

    /**
     * mapping_name(): a SysV segment's shmid; else the text after the last '/' (the base name, or "/" for a
     * path ending in one); else "  [ stack ]" for the mapping holding start_stack (both ends included),
     * "  [ anon ]" for the rest, [heap], [vdso] and the like among them.
     */
    public static String mappingName(MapEntry e, long startStack) {
        StringBuilder sb = new StringBuilder();
        mappingName(sb, e, startStack);
        return sb.toString();
    }

    private static void mappingName(StringBuilder sb, MapEntry e, long startStack) {
        String n = e.name() == null ? "" : e.name();
        if (e.devMajor() == 0 && n.startsWith("/SYSV")) {
            sb.append("  [ shmid=0x").append(Long.toHexString(e.inode())).append(" ]");
            return;
        }
        int slash = n.lastIndexOf('/');
        if (slash >= 0) {
            sb.append(n, slash + 1 < n.length() ? slash + 1 : slash, n.length());
        } else if (Long.compareUnsigned(startStack, e.start()) >= 0 && Long.compareUnsigned(startStack, e.end()) <= 0) {
            sb.append("  [ stack ]");
        } else {
            sb.append("  [ anon ]");
        }
    }

    /** The five-character mode: maps' perms with {@code p} shown as {@code -}, and a fifth '-' (no 'R'). */
    static String mode(MapEntry e) {
        StringBuilder sb = new StringBuilder(5);
        mode(sb, e);
        return sb.toString();
    }

    private static void mode(StringBuilder sb, MapEntry e) {
        String p = e.perms();
        sb.append(p, 0, 3).append(p.charAt(3) == 'p' ? '-' : p.charAt(3)).append('-');
    }

    /** {@code value} (unsigned) in decimal, right-justified in {@code width} columns (as pad, without the String). */
    private static void right(StringBuilder sb, long value, int width) {
        if (value < 0) {
            sb.append(pad(Long.toUnsignedString(value), width));
            return;
        }
        int len = 1;
        for (long v = value; v >= 10; v /= 10) len++;
        for (int i = len; i < width; i++) sb.append(' ');
        sb.append(value);
    }

    /** justify_print(str, width, 0): left-justified in width columns, then a space. */
    private static String left(String s, int width) {
        StringBuilder sb = new StringBuilder(s);
        while (sb.length() < width) sb.append(' ');
        return sb.append(' ').toString();
    }

    /** justify_print(str, width, 1): right-justified in width columns, then a space. */
    private static String right(String s, int width) {
        return pad(s, width) + ' ';
    }

    private static String pad(String s, int width) {
        if (s.length() >= width) return s;
        return " ".repeat(width - s.length()) + s;
    }
}
