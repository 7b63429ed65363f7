package vmalab.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
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
 * second, the Layout view marking what changed since the last read. Reading /proc and the model's import (the
 * replay of the new timeline up to the step on show) happen off the FX thread, which only installs the result; a
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
    void openProcess(int pid, Consumer<String> done) {
        String line = "import " + pid;
        read(() -> Capture.live(pid, true), c -> first(line, c), (c, prepared) -> {
            show(prepared, line, "pid " + pid, c);
            livePid = pid;
            return null;
        }, done);
    }

    /** Opens the capture folder {@code dir}. */
    void openCapture(Path dir, Consumer<String> done) {
        String line = "import " + dir;
        String fileName = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
        read(() -> CaptureFiles.load(dir), c -> first(line, c), (c, prepared) -> {
            show(prepared, line, fileName, c);
            livePid = null;
            watching.set(false);
            return null;
        }, done);
    }

    /** Reads the running process again and shows what changed; nothing when none is on show or a read is under way. */
    void refresh() {
        refresh(err -> { });
    }

    void refresh(Consumer<String> done) {
        if (livePid == null) {
            controller.say("Refresh reads a running process again: File ▸ Open process… first", true);
            done.accept("no running process");
            return;
        }
        if (reading) return;
        int pid = livePid;
        // what the read replaces, taken now on the FX thread; the replay runs off it
        List<ScenarioParser.Step> steps = controller.steps();
        int at = controller.timeline().position();
        List<ProcessChanges.Read> before = reads(controller);
        read(() -> Capture.live(pid, true), c -> again(steps, at, pid, c), (c, prepared) -> {
            if (!controller.steps().equals(steps) || controller.timeline().position() != at) {
                controller.say("The timeline changed while " + pid + " was read: refresh (F5) again", false);
                return null;
            }
            if (prepared.entries().size() == 1 && steps.stream().noneMatch(s -> s.op() instanceof Op.Import)) {
                show(prepared, "import " + pid, "pid " + pid, c);
                return null;
            }
            controller.load(prepared, controller.quiz().header(), controller.sourceText(),
                controller.timeline().fileName());
            ProcessChanges changes = ProcessChanges.between(before, reads(controller));
            controller.session().changesProperty().set(changes);
            controller.say("Read " + pid + " (" + c.comm() + ") again: " + changes.summary(), false);
            return null;
        }, err -> {
            if (err != null && watching.get()) watching.set(false); // it exited: stop watching
            done.accept(err);
        });
    }

    /** Off the FX thread: a new timeline whose one step imports the process (the model sizes its machine). */
    private vmalab.viewmodel.Timeline.Prepared first(String line, Capture c) {
        Op.Import op = new Op.Import(line.substring("import ".length()), CaptureModel.of(c));
        return controller.prepare(List.of(new ScenarioParser.Step(1, line, op)), 1);
    }

    /**
     * Off the FX thread: the new read in place of the old one; the lines typed since stay after it and run
     * again, replayed up to where the timeline was.
     */
    private vmalab.viewmodel.Timeline.Prepared again(List<ScenarioParser.Step> old, int at, int pid, Capture c) {
        List<ScenarioParser.Step> steps = new ArrayList<>(old);
        int first = -1;
        for (int i = 0; i < steps.size() && first < 0; i++) if (steps.get(i).op() instanceof Op.Import) first = i;
        if (first < 0) return first("import " + pid, c);
        ScenarioParser.Step was = steps.get(first);
        steps.set(first, new ScenarioParser.Step(was.line(), was.text(),
            new Op.Import(Integer.toString(pid), CaptureModel.of(c)), was.notes()));
        // replayed, the import sizes the machine again for what is resident now (it may have grown)
        return controller.prepare(steps, Math.max(first + 1, at));
    }

    /** Shows a new timeline holding one import. */
    private void show(vmalab.viewmodel.Timeline.Prepared prepared, String line, String fileName, Capture c) {
        controller.load(prepared, null, "# vmalab: a real process\n" + line + "\n", fileName);
        controller.session().changesProperty().set(ProcessChanges.NONE);
        String note = c.pages() == null ? " Present bits unknown: pagemap " + (c.pagesNote() == null
            ? "not read" : "not readable (" + c.pagesNote() + ")") + "; the views show its VMAs only." : "";
        controller.say("Opened " + c.pid() + " (" + c.comm() + "): " + c.maps().size() + " VMAs." + note, false);
    }

    /** What a read brought: the capture, or why not; and the timeline replayed from it. */
    private record Read(Parsed<Capture> capture, vmalab.viewmodel.Timeline.Prepared prepared) { }

    /**
     * Off the FX thread: {@code work}, then {@code replay} of its capture (the model's part of the import); then
     * on it: {@code show} of both, or the error to {@code done}.
     */
    private void read(Supplier<Parsed<Capture>> work, Function<Capture, vmalab.viewmodel.Timeline.Prepared> replay,
                      BiFunction<Capture, vmalab.viewmodel.Timeline.Prepared, String> show, Consumer<String> done) {
        reading = true;
        javafx.concurrent.Task<Read> t = new javafx.concurrent.Task<>() {
            @Override
            protected Read call() {
                Parsed<Capture> p = work.get();
                return new Read(p, p.failed() ? null : replay.apply(p.value()));
            }
        };
        t.setOnSucceeded(e -> {
            reading = false;
            Read r = t.getValue();
            String err = r.capture().failed() ? r.capture().error() : show.apply(r.capture().value(), r.prepared());
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
