package vmalab.io;

import java.util.ArrayList;
import java.util.List;

/**
 * What changed between two captures of one process: VMAs added, removed, grown, shrunk or split, and pages
 * newly present or gone, as text, one change a line, in address order.
 */
public final class CaptureDiff {
    private CaptureDiff() {
    }

    /** The changes from {@code before} to {@code after}; "no change" when there is none. */
    public static String diff(Capture before, Capture after) {
        List<String> out = new ArrayList<>();
        List<MapEntry> a = before.maps();
        List<MapEntry> b = after.maps();
        int j0 = 0;
        boolean[] matched = new boolean[b.size()];
        for (int i = 0; i < a.size(); i++) {
            MapEntry old = a.get(i);
            while (j0 < b.size() && Long.compareUnsigned(b.get(j0).end(), old.start()) <= 0) j0++;
            List<Integer> over = new ArrayList<>();
            for (int j = j0; j < b.size() && Long.compareUnsigned(b.get(j).start(), old.end()) < 0; j++) over.add(j);
            if (over.isEmpty()) {
                out.add("removed " + range(old) + " " + label(old));
                continue;
            }
            for (int j : over) matched[j] = true;
            if (over.size() == 1) {
                MapEntry now = b.get(over.get(0));
                if (now.start() != old.start() || now.end() != old.end()) {
                    boolean bigger = Long.compareUnsigned(now.length(), old.length()) > 0;
                    out.add((bigger ? "grown " : "shrunk ") + range(old) + " to " + range(now) + " "
                        + signedKb(now.length() - old.length()) + " " + label(now));
                } else if (!now.perms().equals(old.perms())) {
                    out.add("protection " + range(now) + " " + old.perms() + " to " + now.perms() + " " + label(now));
                }
                pages(out, before, i, after, over.get(0));
            } else {
                StringBuilder parts = new StringBuilder();
                for (int j : over) parts.append(' ').append(range(b.get(j))).append(' ').append(b.get(j).perms());
                out.add("split " + range(old) + " " + old.perms() + " into" + parts + " " + label(old));
                for (int j : over) pages(out, before, i, after, j);
            }
        }
        for (int j = 0; j < b.size(); j++) {
            if (!matched[j]) out.add("added " + range(b.get(j)) + " " + b.get(j).perms() + " " + label(b.get(j)));
        }
        out.sort((x, y) -> Long.compareUnsigned(addressOf(x), addressOf(y)));
        if (before.pages() == null || after.pages() == null) {
            out.add("pages: not compared (" + (before.pages() == null ? "the capture" : "the process")
                + " has no pagemap: " + (before.pages() == null ? before.pagesNote() : after.pagesNote()) + ")");
        }
        if (out.isEmpty()) return "no change\n";
        return String.join("\n", out) + "\n";
    }

    /** Pages of the old mapping i present then and not now (gone), or now and not then (newly present). */
    private static void pages(List<String> out, Capture before, int i, Capture after, int j) {
        if (before.pages() == null || after.pages() == null) return;
        MapEntry old = before.maps().get(i);
        MapEntry now = after.maps().get(j);
        long from = Math.max(old.start(), now.start());
        long to = Math.min(old.end(), now.end());
        long came = 0, gone = 0;
        for (long addr = from; Long.compareUnsigned(addr, to) < 0; addr += 4096) {
            boolean was = PageStates.inMemory(before.pages().state(i, (addr - old.start()) >>> 12));
            boolean is = PageStates.inMemory(after.pages().state(j, (addr - now.start()) >>> 12));
            if (is && !was) came++;
            if (was && !is) gone++;
        }
        if (came == 0 && gone == 0) return;
        StringBuilder sb = new StringBuilder("pages ").append(Long.toHexString(from)).append('-')
            .append(Long.toHexString(to));
        if (came > 0) sb.append(" +").append(came).append(" newly present");
        if (gone > 0) sb.append(came > 0 ? "," : "").append(" -").append(gone).append(" gone");
        out.add(sb.append(' ').append(label(now)).toString());
    }

    private static long addressOf(String line) {
        int sp = line.indexOf(' ');
        int dash = line.indexOf('-', sp);
        return Long.parseUnsignedLong(line.substring(sp + 1, dash), 16);
    }

    private static String range(MapEntry e) {
        return Long.toHexString(e.start()) + "-" + Long.toHexString(e.end());
    }

    private static String label(MapEntry e) {
        return e.name() == null ? "[anon]" : e.name();
    }

    private static String signedKb(long bytes) {
        return (bytes >= 0 ? "+" : "-") + (Math.abs(bytes) >>> 10) + "K";
    }
}
