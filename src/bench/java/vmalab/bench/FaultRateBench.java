package vmalab.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.op.Op;

/**
 * One touch of every page of a {@code bench.pages}-page mapping (default 1,000,000), each fault kind of
 * tools/fault-rate in both event modes. One shot per iteration on a freshly prepared kernel (the setup is not
 * timed); {@link BenchMain} divides by the pages for pages/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class FaultRateBench {
    @Param({"ANON_WRITE", "ZERO_READ", "FILE_READ", "COW_WRITE"})
    public FaultCase kind;

    /** FULL: every event, for the consumer that animates; SUMMARY: bulk work counted. */
    @Param({"FULL", "SUMMARY"})
    public String detail;

    private Kernel kernel;
    private Op op;
    private OpResult last;

    @Setup(Level.Iteration)
    public void prepare() {
        long pages = FaultCase.pages();
        kernel = kind.prepared(pages);
        op = kind.timed(pages);
    }

    @Benchmark
    public OpResult touch() {
        last = BenchOps.apply(kernel, op, detail.equals("FULL"));
        return last;
    }

    @TearDown(Level.Iteration)
    public void check() {
        if (last == null || last.failed() || last.result() < 0 || last.minorFaults() == 0) {
            throw new IllegalStateException(kind + ": the touch did not fault: " + last);
        }
        last = null;
        kernel = null;
    }
}
