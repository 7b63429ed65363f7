package vmalab.model.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vmalab.io.ProcMaps;
import vmalab.model.Kernel;
import vmalab.model.fault.PageBackend;
import vmalab.model.mm.Mm;
import vmalab.model.op.Op;

/**
 * Which VMA index exec gives a process: the x86_64 profile is a Linux 6.x process, so the maple tree mm_mt
 * unless the line says rbtree; the i386-2.6 and empty profiles keep mm_rb unless it says maple.
 */
class ExecIndexDefaultTest {
    private static Mm exec(String profile, String index) {
        Kernel k = new Kernel(new PageBackend.None());
        Syscalls.apply(k, new Op.Exec("p", profile, index));
        return k.current().mm();
    }

    @Test
    void x86_64IsMapleUnlessToldAndTheOthersAreRedBlack() {
        assertTrue(exec("x86_64", null).index().isMaple());
        assertTrue(exec("x86_64", "maple").index().isMaple());
        assertFalse(exec("x86_64", "rbtree").index().isMaple());
        assertFalse(exec("i386-2.6", null).index().isMaple());
        assertFalse(exec("empty", null).index().isMaple());
        assertTrue(exec("empty", "maple").index().isMaple());
    }

    @Test
    void theIndexChangesNothingMapsShows() {
        // the layout is the profile's: the same VMAs in either index
        Mm maple = exec("x86_64", null);
        Mm rb = exec("x86_64", "rbtree");
        assertEquals(ProcMaps.format(rb), ProcMaps.format(maple));
        assertEquals(rb.mapCount(), maple.mapCount());
    }
}
