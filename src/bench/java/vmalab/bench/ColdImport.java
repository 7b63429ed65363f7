package vmalab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import vmalab.app.BenchImport;
import vmalab.app.Operations;
import vmalab.app.ViewKind;
import vmalab.app.Workbench;
import vmalab.io.Capture;
import vmalab.io.CaptureFiles;
import vmalab.io.CaptureModel;
import vmalab.io.Parsed;
import vmalab.io.ScenarioParser;
import vmalab.model.op.Op;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.Timeline;

/**
 * The first import of a fresh JVM, the one a student sees (tools/bench/cold-import.sh runs it once per JVM):
 * a capture folder or a running process, through the window's own path or the same model calls without one.
 * Printed beside two anchors from the same JVM: the bare read of the same files, done first (for a live process:
 * the kernel generating /proc/PID/maps and smaps), and the same import again, warm (the median of
 * {@code -Dcold.warm=N} more imports, each after a collection).
 * <pre>
 *   java -cp CP vmalab.bench.ColdImport capture DIR|live PID
 *   java -cp CP vmalab.bench.ColdImport write-scale DIR VMAS     (ScaleBench's capture, from the repository root)
 *     -Dcold.window=true   through a 1920×1080 Workbench under Monocle: File ▸ Open capture… / Open process…
 *                          (LiveImport: read and model off the FX thread, then install and fold on it), timed
 *                          from the call until the window's callback; else headless: load, CaptureModel.of and
 *                          Timeline.prepare with the window's detail, each phase timed
 *     -Dcold.pause=MS      wait this long after the window's first frame (a user opening the dialog)
 *     -Dcold.warm=N        warm imports after the first (default 3)
 *     -Dvmalab.import.warmup=false   without the app's import warm-up (ImportWarmup), started as the app starts
 *                          it, after the window's first frame (window mode only)
 * </pre>
 * One line a figure, {@code cold KEY VALUE}, for the script to collect.
 */
public final class ColdImport {
    private ColdImport() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        if (args[0].equals("write-scale")) { // the scale bench's capture: maps and pagemap, no smaps
            ScaleCapture.write(Path.of(args[1]), Integer.parseInt(args[2]));
            return;
        }
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        boolean live = args[0].equals("live");
        String source = args[1];
        boolean window = Boolean.getBoolean("cold.window");
        long pause = Long.getLong("cold.pause", 0);
        int warm = Integer.getInteger("cold.warm", 3);
        double read = bareRead(live, source);
        out("bare-read-ms", read);
        Workbench wb = null;
        if (window) {
            wb = window();
            out("window-ready-ms", System.currentTimeMillis() - jvmStart);
            // the pause, watching the app's warm-up: when it ends, after the window was ready
            long ready = System.nanoTime();
            double ended = -1;
            boolean seen = false;
            while (System.nanoTime() - ready < pause * 1_000_000L) {
                boolean running = warmUpRunning();
                seen |= running;
                if (seen && ended < 0 && !running) ended = (System.nanoTime() - ready) / 1e6;
                Thread.sleep(10);
            }
            if (ended >= 0) out("warm-up-ended-ms", ended);
        }
        boolean warming = warmUpRunning();
        out("warm-up-running", warming ? 1 : 0); // the app's warm-up still at work when the import starts
        long at = System.currentTimeMillis();
        var classes = java.lang.management.ManagementFactory.getClassLoadingMXBean();
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        long classes0 = classes.getTotalLoadedClassCount(), jit0 = jit.getTotalCompilationTime();
        double first = window ? viaWindow(wb, live, source) : headless(live, source, true);
        out("first-classes-loaded", classes.getTotalLoadedClassCount() - classes0);
        out("first-jit-ms", jit.getTotalCompilationTime() - jit0); // compiler threads' time during the import
        System.out.printf("cold first-span %d %d%n", at, System.currentTimeMillis());
        out("first-ms", first);
        double[] again = new double[warm];
        for (int i = 0; i < warm; i++) {
            System.gc();
            again[i] = window ? viaWindow(wb, live, source) : headless(live, source, false);
        }
        if (warm > 0) {
            out("warm-ms", median(again));
            out("first/warm", first / median(again));
        }
        out("first/bare-read", first / read);
        out("jit-ms", java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
        out("classes", java.lang.management.ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
        System.exit(0);
    }

    private static boolean warmUpRunning() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(th -> th.getName().equals("vmalab-import-warmup"));
    }

