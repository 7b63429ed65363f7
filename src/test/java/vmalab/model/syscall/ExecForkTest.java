package vmalab.model.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vmalab.model.OpResult;
import vmalab.model.event.TaskEvent;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.model.mm.VmFlags;

class ExecForkTest extends SyscallTestBase {
    @Test
    void classicStackIsExecutableModernIsNot() {
        run("exec old i386-2.6");
        Vma oldStack = mm().vmaAt(0xbffff000L);
        assertEquals("rwxp", oldStack.perms());
        assertEquals(-1L, oldStack.pgoff(), "the stack grew one page: vm_pgoff went below zero");
        run("exec new x86_64");
        Vma stack = mm().vmaAt(0x7fffffffe000L);
        assertEquals("rw-p", stack.perms());
        assertTrue(stack.has(VmFlags.GROWSDOWN));
    }

    @Test
    void forkCopiesVmasButNotDontcopyAndThreadsShareTheMm() {
        run("exec p empty");
        run("mmap 0x10000000 8K rw- private anon");
        run("mmap 0x20000000 8K rw- private anon");
        run("madvise 0x20000000 8K dontfork");
        run("fork c");
        Mm child = kernel.taskNamed("c").mm();
        assertEquals(1, child.mapCount());
        assertNull(child.checkInvariants());
        run("thread t");
        assertSame(kernel.taskNamed("p").mm(), kernel.taskNamed("t").mm());
        assertEquals(2, mm().users());
        assertEquals(kernel.taskNamed("p").pid(), kernel.taskNamed("t").tgid());
    }

    @Test
    void stackGrowsDownOnAFaultBelowItButNotIntoTheGuardGap() {
        run("exec p x86_64");
        Vma stack = mm().vmaAt(0x7fffffffe000L);
        long below = stack.start() - 0x3000;
        OpResult r = run("touch 0x" + Long.toHexString(below) + " w");
        assertEquals(below, mm().vmaAt(below).start());
        assertTrue(r.events().stream().noneMatch(e -> e instanceof TaskEvent.SignalRaised));
        // a mapping just under the stack: the stack may not come within stack_guard_gap of it
        long low = below - 0x200000;
        run("mmap 0x" + Long.toHexString(low) + " 4K rw- private anon fixed");
        OpResult r2 = run("touch 0x" + Long.toHexString(low + 0x2000) + " r");
        TaskEvent.SignalRaised sig = (TaskEvent.SignalRaised) r2.events().stream()
            .filter(e -> e instanceof TaskEvent.SignalRaised).findFirst().orElse(null);
        assertNotNull(sig);
        assertEquals("SIGSEGV", sig.signal());
    }

    @Test
    void accessErrorsAreSigsegvAndTheProcessStaysInspectable() {
        run("exec p empty");
        run("mmap 0x10000000 4K r-- private anon");
        OpResult r = run("touch 0x10000010 w");
        assertEquals(-1, r.result());
        assertEquals(1, kernel.current().signals().size());
        assertTrue("SEGV_ACCERR".equals(kernel.current().signals().get(0).cause().code()));
        run("touch 0x5000 r");
        assertTrue("SEGV_MAPERR".equals(kernel.current().signals().get(1).cause().code()));
        assertEquals(1, mm().mapCount());
    }

    @Test
    void exitOfTheLastUserUnmapsEverything() {
        run("exec p empty");
        run("mmap 0x10000000 8K rw- private anon");
        run("fork c");
        run("c: exit");
        assertEquals(1, mm().mapCount(), "the child's exit leaves the parent's mm");
        run("exit");
        assertNull(kernel.current());
        assertTrue(kernel.mms().isEmpty());
    }

    @Test
    void exitIsExitGroupEveryThreadGoes() {
        // given: a process with a thread sharing its mm
        run("exec p empty");
        run("mmap 0x10000000 8K rw- private anon");
        run("thread t");

        // when: the thread calls exit (glibc's exit() is exit_group())
        run("t: exit");

        // then: do_group_exit() ends the whole thread group; the mm goes with its last user
        assertNull(kernel.taskNamed("p"));
        assertNull(kernel.taskNamed("t"));
        assertTrue(kernel.mms().isEmpty());
    }
}
