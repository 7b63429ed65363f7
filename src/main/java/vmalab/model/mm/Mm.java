package vmalab.model.mm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import vmalab.model.event.MmEvent;
import vmalab.model.event.RbStepped;
import vmalab.model.event.SimEvent;
import vmalab.model.rbtree.RbNode;
import vmalab.model.rbtree.RbTree;

/**
 * An mm_struct: the VMAs in their red-black tree (mm_rb) threaded as the sorted vm_next list, the segment
 * boundaries, and the virtual-memory counters. Changes go through {@link #link}, {@link #unlink} and
 * {@link #adjust} so the counters and the events stay in step with the tree.
 */
public final class Mm {
    private final long id;
    private final Profile profile;
    private final RbTree<Vma> mmRb;
    long startCode, endCode, startData, endData, startBrk, brk, startStack, argStart, mmapBase;
    private long totalVm, dataVm, execVm, stackVm, lockedVm;
    private int users = 1;
    private long nextAnonVma = 1;

    public Mm(long id, Profile profile) {
        this.id = id;
        this.profile = profile;
        this.mmRb = new RbTree<>(Vma::start);
        this.mmRb.setAugment(Mm::gapBelow);
        this.mmapBase = profile.mmapBase();
    }

    /** The guard gap kept free below a stack (mm/mmap.c: stack_guard_gap, 256 pages). */
    public static final long STACK_GUARD_GAP = 256L << 12;

    /** vm_start_gap(): where a VMA's start counts from when looking for free space. */
    public static long startGap(Vma v) {
        return (v.flags() & VmFlags.GROWSDOWN) != 0 ? Math.max(0, v.start() - STACK_GUARD_GAP) : v.start();
    }

    /** vma_compute_gap(): the free space below a VMA, down to the end of the previous one. */
    static long gapBelow(RbNode<Vma> n) {
        long prevEnd = n.prev() == null ? 0 : n.prev().value().end();
        return Math.max(0, startGap(n.value()) - prevEnd);
    }

    private static long prevEnd(RbNode<Vma> n) {
        return n.prev() == null ? 0 : n.prev().value().end();
    }

    /**
     * unmapped_area_topdown(): the highest free range of len bytes in [low, high), found through each node's
     * rb_subtree_gap in O(log n); -1 when none.
     */
    public long unmappedAreaTopDown(long len, long low, long high) {
        RbNode<Vma> last = mmRb.last();
        long above = Math.max(last == null ? 0 : last.value().end(), low);
        if (above < high && high - above >= len) return high - len;
        return topDown(mmRb.root(), len, low, high);
    }

    private long topDown(RbNode<Vma> n, long len, long low, long high) {
        if (n == null || n.augmented() < len) return -1;
        if (n.right() != null && n.value().end() < high) {
            long r = topDown(n.right(), len, low, high);
            if (r >= 0) return r;
        }
        long gs = Math.max(prevEnd(n), low);
        long ge = Math.min(startGap(n.value()), high);
        if (ge > gs && ge - gs >= len) return ge - len;
        if (prevEnd(n) <= low) return -1;
        return topDown(n.left(), len, low, high);
    }

    /** unmapped_area(): the lowest free range of len bytes in [low, high), in O(log n); -1 when none. */
    public long unmappedAreaBottomUp(long len, long low, long high) {
        long r = bottomUp(mmRb.root(), len, low, high);
        if (r >= 0) return r;
        RbNode<Vma> last = mmRb.last();
        long gs = Math.max(last == null ? 0 : last.value().end(), low);
        return gs < high && high - gs >= len ? gs : -1;
    }

    private long bottomUp(RbNode<Vma> n, long len, long low, long high) {
        if (n == null || n.augmented() < len) return -1;
        if (n.left() != null && n.value().start() > low) {
            long r = bottomUp(n.left(), len, low, high);
            if (r >= 0) return r;
        }
        long gs = Math.max(prevEnd(n), low);
        long ge = Math.min(startGap(n.value()), high);
        if (ge > gs && ge - gs >= len) return gs;
        if (n.value().end() >= high) return -1;
        return bottomUp(n.right(), len, low, high);
    }

    public long id() { return id; }
    public Profile profile() { return profile; }
    /** mm_rb, read-only: change it through this class. */
    public RbTree<Vma> tree() { return mmRb; }
    public int mapCount() { return mmRb.size(); }
    public List<Vma> vmas() { return mmRb.values(); }

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

