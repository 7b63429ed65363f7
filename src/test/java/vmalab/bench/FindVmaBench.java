package vmalab.bench;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Profile;
import vmalab.model.mm.Vma;

/**
 * find_vma() through the VMA index against its anchor, {@code TreeMap.floorEntry}, over the same 65,529 ranges
 * (one page each, one-page holes between) and the same 1,000,000 random addresses (a third of them in holes).
 * Prints the median of seven interleaved rounds after warm-up, in thread CPU time (on a shared machine wall time
 * mostly measures the other processes); not a test. Run:
 * {@code ./mvnw -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=vmalab.bench.FindVmaBench}.
 */
public final class FindVmaBench {
    private static final long BASE = 0x100000000000L;
    private static final int VMAS = 65_529;
    private static final int LOOKUPS = 1_000_000;

    private static final java.lang.management.ThreadMXBean THREADS =
        java.lang.management.ManagementFactory.getThreadMXBean();

    private FindVmaBench() {
    }

    private static long cpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    public static void main(String[] args) {
        Mm mm = new Mm(1, Profile.EMPTY);
        TreeMap<Long, Vma> map = new TreeMap<>();
        for (int i = 0; i < VMAS; i++) {
            long s = BASE + i * 0x2000L;
            Vma v = new Vma(s, s + 0x1000, 3, 0, null, 0, null);
            mm.link(v, e -> { });
            map.put(s, v);
        }
        long[] addrs = new long[LOOKUPS];
        Random rnd = new Random(42);
        for (int i = 0; i < LOOKUPS; i++) {
            // up to one and a half pages above a VMA's start: in it, or in the hole above it
            addrs[i] = BASE + rnd.nextInt(VMAS) * 0x2000L + rnd.nextInt(0x1800);
        }
        int rounds = 7;
        double[] index = new double[rounds];
        double[] treeMap = new double[rounds];
        long check = 0;
        for (int warm = 0; warm < 5; warm++) {
            check += findVma(mm, addrs) + floor(map, addrs);
        }
        for (int r = 0; r < rounds; r++) {
            long t0 = cpuNanos();
            long a = findVma(mm, addrs);
            index[r] = (cpuNanos() - t0) / 1e6;
            long t1 = cpuNanos();
            long b = floor(map, addrs);
            treeMap[r] = (cpuNanos() - t1) / 1e6;
            if (a != b) throw new IllegalStateException("the two disagree: " + a + " vs " + b);
            check += a;
        }
        System.out.printf("find_vma x %,d on %,d VMAs: %.1f ms (%.0f ns each)%n", LOOKUPS, VMAS,
            ModelBench.median(index), ModelBench.median(index) * 1e6 / LOOKUPS);
        System.out.printf("TreeMap.floorEntry x %,d on %,d ranges: %.1f ms (%.0f ns each)%n", LOOKUPS, VMAS,
            ModelBench.median(treeMap), ModelBench.median(treeMap) * 1e6 / LOOKUPS);
        System.out.println("(checksum " + check + ")");
    }

    /** How many addresses lie inside a VMA, by find_vma(). */
    private static long findVma(Mm mm, long[] addrs) {
        long in = 0;
        for (long a : addrs) {
            Vma v = mm.findVma(a);
            if (v != null && v.start() <= a) in++;
        }
        return in;
    }

    /** How many addresses lie inside a range, by floorEntry(). */
    private static long floor(TreeMap<Long, Vma> map, long[] addrs) {
        long in = 0;
        for (long a : addrs) {
            Map.Entry<Long, Vma> e = map.floorEntry(a);
            if (e != null && e.getValue().end() > a) in++;
        }
        return in;
    }
}
