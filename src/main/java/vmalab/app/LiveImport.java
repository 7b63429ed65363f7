package vmalab.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.util.Duration;
import vmalab.io.Capture;
import vmalab.io.CaptureFiles;
import vmalab.io.CaptureModel;
import vmalab.io.Parsed;
import vmalab.io.ScenarioParser;
import vmalab.model.Kernel;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.model.op.Op;
import vmalab.viewmodel.ProcessChanges;

/**
 * Real processes in the window: File ▸ Open process… (a running one) and Open capture… (a {@code vmalab capture}
 * folder) load it as the first step of a new timeline ({@code import PID} or {@code import DIR}), so every view
 * draws it and a simulation can go on from it; Refresh (F5) reads a running one again and Watch does so every
 * second, the Layout view marking what changed since the last read. Reading /proc happens off the FX thread; a
 * read that fails (the process exited, is not yours) is one message on the status line and changes nothing.
 */
final class LiveImport {
    /** How often Watch reads the process again. */
    static final Duration WATCH_PERIOD = Duration.seconds(1);

    private final Controller controller;
    private final BooleanProperty watching = new SimpleBooleanProperty(this, "watching", false);
    private final Timeline watch = new Timeline(new KeyFrame(WATCH_PERIOD, e -> refresh()));
    private Integer livePid;
    private boolean reading;

    LiveImport(Controller controller) {
        this.controller = controller;
        watch.setCycleCount(Timeline.INDEFINITE);
        watching.addListener((o, a, b) -> {
            if (b && livePid == null) {
                controller.say("Watch needs a running process: File ▸ Open process… first", true);
                watching.set(false);
                return;
            }
            if (b) watch.play();
            else watch.stop();
        });
    }

    /** Watch: read the running process again every second. */
    BooleanProperty watchingProperty() { return watching; }

    /** The pid of the running process on show, or null (a capture, a scenario). */
    Integer livePid() { return livePid; }

    /** Opens running process {@code pid}; {@code done} hears the error or null. */
    void openProcess(int pid, java.util.function.Consumer<String> done) {
        read(() -> Capture.live(pid, true), c -> {
            String err = load("import " + pid, "pid " + pid, c);
            if (err == null) livePid = pid;
            return err;
        }, done);
    }

    /** Opens the capture folder {@code dir}. */
    void openCapture(Path dir, java.util.function.Consumer<String> done) {
        read(() -> CaptureFiles.load(dir), c -> {
            String err = load("import " + dir, dir.getFileName() == null ? dir.toString() : dir.getFileName().toString(), c);
            if (err == null) {
                livePid = null;
                watching.set(false);
            }
            return err;
        }, done);
    }

    /** Reads the running process again and shows what changed; nothing when none is on show or a read is under way. */
    void refresh() {
        refresh(err -> { });
    }

    void refresh(java.util.function.Consumer<String> done) {
        if (livePid == null) {
            controller.say("Refresh reads a running process again: File ▸ Open process… first", true);
            done.accept("no running process");
            return;
        }
        if (reading) return;
        int pid = livePid;
        List<ProcessChanges.Read> before = reads(controller);
        read(() -> Capture.live(pid, true), c -> {
            String err = reload(pid, c);
            if (err != null) return err;
            ProcessChanges changes = ProcessChanges.between(before, reads(controller));
            controller.session().changesProperty().set(changes);
            controller.say("Read " + pid + " (" + c.comm() + ") again: " + changes.summary(), false);
            return null;
        }, err -> {
            if (err != null && watching.get()) watching.set(false); // it exited: stop watching
            done.accept(err);
        });
    }

    private String load(String line, String fileName, Capture c) {
        // the model sizes the machine for what is resident (Op.Import on a machine at its default size)
        Op.Import op = new Op.Import(line.substring("import ".length()), CaptureModel.of(c));
        List<ScenarioParser.Step> steps = List.of(new ScenarioParser.Step(1, line, op));
        controller.load(steps, null, "# vmalab: a real process\n" + line + "\n", fileName);
        controller.jumpTo(steps.size());
        controller.session().changesProperty().set(ProcessChanges.NONE);
        String note = c.pages() == null ? " Present bits unknown: pagemap " + (c.pagesNote() == null
            ? "not read" : "not readable (" + c.pagesNote() + ")") + "; the views show its VMAs only." : "";
        controller.say("Opened " + c.pid() + " (" + c.comm() + "): " + c.maps().size() + " VMAs." + note, false);
        return null;
    }

    /** The new read in place of the old one; the lines typed since stay after it and run again. */
    private String reload(int pid, Capture c) {
        List<ScenarioParser.Step> steps = new ArrayList<>(controller.steps());
        int first = -1;
        for (int i = 0; i < steps.size() && first < 0; i++) if (steps.get(i).op() instanceof Op.Import) first = i;
        if (first < 0) return load("import " + pid, "pid " + pid, c);
        int at = controller.timeline().position();
        ScenarioParser.Step old = steps.get(first);
        steps.set(first, new ScenarioParser.Step(old.line(), old.text(),
            new Op.Import(Integer.toString(pid), CaptureModel.of(c)), old.notes()));
        // replayed, the import sizes the machine again for what is resident now (it may have grown)
        controller.load(steps, controller.quiz().header(), controller.sourceText(), controller.timeline().fileName());
        controller.jumpTo(Math.max(first + 1, at));
        return null;
    }

    /** Off the FX thread: {@code work}; then on it: {@code apply} to its value, or the error to {@code done}. */
    private void read(Supplier<Parsed<Capture>> work, java.util.function.Function<Capture, String> apply,
                      java.util.function.Consumer<String> done) {
        reading = true;
        javafx.concurrent.Task<Parsed<Capture>> t = new javafx.concurrent.Task<>() {
            @Override
            protected Parsed<Capture> call() {
                return work.get();
            }
        };
        t.setOnSucceeded(e -> {
            reading = false;
            Parsed<Capture> p = t.getValue();
            String err = p.failed() ? p.error() : apply.apply(p.value());
            if (err != null) controller.say(err, true);
            done.accept(err);
        });
        t.setOnFailed(e -> {
            reading = false;
            Throwable x = t.getException();
            String err = "could not read the process: " + (x == null ? "unknown error" : x.getMessage());
            controller.say(err, true);
            done.accept(err);
        });
        Thread th = new Thread(t, "vmalab-import");
        th.setDaemon(true);
        th.start();
    }

    /** The VMAs of the process on show (the first one) with their resident pages, for the change marks. */
    static List<ProcessChanges.Read> reads(Controller controller) {
        Kernel k = controller.session().kernel();
        List<ProcessChanges.Read> out = new ArrayList<>();
        if (k == null) return out;
        Mm mm = controller.session().selectedMm();
        if (mm == null) return out;
        vmalab.model.paging.PhysicalMemory pm = k.pages() instanceof vmalab.model.paging.PhysicalMemory p ? p : null;
        for (Vma v : mm.vmas()) out.add(ProcessChanges.Read.of(v, pm == null ? 0 : pm.usage(mm, v).residentPages()));
        return out;
    }
}
