package vmalab.model.mm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import vmalab.model.event.MmEvent;
import vmalab.model.event.SimEvent;

/**
 * An mm_struct: the VMAs in their index (mm_rb threaded as the sorted vm_next list, see {@link VmaIndex}), the
 * segment boundaries, and the virtual-memory counters. Changes go through {@link #link}, {@link #unlink} and
 * {@link #adjust} so the counters and the events stay in step with the index.
 */
public final class Mm {
    private final long id;
    private final Profile profile;
    private final VmaIndex index;
    long startCode, endCode, startData, endData, startBrk, brk, startStack, argStart, mmapBase;
    private long totalVm, dataVm, execVm, stackVm, lockedVm;
    private int users = 1;
    private long nextAnonVma = 1;
    /** The anon_vmas dup_mmap() gave a child's VMAs (anon_vma_fork()): their VMAs' chains are not singular. */
    private java.util.Set<Long> forkAnonVmas = new java.util.HashSet<>();

    public Mm(long id, Profile profile) {
        this(id, profile, false);
    }

    /** An mm whose VMA index is the maple tree (mm_mt, Linux 6.1+) when {@code maple}, else mm_rb. */
    public Mm(long id, Profile profile, boolean maple) {
        this.id = id;
        this.profile = profile;
        this.index = maple ? new MapleVmaIndex(id) : new RbVmaIndex(id);
        this.mmapBase = profile.mmapBase();
    }

    /** The guard gap kept free below a stack (mm/mmap.c: stack_guard_gap, 256 pages). */
    public static final long STACK_GUARD_GAP = 256L << 12;

    /** vm_start_gap(): where a VMA's start counts from when looking for free space. */
    public static long startGap(Vma v) {
        return (v.flags() & VmFlags.GROWSDOWN) != 0 ? Math.max(0, v.start() - STACK_GUARD_GAP) : v.start();
    }

    /** unmapped_area_topdown(): the highest free range of len bytes in [low, high); -1 when none. */
    public long unmappedAreaTopDown(long len, long low, long high) {
        return index.unmappedAreaTopDown(len, low, high);
    }

    /** unmapped_area(): the lowest free range of len bytes in [low, high); -1 when none. */
    public long unmappedAreaBottomUp(long len, long low, long high) {
        return index.unmappedArea(len, low, high);
    }

    public long id() { return id; }
    public Profile profile() { return profile; }
    /** The VMA index (mm_rb), to read: only this class changes it (an ArchUnit rule). */
    public VmaIndex index() { return index; }
    public int mapCount() { return index.size(); }
    public List<Vma> vmas() { return index.vmas(); }

    public long startCode() { return startCode; }
    public long endCode() { return endCode; }
    public long startData() { return startData; }
    public long endData() { return endData; }
    public long startBrk() { return startBrk; }
    public long brk() { return brk; }
    public long startStack() { return startStack; }
    public long mmapBase() { return mmapBase; }
    /** total_vm, in pages. */
    public long totalVm() { return totalVm; }
    public long dataVm() { return dataVm; }
    public long execVm() { return execVm; }
    public long stackVm() { return stackVm; }
    public long lockedVm() { return lockedVm; }
    /** mm_users: tasks sharing this mm (threads). */
    public int users() { return users; }

    public void setCode(long start, long end) { startCode = start; endCode = end; }
    public void setData(long start, long end) { startData = start; endData = end; }
    public void setStartStack(long s) { startStack = s; }
    public void setMmapBase(long b) { mmapBase = b; }
    public void setUsers(int u) { users = u; }

    /** Sets the program break; emits BrkMoved. */
    public void setBrk(long newBrk, Consumer<SimEvent> ev) {
        long old = brk;
        brk = newBrk;
        if (old != newBrk) ev.accept(new MmEvent.BrkMoved(id, old, newBrk));
    }

    public void initBrk(long start) {
        startBrk = start;
        brk = start;
    }

    /** A fresh anon_vma id, as anon_vma_prepare() allocates one. */
    public long newAnonVmaId() {
        return nextAnonVma++;
    }

    /** A fresh anon_vma for a VMA a child inherits (kernel/fork.c: dup_mmap() → anon_vma_fork()). */
    public long newForkAnonVmaId() {
        long id = nextAnonVma++;
        forkAnonVmas.add(id);
        return id;
    }

