package vmalab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.event.MapleStepped;
import vmalab.model.mm.Prot;
import vmalab.model.op.Op;
import vmalab.model.syscall.Syscalls;

/** A store into a maple process's mm_mt is told in words: mas_store_gfp(), its wr_* path, nodes and height. */
class MapleNarrationTest {
    static Op mmap(long addr, long len) {
        return new Op.Mmap(addr, len, Prot.READ | Prot.WRITE, false, null, 0, true, false, false, false, false);
    }

    static List<MapleStepped> stores(OpResult r) {
        return r.events().stream().filter(e -> e instanceof MapleStepped).map(e -> (MapleStepped) e).toList();
    }

    @Test
    void theFirstVmaOfAnEmptyMapleTreeIsAStoreRootThatMakesOneLeaf() {
        // given: a maple process with no VMA yet
        Kernel k = new Kernel();
        Syscalls.apply(k, new Op.Exec("p", "empty", "maple"));

        // when: one mapping
        List<MapleStepped> s = stores(Syscalls.apply(k, mmap(0x10000, 0x2000)));

        // then: mas_root_expand() makes the NULL / VMA / NULL leaf: one node, height 0 -> 1
        assertEquals(1, s.size());
        assertEquals("mas_store_gfp", Narrator.function(s.get(0)));
        assertEquals("wr_store_root of [0x10000, 0x11fff]: 1 node made, 0 freed; height 0 → 1",
            Narrator.text(s.get(0)));
    }

    @Test
    void anUnmapIsAStoreOfNullAndTheEventsLineTellsIt() {
        // given: two VMAs apart
        Kernel k = new Kernel();
        Syscalls.apply(k, new Op.Exec("p", "empty", "maple"));
        Syscalls.apply(k, mmap(0x10000, 0x1000));
        Syscalls.apply(k, mmap(0x20000, 0x1000));

        // when
        OpResult r = Syscalls.apply(k, new Op.Munmap(0x20000, 0x1000));

        // then: the erase stores NULL over the VMA's range, and run --show events prints it as a sentence
        List<MapleStepped> s = stores(r);
        assertEquals(1, s.size());
        String text = Narrator.text(s.get(0));
        assertTrue(text.contains(" of NULL over [0x20000, 0x20fff]: "), text);
        assertTrue(text.endsWith("; height 1"), text);
        assertTrue(EventLines.lines(4, r).stream().anyMatch(l -> l.endsWith("\tMapleStepped\tmas_store_gfp\t" + text)),
            EventLines.lines(4, r).toString());
    }

    @Test
    void aRedBlackProcessHasNoMapleStores() {
        Kernel k = new Kernel();
        Syscalls.apply(k, new Op.Exec("p", "empty", "rbtree"));
        assertTrue(stores(Syscalls.apply(k, mmap(0x10000, 0x2000))).isEmpty());
    }
}
