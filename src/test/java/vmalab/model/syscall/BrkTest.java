package vmalab.model.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BrkTest extends SyscallTestBase {
    long start;

    @BeforeEach
    void process() {
        run("exec t x86_64");
        start = mm().startBrk();
    }

    @Test
    void growingMakesAHeapVmaAndReturnsTheNewBreak() {
        assertEquals(start + 0x2000, ret("brk +8K"));
        assertEquals(start + 0x2000, mm().brk());
        assertEquals(String.format("%x-%x rw-p", start, start + 0x2000), vmas(start, start + 0x100000));
        assertEquals(start + 0x3000, ret("brk +4K"));
        assertEquals(String.format("%x-%x rw-p", start, start + 0x3000), vmas(start, start + 0x100000),
            "do_brk_flags() extends the heap VMA");
    }

    @Test
    void unalignedBreakMovesWithinAPageWithoutNewVma() {
        ret("brk +100");
        int count = mm().mapCount();
        assertEquals(start + 200, ret("brk +100"));
        assertEquals(count, mm().mapCount());
    }

    @Test
    void shrinkingUnmapsAndBelowStartBrkReturnsTheOldBreak() {
        ret("brk +16K");
        assertEquals(start + 0x1000, ret("brk -12K"));
        assertEquals(String.format("%x-%x rw-p", start, start + 0x1000), vmas(start, start + 0x100000));
        long cur = mm().brk();
        assertEquals(cur, ret("brk =0x1000"), "below start_brk: the break stays");
        assertEquals(cur, mm().brk());
    }

    @Test
    void growingIntoTheNextMappingFails() {
        ret("mmap 0x" + Long.toHexString(start + 0x4000) + " 4K rw- private anon");
        assertEquals(start + 0x2000, ret("brk +8K"));
        // the next page would leave less than one page before the mapping
        assertEquals(start + 0x2000, ret("brk +8K"));
        assertEquals(start + 0x2000, mm().brk());
    }
}
