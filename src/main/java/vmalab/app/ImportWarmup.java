package vmalab.app;

import java.util.List;
import javafx.scene.Scene;
import vmalab.io.Capture;
import vmalab.io.CaptureModel;
import vmalab.io.PagemapDump;
import vmalab.io.Pmap;
import vmalab.io.ProcMaps;
import vmalab.io.ScenarioParser;
import vmalab.io.WarmupCapture;
import vmalab.model.Kernel;
import vmalab.model.mm.Task;
import vmalab.model.op.Op;
import vmalab.viewmodel.Physical;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.Timeline;

/**
 * The import's code run once before the student's first import: a JVM runs new code in its interpreter until
 * the JIT has compiled it, so the first import of 65,530 VMAs in a fresh window took 3–4 times as long as the
 * next. After the window's first frame (and the lab's, when it is built after it), a daemon thread of low
 * priority imports {@link WarmupCapture} (a made-up capture of {@link #VMAS} VMAs, read back through the
 * parsers) {@link #ROUNDS} times on a timeline and session of its own, which nothing else sees, writes the text
 * panes' lines of it, and reads this JVM's own /proc/self maps, smaps and pagemap as Open process… reads a
 * running one; then everything it made is dropped. The window's session, timeline and files are never touched.
 * Off with {@code -Dvmalab.import.warmup=false}.
 */
final class ImportWarmup {
    static final String PROPERTY = "vmalab.import.warmup";
    /**
     * VMAs of the made-up capture and rounds: enough calls of the per-line and per-VMA code (the maps parser,
     * the red-black tree's insert and recolouring, the page-table walk) for the JIT's second tier to compile
     * it, not only the first. With 4,096 × 3 the C2 compiles of those methods (0.1–0.25 s each on this
     * machine) still fell in the student's first import of 65,530 VMAs: 565 ms against 304 ms with 16,384 × 4
     * (medians of 7 fresh windows each, December 2026, BENCHMARKS.md); the warm-up then ends about 2.5 s after
     * the window is ready instead of 0.9 s. 32,768 × 3 and 16,384 × 6 gained nothing more.
     * {@code -Dvmalab.import.warmup.vmas} and {@code .rounds} change them, for benchmarks.
     */
    static final int VMAS = Integer.getInteger(PROPERTY + ".vmas", 16384);
    static final int ROUNDS = Integer.getInteger(PROPERTY + ".rounds", 4);

    private ImportWarmup() {
    }

    /** Whether the warm-up runs (unless {@code -Dvmalab.import.warmup=false}). */
    static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty(PROPERTY, "true"));
    }

    /** After {@code scene}'s next pulse, starts the warm-up thread (when enabled). FX thread. */
    static void afterNextPulse(Scene scene) {
        if (enabled()) FirstFrame.afterNextPulse(scene, ImportWarmup::start);
    }

    /** Starts the warm-up thread and returns it, or null when switched off. */
    static Thread start() {
        if (!enabled()) return null;
        Thread t = new Thread(ImportWarmup::run, "vmalab-import-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    /** The warm-up itself; returns how many VMAs its last round imported. */
    static int run() {
        int imported = 0;
        try {
            for (int r = 0; r < ROUNDS; r++) imported = importOnce(WarmupCapture.read(VMAS));
            live();
        } catch (RuntimeException e) {
            // a warm-up that fails costs the student nothing but the cold import it was to save
        }
        return imported;
    }

    /**
     * What LiveImport does with a capture, on a timeline of its own: the import step prepared, installed (the
     * fold), and the maps and pmap lines the text panes write.
     */
    private static int importOnce(Capture c) {
        String line = "import warm-up";
        Op.Import op = new Op.Import("warm-up", CaptureModel.of(c));
        Timeline t = new Timeline(new Session(), Operations::apply);
        Timeline.Prepared p = t.prepare(Timeline.Entry.of(List.of(new ScenarioParser.Step(1, line, op))), 1);
        t.install(p, "warm-up");
        Kernel k = t.kernel();
        Task task = k.task(p.last().pid());
        if (task == null || task.mm() == null) return 0;
        ProcMaps.lines(ProcMaps.entries(task.mm()), 16).text();
        Pmap.lines(Pmap.snapshot(task, Physical.counter(k)), Pmap.Mode.EXTENDED).text();
        return task.mm().mapCount();
    }

    /**
     * Open process…'s reads, of this JVM: maps and smaps as Capture.live reads them, and pagemap of the small
     * mappings only (the heap's reservation is gigabytes of pages).
     */
    private static void live() {
        long self = ProcessHandle.current().pid();
        Capture c = Capture.live(self, false).orElseThrow();
        List<vmalab.io.MapEntry> small = c.maps().stream()
            .filter(m -> m.length() <= 64 * 4096 && Long.compareUnsigned(m.start(), 0x8000_0000_0000L) < 0)
            .limit(256).toList();
        PagemapDump.read(vmalab.io.LiveProcess.PROC.resolve(Long.toString(self)).resolve("pagemap"), small);
    }
}
