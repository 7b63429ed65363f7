package vmalab.bench;

import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.event.EventDetail;
import vmalab.model.op.Op;
import vmalab.model.syscall.Syscalls;

/**
 * A quick timing of write faults (not JMH): write-touch 65,536 fresh anonymous pages and print µs per fault.
 * Run: {@code java -cp target/classes:target/test-classes vmalab.bench.TouchHarness}.
 */
public final class TouchHarness {
    static final int PAGES = 65_536;

    private TouchHarness() {
    }

    public static double once(EventDetail detail) {
        Kernel k = new Kernel();
        Syscalls.apply(k, new Op.Memory(PAGES + 8192, -1, -1));
        Syscalls.apply(k, new Op.Exec("touch", "x86_64"));
        long len = (long) PAGES << 12;
        OpResult m = Syscalls.apply(k, new Op.Mmap(0, len, 3, false, null, 0, false, false, false, false, false));
        long t0 = System.nanoTime();
        OpResult r = Syscalls.apply(k, new Op.Touch(m.result(), len, 'w'), detail);
        long ns = System.nanoTime() - t0;
        if (r.minorFaults() != PAGES) throw new IllegalStateException("minflt " + r.minorFaults());
        return ns / 1e3 / PAGES;
    }

    static void report(String name, EventDetail detail) {
        double[] xs = new double[7];
        for (int i = 0; i < xs.length; i++) {
            System.gc();
            xs[i] = once(detail);
        }
        java.util.Arrays.sort(xs);
        System.out.printf("%-8s write-touch %d pages: median %.2f µs/fault (min %.2f)%n", name, PAGES,
            xs[xs.length / 2], xs[0]);
    }

    public static void main(String[] args) {
        report("FULL", EventDetail.FULL);
        report("SUMMARY", EventDetail.SUMMARY);
    }
}
