package vmalab.viewmodel.fold;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vmalab.model.event.SimEvent;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.model.paging.PagingEvent;
import vmalab.model.paging.PhysicalMemory;
import vmalab.model.paging.Pte;
import vmalab.model.paging.WalkStep;

/**
 * The page tables of one mm as they were when the event cursor stood at {@code cursor}: the live state, except
 * entries a later event of the operation changed (they show the "before" value that event recorded) and
 * tables a later event allocated (not there yet). Reads recorded values only; computes nothing backwards.
 */
public final class PtesAtCursor {
    private final PhysicalMemory pm;
    private final Mm mm;
    private final Map<Long, Pte> earlier = new HashMap<>();
    private final Set<Long> laterTables = new HashSet<>();
    private long changing = -1;
    private PagingEvent.Walk walk;

    private PtesAtCursor(PhysicalMemory pm, Mm mm) {
        this.pm = pm;
        this.mm = mm;
    }

    public static PtesAtCursor of(PhysicalMemory pm, Mm mm, List<SimEvent> events, int cursor) {
        PtesAtCursor p = new PtesAtCursor(pm, mm);
        if (mm == null) return p;
        long id = mm.id();
        for (int i = 0; i < events.size(); i++) {
            SimEvent e = events.get(i);
            boolean later = i >= cursor;
            if (e instanceof PagingEvent.PteSet s && s.mmId() == id) {
                if (later) p.earlier.putIfAbsent(s.addr(), s.before());
                if (i == cursor - 1) p.changing = s.addr();
            } else if (e instanceof PagingEvent.PteCleared c && c.mmId() == id) {
                if (later) p.earlier.putIfAbsent(c.addr(), c.before());
                if (i == cursor - 1) p.changing = c.addr();
            } else if (e instanceof PagingEvent.TableAllocated t && t.mmId() == id && later) {
                p.laterTables.add(t.pfn());
            } else if (e instanceof PagingEvent.Walk w && w.mmId() == id && !later) {
                p.walk = w;
            }
        }
        return p;
    }

    /** The PTE of the page at {@code addr}. */
    public Pte pte(long addr) {
        Pte e = earlier.get(addr);
        if (e != null) return e;
        return pm == null || mm == null ? Pte.NONE : pm.pte(mm, addr);
    }

    /** The page whose PTE the event at the cursor changed, or -1. */
    public long changing() {
        return changing;
    }

    /** The address of the operation's last page walk up to the cursor (a fault's), or -1. */
    public long lastWalkAddr() {
        return walk == null ? -1 : walk.addr();
    }

    /** Pages of {@code vma} whose PTE is present at the cursor. */
    public long presentIn(Vma vma) {
        if (pm == null || mm == null || vma == null) return 0;
        long n = pm.pages(mm, vma).stream().filter(p -> p.pte().present()).count();
        for (Map.Entry<Long, Pte> e : earlier.entrySet()) {
            long addr = e.getKey();
            if (!vma.contains(addr)) continue;
            boolean live = pm.pte(mm, addr).present();
            if (live != e.getValue().present()) n += live ? -1 : 1;
        }
        return n;
    }

    /** Pages whose PTE a later event of the operation changes, with their value at the cursor. */
    public Map<Long, Pte> changedLater() {
        return java.util.Collections.unmodifiableMap(earlier);
    }

    /** The walk of addr: each level's table, index and entry, stopping at the first table not there yet. */
    public List<WalkStep> walk(long addr) {
        List<WalkStep> out = new ArrayList<>();
        if (pm == null || mm == null) return out;
        List<WalkStep> live = pm.walk(mm, addr);
        for (int i = 0; i < live.size(); i++) {
            WalkStep s = live.get(i);
            if (s.tablePfn() >= 0 && laterTables.contains(s.tablePfn())) {
                if (i > 0) {
                    WalkStep up = out.remove(i - 1);
                    out.add(new WalkStep(up.level(), up.tablePfn(), up.index(), Pte.NONE));
                }
                out.add(new WalkStep(s.level(), -1, s.index(), Pte.NONE));
                return out;
            }
            boolean leaf = i == live.size() - 1 && s.tablePfn() >= 0 && s.level().equals("PTE");
            out.add(leaf ? new WalkStep(s.level(), s.tablePfn(), s.index(), pte(addr & ~0xfffL)) : s);
        }
        return out;
    }
}
