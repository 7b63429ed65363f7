package vmalab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vmalab.model.mm.Prot;
import vmalab.model.op.Advice;
import vmalab.model.op.Op;

class ScenarioParserTest {
    static Op op(String line) {
        ScenarioParser.Line l = ScenarioParser.parseLine(line, "t.vlab", 7);
        assertNull(l.error(), l.error());
        return l.op();
    }

    static String error(String line) {
        return ScenarioParser.parseLine(line, "t.vlab", 7).error();
    }

    @Test
    void numbersInHexDecimalAndBinarySuffixes() {
        assertEquals(4096L, Numbers.parse("4K"));
        assertEquals(4096L, Numbers.parse("0x1000"));
        assertEquals(4096L, Numbers.parse("4096"));
        assertEquals(3L << 30, Numbers.parse("3G"));
        assertEquals(-8192L, Numbers.parse("-8K"));
        assertNull(Numbers.parse("0x"));
        assertNull(Numbers.parse("12Q"));
        assertNull(Numbers.parse("99999999999999999999"));
    }

    @Test
    void mmapWithAndWithoutAnAddress() {
        assertEquals(new Op.Mmap(0, 16384, Prot.READ | Prot.WRITE, false, null, 0, false, false, false, false, false),
            op("mmap 16K rw- private anon"));
        assertEquals(new Op.Mmap(0x10000000L, 4096, Prot.READ, true, "/lib/libc.so", 0x2000, true, false, false, false,
            true), op("mmap 0x10000000 4K r-- shared file:/lib/libc.so@0x2000 fixed populate"));
        assertEquals(new Op.Mmap(0x20000000L, 16384, Prot.READ | Prot.WRITE, false, null, 0, false, false, false,
            false, false), op("mmap 0x20000000 16K rw- private anon"));
    }

    @Test
    void commentsBlankLinesAndProcessPrefixes() {
        assertTrue(ScenarioParser.parseLine("   # only a comment", "t", 1).isEmpty());
        assertEquals(new Op.InTask("child", new Op.Touch(0x1000, 1, 'w')), op("child: touch 0x1000 w # write"));
        assertEquals(new Op.Brk(8192, false), op("brk +8K"));
        assertEquals(new Op.Brk(-4096, false), op("brk -4K"));
        assertEquals(new Op.Brk(0x555555561000L, true), op("brk =0x555555561000"));
        assertEquals(new Op.Madvise(0x1000, 4096, Advice.DONTNEED), op("madvise 0x1000 4K dontneed"));
        assertEquals(new Op.Memory(256, 10, 0), op("memory 1M reserve 0"));
        assertEquals(new Op.Memory(300, 10, -1), op("memory 300"));
    }

    @Test
    void badLinesNameFileLineAndProblem() {
        assertEquals("t.vlab:7: bad protection \"rwz\": expected rwx-style, like rw- or r-x",
            error("mmap 4K rwz private anon"));
        assertEquals("t.vlab:7: unknown operation \"mmmap\" (one of exec, import, file, mmap, munmap, mprotect, madvise, "
            + "mremap, brk, touch, fork, thread, exit, memory, alloc_pages, free_pages)", error("mmmap 4K"));
        assertEquals("t.vlab:7: fixed needs an address", error("mmap 4K rw- private anon fixed"));
        assertTrue(error("madvise 0x1000 4K sometimes").startsWith("t.vlab:7: unknown advice \"sometimes\""));
        assertEquals("t.vlab:7: access must be r, w or x, not \"q\"", error("touch 0x1000 q"));
        assertEquals("t.vlab:7: brk takes +N, -N (relative to the break) or =ADDR (absolute), not \"8K\"",
            error("brk 8K"));
    }

    @Test
    void aScenarioStopsAtItsFirstBadLine() {
        ScenarioParser.Result r = ScenarioParser.parse("exec p empty\n\nmmap 4K rw- private anon\nbogus\nexit\n",
            "s.vlab");
        assertEquals("s.vlab:4: unknown operation \"bogus\" (one of exec, import, file, mmap, munmap, mprotect, madvise, "
            + "mremap, brk, touch, fork, thread, exit, memory, alloc_pages, free_pages)", r.error());
        assertTrue(r.steps().isEmpty());
        ScenarioParser.Result ok = ScenarioParser.parse("exec p empty\n# c\nmmap 4K rw- private anon\n", "s.vlab");
        assertEquals(2, ok.steps().size());
        assertEquals(3, ok.steps().get(1).line());
        assertEquals("mmap 4K rw- private anon", ok.steps().get(1).text());
    }
}
