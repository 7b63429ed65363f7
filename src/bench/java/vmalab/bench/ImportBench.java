package vmalab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import vmalab.io.Capture;
import vmalab.io.CaptureFiles;
import vmalab.io.CaptureModel;
import vmalab.io.LiveProcess;
import vmalab.io.Pmap;
import vmalab.model.Kernel;
import vmalab.model.event.EventDetail;
import vmalab.model.op.Op;
import vmalab.model.syscall.Syscalls;

/**
 * In-process import of a process with many VMAs (tools/bench/import.sh starts tools/many-vmas and captures it):
 * each figure is the median of RUNS timed runs after a warm-up, beside the anchor measured in the same run, the
 * bare read of the same bytes (for live: the kernel generating /proc/PID/maps and smaps, which pmap -x pays too).
 *   java -cp target/vmalab.jar src/bench/java/vmalab/bench/ImportBench.java PID CAPTURE_DIR [RUNS]
 */
public final class ImportBench {
    private ImportBench() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        long pid = Long.parseLong(args[0]);
        Path dir = Path.of(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        Path proc = Path.of("/proc", args[0]);
        for (int i = 0; i < 3; i++) {  // warm-up: JIT and page cache
            LiveProcess.read(pid).orElseThrow().snapshot();
            CaptureFiles.load(dir).orElseThrow();
        }
        double[] live = new double[runs], liveRead = new double[runs], cap = new double[runs], capRead = new double[runs];
        double[] window = new double[runs];
        double[] model = new double[runs], liveFull = new double[runs], liveBoth = new double[runs];
        int vmas = 0;
        long bytes = 0;
        double[] capWindow = new double[runs], liveWindow = new double[runs], gcMs = new double[runs];
        for (int i = 0; i < runs; i++) {
            // the window's paths first, each after a collection (as a user's one import meets a settled heap):
            // a capture folder or a live process (maps, smaps, pagemap) into a kernel with the window's detail
            long g = System.nanoTime();
            System.gc();
            gcMs[i] = ms(System.nanoTime() - g);
            long w0 = System.nanoTime();
            Syscalls.apply(new Kernel(), new Op.Import(dir.toString(), CaptureModel.of(CaptureFiles.load(dir).orElseThrow())),
                EventDetail.upTo(4096));
            capWindow[i] = ms(System.nanoTime() - w0);
            System.gc();
            w0 = System.nanoTime();
            Syscalls.apply(new Kernel(), new Op.Import("live", CaptureModel.of(Capture.live(pid, true).orElseThrow())),
                EventDetail.upTo(4096));
            liveWindow[i] = ms(System.nanoTime() - w0);
            System.gc();
            long t0 = System.nanoTime();
            byte[] a = new byte[0];
            byte[] b = Files.readAllBytes(proc.resolve("smaps"));
            long t1 = System.nanoTime();
            LiveProcess p = LiveProcess.readForPmap(pid, true).orElseThrow();
            String out = Pmap.format(p.snapshot(), Pmap.Mode.EXTENDED);
            long t2 = System.nanoTime();
            LiveProcess.read(pid).orElseThrow();
            long t3 = System.nanoTime();
            Files.readAllBytes(proc.resolve("maps"));
            Files.readAllBytes(proc.resolve("smaps"));
            liveBoth[i] = ms(System.nanoTime() - t3);
            t3 = System.nanoTime();
            byte[] c = Files.readAllBytes(dir.resolve("maps"));
            byte[] d = Files.readAllBytes(dir.resolve("smaps"));
            byte[] e = Files.readAllBytes(dir.resolve("pagemap"));
            long t4 = System.nanoTime();
            Capture loaded = CaptureFiles.load(dir).orElseThrow();
            long t5 = System.nanoTime();
            Kernel k = new Kernel();
            Syscalls.apply(k, new Op.Import(dir.toString(), CaptureModel.of(loaded)));
            long t6 = System.nanoTime();
            // as the window applies it (app.Operations.WINDOW_DETAIL): events up to 4,096, counted after
            Syscalls.apply(new Kernel(), new Op.Import(dir.toString(), CaptureModel.of(loaded)), EventDetail.upTo(4096));
            window[i] = ms(System.nanoTime() - t6);
            liveRead[i] = ms(t1 - t0);
            live[i] = ms(t2 - t1);
            liveFull[i] = ms(t3 - t2);
            capRead[i] = ms(t4 - t3);
            cap[i] = ms(t5 - t4);
            model[i] = ms(t6 - t5);
            vmas = p.maps().size();
            bytes = a.length + (long) b.length + c.length + d.length + e.length + out.length();
        }
        System.out.printf("in-process import, %,d VMAs (%,d bytes read and printed per run), median of %d runs (ms):%n",
            vmas, bytes, runs);
        row("window path: capture folder -> model (events <= 4,096)", median(capWindow), "read the same files", median(capRead));
        row("window path: live maps+smaps+pagemap -> model", median(liveWindow), "read maps and smaps", median(liveBoth));
        row("live, import --show pmap-x: smaps read+parse, pmap -x", median(live), "read /proc/PID/smaps", median(liveRead));
        row("live, maps+smaps, every field (capture, --diff)", median(liveFull), "read maps and smaps", median(liveBoth));
        row("capture: load folder (maps, smaps, stat, pagemap)", median(cap), "read the same files", median(capRead));
        row("capture -> model process (VMA tree, present pages)", median(model), "capture load", median(cap));
        row("same, events up to 4,096 as the window applies it", median(window), "capture load", median(cap));
        System.out.printf("heap in use after: %d MiB%n",
            (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    }

    private static void row(String what, double v, String anchor, double a) {
        System.out.printf("  %-52s %8.1f   anchor (%s) %8.1f   ratio %.2f%n", what, v, anchor, a, v / a);
    }

    private static double ms(long ns) {
        return ns / 1e6;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
