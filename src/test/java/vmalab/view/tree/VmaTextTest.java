package vmalab.view.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import vmalab.model.mm.Vma;
import vmalab.model.mm.VmFlags;

class VmaTextTest {
    private static Vma anon(long start, long end) {
        return new Vma(start, end, VmFlags.READ | VmFlags.WRITE, 0, null, 0, null);
    }

    @Test
    void theShortRangeLeavesOutTheDigitsVmEndSharesWithVmStart() {
        assertEquals("0x555555554000–…7000", VmaText.shortRange(anon(0x555555554000L, 0x555555557000L)));
        assertEquals("0x10000000–…1000", VmaText.shortRange(anon(0x10000000L, 0x10001000L)));
        assertEquals("0x7ffff7fc3000–…d0000", VmaText.shortRange(anon(0x7ffff7fc3000L, 0x7ffff7fd0000L)));
    }

    @Test
    void aRangeThatSharesNothingOrCrossesADigitIsWhole() {
        assertEquals("0xf000–0x10000", VmaText.shortRange(anon(0xf000L, 0x10000L)));
        assertEquals("0x1000–0x9000", VmaText.shortRange(anon(0x1000L, 0x9000L)));
    }
}
