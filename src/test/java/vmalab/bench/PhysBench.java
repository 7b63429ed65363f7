package vmalab.bench;

import vmalab.model.syscall.Syscalls;
import java.util.function.Consumer;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.event.SimEvent;
import vmalab.model.fault.PageBackend;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Task;
import vmalab.model.mm.Vma;
import vmalab.model.op.Op;

/**
 * Timing and heap of the physical side, outside the unit tests (no timing asserts there): anonymous write
 * faults, zero-page read faults, file read faults (cold, and warm with fault-around), COW faults after fork,
 * bytes of heap per resident page, and a checkpoint at 65,530 VMAs and 100,000 present pages. Run after
 * {@code ./mvnw -q -o test-compile}:
 * {@code java -Xmx4g -cp target/classes:target/test-classes vmalab.bench.PhysBench [pages]}.
 *
 * <p>"noop" figures run the fault path (MMU check, find_vma, handle_mm_fault) with a consumer that drops
 * every event (the events are still built); "apply" figures go through {@code Kernel.apply}, which keeps
 * every event. Each rate is given per second of wall time and per second of this thread's CPU time (the
 * second is steadier on a shared machine; the first also pays for the collector).
 */
public final class PhysBench {
    private static final Consumer<SimEvent> NOOP = e -> { };
    private static final long PAGE = Vma.PAGE_SIZE;

    private PhysBench() {
    }

    /** A kernel with 4 GiB of memory and one empty process holding an n-page VMA; returns its start. */
    static long setUp(Kernel k, long pages, String file) {
        Syscalls.apply(k, new Op.Memory(1 << 20, -1, -1));
        Syscalls.apply(k, new Op.Exec("bench", "empty"));
        if (file != null) Syscalls.apply(k, new Op.CreateFile(file, pages * PAGE, null, null, null));
        OpResult r = Syscalls.apply(k, new Op.Mmap(0, pages * PAGE, file == null ? 3 : 1, false, file, 0, false, false,
            false, false, false));
        if (r.result() < 0) throw new IllegalStateException("mmap: " + r.result() + " " + r.error());
        return r.result();
    }

    /** FaultPath.access() without events: the MMU, find_vma(), handle_mm_fault(). Returns faults taken. */
    static long touch(Kernel k, Task t, long start, long pages, char access) {
        PageBackend pb = k.pages();
        Mm mm = t.mm();
        long faults = 0;
        for (long a = start, end = start + pages * PAGE; a < end; a += PAGE) {
            if (pb.hardwareAccess(mm, a, access, NOOP)) continue;
            Vma v = mm.findVma(a, NOOP);
            PageBackend.FaultOutcome out = pb.handleFault(t, v, a, access, NOOP);
            if (out == PageBackend.FaultOutcome.OK) faults++;
            else if (out != PageBackend.FaultOutcome.NO_FAULT) throw new IllegalStateException(out + " at " + a);
        }
        return faults;
    }

    private static final java.lang.management.ThreadMXBean CPU =
        java.lang.management.ManagementFactory.getThreadMXBean();
    private static long cpuStart;

    /** Starts the clock of this thread's CPU time (the machine is shared: wall time is noisy). */
    static long start() {
        cpuStart = CPU.getCurrentThreadCpuTime();
        return System.nanoTime();
    }

    static void report(String what, long faults, long nanos) {
        long cpu = CPU.getCurrentThreadCpuTime() - cpuStart;
        System.out.printf("%-46s %8d faults %7.0f ms %11.0f/s wall %11.0f/s cpu%n", what, faults, nanos / 1e6,
            faults * 1e9 / nanos, faults * 1e9 / cpu);
    }

    static long used() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    static void anon(long pages, char access, boolean measureHeap) {
        long empty = measureHeap ? used() : 0;
        Kernel k = new Kernel();
        long start = setUp(k, pages, null);
        long before = measureHeap ? used() : 0;
        long t0 = start();
        long n = touch(k, k.current(), start, pages, access);
        long dt = System.nanoTime() - t0;
        report((access == 'w' ? "anon write" : "zero-page read") + " (noop) x" + pages, n, dt);
        if (measureHeap) {
            long after = used();
            System.out.printf("  heap: %d bytes for %d resident pages = %.1f bytes/page touched, %.1f bytes/page"
                + " with the machine (4 GiB of struct pages, free lists, tables)%n", after - before, n,
                (after - before) / (double) n, (after - empty) / (double) n);
        }
        if (k.current() == null) throw new IllegalStateException();
    }

