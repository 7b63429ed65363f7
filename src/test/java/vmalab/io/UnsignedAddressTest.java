package vmalab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vmalab.model.op.Op;

/** Addresses, lengths and offsets are unsigned 64-bit values, as the system calls take them (issue 11 item 12). */
class UnsignedAddressTest {
    @Test
    void theVsyscallPageAndTheTopHalfParseAsAddresses() {
        Op.Munmap m = (Op.Munmap) ScenarioParser.parseLine("munmap 0xffffffffff600000 4K", "t", 1).op();
        assertEquals(0xffffffffff600000L, m.addr());
        Op.Mmap mm = (Op.Mmap) ScenarioParser.parseLine("mmap 0x8000000000000000 4K rw- private anon fixed", "t", 1).op();
        assertEquals(0x8000000000000000L, mm.addr());
        Op.Mmap off = (Op.Mmap) ScenarioParser.parseLine("mmap 8K r-- private file:f@0xfffffffffffff000", "t", 1).op();
        assertEquals(0xfffffffffffff000L, off.offset());
        Op.Touch t = (Op.Touch) ScenarioParser.parseLine("touch 0x8000000000000000 r", "t", 1).op();
        assertEquals(0x8000000000000000L, t.addr());
    }

    @Test
    void decimalAndSuffixedValuesUseAll64Bits() {
        assertEquals(-1L, Numbers.parseUnsigned("18446744073709551615"));
        assertEquals(1L << 62, Numbers.parseUnsigned("4194304T"));
        assertNull(Numbers.parseUnsigned("18446744073709551616"), "past 64 bits");
        assertNull(Numbers.parseUnsigned("16777216T"), "2^64 with its suffix");
        assertNull(Numbers.parseUnsigned("-4K"));
    }

    @Test
    void aSignedAddressIsStillRefusedWithOneMessage() {
        String err = ScenarioParser.parseLine("munmap -0x1000 4K", "s.scn", 3).error();
        assertEquals("s.scn:3: bad address \"-0x1000\": negative", err);
        String big = ScenarioParser.parseLine("munmap 0x10000000000000000 4K", "s.scn", 4).error();
        assertTrue(big.startsWith("s.scn:4: bad address \"0x10000000000000000\""), big);
    }
}