    /**
     * find_vma(): the first VMA with vm_end &gt; addr (mm/mmap.c, pre-maple-tree rb walk), reporting the nodes it
     * visited. Null when no VMA ends above addr.
     */
    public Vma findVma(long addr, Consumer<SimEvent> ev) {
        List<Long> visited = new ArrayList<>();
        RbNode<Vma> found = findVmaNode(addr, visited);
        Vma v = found == null ? null : found.value();
        ev.accept(new MmEvent.FindVma(id, addr, List.copyOf(visited), v));
        return v;
    }

    /** find_vma() without events. */
    public Vma findVma(long addr) {
        RbNode<Vma> n = findVmaNode(addr, null);
        return n == null ? null : n.value();
    }

    /** The tree node find_vma() returns; {@code visited} (may be null) collects each node's vm_start. */
    public RbNode<Vma> findVmaNode(long addr, List<Long> visited) {
        RbNode<Vma> node = mmRb.root();
        RbNode<Vma> result = null;
        while (node != null) {
            if (visited != null) visited.add(node.key());
            Vma v = node.value();
            if (Long.compareUnsigned(v.end(), addr) > 0) {
                result = node;
                if (Long.compareUnsigned(v.start(), addr) <= 0) break;
                node = node.left();
            } else {
                node = node.right();
            }
        }
        return result;
    }

    /** The VMA containing addr, or null. */
    public Vma vmaAt(long addr) {
        Vma v = findVma(addr);
        return v != null && v.contains(addr) ? v : null;
    }

    /** The last node with vm_start &lt; addr (find_vma_prev()'s prev), or null. */
    public RbNode<Vma> nodeBefore(long addr) {
        RbNode<Vma> node = mmRb.root();
        RbNode<Vma> best = null;
        while (node != null) {
            if (Long.compareUnsigned(node.key(), addr) < 0) {
                best = node;
                node = node.right();
            } else {
                node = node.left();
            }
        }
        return best;
    }

    /** Whether any VMA intersects [start, end). */
    public boolean overlaps(long start, long end) {
        Vma v = findVma(start);
        return v != null && Long.compareUnsigned(v.start(), end) < 0;
    }

    /** vma_link(): inserts a VMA into mm_rb and the list, accounting it (vm_stat_account()). */
    public RbNode<Vma> link(Vma v, Consumer<SimEvent> ev) {
        RbNode<Vma> n = mmRb.insert(v, s -> ev.accept(new RbStepped(id, s)));
        account(v, +1);
        ev.accept(new MmEvent.VmaInserted(id, v));
        return n;
    }

    /** Removes a VMA from the tree and the list (vma_rb_erase() + __vma_unlink_list()). */
    public void unlink(RbNode<Vma> node, Consumer<SimEvent> ev) {
        Vma v = node.value();
        mmRb.erase(node, s -> ev.accept(new RbStepped(id, s)));
        account(v, -1);
        ev.accept(new MmEvent.VmaRemoved(id, v));
    }

    /** Changes a VMA in place (its key may move while it keeps its place in the order), as vma_adjust() does. */
    public void adjust(RbNode<Vma> node, Vma after, Consumer<SimEvent> ev) {
        Vma before = node.value();
        if (before.equals(after)) return;
        mmRb.replace(node, after);
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

    /** A deep copy with another id: the tree is copied, the VMA records shared (they are immutable). */
    public Mm copy(long newId) {
        Mm c = new Mm(newId, profile, mmRb.copy());
        c.startCode = startCode; c.endCode = endCode; c.startData = startData; c.endData = endData;
        c.startBrk = startBrk; c.brk = brk; c.startStack = startStack; c.argStart = argStart;
        c.mmapBase = mmapBase;
        c.totalVm = totalVm; c.dataVm = dataVm; c.execVm = execVm; c.stackVm = stackVm; c.lockedVm = lockedVm;
        c.users = users;
        c.nextAnonVma = nextAnonVma;
        return c;
    }

    private Mm(long id, Profile profile, RbTree<Vma> tree) {
        this.id = id;
        this.profile = profile;
        this.mmRb = tree;
    }

    /** Null when consistent: the tree's invariants, no overlapping VMAs, the counters equal a recount. */
    public String checkInvariants() {
        String t = mmRb.checkInvariants();
        if (t != null) return t;
        Vma prev = null;
        long total = 0;
        for (Vma v : mmRb.values()) {
            if (prev != null && Long.compareUnsigned(prev.end(), v.start()) > 0) {
                return String.format("VMAs overlap: %x-%x and %x-%x", prev.start(), prev.end(), v.start(), v.end());
            }
            total += v.pages();
            prev = v;
        }
        if (total != totalVm) return "total_vm " + totalVm + " but the VMAs hold " + total + " pages";
        return null;
    }
}
