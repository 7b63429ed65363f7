package vmalab.model.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vmalab.model.paging.PhysLab.PAGE;
import static vmalab.model.paging.PhysLab.RW;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vmalab.model.fault.FaultEvent.Kind;
import vmalab.model.op.Advice;
import vmalab.model.paging.FrameKind;
import vmalab.model.paging.PhysLab;
import vmalab.model.paging.Pte;
import vmalab.model.paging.Rss;

/** do_anonymous_page(), the zero page, do_wp_page() on anonymous memory, MADV_DONTNEED. */
class AnonymousFaultTest {
    PhysLab lab;
    long addr;

    @BeforeEach
    void start() {
        lab = new PhysLab();
        lab.exec("p", "empty");
        addr = lab.mmapAnon(null, 4 * PAGE, RW, false);
    }

    @Test
    void aReadOfFreshAnonymousMemoryMapsTheZeroPageWithoutTakingAFrame() {
        // given
        long free = lab.mem().freeFrames();

        // when
        long faults = lab.touch(addr, 1, 'r');

        // then
        assertEquals(1, faults);
        Pte pte = lab.pte("p", addr);
        assertTrue(pte.present());
        assertTrue(pte.zero());
        assertFalse(pte.write());
        assertEquals(lab.mem().zeroPfn(), pte.frame());
        assertEquals(new Rss(0, 0, 0), lab.rss("p"));
        // only the PUD, PMD and PTE tables were taken
        assertEquals(free - 3, lab.mem().freeFrames());
        assertEquals(Kind.ZERO_PAGE, lab.events(FaultEvent.PageFault.class).get(0).kind());
        assertEquals(0, lab.vma("p", addr).anonVma(), "the zero page needs no anon_vma");
    }

    @Test
    void aSecondReadDoesNotFault() {
        // given
        lab.touch(addr, 1, 'r');

        // when
        long faults = lab.touch(addr, 1, 'r');

        // then
        assertEquals(0, faults);
    }

    @Test
    void aWriteAfterTheZeroPageCopiesItIntoAFrameOfItsOwn() {
        // given
        lab.touch(addr, 1, 'r');

        // when
        long faults = lab.touch(addr, 1, 'w');

        // then
        assertEquals(1, faults);
        Pte pte = lab.pte("p", addr);
        assertTrue(pte.write() && pte.dirty() && !pte.zero());
        assertEquals(FrameKind.ANON, lab.mem().frameKind(pte.frame()));
        assertEquals(4, lab.rss("p").kb());
        assertEquals(Kind.WP_COPY, lab.events(FaultEvent.PageFault.class).get(0).kind());
    }

    @Test
    void aFirstWriteTakesAZeroedFrameAndGivesTheVmaAnAnonVma() {
        // when
        long faults = lab.touch(addr, 1, 'w');

        // then
        assertEquals(1, faults);
        Pte pte = lab.pte("p", addr);
        assertTrue(pte.present() && pte.write() && pte.dirty() && pte.accessed() && pte.user() && pte.nx());
        assertEquals(new Rss(0, 1, 0), lab.rss("p"));
        assertNotEquals(0, lab.vma("p", addr).anonVma());
        assertEquals(Kind.ANON_PAGE, lab.events(FaultEvent.PageFault.class).get(0).kind());
        assertEquals(1, lab.mem().refcount(pte.frame()));
        assertEquals(1, lab.mem().mapcount(pte.frame()));
    }

    @Test
    void aWriteToAWritablePresentPageIsNoFault() {
        // given
        lab.touch(addr, 1, 'w');

        // when
        long faults = lab.touch(addr, 1, 'w');

        // then
        assertEquals(0, faults);
    }

    @Test
    void eachPageFaultsOnce() {
        // when
        long faults = lab.touch(addr, 4 * PAGE, 'w');

        // then
        assertEquals(4, faults);
        assertEquals(16, lab.rss("p").kb());
    }

    @Test
    void theSeedsExampleFiveVirtualPagesThreePresentMakeRss12KbAndVsz20Kb() {
        // given: a 5-page VMA (the empty profile has no other)
        lab.run(new vmalab.model.op.Op.Munmap(addr, 4 * PAGE));
        long five = lab.mmapAnon(null, 5 * PAGE, RW, false);

        // when: three of its pages are touched
        lab.touch(five, PAGE, 'w');
        lab.touch(five + 2 * PAGE, PAGE, 'w');
        lab.touch(five + 4 * PAGE, PAGE, 'w');

        // then
        assertEquals(12, lab.rss("p").kb());
        assertEquals(20, lab.mem().vszKb(lab.mm("p")));
        assertEquals(3, lab.mem().usage(lab.mm("p"), lab.vma("p", five)).residentPages());
        assertEquals(3, lab.mem().pages(lab.mm("p"), lab.vma("p", five)).size());
        assertFalse(lab.pte("p", five + PAGE).present());
    }

    @Test
    void dontneedDropsThePagesAndAReadGetsZerosAgain() {
        // given
        lab.touch(addr, 2 * PAGE, 'w');
        long frame = lab.pte("p", addr).frame();
        long free = lab.mem().freeFrames();

        // when
        lab.madvise(null, addr, 2 * PAGE, Advice.DONTNEED);

        // then
        assertTrue(lab.pte("p", addr).none());
        assertEquals(0, lab.rss("p").pages());
        assertEquals(free + 2, lab.mem().freeFrames());
        assertEquals(FrameKind.FREE, lab.mem().frameKind(frame));

        // and when read again: the zero page
        assertEquals(1, lab.touch(addr, 1, 'r'));
        assertTrue(lab.pte("p", addr).zero());
    }

    @Test
    void munmapFreesTheFramesAndTheTablesNoVmaNeeds() {
        // given
        long free = lab.mem().freeFrames();
        lab.touch(addr, 4 * PAGE, 'w');
        assertEquals(free - 4 - 3, lab.mem().freeFrames());

        // when
        lab.run(new vmalab.model.op.Op.Munmap(addr, 4 * PAGE));

        // then: the only VMA is gone, so are its PUD, PMD and PTE tables
        assertEquals(free, lab.mem().freeFrames());
        assertEquals(1, lab.mem().tables(lab.mm("p")).size());
    }

    @Test
    void aPartialMunmapKeepsTheTableTheRestStillUses() {
        // given
        lab.touch(addr, 4 * PAGE, 'w');
        int tables = lab.mem().tables(lab.mm("p")).size();

        // when
        lab.run(new vmalab.model.op.Op.Munmap(addr, 2 * PAGE));

        // then
        assertEquals(tables, lab.mem().tables(lab.mm("p")).size());
        assertEquals(8, lab.rss("p").kb());
    }

    @Test
    void aCheckpointIsIndependent() {
        // given
        lab.touch(addr, PAGE, 'w');
        PhysLab copy = new PhysLab(lab.k.copy());
        assertNotSame(lab.mem(), copy.mem());

        // when
        copy.touch(addr + PAGE, PAGE, 'w');

        // then
        assertEquals(8, copy.rss("p").kb());
        assertEquals(4, lab.rss("p").kb());
        assertTrue(lab.pte("p", addr + PAGE).none());
    }
}
