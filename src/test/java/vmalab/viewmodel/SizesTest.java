package vmalab.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Sizes as every view writes them, unsigned like the kernel's unsigned long: a gap can be most of 2^64. */
class SizesTest {
    @Test
    void sizesReadInBinaryUnitsAndAboveLongMaxAsUnsigned() {
        assertEquals("4 KiB", Sizes.human(4096));
        assertEquals("1.5 MiB", Sizes.human(3 << 19));
        assertEquals("512 B", Sizes.human(512));
        // the maple root's last gap on x86-64: from the top of the stack to ULONG_MAX
        assertEquals("16.0 EiB", Sizes.human(0xffff800000001000L));
        assertEquals("16 EiB", Sizes.human(-1L));
        assertEquals("8 EiB", Sizes.human(Long.MIN_VALUE));
    }
}
