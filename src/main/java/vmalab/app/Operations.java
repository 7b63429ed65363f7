package vmalab.app;

import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.event.EventDetail;
import vmalab.model.op.Op;
import vmalab.model.syscall.Syscalls;

/**
 * Where the window applies operations to the model: the one call site (views and viewmodel see the kernel
 * read-only; the timeline is handed this function).
 */
public final class Operations {
    private Operations() {
    }

    /**
     * How many events a step keeps for the animation: every event of an ordinary step; a bulk step (a touch of a
     * million pages, a populate, the fork of a large process) keeps its first events and a summary of the rest.
     */
    public static final EventDetail WINDOW_DETAIL = EventDetail.upTo(4096);

    public static OpResult apply(Kernel kernel, Op op) {
        return Syscalls.apply(kernel, op, WINDOW_DETAIL);
    }
}
