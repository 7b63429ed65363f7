package vmalab.bench;

import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.mm.Mm;
import vmalab.model.op.Op;
import vmalab.model.syscall.Syscalls;

/**
 * Timing of the model on a huge process, outside the unit tests (no timing asserts there). Run:
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=vmalab.bench.ModelBench}
 * or from the IDE. Prints the median of five runs of each measurement.
 */
public final class ModelBench {
    private ModelBench() {
    }

    static long fill(Kernel k, int n) {
        Syscalls.apply(k, new Op.Exec("bench", "empty"));
        long base = 0x100000000000L;
        for (int i = 0; i < n; i++) {
            int prot = (i & 1) == 0 ? 3 : 1;
            OpResult r = Syscalls.apply(k, new Op.Mmap(base + i * 0x2000L, 0x1000, prot, false, null, 0, false, true, false,
                false, false));
            if (r.result() < 0) return i;
        }
        return n;
    }

    /** mmap(NULL, …) n times: every call searches for the highest free gap below mmap_base. */
    static long fillSearching(Kernel k, int n) {
        Syscalls.apply(k, new Op.Exec("search", "empty"));
        for (int i = 0; i < n; i++) {
            int prot = (i & 1) == 0 ? 3 : 1;
            OpResult r = Syscalls.apply(k, new Op.Mmap(0, 0x1000, prot, false, null, 0, false, false, false, false, false));
            if (r.result() < 0) return i;
        }
        return n;
    }

    static double median(double[] xs) {
        java.util.Arrays.sort(xs);
        return xs[xs.length / 2];
    }

    public static void main(String[] args) {
        int n = 65_530 - 1;
        double[] build = new double[5];
        double[] lookups = new double[5];
        double[] fork = new double[5];
        double[] copy = new double[5];
        double[] search = new double[5];
        for (int run = 0; run < 5; run++) {
            Kernel k = new Kernel();
            long t0 = System.nanoTime();
            fill(k, n);
            build[run] = (System.nanoTime() - t0) / 1e6;
            Mm mm = k.current().mm();
            long t1 = System.nanoTime();
            long hits = 0;
            for (int i = 0; i < 1_000_000; i++) {
                long addr = 0x100000000000L + ((i * 7919L) % n) * 0x2000L;
                if (mm.findVma(addr) != null) hits++;
            }
            lookups[run] = (System.nanoTime() - t1) / 1e6;
            if (hits == 0) throw new IllegalStateException();
            long t2 = System.nanoTime();
            Syscalls.apply(k, new Op.Fork("child"));
            fork[run] = (System.nanoTime() - t2) / 1e6;
            long t3 = System.nanoTime();
            k.copy();
            copy[run] = (System.nanoTime() - t3) / 1e6;
            long t4 = System.nanoTime();
            fillSearching(new Kernel(), n);
            search[run] = (System.nanoTime() - t4) / 1e6;
        }
        System.out.printf("mmap %d VMAs at given addresses: %.0f ms%n", n, median(build));
        System.out.printf("mmap(NULL) %d times, top-down gap search each: %.0f ms%n", n, median(search));
        System.out.printf("find_vma x 1,000,000 on %d VMAs: %.0f ms (%.0f ns each)%n", n, median(lookups),
            median(lookups) * 1e6 / 1_000_000);
        System.out.printf("fork of a %d-VMA process: %.0f ms%n", n, median(fork));
        System.out.printf("checkpoint (Kernel.copy) of two %d-VMA processes: %.0f ms%n", n, median(copy));
    }
}
