package vmalab.bench;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import vmalab.model.Kernel;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;

/**
 * find_vma over max_map_count (65,530) VMAs against {@code TreeMap.floorEntry} over the same ranges, both on
 * the same {@value #LOOKUPS} random addresses (fixed seed) spread over the whole span, gaps included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FindVmaBench {
    static final int LOOKUPS = 4096;

    private Mm mm;
    private TreeMap<Long, Long> ranges;
    private long[] addrs;

    @Setup
    public void build() {
        Kernel k = VmaFill.kernelWithVmas(Kernel.DEFAULT_MAX_MAP_COUNT);
        mm = k.current().mm();
        List<Vma> vmas = mm.vmas();
        if (vmas.size() != Kernel.DEFAULT_MAX_MAP_COUNT) {
            throw new IllegalStateException("expected 65,530 VMAs, got " + vmas.size());
        }
        ranges = new TreeMap<>();
        for (Vma v : vmas) ranges.put(v.start(), v.end());
        long lo = vmas.get(0).start();
        long hi = vmas.get(vmas.size() - 1).end();
        SplittableRandom rnd = new SplittableRandom(7);
        addrs = new long[LOOKUPS];
        for (int i = 0; i < LOOKUPS; i++) addrs[i] = rnd.nextLong(lo, hi);
    }

    /** mm/mmap.c: find_vma(), the first VMA ending above the address. */
    @Benchmark
    @OperationsPerInvocation(LOOKUPS)
    public long findVma() {
        long sum = 0;
        for (long a : addrs) {
            Vma v = mm.findVma(a);
            if (v != null && v.start() <= a) sum += v.start();
        }
        return sum;
    }

    /** The anchor: the JDK's red-black tree, floorEntry and an end check. */
    @Benchmark
    @OperationsPerInvocation(LOOKUPS)
    public long treeMapFloorEntry() {
        long sum = 0;
        for (long a : addrs) {
            Map.Entry<Long, Long> e = ranges.floorEntry(a);
            if (e != null && a < e.getValue()) sum += e.getKey();
        }
        return sum;
    }
}