    private static void out(String key, double v) {
        System.out.printf("cold %s %.2f%n", key, v);
    }

    /** The files the import reads, read bare: a capture's four, or what the kernel generates for maps and smaps. */
    private static double bareRead(boolean live, String source) throws Exception {
        List<Path> files = new ArrayList<>();
        Path dir = live ? Path.of("/proc", source) : Path.of(source);
        for (String f : live ? List.of("maps", "smaps") : List.of("maps", "smaps", "pagemap", "stat", "cmdline")) {
            if (Files.exists(dir.resolve(f))) files.add(dir.resolve(f));
        }
        long t0 = System.nanoTime();
        long n = 0;
        for (Path f : files) n += Files.readAllBytes(f).length;
        double ms = (System.nanoTime() - t0) / 1e6;
        out("bare-read-bytes", n);
        return ms;
    }

    /** The window's calls without the window: read, the model's process, the new timeline prepared. */
    private static double headless(boolean live, String source, boolean phases) {
        long t0 = System.nanoTime();
        Parsed<Capture> c = live ? Capture.live(Long.parseLong(source), true) : CaptureFiles.load(Path.of(source));
        long t1 = System.nanoTime();
        Op.Import op = new Op.Import(source, CaptureModel.of(c.orElseThrow()));
        long t2 = System.nanoTime();
        Timeline t = new Timeline(new Session(), Operations::apply);
        String line = "import " + source;
        Timeline.Prepared p = t.prepare(Timeline.Entry.of(List.of(new ScenarioParser.Step(1, line, op))), 1);
        long t3 = System.nanoTime();
        if (p.last() == null || p.last().failed()) throw new IllegalStateException("import failed: " + p.last());
        if (phases) {
            out("load-ms", (t1 - t0) / 1e6);
            out("capture-model-ms", (t2 - t1) / 1e6);
            out("prepare-ms", (t3 - t2) / 1e6);
        }
        return (t3 - t0) / 1e6;
    }

    private static Workbench window() throws Exception {
        FrameBench.startToolkit();
        Workbench wb = FrameBench.onFx(() -> {
            Workbench w = Workbench.create(ScaleBench.WIDTH, ScaleBench.HEIGHT);
            Stage stage = new Stage();
            stage.setScene(w.scene());
            BenchImport.warmUpAfterNextPulse(w); // as VmaLabApp does once the lab is built
            stage.show();
            w.window().selectView(ViewKind.LAYOUT.id());
            w.layoutNow();
            w.scene().snapshot(null);
            return w;
        });
        return wb;
    }

    /** Call → the window's callback (read, parse, model off the FX thread; install and fold on it). */
    private static double viaWindow(Workbench wb, boolean live, String source) throws Exception {
        double[] t = new double[1];
        String[] err = new String[1];
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            long t0 = System.nanoTime();
            java.util.function.Consumer<String> back = e -> {
                t[0] = (System.nanoTime() - t0) / 1e6;
                err[0] = e;
                done.countDown();
            };
            if (live) BenchImport.openProcess(wb, Integer.parseInt(source), back);
            else BenchImport.openCapture(wb, Path.of(source), back);
        });
        if (!done.await(600, TimeUnit.SECONDS)) throw new IllegalStateException("import hung");
        if (err[0] != null) throw new IllegalStateException(err[0]);
        return t[0];
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