    /** Whether dup_mmap() allocated this anon_vma, linked to a parent's: see {@link AnonVmas#isForkChild}. */
    public boolean isForkAnonVma(long id) {
        return forkAnonVmas.contains(id);
    }

    /**
     * find_vma(): the first VMA with vm_end &gt; addr (mm/mmap.c, pre-maple-tree rb walk), reporting the nodes it
     * visited. Null when no VMA ends above addr.
     */
    public Vma findVma(long addr, Consumer<SimEvent> ev) {
        List<Long> visited = new ArrayList<>();
        VmaRef found = index.find(addr, visited);
        Vma v = found == null ? null : found.vma();
        ev.accept(new MmEvent.FindVma(id, addr, List.copyOf(visited), v));
        return v;
    }

    /** find_vma() without events. */
    public Vma findVma(long addr) {
        VmaRef r = index.find(addr, null);
        return r == null ? null : r.vma();
    }

    /** The handle find_vma() returns: the first VMA with vm_end &gt; addr, or null. */
    public VmaRef findVmaRef(long addr) {
        return index.find(addr, null);
    }

    /** The VMA containing addr, or null. */
    public Vma vmaAt(long addr) {
        Vma v = findVma(addr);
        return v != null && v.contains(addr) ? v : null;
    }

    /** The last VMA with vm_start &lt; addr (find_vma_prev()'s prev), or null. */
    public VmaRef findVmaPrev(long addr) {
        return index.findPrev(addr);
    }

    /** Whether any VMA intersects [start, end). */
    public boolean overlaps(long start, long end) {
        Vma v = findVma(start);
        return v != null && Long.compareUnsigned(v.start(), end) < 0;
    }

    /** vma_link(): inserts a VMA into mm_rb and the list, accounting it (vm_stat_account()). */
    public VmaRef link(Vma v, Consumer<SimEvent> ev) {
        VmaRef n = index.insert(v, ev);
        account(v, +1);
        ev.accept(new MmEvent.VmaInserted(id, v));
        return n;
    }

    /** Removes a VMA from the tree and the list (vma_rb_erase() + __vma_unlink_list()). */
    public void unlink(VmaRef node, Consumer<SimEvent> ev) {
        Vma v = node.vma();
        index.erase(node, ev);
        account(v, -1);
        ev.accept(new MmEvent.VmaRemoved(id, v));
    }

    /**
     * __split_vma(): the VMA of {@code node} becomes {@code kept}, the new VMA {@code created} (the lower part when
     * the caller splits with new_below, else the upper) is linked; returns its handle.
     */
    public VmaRef split(VmaRef node, Vma kept, Vma created, Consumer<SimEvent> ev) {
        Vma before = node.vma();
        // the old VMA shrinks first (vma->vm_end = addr, or vm_start for new_below), then the new one goes in:
        // the events say so in that order, so a view replaying them never sees two VMAs at one vm_start
        java.util.List<SimEvent> steps = new java.util.ArrayList<>();
        VmaRef n = index.split(node, kept, created, steps::add);
        changed(before, kept, ev);
        account(created, +1);
        steps.forEach(ev);
        ev.accept(new MmEvent.VmaInserted(id, created));
        return n;
    }

    /**
     * A merge (vma_merge_existing_range() / vma_merge_new_range() → commit_merge()): {@code target} grows to
     * {@code merged}; the VMAs {@code removed} go, and {@code shrunk} (may be null) gives up the part that
     * {@code merged} now covers, becoming {@code shrunkTo}. Linux 6.18 writes the maple tree once: the grown
     * VMA over its new range (vma_iter_store_overwrite()), which covers whatever the others gave up; so a maple
     * index grows the target first and the rest need no store. The rb-tree era erased and adjusted first, as
     * __vma_adjust() did, then widened the target.
     */
    public void merge(VmaRef target, Vma merged, java.util.List<VmaRef> removed, VmaRef shrunk, Vma shrunkTo,
                      Consumer<SimEvent> ev) {
        if (!index.isMaple()) {
            for (VmaRef r : removed) unlink(r, ev);
            if (shrunk != null) adjust(shrunk, shrunkTo, ev);
            adjust(target, merged, ev);
            return;
        }
        // the tree is written grown-first; the events tell the same story in both eras (the VMAs that go, the one
        // that shrinks, then the one that grows), so a view replaying them never sees two VMAs at one address
        Vma before = target.vma();
        java.util.List<SimEvent> store = new java.util.ArrayList<>();
        index.grow(target, merged, store::add);
        for (VmaRef r : removed) unlink(r, ev);
        if (shrunk != null) adjust(shrunk, shrunkTo, ev);
        store.forEach(ev);
        changed(before, merged, ev);
    }

