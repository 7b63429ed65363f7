package vmalab.model.syscall;

import java.util.function.Consumer;
import vmalab.model.Kernel;
import vmalab.model.event.EventSink;
import vmalab.model.event.Narration;
import vmalab.model.event.Sentence;
import vmalab.model.event.SimEvent;
import vmalab.model.event.TaskEvent;
import vmalab.model.event.TaskEvent.Cause;
import vmalab.model.fault.PageBackend;
import vmalab.model.fault.PageBackend.FaultOutcome;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Task;
import vmalab.model.mm.Vma;
import vmalab.model.mm.VmaRef;
import vmalab.model.mm.VmFlags;

/**
 * The part of the x86 page-fault handler that looks at VMAs (arch/x86/mm/fault.c: do_user_addr_fault()):
 * find_vma(), stack growth by expand_stack(), access_error(), and SIGSEGV; then handle_mm_fault() on the
 * physical side.
 */
final class FaultPath {
    private final Kernel kernel;
    private final Task task;
    private final Mm mm;
    private final Consumer<SimEvent> ev;
    private long minorFaults;
    private long majorFaults;
    private TaskEvent.SignalRaised signal;
    private boolean killed;

    FaultPath(Kernel kernel, Task task, Consumer<SimEvent> ev) {
        this.kernel = kernel;
        this.task = task;
        this.mm = task.mm();
        this.ev = ev;
    }

    long minorFaults() {
        return minorFaults;
    }

    /** ru_majflt of the faults so far: pages read from disk (VM_FAULT_MAJOR). */
    long majorFaults() {
        return majorFaults;
    }

    TaskEvent.SignalRaised signal() {
        return signal;
    }

    /** Whether the OOM killer chose this task's process: it runs nothing more. */
    boolean killed() {
        return killed;
    }

    /** Accesses every page of [addr, addr+len); stops at the first signal. */
    void touch(long addr, long len, char access) {
        long first = addr & -Vma.PAGE_SIZE;
        long last = len <= 1 ? first : (addr + len - 1) & -Vma.PAGE_SIZE;
        for (long p = first; ; p += Vma.PAGE_SIZE) {
            if (!access(p == first ? addr : p, access)) return;
            if (p == last) return;
        }
    }

    /** One access; false when it raised a signal. */
    boolean access(long addr, char access) {
        // arch/x86/kernel/traps.c: exc_general_protection(): an address whose top bits are not copies of the
        // highest implemented one (bit 47 with 4 levels) never reaches the page-fault handler; the #GP gives a
        // SIGSEGV whose si_addr is 0 (SI_KERNEL)
        if (!canonical(addr)) return signal(Cause.NON_CANONICAL, 0, null, access);
        if (Long.compareUnsigned(addr, mm.profile().taskSize()) >= 0) {
            return signal(Cause.ABOVE_TASK_SIZE, addr, null, access);
        }
        // the MMU: a present PTE that allows the access needs no fault (it sets Accessed/Dirty)
        if (kernel.pages().hardwareAccess(mm, addr, access, ev)) {
            return true;
        }
        Vma vma = EventSink.detailed(ev) ? mm.findVma(addr, ev) : mm.findVma(addr);
        if (vma == null) return signal(Cause.NO_VMA, addr, null, access);
        if (Long.compareUnsigned(vma.start(), addr) > 0) {
            if (!vma.has(VmFlags.GROWSDOWN)) return signal(Cause.IN_HOLE, addr, null, access);
            Cause why = expandStack(addr);
            if (why != null) return signal(why, addr, null, access);
            vma = mm.vmaAt(addr);
        }
        if (accessError(vma, access)) {
            return signal(Cause.NO_PERMISSION, addr, vma, access);
        }
        if (access == 'x' && !vma.has(VmFlags.EXEC)) {
            // NX: the page can be faulted in, but fetching an instruction from it faults again
            if (!handle(vma, addr, 'r') && killed) return false;
            return signal(Cause.NX, addr, null, access);
        }
        return handle(vma, addr, access);
    }

    /** x86-64's canonical form: bits 63..47 (63..56 with 5 levels) all equal; classic i386 has no such rule. */
    private boolean canonical(long addr) {
        if (mm.profile().classic()) return true;
        int top = mm.profile().levels() >= 5 ? 56 : 47;
        long high = addr >> top;
        return high == 0 || high == -1;
    }

