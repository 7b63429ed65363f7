package vmalab.bench;

import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.op.Op;

/**
 * The one place the benchmarks apply an operation. {@code detailed} is the consumer's wish: every event (the
 * animation director's FULL) or a summary of bulk work (SUMMARY). Until {@code Syscalls.apply(Kernel, Op,
 * EventDetail)} lands both modes call {@link Kernel#apply(Op)}, so today's two columns are the same model;
 * the lead switches this body at merge:
 * {@code return Syscalls.apply(k, op, detailed ? EventDetail.FULL : EventDetail.SUMMARY);}
 */
final class BenchOps {
    private BenchOps() {
    }

    /** Whether the two modes really differ yet (false until the EventDetail API is wired in here). */
    static final boolean DETAIL_WIRED = false;

    static OpResult apply(Kernel k, Op op, boolean detailed) {
        return k.apply(op);
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
