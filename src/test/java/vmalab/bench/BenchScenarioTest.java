package vmalab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vmalab.io.ScenarioParser;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.op.Op;
import vmalab.model.syscall.Syscalls;

/**
 * The -Xmx1g check's scenario (src/test/resources/bench/touch-1m.vlab) says what BENCHMARKS.md says it does:
 * no timing here, only its shape, and a scaled-down copy of it runs in the model.
 */
class BenchScenarioTest {
    static String text() throws IOException {
        try (InputStream in = BenchScenarioTest.class.getResourceAsStream("/bench/touch-1m.vlab")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void touchesOneMillionPagesInMemoryThatHoldsThem() throws IOException {
        ScenarioParser.Result r = ScenarioParser.parse(text(), "touch-1m.vlab");
        assertTrue(r.ok(), r.error());
        List<ScenarioParser.Step> steps = r.steps();
        Op.Memory memory = assertInstanceOf(Op.Memory.class, steps.get(0).op());
        assertEquals(1 << 20, memory.frames());
        Op.Mmap mmap = assertInstanceOf(Op.Mmap.class, steps.get(2).op());
        Op.Touch touch = assertInstanceOf(Op.Touch.class, steps.get(3).op());
        assertEquals(1_000_000L * 4096, mmap.len());
        assertEquals(mmap.addr(), touch.addr());
        assertEquals(mmap.len(), touch.len());
        assertEquals('w', touch.access());
    }

    @Test
    void aScaledDownCopyFaultsEveryPage() throws IOException {
        String small = text().replace("4000000K", "400K");
        Kernel k = new Kernel();
        OpResult last = null;
        for (ScenarioParser.Step s : ScenarioParser.parse(small, "small.vlab").steps()) {
            last = Syscalls.apply(k, s.op());
            assertTrue(!last.failed() && last.result() >= 0, s.text() + ": " + last.error());
        }
        assertEquals(100, last.minorFaults());
    }
}
