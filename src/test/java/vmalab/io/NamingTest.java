package vmalab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import vmalab.model.fs.SimFile;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Profile;
import vmalab.model.mm.Vma;
import vmalab.model.mm.VmFlags;

/** get_vma_name()'s rules on hand-built address spaces. */
class NamingTest {
    private static final long RW = VmFlags.READ | VmFlags.WRITE | VmFlags.MAY_RWX | VmFlags.ACCOUNT;

    private static Vma anon(long start, long end) {
        return new Vma(start, end, RW, start >>> 12, null, 0, null);
    }

    private static Mm mm(Profile p, Vma... vmas) {
        Mm mm = new Mm(1, p);
        for (Vma v : vmas) mm.link(v, e -> { });
        return mm;
    }

    @Test
    void heapIsTheAnonymousVmaOverTheBrkArea() {
        // given a bss page, then a heap the break grew into
        Mm mm = mm(Profile.X86_64, anon(0x555555559000L, 0x55555555a000L), anon(0x55555555a000L, 0x55555557b000L));
        mm.initBrk(0x55555555a000L);
        mm.setBrk(0x55555557b000L, e -> { });

        // when
        var entries = ProcMaps.entries(mm);

        // then: 6.7+ compares strictly, so the bss that ends at start_brk is not the heap
        assertNull(entries.get(0).name());
        assertEquals("[heap]", entries.get(1).name());
    }

    @Test
    void noHeapWhileTheBreakHasNotMoved() {
        // given brk == start_brk at the end of the bss (as a fresh exec leaves it)
        Mm mm = mm(Profile.X86_64, anon(0x555555559000L, 0x55555555a000L));
        mm.initBrk(0x55555555a000L);

        // then
        assertNull(ProcMaps.entries(mm).get(0).name());
    }

    @Test
    void stackIsTheVmaHoldingStartStackEndsIncluded() {
        // given start_stack exactly at the end of the stack VMA
        Mm mm = mm(Profile.X86_64, anon(0x7ffffffde000L, 0x7ffffffff000L));
        mm.setStartStack(0x7ffffffff000L);

        // then
        assertEquals("[stack]", ProcMaps.entries(mm).get(0).name());
    }

    @Test
    void fileMappingsShowThePathAndTheOffsetOnlyForFiles() {
        // given a file mapping at pgoff 2 and an anonymous one with a linear pgoff
        SimFile f = new SimFile("/usr/lib/x\nname.so", 0x10000, 0xfe, 0, 42);
        Mm mm = mm(Profile.X86_64,
            new Vma(0x7ffff7000000L, 0x7ffff7002000L, VmFlags.READ | VmFlags.MAY_RWX, 2, f, 0, null),
            anon(0x7ffff7002000L, 0x7ffff7003000L));

        // when
        String text = ProcMaps.format(mm);

        // then
        assertEquals("7ffff7000000-7ffff7002000 r--p 00002000 fe:00 42"
                + " ".repeat(25) + "/usr/lib/x\\012name.so\n"
                + "7ffff7002000-7ffff7003000 rw-p 00000000 00:00 0 \n"
                + "ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]\n",
            text);
    }

    @Test
    void classicPrintsEveryPgoffTruncatedToThirtyTwoBits() {
        // given an anonymous VMA whose vm_pgoff went one below zero
        Mm mm = mm(Profile.I386_26, new Vma(0xbfffe000L, 0xc0000000L, RW | VmFlags.EXEC, -1, null, 0, null));
        mm.setStartStack(0xbffff5c0L);

        // then: no [stack] name in 2.6, no gate VMA
        assertEquals("bfffe000-c0000000 rwxp fffff000 00:00 0 \n", ProcMaps.format(mm));
    }

    @Test
    void longHeaderGetsTwoSpacesBeforeTheName() {
        // given a header longer than the name column
        MapEntry e = new MapEntry(0x7ffff7000000L, 0x7ffff7001000L, "r--s", 0x123456789aL, 0xfff, 0xfffff,
            -1L, "/x");

        // then
        assertEquals("7ffff7000000-7ffff7001000 r--s 123456789a fff:fffff 18446744073709551615  /x\n",
            ProcMaps.format(java.util.List.of(e), 16));
    }

    @Test
    void pmapNamesFollowMappingName() {
        // given
        MapEntry file = new MapEntry(0x1000, 0x2000, "r--p", 0, 8, 1, 5, "/usr/lib/libc.so.6");
        MapEntry dir = new MapEntry(0x2000, 0x3000, "r--p", 0, 8, 1, 5, "/weird/");
        MapEntry heap = new MapEntry(0x3000, 0x4000, "rw-p", 0, 0, 0, 0, "[heap]");
        MapEntry stack = new MapEntry(0x4000, 0x5000, "rw-p", 0, 0, 0, 0, null);
        MapEntry shm = new MapEntry(0x5000, 0x6000, "rw-s", 0, 0, 1, 0x2a, "/SYSV00000000 (deleted)");

        // then
        assertEquals("libc.so.6", Pmap.mappingName(file, 0x4800));
        assertEquals("/", Pmap.mappingName(dir, 0x4800));
        assertEquals("  [ anon ]", Pmap.mappingName(heap, 0x4800));
        assertEquals("  [ stack ]", Pmap.mappingName(stack, 0x4800));
        assertEquals("  [ stack ]", Pmap.mappingName(heap, 0x4000));
        assertEquals("  [ shmid=0x2a ]", Pmap.mappingName(shm, 0x4800));
    }
}
