package vmalab.model;

import java.util.List;
import vmalab.model.event.SimEvent;
import vmalab.model.event.TaskEvent;
import vmalab.model.op.Op;

/**
 * What one operation did: the pid it ran in, its return value (the kernel's: an address, 0, or -errno), the
 * system call it made as strace would show it (null for an operation that is no system call: exec, file,
 * touch, memory), the events in order, and an error when the operation itself was not possible (no such
 * process, a bad argument the kernel would never see); an operation with an error changed nothing. The fault
 * counts are getrusage()'s ru_minflt and ru_majflt over the operation.
 */
public record OpResult(Op op, int pid, long result, TaskEvent.SyscallDone syscall, List<SimEvent> events,
                       String error, long minorFaults, long majorFaults) {
    public OpResult(Op op, int pid, long result, TaskEvent.SyscallDone syscall, List<SimEvent> events,
                    String error, long minorFaults) {
        this(op, pid, result, syscall, events, error, minorFaults, 0);
    }

    public boolean failed() {
        return error != null;
    }
}
