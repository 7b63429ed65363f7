package vmalab.model.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import vmalab.model.Kernel;
import vmalab.model.fault.PageBackend;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.model.op.Op;

/** The O(log n) gap search through rb_subtree_gap finds exactly what a linear walk over the VMAs finds. */
class GapSearchPropertyTest {
    static final long BASE = 0x10000000L;

    @Property(tries = 1500)
    void augmentedSearchEqualsLinearWalk(@ForAll @Size(max = 60) List<@IntRange(min = 0, max = 200) Integer> pages,
                                         @ForAll @IntRange(min = 1, max = 8) int lenPages,
                                         @ForAll @IntRange(min = 0, max = 100) int lowPage,
                                         @ForAll @IntRange(min = 0, max = 220) int highPage,
                                         @ForAll boolean stack) {
        Kernel k = new Kernel(new PageBackend.None());
        Syscalls.apply(k, new Op.Exec("p", "empty"));
        for (int i = 0; i < pages.size(); i++) {
            int p = pages.get(i);
            Syscalls.apply(k, new Op.Mmap(BASE + p * 4096L, 4096, (i & 1) == 0 ? 3 : 1, false, null, 0, true, false,
                stack && i == 0, false, false));
        }
        // erase some to exercise the augmented erase path
        for (int i = 0; i < pages.size(); i += 3) {
            Syscalls.apply(k, new Op.Munmap(BASE + pages.get(i) * 4096L, 4096));
        }
        Mm mm = k.current().mm();
        assertNull(mm.checkInvariants());
        long len = lenPages * 4096L;
        long low = BASE + lowPage * 4096L;
        long high = BASE + highPage * 4096L;
        assertEquals(linearTopDown(mm, len, low, high), mm.unmappedAreaTopDown(len, low, high));
        assertEquals(linearBottomUp(mm, len, low, high), mm.unmappedAreaBottomUp(len, low, high));
    }

    static long linearTopDown(Mm mm, long len, long low, long high) {
        List<Vma> v = mm.vmas();
        for (int i = v.size(); i >= 0; i--) {
            long gs = Math.max(i == 0 ? 0 : v.get(i - 1).end(), low);
            long ge = Math.min(i == v.size() ? Long.MAX_VALUE : Mm.startGap(v.get(i)), high);
            if (ge > gs && ge - gs >= len) return ge - len;
        }
        return -1;
    }

    static long linearBottomUp(Mm mm, long len, long low, long high) {
        List<Vma> v = mm.vmas();
        for (int i = 0; i <= v.size(); i++) {
            long gs = Math.max(i == 0 ? 0 : v.get(i - 1).end(), low);
            long ge = Math.min(i == v.size() ? Long.MAX_VALUE : Mm.startGap(v.get(i)), high);
            if (ge > gs && ge - gs >= len) return gs;
        }
        return -1;
    }
}