    /**
     * get_user_pages()'s faultin_page() for MAP_POPULATE and MADV_POPULATE_(READ|WRITE): the fault without a
     * signal (a VM_FAULT_SIGBUS becomes -EFAULT for the caller); only the OOM killer's SIGKILL is real.
     */
    FaultOutcome populatePage(Vma vma, long addr, char access) {
        while (true) {
            FaultOutcome out = kernel.pages().handleFault(task, vma, addr, access, ev);
            if (out != FaultOutcome.OOM) {
                account(out);
                return out;
            }
            if (!oomKillOther(addr, access)) return out;
        }
    }

    private boolean handle(Vma vma, long addr, char access) {
        while (true) {
            FaultOutcome out = kernel.pages().handleFault(task, vma, addr, access, ev);
            account(out);
            if (out == FaultOutcome.SIGBUS) return signal(Cause.PAST_EOF, addr, null, access);
            if (out != FaultOutcome.OOM) return true;
            if (!oomKillOther(addr, access)) return false;
        }
    }

    /**
     * mm/memory.c: mm_account_fault(): a fault that ended in VM_FAULT_ERROR (SIGBUS, OOM) counts nothing; else
     * a major fault (VM_FAULT_MAJOR) counts in maj_flt, any other in min_flt.
     */
    private void account(FaultOutcome out) {
        if (out == FaultOutcome.OK) minorFaults++;
        else if (out == FaultOutcome.MAJOR) majorFaults++;
    }

    /**
     * VM_FAULT_OOM: out_of_memory() kills one process. True when it was another (its memory is back: the fault
     * is retried); false when it was this one: SIGKILL, the access never completes and the process is gone.
     */
    private boolean oomKillOther(long addr, char access) {
        Task victim = OomKiller.select(kernel);
        if (victim != null && victim.tgid() != task.tgid() && victim.mm() != mm) {
            OomKiller.kill(kernel, victim, ev);
            return true;
        }
        killed = true;
        signal(Cause.OUT_OF_MEMORY, addr, null, access);
        if (victim != null) OomKiller.kill(kernel, victim, ev);
        else ExitGroup.exitGroup(kernel, task, ev);
        return false;
    }

    /**
     * access_error(): a write needs VM_WRITE; any other access needs one of VM_READ/WRITE/EXEC (x86 cannot
     * refuse reads of an executable page). Without NX (classic i386) an instruction fetch is a read.
     */
    private boolean accessError(Vma vma, char access) {
        if (access == 'w') return !vma.has(VmFlags.WRITE);
        if (access == 'x' && !mm.profile().hasNx()) return !vma.has(VmFlags.ACCESS);
        return !vma.has(VmFlags.ACCESS);
    }

    /**
     * expand_downwards(): the stack VMA grows to the faulting page unless it would come within
     * stack_guard_gap of the mapping below or pass RLIMIT_STACK. vm_pgoff moves down with vm_start.
     */
    private Cause expandStack(long addr) {
        long address = addr & -Vma.PAGE_SIZE;
        VmaRef node = mm.findVmaRef(addr);
        Vma stack = node.vma();
        VmaRef prevNode = node.prev();
        if (prevNode != null) {
            Vma prev = prevNode.vma();
            if (!prev.has(VmFlags.GROWSDOWN) && prev.has(VmFlags.ACCESS)
                    && Long.compareUnsigned(address - prev.end(), Mm.STACK_GUARD_GAP) < 0) {
                return Cause.STACK_GUARD_GAP;
            }
        }
        if (stack.end() - address > MmapCalls.STACK_RLIMIT) return Cause.STACK_RLIMIT;
        long grow = (stack.start() - address) >>> Vma.PAGE_SHIFT;
        ev.accept(new Narration(Sentence.EXPAND_STACK_FAULT, grow, address));
        mm.adjust(node, new Vma(address, stack.end(), stack.flags(), stack.pgoff() - grow, stack.file(),
            stack.anonVma(), stack.name()), ev);
        return null;
    }

    /** force_sig_fault(): the signal is queued for the task; false (the access did not complete). */
    private boolean signal(Cause cause, long addr, Vma vma, char access) {
        signal = new TaskEvent.SignalRaised(task.pid(), cause, addr, vma, access);
        task.signals().add(signal);
        ev.accept(new Narration(Sentence.FORCE_SIG_FAULT, addr, 0, 0, 0, signal));
        ev.accept(signal);
        return false;
    }

    PageBackend pages() {
        return kernel.pages();
    }
}