    /** Unlinks the VMAs {@code nodes}, all inside [start, end), as munmap's one clear of the range does. */
    public void unlinkRange(java.util.List<VmaRef> nodes, long start, long end, Consumer<SimEvent> ev) {
        java.util.List<Vma> gone = new java.util.ArrayList<>(nodes.size());
        for (VmaRef r : nodes) gone.add(r.vma());
        index.eraseRange(nodes, start, end, ev);
        for (Vma v : gone) {
            account(v, -1);
            ev.accept(new MmEvent.VmaRemoved(id, v));
        }
    }

    /** Changes a VMA in place (its key may move while it keeps its place in the order), as vma_adjust() does. */
    public void adjust(VmaRef node, Vma after, Consumer<SimEvent> ev) {
        Vma before = node.vma();
        if (before.equals(after)) return;
        index.replace(node, after, ev);
        changed(before, after, ev);
    }

    /** A VMA's record changed in place: its pages leave the old counters for the new, and the change is told. */
    private void changed(Vma before, Vma after, Consumer<SimEvent> ev) {
        account(before, -1);
        account(after, +1);
        ev.accept(new MmEvent.VmaChanged(id, before, after));
    }

    /** mm/mmap.c: vm_stat_account() with is_exec_mapping(), is_stack_mapping(), is_data_mapping(). */
    private void account(Vma v, int sign) {
        long pages = sign * v.pages();
        long f = v.flags();
        totalVm += pages;
        if ((f & (VmFlags.EXEC | VmFlags.WRITE | VmFlags.GROWSDOWN)) == VmFlags.EXEC) execVm += pages;
        else if ((f & VmFlags.GROWSDOWN) != 0) stackVm += pages;
        else if ((f & (VmFlags.WRITE | VmFlags.SHARED | VmFlags.GROWSDOWN)) == VmFlags.WRITE) dataVm += pages;
        if ((f & VmFlags.LOCKED) != 0) lockedVm += pages;
    }

    /** A deep copy with another id: the index is copied, the VMA records shared (they are immutable). */
    public Mm copy(long newId) {
        Mm c = new Mm(newId, profile, index.copy(newId));
        c.startCode = startCode; c.endCode = endCode; c.startData = startData; c.endData = endData;
        c.startBrk = startBrk; c.brk = brk; c.startStack = startStack; c.argStart = argStart;
        c.mmapBase = mmapBase;
        c.totalVm = totalVm; c.dataVm = dataVm; c.execVm = execVm; c.stackVm = stackVm; c.lockedVm = lockedVm;
        c.users = users;
        c.nextAnonVma = nextAnonVma;
        c.forkAnonVmas = new java.util.HashSet<>(forkAnonVmas);
        return c;
    }

    private Mm(long id, Profile profile, VmaIndex index) {
        this.id = id;
        this.profile = profile;
        this.index = index;
    }

    /** Null when consistent: the index's invariants, no overlapping VMAs, the counters equal a recount. */
    public String checkInvariants() {
        String t = index.checkInvariants();
        if (t != null) return t;
        Vma prev = null;
        long total = 0;
        for (Vma v : index.vmas()) {
            if (prev != null && Long.compareUnsigned(prev.end(), v.start()) > 0) {
                return String.format(java.util.Locale.ROOT, "VMAs overlap: %x-%x and %x-%x", prev.start(), prev.end(), v.start(), v.end());
            }
            total += v.pages();
            prev = v;
        }
        if (total != totalVm) return "total_vm " + totalVm + " but the VMAs hold " + total + " pages";
        return null;
    }
}
