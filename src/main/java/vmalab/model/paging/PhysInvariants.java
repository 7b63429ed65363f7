package vmalab.model.paging;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import vmalab.model.mm.Mm;

/** The physical side's consistency rules, recounted from scratch (what CONFIG_DEBUG_VM checks piecemeal). */
final class PhysInvariants {
    private PhysInvariants() {
    }

    static String check(MemoryState m, Collection<Mm> live) {
        String b = m.buddy.checkInvariants();
        if (b != null) return "buddy: " + b;
        Frames fr = m.frames;
        int frames = fr.length();
        long used = 0;
        for (int pfn = 0; pfn < frames; pfn++) {
            boolean free = m.buddy.isFree(pfn);
            if (free != !fr.inUse(pfn)) {
                return "frame " + pfn + (free ? " is free in the buddy allocator but owned by " + fr.kind(pfn)
                    : " is in use but has no owner");
            }
            if (!free) used++;
        }
        if (used + m.buddy.nrFree() != frames) return "free + used frames = " + (used + m.buddy.nrFree());
        Set<Long> ids = new HashSet<>();
        for (Mm mm : live) {
            ids.add(mm.id());
            if (!m.mms.containsKey(mm.id())) return "mm " + mm.id() + " has no page tables";
        }
        if (!ids.containsAll(m.mms.keySet())) return "page tables of an mm that is gone: " + m.mms.keySet();
        Map<Long, Integer> maps = new HashMap<>();
        Set<Long> tableFrames = new HashSet<>();
        for (MmState st : m.mms.values()) {
            long[] rss = new long[3];
            for (PageTable t : st.tables.all()) {
                if (fr.kind(t.pfn) != FrameKind.PAGE_TABLE || fr.tableMm(t.pfn) != st.id || fr.level(t.pfn) != t.level) {
                    return "table frame " + t.pfn + " of mm " + st.id + " is not owned by it";
                }
                if (!tableFrames.add(t.pfn)) return "table frame " + t.pfn + " used twice";
                int n = 0;
                for (int i = 0; i < t.entries.length; i++) {
                    if (t.entries[i] != 0) n++;
                    if (t.children != null && (t.children[i] == null) != (t.entries[i] == 0)) {
                        return "table " + t.pfn + " entry " + i + " does not match its child";
                    }
                }
                if (n != t.used) return "table " + t.pfn + " counts " + t.used + " entries but holds " + n;
            }
            String[] err = {null};
            st.tables.forEachPte(0, Long.MAX_VALUE, (leaf, i, addr, raw) -> {
                if (err[0] != null || !MemoryState.normal(raw)) return;
                long pfn = Pte.pfn(raw);
                FrameKind k = fr.kind(pfn);
                if (!fr.inUse(pfn) || k == FrameKind.PAGE_TABLE || k == FrameKind.ALLOC_PAGES) {
                    err[0] = String.format(java.util.Locale.ROOT, "mm %d maps %x to frame %d owned by %s", st.id, addr, pfn,
                        !fr.inUse(pfn) ? "nobody" : k);
                    return;
                }
                if (!fr.hasMapping(pfn, st.id, addr)) {
                    err[0] = String.format(java.util.Locale.ROOT, "frame %d lacks the mapping of mm %d at %x", pfn, st.id, addr);
                    return;
                }
                rss[m.counter(pfn)]++;
                maps.merge(pfn, 1, Integer::sum);
            });
            if (err[0] != null) return err[0];
            for (int c = 0; c < 3; c++) {
                if (rss[c] != st.rss[c]) {
                    return "mm " + st.id + ": RSS " + st.rss() + " but its PTEs count " + new Rss(rss[0], rss[1], rss[2]);
                }
            }
        }
        int flagged = 0;
        for (int pfn = 0; pfn < frames; pfn++) if (fr.onInactive(pfn)) flagged++;
        if (flagged != fr.inactiveSize() || fr.inactive(Integer.MAX_VALUE).size() != flagged) {
            return "inactive list: " + fr.inactiveSize() + " counted, " + flagged + " marked, "
                + fr.inactive(Integer.MAX_VALUE).size() + " linked";
        }
        for (int pfn = 0; pfn < frames; pfn++) {
            if (!fr.inUse(pfn)) continue;
            int ptes = maps.getOrDefault((long) pfn, 0);
            int mapcount = fr.mapcount(pfn);
            if (mapcount != ptes) return "frame " + pfn + " has mapcount " + mapcount + " but " + ptes + " PTEs";
            if (fr.mappings(pfn).size() != ptes) {
                return "frame " + pfn + " has " + fr.mappings(pfn).size() + " reverse-map entries but " + ptes + " PTEs";
            }
            int own = switch (fr.kind(pfn)) {
                case ANON -> 0;
                case FILE, SHMEM -> m.cache.lookup(fr.file(pfn), fr.index(pfn)) == pfn ? 1 : 0;
                case ALLOC_PAGES -> m.blocks.containsKey((long) pfn) ? 1 : 0;
                default -> 1;
            };
            if (fr.refcount(pfn) != ptes + own) {
                return "frame " + pfn + " (" + fr.kind(pfn) + ") has refcount " + fr.refcount(pfn) + ", expected "
                    + (ptes + own);
            }
            if (fr.kind(pfn) == FrameKind.ANON && ptes == 0) return "anonymous frame " + pfn + " is mapped by nobody";
            if (fr.inPageCache(pfn) && own == 0) return "page-cache frame " + pfn + " is not in the page cache";
            boolean reclaimable = fr.kind(pfn) == FrameKind.FILE && ptes == 0;
            if (reclaimable != fr.onInactive(pfn)) {
                return "frame " + pfn + (reclaimable ? " is reclaimable but not" : " is not reclaimable but")
                    + " on the inactive list";
            }
        }
        return null;
    }
}