    static void anonApply(long pages, char access) {
        Kernel k = new Kernel();
        long start = setUp(k, pages, null);
        long t0 = start();
        OpResult r = Syscalls.apply(k, new Op.Touch(start, pages * PAGE, access));
        long dt = System.nanoTime() - t0;
        report((access == 'w' ? "anon write" : "zero-page read") + " (apply) x" + pages, r.minorFaults(), dt);
    }

    static void file(long pages) {
        Kernel k = new Kernel();
        long start = setUp(k, pages, "data");
        long t0 = start();
        long cold = touch(k, k.current(), start, pages, 'r');
        report("file read, cold (noop) x" + pages, cold, System.nanoTime() - t0);
        Syscalls.apply(k, new Op.Munmap(start, pages * PAGE));
        OpResult r = Syscalls.apply(k, new Op.Mmap(start, pages * PAGE, 1, false, "data", 0, true, false, false, false,
            false));
        if (r.result() != start) throw new IllegalStateException("remap " + r);
        long t1 = start();
        long warm = touch(k, k.current(), start, pages, 'r');
        report("file read, cached, fault-around (noop) x" + pages, warm, System.nanoTime() - t1);
        System.out.printf("  %d pages mapped by %d faults%n", pages, warm);
    }

    static void cow(long pages) {
        Kernel k = new Kernel();
        long start = setUp(k, pages, null);
        touch(k, k.current(), start, pages, 'w');
        long t0 = System.nanoTime();
        Syscalls.apply(k, new Op.Fork("child"));
        System.out.printf("%-44s %28.0f ms%n", "fork of " + pages + " present pages (apply)",
            (System.nanoTime() - t0) / 1e6);
        Task child = k.taskNamed("child");
        long t1 = start();
        long n = touch(k, child, start, pages, 'w');
        report("COW write after fork (noop) x" + pages, n, System.nanoTime() - t1);
    }

    static void checkpoint() {
        Kernel k = new Kernel();
        long big = 100_000;
        long start = setUp(k, big, null);
        touch(k, k.current(), start, big, 'w');
        long base = 0x100000000000L;
        for (int i = 0; i < 65_530 - 2; i++) {
            int prot = (i & 1) == 0 ? 3 : 1;
            OpResult r = Syscalls.apply(k, new Op.Mmap(base + i * 0x2000L, 0x1000, prot, false, null, 0, false, true, false,
                false, false));
            if (r.result() < 0) break;
        }
        int vmas = k.current().mm().mapCount();
        double[] ms = new double[7];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            Kernel c = k.copy();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            if (c.current() == null) throw new IllegalStateException();
        }
        System.out.printf("%-44s %28.1f ms (median of %d)%n", "Kernel.copy() at " + vmas + " VMAs, " + big
            + " pages", ModelBench.median(ms), ms.length);
        double[] phys = new double[7];
        for (int i = 0; i < phys.length; i++) {
            long t0 = System.nanoTime();
            PageBackend c = k.pages().copy();
            phys[i] = (System.nanoTime() - t0) / 1e6;
            if (c == null) throw new IllegalStateException();
        }
        System.out.printf("%-44s %28.1f ms (median of %d)%n", "  of which the physical side", ModelBench.median(phys),
            phys.length);
    }

    /** Kernel.copy() of a small process on 4 GiB: what the timeline pays before every step. */
    static void smallCopy() {
        Kernel k = new Kernel();
        setUp(k, 16, null);
        Syscalls.apply(k, new Op.Exec("x", "x86_64"));
        double[] ms = new double[9];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            Kernel c = k.copy();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            if (c.current() == null) throw new IllegalStateException();
        }
        System.out.printf("%-44s %28.1f ms (median of %d)%n", "Kernel.copy() of a small process, 4 GiB",
            ModelBench.median(ms), ms.length);
    }

    public static void main(String[] args) {
        long pages = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        String only = args.length > 1 ? args[1] : "all";
        for (int round = 0; round < 2; round++) {
            System.out.println("-- round " + round);
            if (only.equals("all") || only.equals("anon")) {
                anon(pages, 'w', round == 1);
                anon(pages, 'r', false);
            }
            if (only.equals("all") || only.equals("apply")) {
                anonApply(Math.min(pages, 65_536), 'w');
                anonApply(Math.min(pages, 65_536), 'r');
            }
            if (only.equals("all") || only.equals("file")) file(pages);
            if (only.equals("all") || only.equals("cow")) cow(Math.min(pages, 500_000));
            if (only.equals("all") || only.equals("ckpt")) {
                checkpoint();
                smallCopy();
            }
        }
    }
}
