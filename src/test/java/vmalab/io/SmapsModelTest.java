package vmalab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vmalab.model.Kernel;
import vmalab.model.mm.Task;
import vmalab.model.op.Op;
import vmalab.model.syscall.Syscalls;

/** smaps and pmap -x of model processes, with page counts through the hook. */
class SmapsModelTest {
    private static Task exec(String name, String profile) {
        Kernel kernel = new Kernel();
        Syscalls.apply(kernel, new Op.Exec(name, profile));
        return kernel.current();
    }

    /** Every VMA has 8 kB resident, 4 kB of it dirty and private. */
    private static final PageCounter EIGHT = (mm, vma) -> new PageCounts(8, 8, 4, 0, 0, 4, 4, 8, 4, 0, 0, 0, 0);

    @Test
    void modernSmapsHasTheRealFieldListAndVmFlagsLine() {
        // given
        Task t = exec("cat", "x86_64");

        // when
        String text = Smaps.format(t.mm(), PageCounter.NONE);
        List<String> first = text.lines().limit(26).toList();

        // then: the same keys, in the same order, as this machine's kernel prints
        List<String> realKeys = Resources.real("sleep.smaps").lines().skip(1).limit(25)
            .map(l -> l.substring(0, l.indexOf(':'))).toList();
        assertEquals(realKeys, first.stream().skip(1).map(l -> l.substring(0, l.indexOf(':'))).toList());
        assertEquals("VmFlags: rd mr mw me ", first.get(25));
        assertTrue(text.endsWith("[vsyscall]\n" + Resources.real("sleep.smaps")
            .substring(Resources.real("sleep.smaps").lastIndexOf("[vsyscall]\n") + 11)));
    }

    @Test
    void pageCountsFlowFromTheHook() {
        // given
        Task t = exec("cat", "x86_64");

        // when
        List<SmapsEntry> entries = Smaps.entries(t.mm(), EIGHT);
        ProcSnapshot s = Pmap.snapshot(t, EIGHT);

        // then
        SmapsEntry first = entries.get(0);
        assertEquals(8, first.value("Rss"));
        assertEquals(4, first.value("Private_Dirty"));
        assertEquals(4, first.value("Pss_Dirty"));
        assertEquals(8, s.entries().get(0).rssKb());
        assertEquals(4, s.entries().get(0).dirtyKb());
        // the gate VMA is not the model's: nothing resident
        assertEquals(0, entries.get(entries.size() - 1).value("Rss"));
        String x = Pmap.format(s, Pmap.Mode.EXTENDED);
        int vmas = t.mm().vmas().size();
        assertTrue(x.endsWith(String.format("total kB %15d %7d %7d%n", 2328, 8 * vmas, 4 * vmas)), x);
    }

    @Test
    void smapsOfTheModelReadsBackAndPrintsTheSame() {
        // given
        Task t = exec("cat", "x86_64");
        String text = Smaps.format(t.mm(), EIGHT);

        // when
        Parsed<List<SmapsEntry>> p = SmapsParser.parse("model.smaps", text);

        // then
        assertFalse(p.failed(), p.error());
        assertEquals(text, Smaps.format(p.value(), 16));
        assertEquals(Smaps.entries(t.mm(), EIGHT), p.value());
    }

    @Test
    void classicSmapsIsTheTwoSixList() {
        // given
        Task t = exec("example", "i386-2.6");

        // when
        String text = Smaps.format(t.mm(), PageCounter.NONE);

        // then
        List<String> keys = text.lines().skip(1).limit(8).map(l -> l.substring(0, l.indexOf(':'))).toList();
        assertEquals(List.of("Size", "Rss", "Pss", "Shared_Clean", "Shared_Dirty", "Private_Clean",
            "Private_Dirty", "Referenced"), keys);
        assertFalse(text.contains("VmFlags"));
        assertFalse(text.contains("vsyscall"));
    }

    @Test
    void vvarHasTheRealVmFlags() {
        // given
        Task t = exec("cat", "x86_64");

        // when
        SmapsEntry vvar = Smaps.entries(t.mm(), PageCounter.NONE).stream()
            .filter(e -> "[vvar]".equals(e.map().name())).findFirst().orElseThrow();

        // then: as in this machine's sleep.smaps
        assertEquals("rd mr pf io de dd", vvar.vmFlags());
    }
}
