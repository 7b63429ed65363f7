package vmalab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Task;
import vmalab.model.mm.Vma;
import vmalab.model.mm.VmFlags;
import vmalab.model.syscall.Syscalls;

/** `import DIR` as a scenario line: the capture becomes a process of the model, and a simulation goes on. */
class ImportScenarioTest {
    private static final String CAPTURE = "src/test/resources/real/capture/hello";

    private static Kernel run(String scenario) {
        ScenarioParser.Result r = ScenarioParser.parse(scenario, "t.vlab");
        assertEquals(null, r.error());
        Kernel k = new Kernel();
        for (var step : r.steps()) {
            OpResult o = Syscalls.apply(k, step.op());
            assertEquals(null, o.error(), step.text());
        }
        return k;
    }

    @Test
    void theModelPrintsTheCapturesMapsAndPmap() throws IOException {
        // when
        Kernel k = run("import " + CAPTURE + "\n");

        // then: maps and pmap of the model process are the real ones, names as Linux wrote them
        Task t = k.current();
        Capture c = CaptureFiles.load(Path.of(CAPTURE)).orElseThrow();
        assertEquals(Files.readString(Path.of(CAPTURE, "maps")), ProcMaps.format(t.mm()));
        String pmap = Files.readString(Path.of(CAPTURE + ".pmap"));
        assertEquals(pmap.substring(pmap.indexOf('\n')), Pmap.format(t, Pmap.Mode.DEFAULT)
            .substring(Pmap.format(t, Pmap.Mode.DEFAULT).indexOf('\n')));
        assertEquals(c.maps().size() - 1, t.mm().mapCount(), "every VMA but the gate page");
    }

    @Test
    void flagsComeFromSmapsVmFlags() {
        Kernel k = run("import " + CAPTURE + "\n");
        Mm mm = k.current().mm();
        Vma stack = mm.vmas().stream().filter(v -> ProcMaps.isInitialStack(mm, v)).findFirst().orElseThrow();
        assertTrue(stack.has(VmFlags.GROWSDOWN), VmFlags.names(stack.flags()));
        assertTrue(stack.has(VmFlags.ACCOUNT), VmFlags.names(stack.flags()));
        Capture c = CaptureFiles.load(Path.of(CAPTURE)).orElseThrow();
        int i = 0;
        for (Vma v : mm.vmas()) {
            assertEquals(c.smaps().get(i).vmFlags(), VmFlags.mnemonics(v.flags()), Long.toHexString(v.start()));
            i++;
        }
    }

    @Test
    void presentPagesArePresentAndTheStoryGoesOn() {
        // given the capture, then a brk and a touch on top of it
        Capture c = CaptureFiles.load(Path.of(CAPTURE)).orElseThrow();
        MapEntry heap = c.maps().stream().filter(m -> "[heap]".equals(m.name())).findFirst().orElseThrow();
        int hi = c.maps().indexOf(heap);

        // when
        Kernel k = run("import " + CAPTURE + "\nbrk +8K\ntouch 0x" + Long.toHexString(heap.end()) + " 8K w\n");

        // then: the heap's pages are present as pagemap said, and the break moved past it
        Mm mm = k.current().mm();
        for (long p = 0; p < PagemapReader.pages(heap); p++) {
            boolean present = PageStates.inMemory(c.pages().state(hi, p));
            assertEquals(present, k.pages().isPresent(mm, heap.start() + (p << 12)), "page " + p);
        }
        assertEquals(heap.end() + 0x2000, mm.brk());
        // brk() extended the heap VMA (vma_merge in do_brk_flags()), as on Linux
        assertEquals(c.maps().size() - 1, mm.mapCount());
        assertEquals(heap.end() + 0x2000, mm.vmaAt(heap.start()).end());
        assertTrue(k.pages().isPresent(mm, heap.end() + 0x1000));
    }

    @Test
    void aMissingCaptureIsALineError(@TempDir Path dir) {
        ScenarioParser.Result r = ScenarioParser.parse("import " + dir.resolve("none") + "\n", "t.vlab");
        assertEquals("t.vlab:1: " + dir.resolve("none") + ": not a capture folder (no such folder)", r.error());
        assertEquals(List.of(), r.steps());
    }

    @Test
    void aForkAfterAnImportTakesAFreePidAndSharesTheImportedPages() {
        // given the capture of pid 28992, imported with its real pid, then a fork, a second import of it and an exec
        Capture c = CaptureFiles.load(Path.of(CAPTURE)).orElseThrow();
        Kernel k = run("import " + CAPTURE + "\nfork kid\nimport " + CAPTURE + "\nexec other x86_64\n");

        // then: every process has its own pid, the imported one keeps the real pid, none is reused
        List<Integer> pids = k.tasks().stream().map(Task::pid).toList();
        assertEquals(4, pids.size(), pids.toString());
        assertEquals(4, pids.stream().distinct().count(), "pids are not reused: " + pids);
        assertTrue(pids.contains(c.pid()), pids.toString());
        Task kid = k.taskNamed("kid");
        assertTrue(kid.pid() != c.pid() && kid.parentPid() == c.pid(), kid.pid() + " child of " + kid.parentPid());
        // the child's copy of the imported address space is the parent's (dup_mmap()); copy_page_range() copies
        // the PTEs of VMAs with an anon_vma (vma_needs_copy()): every page of such a VMA present in the parent is
        // present in the child; a file page, or a zero page mapped by a read, without one is left for the child's
        // own fault to fill (the hello capture's r--p anonymous VMA holds four zero pages: they are not copied)
        Mm parent = k.task(c.pid()).mm();
        assertEquals(ProcMaps.format(parent), ProcMaps.format(kid.mm()));
        long anon = 0;
        for (Vma v : parent.vmas()) {
            for (long a = v.start(); a < v.end(); a += 4096) {
                boolean inParent = k.pages().isPresent(parent, a), inChild = k.pages().isPresent(kid.mm(), a);
                if (v.anonVma() != 0) assertEquals(inParent, inChild, Long.toHexString(a));
                else assertTrue(inParent || !inChild, Long.toHexString(a));
                if (v.anonVma() != 0 && inParent) anon++;
            }
        }
        assertTrue(anon > 0, "the capture has present anonymous pages");
    }
}
