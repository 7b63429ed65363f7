package vmalab.model.syscall;

import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.event.EventDetail;
import vmalab.model.op.Op;

/**
 * The entry point for operations: runs one {@link Op} against a kernel and returns its result and events. The
 * kernel itself knows nothing of system calls (the syscall package depends on the model, never the reverse).
 */
public final class Syscalls {
    private Syscalls() {
    }

    /** Runs {@code op} with every event reported ({@link EventDetail#FULL}). */
    public static OpResult apply(Kernel kernel, Op op) {
        return apply(kernel, op, EventDetail.FULL);
    }

    /**
     * Runs {@code op}, reporting events as {@code detail} asks. An operation that returns an error changed
     * nothing; the state left is the same for every detail.
     */
    public static OpResult apply(Kernel kernel, Op op, EventDetail detail) {
        return new Dispatcher(kernel, detail).apply(op);
    }
}
