package vmalab.model.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import vmalab.io.ProcMaps;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.fault.PageBackend;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Prot;
import vmalab.model.mm.Vma;
import vmalab.model.op.Advice;
import vmalab.model.op.Op;

/**
 * Random mmap/munmap/mprotect/madvise sequences in a 64-page window, in an mm_rb or a maple-tree process, against a reference that keeps one entry
 * per page (a TreeMap). After every operation: the tree's invariants hold, every page has the permissions
 * and fork-flag the reference says, /proc/PID/maps lists exactly the VMAs, no two neighbours that the
 * kernel would have merged stand apart after an mprotect, and a call that failed changed nothing.
 */
class VmaPropertyTest {
    static final long BASE = 0x10000000L;
    static final int PAGES = 64;

    record Page(String perms, boolean dontfork) { }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Integer> page = Arbitraries.integers().between(0, PAGES - 1);
        Arbitrary<Integer> len = Arbitraries.integers().between(1, 12);
        Arbitrary<Integer> prot = Arbitraries.of(Prot.NONE, Prot.READ, Prot.READ | Prot.WRITE,
            Prot.READ | Prot.EXEC);
        Arbitrary<Op> mmap = Combinators.combine(page, len, prot)
            .as((p, l, pr) -> new Op.Mmap(BASE + p * 4096L, l * 4096L, pr, false, null, 0, true, false, false, false,
                false));
        Arbitrary<Op> munmap = Combinators.combine(page, len).as((p, l) -> new Op.Munmap(BASE + p * 4096L, l * 4096L));
        Arbitrary<Op> mprotect = Combinators.combine(page, len, prot)
            .as((p, l, pr) -> new Op.Mprotect(BASE + p * 4096L, l * 4096L, pr));
        Arbitrary<Op> madvise = Combinators.combine(page, len, Arbitraries.of(Advice.DONTFORK, Advice.DOFORK))
            .as((p, l, a) -> new Op.Madvise(BASE + p * 4096L, l * 4096L, a));
        return Arbitraries.oneOf(mmap, munmap, mprotect, madvise).list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 2000)
    void modelMatchesAPageByPageReference(@ForAll("ops") List<Op> ops, @ForAll boolean maple) {
        Kernel k = new Kernel(new PageBackend.None());
        // the same rules for both eras of the VMA index: mm_rb and the maple tree (its invariants included)
        Syscalls.apply(k, new Op.Exec("p", "empty", maple ? "maple" : "rbtree"));
        Mm mm = k.current().mm();
        TreeMap<Long, Page> ref = new TreeMap<>();
        for (Op op : ops) {
            String mapsBefore = ProcMaps.format(mm);
            OpResult r = Syscalls.apply(k, op);
            applyToReference(ref, op, r.result());
            assertNull(mm.checkInvariants(), () -> op + ": " + mm.checkInvariants());
            if (r.result() < 0 && !(op instanceof Op.Mprotect) && !(op instanceof Op.Madvise)) {
                assertEquals(mapsBefore, ProcMaps.format(mm), op + " failed but changed the maps");
            }
            for (int p = 0; p < PAGES; p++) {
                long a = BASE + p * 4096L;
                Vma v = mm.vmaAt(a);
                Page want = ref.get(a);
                String got = v == null ? null : v.perms() + (v.has(vmalab.model.mm.VmFlags.DONTCOPY) ? "+dc" : "");
                String expected = want == null ? null : want.perms() + (want.dontfork() ? "+dc" : "");
                assertEquals(expected, got, "page " + p + " after " + op);
            }
            assertEquals(mm.mapCount() + 1, ProcMaps.format(mm).lines().count(), "one maps line per VMA + vsyscall");
            Vma prev = null;
            for (Vma v : mm.vmas()) {
                if (prev != null && prev.end() == v.start() && prev.flags() == v.flags()
                        && prev.pgoff() + prev.pages() == v.pgoff()) {
                    throw new AssertionError("after " + op + " two mergeable neighbours stand apart: " + prev + " " + v);
                }
                prev = v;
            }
        }
    }

    /** The reference semantics, per page. */
    private static void applyToReference(TreeMap<Long, Page> ref, Op op, long result) {
        if (op instanceof Op.Mmap m) {
            if (result < 0) return;
            for (long a = m.addr(); a < m.addr() + m.len(); a += 4096) {
                if (a < BASE + PAGES * 4096L) ref.put(a, new Page(Prot.rwx(m.prot()) + "p", false));
            }
        } else if (op instanceof Op.Munmap m) {
            if (result < 0) return;
            ref.subMap(m.addr(), m.addr() + m.len()).clear();
        } else if (op instanceof Op.Mprotect m) {
            // the kernel walks in order: it changes pages until the first hole (then returns -ENOMEM)
            if (!ref.containsKey(m.addr())) return;
            for (long a = m.addr(); a < m.addr() + m.len(); a += 4096) {
                Page p = ref.get(a);
                if (p == null) break;
                ref.put(a, new Page(Prot.rwx(m.prot()) + "p", p.dontfork()));
            }
        } else if (op instanceof Op.Madvise m) {
            // madvise advises every mapped page of the range, holes or not
            boolean any = ref.ceilingKey(m.addr()) != null || ref.floorKey(m.addr()) != null;
            if (!any) return;
            List<Long> keys = new ArrayList<>(ref.subMap(m.addr(), m.addr() + m.len()).keySet());
            for (long a : keys) {
                ref.put(a, new Page(ref.get(a).perms(), m.advice() == Advice.DONTFORK));
            }
        }
    }
}
