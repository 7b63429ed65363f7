package vmalab.model.event;

/** Processes and threads coming and going, and the system calls they make. */
public sealed interface TaskEvent extends SimEvent {
    int pid();

    /** A task_struct was created: by exec (a fresh mm), fork (a copied mm) or a thread (the same mm). */
    record TaskCreated(int pid, int tgid, String comm, long mmId, String how) implements TaskEvent { }

    /** do_exit(): the task is gone. */
    record TaskExited(int pid) implements TaskEvent { }

    /** The strace-like line of a finished system call: {@code brk(NULL) = 0x555555559000}. */
    record SyscallDone(int pid, String text, long result) implements TaskEvent { }

    /** A signal sent to the task (SIGSEGV, SIGBUS), with the faulting address. */
    record SignalRaised(int pid, String signal, long addr, String reason) implements TaskEvent { }
}
