package vmalab.model.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vmalab.model.paging.PhysLab.PAGE;
import static vmalab.model.paging.PhysLab.RW;

import java.util.List;
import org.junit.jupiter.api.Test;
import vmalab.model.op.Op;

/** The page-table trees: 4-level x86-64, 2-level i386; lazy allocation, walks, freeing. */
class PageTableTest {

    @Test
    void aNewMmHasOnlyItsPgd() {
        // given
        PhysLab lab = new PhysLab();

        // when
        lab.exec("p", "empty");

        // then
        List<TableInfo> tables = lab.mem().tables(lab.mm("p"));
        assertEquals(1, tables.size());
        assertEquals("PGD", tables.get(0).level());
        assertEquals(FrameKind.PAGE_TABLE, lab.mem().frameKind(tables.get(0).pfn()));
    }

    @Test
    void aFaultMakesTheMissingLevelsAndTheWalkShowsEach() {
        // given
        PhysLab lab = new PhysLab();
        lab.exec("p", "empty");
        long addr = lab.mmapAnon(null, PAGE, RW, false);

        // when
        lab.touch(addr, 1, 'w');

        // then
        List<WalkStep> walk = lab.mem().walk(lab.mm("p"), addr);
        assertEquals(List.of("PGD", "PUD", "PMD", "PTE"), walk.stream().map(WalkStep::level).toList());
        int[] shifts = {39, 30, 21, 12};
        for (int i = 0; i < 4; i++) {
            assertEquals((int) ((addr >>> shifts[i]) & 511), walk.get(i).index());
            assertTrue(walk.get(i).present());
            assertEquals(FrameKind.PAGE_TABLE, lab.mem().frameKind(walk.get(i).tablePfn()));
        }
        for (int i = 0; i < 3; i++) assertEquals(walk.get(i + 1).tablePfn(), walk.get(i).entry().frame());
        assertEquals(lab.pte("p", addr), walk.get(3).entry());
        assertEquals(3, lab.events(PagingEvent.TableAllocated.class).size());
        // the fault's walk, taken before the fault, stopped at the PGD's empty entry
        List<WalkStep> before = lab.events(PagingEvent.Walk.class).get(0).levels();
        assertEquals(1, before.size());
        assertFalse(before.get(0).present());
    }

    @Test
    void theWalkOfAnUnmappedAddressStopsAtTheFirstMissingTable() {
        // given
        PhysLab lab = new PhysLab();
        lab.exec("p", "empty");

        // when
        List<WalkStep> walk = lab.mem().walk(lab.mm("p"), 0x7f0000000000L);

        // then
        assertEquals(1, walk.size());
        assertFalse(walk.get(0).present());
    }

    @Test
    void i386HasTwoLevelsOf1024EntriesAndNoNx() {
        // given
        PhysLab lab = new PhysLab();
        lab.exec("c", "i386-2.6");
        long text = 0x08048000L;

        // when
        lab.touch("c", text, 1, 'x');

        // then
        List<WalkStep> walk = lab.mem().walk(lab.mm("c"), text);
        assertEquals(List.of("PGD", "PTE"), walk.stream().map(WalkStep::level).toList());
        assertEquals(32, walk.get(0).index());
        assertEquals(0x48, walk.get(1).index());
        Pte pte = lab.pte("c", text);
        assertTrue(pte.present() && !pte.nx() && !pte.write());
        assertEquals(1024, lab.mem().tables(lab.mm("c")).get(0).entries());
    }

    @Test
    void theClassicKernelHasNoFaultAround() {
        // given: one i386 process read the whole library text into the cache
        PhysLab lab = new PhysLab();
        lab.exec("c", "i386-2.6");
        lab.exec("d", "i386-2.6");
        lab.touch("c", 0x00e80000L, 16 * PAGE, 'r');

        // when
        lab.touch("d", 0x00e80000L, 1, 'r');

        // then
        assertEquals(1, lab.rss("d").filePages());
    }

    @Test
    void eachPageTableIsAFrameAndExitFreesThemAll() {
        // given
        PhysLab lab = new PhysLab();
        long free = lab.mem().freeFrames();
        lab.exec("p", "x86_64");
        Long heap = lab.mm("p").brk();
        lab.run(new Op.Brk(16 * PAGE, false));
        lab.touch(heap, 16 * PAGE, 'w');
        lab.touch(lab.mm("p").startStack(), 1, 'w');

        // when
        lab.run(new Op.Exit());

        // then: nothing but the page cache's pages is left
        assertEquals(free, lab.mem().freeFrames() + lab.mem().pageCache().size());
    }

    @Test
    void brkShrinkFreesTheHeapsFrames() {
        // given
        PhysLab lab = new PhysLab();
        lab.exec("p", "empty");
        long heap = lab.mm("p").brk();
        lab.run(new Op.Brk(8 * PAGE, false));
        lab.touch(heap, 8 * PAGE, 'w');
        long free = lab.mem().freeFrames();

        // when
        lab.run(new Op.Brk(-6 * PAGE, false));

        // then
        assertEquals(2, lab.rss("p").anonPages());
        assertEquals(free + 6, lab.mem().freeFrames());
    }

    @Test
    void mremapMovesThePtesNotTheFrames() {
        // given: a 2-page mapping that cannot grow in place
        PhysLab lab = new PhysLab();
        lab.exec("p", "empty");
        long a = lab.run(new Op.Mmap(0x20000000L, 2 * PAGE, RW, false, null, 0, true, false, false, false, false))
            .result();
        lab.run(new Op.Mmap(a + 2 * PAGE, PAGE, RW, false, null, 0, true, false, false, false, true));
        lab.touch(a, 2 * PAGE, 'w');
        long f0 = lab.pte("p", a).frame();

        // when
        long moved = lab.run(new Op.Mremap(a, 2 * PAGE, 8 * PAGE, true)).result();

        // then
        assertTrue(moved != a);
        assertEquals(f0, lab.pte("p", moved).frame());
        assertTrue(lab.pte("p", a).none());
        assertEquals(new Mapping(lab.mm("p").id(), moved), lab.mem().frame(f0).mappings().get(0));
        assertEquals(0, lab.touch(moved, 2 * PAGE, 'w'));
    }

    @Test
    void theVdsoIsAKernelPageCountedAsAFilePageAndVvarIsNotCounted() {
        // given
        PhysLab lab = new PhysLab();
        lab.exec("p", "x86_64");
        long vvar = lab.mm("p").vmas().stream().filter(v -> "[vvar]".equals(v.name())).findFirst().orElseThrow()
            .start();
        long vdso = vvar + 4 * PAGE;

        // when
        lab.touch(vdso, 1, 'x');
        lab.touch(vvar, 1, 'r');

        // then
        assertEquals(FrameKind.KERNEL, lab.mem().frameKind(lab.pte("p", vdso).frame()));
        assertEquals(new Rss(1, 0, 0), lab.rss("p"));
        assertTrue(lab.pte("p", vvar).special());
    }
}
