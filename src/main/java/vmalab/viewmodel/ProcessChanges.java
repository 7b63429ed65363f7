package vmalab.viewmodel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vmalab.model.mm.Vma;

/**
 * What changed in a real process between two reads (File ▸ Refresh, Watch): each VMA of the new read that is new,
 * grown, shrunk, split off an old one or has new permissions, with a short tag the Layout view writes beside it;
 * the ranges that were mapped and are gone; and how many pages became resident or left. Plain values.
 *
 * @param tags    by vm_start of the new read: "new", "grown +128 KiB", "split", "r--p → rw-p", "+12 pages" …
 * @param removed [start, end) of the old VMAs no new one overlaps
 * @param came    pages resident now that were not (counted per VMA)
 * @param gone    pages resident before that are not now
 */
public record ProcessChanges(Map<Long, String> tags, List<long[]> removed, long came, long gone) {
    public static final ProcessChanges NONE = new ProcessChanges(Map.of(), List.of(), 0, 0);

    public ProcessChanges {
        tags = Map.copyOf(tags);
        removed = List.copyOf(removed);
    }

    /** A VMA of one read: its range, permissions, name and how many of its pages are resident. */
    public record Read(long start, long end, String perms, String name, long resident) {
        public static Read of(Vma v, long resident) {
            return new Read(v.start(), v.end(), v.perms(), v.name() != null ? v.name()
                : v.file() != null ? v.file().path() : null, resident);
        }
    }

    public boolean isEmpty() {
        return tags.isEmpty() && removed.isEmpty() && came == 0 && gone == 0;
    }

    /** The changes from {@code before} to {@code after} (each in address order). */
    public static ProcessChanges between(List<Read> before, List<Read> after) {
        Map<Long, String> tags = new HashMap<>();
        List<long[]> removed = new ArrayList<>();
        boolean[] matched = new boolean[after.size()];
        long came = 0;
        long gone = 0;
        int j0 = 0;
        for (Read old : before) {
            while (j0 < after.size() && Long.compareUnsigned(after.get(j0).end(), old.start()) <= 0) j0++;
            List<Integer> over = new ArrayList<>();
            for (int j = j0; j < after.size() && Long.compareUnsigned(after.get(j).start(), old.end()) < 0; j++) {
                over.add(j);
            }
            if (over.isEmpty()) {
                removed.add(new long[] {old.start(), old.end()});
                gone += old.resident();
                continue;
            }
            long nowResident = 0;
            for (int j : over) {
                matched[j] = true;
                nowResident += after.get(j).resident();
            }
            if (nowResident > old.resident()) came += nowResident - old.resident();
            else gone += old.resident() - nowResident;
            if (over.size() > 1) {
                for (int j : over) tags.put(after.get(j).start(), "split");
                continue;
            }
            Read now = after.get(over.get(0));
            long d = (now.end() - now.start()) - (old.end() - old.start());
            String tag = null;
            if (now.start() != old.start() || now.end() != old.end()) {
                tag = (d >= 0 ? "grown +" : "shrunk −") + Sizes.human(Math.abs(d));
            } else if (!now.perms().equals(old.perms())) {
                tag = old.perms() + " → " + now.perms();
            } else if (now.resident() != old.resident()) {
                long p = now.resident() - old.resident();
                tag = (p > 0 ? "+" : "−") + Sizes.pages(Math.abs(p));
            }
            if (tag != null) tags.put(now.start(), tag);
        }
        for (int j = 0; j < after.size(); j++) {
            if (!matched[j]) {
                tags.put(after.get(j).start(), "new");
                came += after.get(j).resident();
            }
        }
        return new ProcessChanges(tags, removed, came, gone);
    }

    /** One line for the status bar: "2 VMAs new, 1 grown, 1 gone; +33 pages resident, −2". */
    public String summary() {
        if (isEmpty()) return "no change";
        int fresh = 0;
        int grown = 0;
        int other = 0;
        for (String t : tags.values()) {
            if (t.equals("new")) fresh++;
            else if (t.startsWith("grown") || t.startsWith("shrunk")) grown++;
            else if (!t.startsWith("+") && !t.startsWith("−")) other++;
        }
        List<String> parts = new ArrayList<>();
        if (fresh > 0) parts.add(fresh + (fresh == 1 ? " VMA new" : " VMAs new"));
        if (grown > 0) parts.add(grown + " grown or shrunk");
        if (other > 0) parts.add(other + " split or reprotected");
        if (!removed.isEmpty()) parts.add(removed.size() + " gone");
        String vmas = String.join(", ", parts);
        String pages = came == 0 && gone == 0 ? "" : "+" + came + " pages resident, −" + gone;
        return vmas.isEmpty() ? pages : pages.isEmpty() ? vmas : vmas + "; " + pages;
    }
}
