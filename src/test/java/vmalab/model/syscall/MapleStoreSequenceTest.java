package vmalab.model.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.event.MapleStepped;
import vmalab.model.event.MmEvent;
import vmalab.model.mm.Prot;
import vmalab.model.op.Op;

/**
 * The stores each mm operation makes into a maple process's mm_mt, in Linux 6.18's order (mm/vma.c), and the
 * VMA each split allocates, in both eras: the node layout after a sequence depends on exactly these writes.
 */
class MapleStoreSequenceTest {
    private static final int RW = Prot.READ | Prot.WRITE;

    private static Op mmap(long addr, long pages, int prot) {
        return new Op.Mmap(addr, pages * 0x1000, prot, false, null, 0, true, false, false, false, false);
    }

    private static Kernel process(String era) {
        Kernel k = new Kernel();
        Syscalls.apply(k, new Op.Exec("p", "empty", era));
        return k;
    }

    private static vmalab.model.mm.Mm mm(Kernel k) {
        return k.tasks().iterator().next().mm();
    }

    /** The stores as {@code [first, last]} or {@code NULL [first, last]}, in order. */
    private static List<String> stores(OpResult r) {
        return r.events().stream().filter(e -> e instanceof MapleStepped).map(e -> ((MapleStepped) e).step())
            .map(s -> (s.erase() ? "NULL " : "") + String.format("[%x, %x]", s.index(), s.last())).toList();
    }

    /** The VMAs the operation allocated (VmaInserted), as {@code start-end}. */
    private static List<String> created(OpResult r) {
        return r.events().stream().filter(e -> e instanceof MmEvent.VmaInserted).map(e -> ((MmEvent.VmaInserted) e).vma())
            .map(v -> String.format("%x-%x", v.start(), v.end())).toList();
    }

    @Test
    void munmapOfSeveralVmasIsOneClearOverTheWholeRange() {
        Kernel k = process("maple");
        // three VMAs side by side that cannot merge (alternating protections), and a hole inside the range
        Syscalls.apply(k, mmap(0x10000000L, 2, RW));
        Syscalls.apply(k, mmap(0x10002000L, 2, Prot.READ));
        Syscalls.apply(k, mmap(0x10005000L, 2, RW));

        OpResult r = Syscalls.apply(k, new Op.Munmap(0x10000000L, 0x7000));

        // do_vmi_align_munmap(): vma_iter_clear_gfp(vmi, start, end), not an erase per VMA
        assertEquals(List.of("NULL [10000000, 10006fff]"), stores(r));
        assertEquals(0, mm(k).mapCount());
    }

    @Test
    void munmapOfAVmasMiddleStoresTheTwoNewPartsThenClearsTheRange() {
        Kernel k = process("maple");
        Syscalls.apply(k, mmap(0x10000000L, 8, RW));

        OpResult r = Syscalls.apply(k, new Op.Munmap(0x10002000L, 0x3000));

        // vms_gather_munmap_vmas(): __split_vma(start, new_below = 1) allocates the lower part,
        // __split_vma(end, new_below = 0) the upper; vma_complete() stores each new VMA over its range
        assertEquals(List.of("[10000000, 10001fff]", "[10005000, 10007fff]", "NULL [10002000, 10004fff]"), stores(r));
        assertEquals(List.of("10000000-10002000", "10005000-10008000"), created(r));
    }

    @Test
    void theRbTreeEraSplitsAsDoMunmapDid() {
        Kernel k = process("rbtree");
        Syscalls.apply(k, mmap(0x10000000L, 8, RW));

        OpResult r = Syscalls.apply(k, new Op.Munmap(0x10002000L, 0x3000));

        // mm/mmap.c __do_munmap(): __split_vma(mm, vma, start, 0) makes the upper part new, then
        // __split_vma(mm, last, end, 1) the lower part of what is left
        assertEquals(List.of("10002000-10008000", "10002000-10005000"), created(r));
        assertEquals(List.of(), stores(r));
        assertEquals(2, mm(k).mapCount());
    }

    @Test
    void mprotectOfAVmasMiddleStoresOnlyTheTwoNewParts() {
        for (String era : List.of("maple", "rbtree")) {
            Kernel k = process(era);
            Syscalls.apply(k, mmap(0x10000000L, 8, RW));

            OpResult r = Syscalls.apply(k, new Op.Mprotect(0x10002000L, 0x3000, Prot.READ));

            // vma_modify(): split_vma(start, 1), split_vma(end, 0); the flags change in place, no store
            assertEquals(List.of("10000000-10002000", "10005000-10008000"), created(r), era);
            assertEquals(era.equals("maple") ? List.of("[10000000, 10001fff]", "[10005000, 10007fff]") : List.of(),
                stores(r), era);
        }
    }

    @Test
    void anMprotectThatMergesBothNeighboursIsOneStoreOfTheMergedVma() {
        Kernel k = process("maple");
        Syscalls.apply(k, mmap(0x10000000L, 2, RW));
        Syscalls.apply(k, mmap(0x10002000L, 2, Prot.READ));
        Syscalls.apply(k, mmap(0x10004000L, 2, RW));

        OpResult r = Syscalls.apply(k, new Op.Mprotect(0x10002000L, 0x2000, RW));

        // commit_merge(): vma_iter_store_overwrite() of prev over [prev->vm_start, next->vm_end - 1]; the middle
        // and next are covered by it, not cleared first
        assertEquals(List.of("[10000000, 10005fff]"), stores(r));
        assertEquals(1, mm(k).mapCount());
    }

    @Test
    void anMprotectThatMergesPartOfAVmaIntoPrevIsOneStore() {
        Kernel k = process("maple");
        Syscalls.apply(k, mmap(0x10000000L, 2, Prot.READ));
        Syscalls.apply(k, mmap(0x10002000L, 4, RW));

        OpResult r = Syscalls.apply(k, new Op.Mprotect(0x10002000L, 0x1000, Prot.READ));

        // prev grows over the part the middle gives up (__adjust_middle_start): one store of prev
        assertEquals(List.of("[10000000, 10002fff]"), stores(r));
        assertEquals(2, mm(k).mapCount());
        String invariants = mm(k).checkInvariants();
        assertEquals(null, invariants);
    }
}
