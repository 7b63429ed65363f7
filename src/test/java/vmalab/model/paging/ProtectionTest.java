package vmalab.model.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vmalab.model.paging.PhysLab.PAGE;
import static vmalab.model.paging.PhysLab.RW;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vmalab.model.event.SimEvent;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Prot;
import vmalab.model.mm.Vma;
import vmalab.model.op.Op;

/** The MMU's own check (hardwareAccess) and change_protection() after mprotect (changeProtection). */
class ProtectionTest {
    PhysLab lab;
    long addr;
    Mm mm;
    List<SimEvent> ev = new ArrayList<>();

    @BeforeEach
    void start() {
        lab = new PhysLab();
        lab.exec("p", "empty");
        addr = lab.mmapAnon(null, 2 * PAGE, RW, false);
        mm = lab.mm("p");
    }

    @Test
    void theMmuLetsAWriteThroughAWritablePteAndSetsDirty() {
        // given
        lab.touch(addr, 1, 'r');
        lab.touch(addr, 1, 'w');
        assertTrue(lab.mem().hardwareAccess(mm, addr, 'w', ev::add));

        // then: a write to a read-only or missing PTE needs the fault handler
        assertFalse(lab.mem().hardwareAccess(mm, addr + PAGE, 'r', ev::add));
        lab.touch(addr + PAGE, 1, 'r');
        assertFalse(lab.mem().hardwareAccess(mm, addr + PAGE, 'w', ev::add));
        assertTrue(lab.mem().hardwareAccess(mm, addr + PAGE, 'r', ev::add));
        assertFalse(lab.mem().hardwareAccess(mm, addr, 'x', ev::add), "NX");
    }

    @Test
    void protNoneKeepsTheFrameButTheMmuSeesNothing() {
        // given
        lab.touch(addr, 1, 'w');
        long frame = lab.pte("p", addr).frame();

        // when: mprotect(PROT_NONE), then change_protection()
        lab.run(new Op.Mprotect(addr, 2 * PAGE, Prot.NONE));
        Vma none = mm.vmaAt(addr);
        lab.mem().changeProtection(mm, none, addr, addr + 2 * PAGE, ev::add);

        // then
        Pte pte = lab.pte("p", addr);
        assertFalse(pte.present());
        assertTrue(pte.protNone() && pte.mapped());
        assertEquals(frame, pte.frame());
        assertFalse(lab.mem().isPresent(mm, addr));
        assertFalse(lab.mem().hardwareAccess(mm, addr, 'r', ev::add));
        assertEquals(1, lab.rss("p").anonPages(), "still resident");
        assertNull(lab.mem().checkInvariants(lab.k.mms()));
    }

    @Test
    void givingWriteBackMakesAnExclusiveAnonymousPageWritableAtOnce() {
        // given
        lab.touch(addr, 1, 'w');
        lab.run(new Op.Mprotect(addr, 2 * PAGE, Prot.READ));
        lab.mem().changeProtection(mm, mm.vmaAt(addr), addr, addr + 2 * PAGE, ev::add);
        assertFalse(lab.pte("p", addr).write());

        // when
        lab.run(new Op.Mprotect(addr, 2 * PAGE, RW));
        lab.mem().changeProtection(mm, mm.vmaAt(addr), addr, addr + 2 * PAGE, ev::add);

        // then
        assertTrue(lab.pte("p", addr).write());
        assertEquals(0, lab.touch(addr, 1, 'w'));
    }

    @Test
    void aSharedCowPageStaysWriteProtected() {
        // given
        lab.touch(addr, 1, 'w');
        lab.run(new Op.Fork("c"));

        // when
        lab.mem().changeProtection(mm, mm.vmaAt(addr), addr, addr + 2 * PAGE, ev::add);

        // then
        assertFalse(lab.pte("p", addr).write());
        assertTrue(lab.pte("p", addr).cow());
    }

    @Test
    void aFaultOnAStaleEntryBringsItUpToDate() {
        // given: PROT_NONE reached the PTE, but PROT_READ|PROT_WRITE did not (no change_protection() call)
        lab.touch(addr, 1, 'w');
        long frame = lab.pte("p", addr).frame();
        lab.run(new Op.Mprotect(addr, 2 * PAGE, Prot.NONE));
        lab.mem().changeProtection(mm, mm.vmaAt(addr), addr, addr + 2 * PAGE, ev::add);
        lab.run(new Op.Mprotect(addr, 2 * PAGE, RW));

        // when
        lab.touch(addr, 1, 'w');

        // then: the same frame, writable
        assertEquals(frame, lab.pte("p", addr).frame());
        assertTrue(lab.pte("p", addr).write() && lab.pte("p", addr).present());
    }
}
