package vmalab.model.mm;

import java.util.ArrayList;
import java.util.List;
import vmalab.model.event.TaskEvent.SignalRaised;

/** A task_struct: pid, thread group, command name and the memory descriptor it uses. */
public final class Task {
    private final int pid;
    private final int tgid;
    private final String comm;
    private final String cmdline;
    private final int parentPid;
    private Mm mm;
    private boolean exited;
    private final List<SignalRaised> signals = new ArrayList<>();

    public Task(int pid, int tgid, String comm, String cmdline, int parentPid, Mm mm) {
        this.pid = pid;
        this.tgid = tgid;
        this.comm = comm;
        this.cmdline = cmdline;
        this.parentPid = parentPid;
        this.mm = mm;
    }

    public int pid() { return pid; }
    /** The thread group id: the pid of the group leader (getpid() of every thread). */
    public int tgid() { return tgid; }
    /** TASK_COMM_LEN-truncated name (15 characters). */
    public String comm() { return comm; }
    /** The command line pmap prints in its header. */
    public String cmdline() { return cmdline; }
    public int parentPid() { return parentPid; }
    public Mm mm() { return mm; }
    public boolean exited() { return exited; }
    public boolean isThread() { return pid != tgid; }
    /** Signals raised at this task (SIGSEGV, SIGBUS), newest last. */
    public List<SignalRaised> signals() { return signals; }

    public void markExited() {
        exited = true;
    }

    public void setMm(Mm mm) {
        this.mm = mm;
    }

    /** A copy bound to another (already copied) mm. */
    public Task copyWith(Mm mmCopy) {
        Task t = new Task(pid, tgid, comm, cmdline, parentPid, mmCopy);
        t.exited = exited;
        t.signals.addAll(signals);
        return t;
    }
}
