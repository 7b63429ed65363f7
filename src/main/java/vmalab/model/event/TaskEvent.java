package vmalab.model.event;

import vmalab.model.fs.SimFile;
import vmalab.model.mm.Vma;
import vmalab.model.op.Op;

/** Processes and threads coming and going, and the system calls they make. */
public sealed interface TaskEvent extends SimEvent {
    int pid();

    /** How a task came to be: exec (a fresh mm), fork (a copied mm) or a thread (the same mm). */
    enum How { EXEC, FORK, THREAD }

    /** A task_struct was created, named {@code comm}. */
    record TaskCreated(int pid, int tgid, String comm, long mmId, How how) implements TaskEvent { }

    /** do_exit(): the task is gone. */
    record TaskExited(int pid) implements TaskEvent { }

    /**
     * A finished system call: {@code call} with the arguments the kernel saw (a relative brk as the absolute
     * break asked for; {@code Op.Brk(0, true)} is {@code brk(NULL)}), the file an mmap mapped (or null),
     * whether ld.so's mmap passed MAP_DENYWRITE, and the return value. The io package renders it as strace does.
     */
    record SyscallDone(int pid, Op call, SimFile file, boolean denyWrite, long result) implements TaskEvent {
        public SyscallDone(int pid, Op call, long result) {
            this(pid, call, null, false, result);
        }
    }

    /** The signals a memory access can raise. */
    enum Signal { SIGSEGV, SIGBUS, SIGKILL }

    /** Why an access raised a signal, with the signal and its si_code (null for the OOM killer's SIGKILL). */
    enum Cause {
        ABOVE_TASK_SIZE(Signal.SIGSEGV, "SEGV_MAPERR"),
        /** A non-canonical address: a general protection fault, not a page fault; si_addr is 0. */
        NON_CANONICAL(Signal.SIGSEGV, "SI_KERNEL"),
        NO_VMA(Signal.SIGSEGV, "SEGV_MAPERR"),
        IN_HOLE(Signal.SIGSEGV, "SEGV_MAPERR"),
        STACK_GUARD_GAP(Signal.SIGSEGV, "SEGV_MAPERR"),
        STACK_RLIMIT(Signal.SIGSEGV, "SEGV_MAPERR"),
        /** access_error(): the VMA does not allow the access (the VMA and the access are on the event). */
        NO_PERMISSION(Signal.SIGSEGV, "SEGV_ACCERR"),
        NX(Signal.SIGSEGV, "SEGV_ACCERR"),
        PAST_EOF(Signal.SIGBUS, "BUS_ADRERR"),
        OUT_OF_MEMORY(Signal.SIGKILL, null);

        private final Signal signal;
        private final String code;

        Cause(Signal signal, String code) {
            this.signal = signal;
            this.code = code;
        }

        public Signal signal() {
            return signal;
        }

        /** The si_code's name: {@code SEGV_MAPERR}. */
        public String code() {
            return code;
        }
    }

    /**
     * A signal sent to the task, with the faulting address and its cause; {@code vma} and {@code access} ('r',
     * 'w', 'x') are the access a VMA refused ({@link Cause#NO_PERMISSION}), else null and the access made.
     */
    record SignalRaised(int pid, Cause cause, long addr, Vma vma, char access) implements TaskEvent {
        /** The signal's name: {@code SIGSEGV}. */
        public String signal() {
            return cause.signal().name();
        }
    }
}
