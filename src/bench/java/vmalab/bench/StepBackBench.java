package vmalab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import vmalab.model.Kernel;
import vmalab.model.op.Op;
import vmalab.app.Operations;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.Timeline;

/**
 * Step back at the end of a session with 65,530 VMAs and {@code bench.stepback.pages} (default 100,000) present
 * pages, through the real {@link Timeline} (restore the nearest checkpoint, replay). The scenario: memory, exec,
 * one anonymous mapping touched all through, then one-page mmaps up to max_map_count, so every checkpoint after
 * the touch holds the present pages. Beside it, one {@link Kernel#copy()} of the final state. Sampled (each
 * call timed): {@link BenchMain} reports the median beside the mean, which the collector's pauses inflate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 2)
public class StepBackBench {
    private Timeline timeline;

    static long pages() {
        return Long.getLong("bench.stepback.pages", 100_000L);
    }

    @Setup(Level.Trial)
    public void build() {
        long pages = pages();
        String len = pages * 4 + "K";
        List<Timeline.Entry> entries = new ArrayList<>();
        for (Op op : FaultCase.ops("memory 4G\nexec bench empty\n"
            + "mmap 0x100000000000 " + len + " rw- private anon fixed\n"
            + "touch 0x100000000000 " + len + " w\n")) {
            entries.add(new Timeline.Entry(op.toString(), op, 0));
        }
        // exec "empty" maps nothing: the mapping above is VMA 1
        for (int i = 0; i < Kernel.DEFAULT_MAX_MAP_COUNT - 1; i++) {
            entries.add(new Timeline.Entry("mmap", VmaFill.mmap(i), 0));
        }
        timeline = new Timeline(new Session(), Operations::apply);
        timeline.reset(entries, "stepback.vlab");
        timeline.jumpTo(entries.size());
        int vmas = timeline.kernel().current().mm().mapCount();
        if (vmas != Kernel.DEFAULT_MAX_MAP_COUNT) throw new IllegalStateException("VMAs: " + vmas);
    }

    @Setup(Level.Invocation)
    public void forward() {
        if (!timeline.atEnd()) timeline.stepOp();
    }

    @Benchmark
    public Kernel stepBack() {
        timeline.stepBack();
        return timeline.kernel();
    }

    @Benchmark
    public Kernel kernelCopy() {
        return timeline.kernel().copy();
    }
}
