package vmalab.bench;

import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.event.EventDetail;
import vmalab.model.op.Op;
import vmalab.model.syscall.Syscalls;

/**
 * The one place the benchmarks apply an operation. {@code detailed} is the consumer's wish: every event (the
 * animation director's FULL) or a summary of bulk work (SUMMARY).
 */
final class BenchOps {
    private BenchOps() {
    }

    /** Whether the two modes really differ (the EventDetail API is wired in). */
    static final boolean DETAIL_WIRED = true;

    static OpResult apply(Kernel k, Op op, boolean detailed) {
        return Syscalls.apply(k, op, detailed ? EventDetail.FULL : EventDetail.SUMMARY);
    }

    /** Applies every operation of a setup, failing loudly: a benchmark on a broken setup measures nothing. */
    static void applyAll(Kernel k, Iterable<Op> ops) {
        for (Op op : ops) {
            OpResult r = apply(k, op, false);
            if (r.failed() || r.result() < 0) {
                throw new IllegalStateException("setup step failed: " + op + " -> " + r.result() + " " + r.error());
            }
        }
    }
}
