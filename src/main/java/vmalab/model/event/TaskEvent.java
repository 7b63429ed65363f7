package vmalab.model.event;

import vmalab.model.fs.SimFile;
import vmalab.model.op.Op;

/** Processes and threads coming and going, and the system calls they make. */
public sealed interface TaskEvent extends SimEvent {
    int pid();

    /** A task_struct was created: by exec (a fresh mm), fork (a copied mm) or a thread (the same mm). */
    record TaskCreated(int pid, int tgid, String comm, long mmId, String how) implements TaskEvent { }

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

    /** A signal sent to the task (SIGSEGV, SIGBUS), with the faulting address. */
    record SignalRaised(int pid, String signal, long addr, String reason) implements TaskEvent { }
}
