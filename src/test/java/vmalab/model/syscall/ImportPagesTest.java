package vmalab.model.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.event.TaskEvent;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.model.mm.VmFlag;
import vmalab.model.op.ImportedProcess;
import vmalab.model.op.Op;

/** How an import fills the pages pagemap found: written pages are the process's own, zero pages are shared. */
class ImportPagesTest {
    private static final long BASE = 0x7f1234560000L;

    /** One read-only private anonymous VMA of two pages: the first written (then mprotected), the second the zero page. */
    private static ImportedProcess relroLike() {
        long flags = VmFlag.READ.bit() | VmFlag.MAYREAD.bit() | VmFlag.MAYWRITE.bit() | VmFlag.MAYEXEC.bit();
        byte[] pages = {ImportedProcess.PAGE_PRESENT, ImportedProcess.PAGE_ZERO};
        return new ImportedProcess(777, "relro", "relro", 0, List.of(new ImportedProcess.Mapping(BASE,
            BASE + 2 * Vma.PAGE_SIZE, flags, BASE >> Vma.PAGE_SHIFT, null, 0, 0, 0, null, pages)), true, null);
    }

    @Test
    void aWrittenPageOfAReadOnlyAnonymousVmaIsItsOwnAndIsCopiedByFork() {
        // given
        Kernel k = new Kernel();
        OpResult r = Syscalls.apply(k, new Op.Import("relro", relroLike()));
        assertNull(r.error());
        Mm mm = k.current().mm();

        // then: the written page has a frame of its own (not the zero page), the VMA an anon_vma, no write allowed
        Vma v = mm.vmaAt(BASE);
        assertNotEquals(0, v.anonVma(), "the write gave the VMA an anon_vma (anon_vma_prepare())");
        assertTrue(k.pages().isPresent(mm, BASE));
        assertTrue(k.pages().isPresent(mm, BASE + Vma.PAGE_SIZE));
        assertTrue(k.pages().hardwareAccess(mm, BASE, 'r', e -> { }));
        assertEquals(false, k.pages().hardwareAccess(mm, BASE, 'w', e -> { }), "the PTE is read-only like the VMA");
        OpResult w = Syscalls.apply(k, new Op.Touch(BASE, Vma.PAGE_SIZE, 'w'));
        assertTrue(w.events().stream().anyMatch(e -> e instanceof TaskEvent.SignalRaised s
            && "SIGSEGV".equals(s.signal())), "a write to a read-only VMA is refused");

        // when it forks: copy_page_range() copies both PTEs, since the VMA has an anon_vma (vma_needs_copy())
        assertNull(Syscalls.apply(k, new Op.Fork("kid")).error());
        Mm kid = k.taskNamed("kid").mm();
        assertTrue(k.pages().isPresent(kid, BASE));
        assertTrue(k.pages().isPresent(kid, BASE + Vma.PAGE_SIZE));
    }
}
