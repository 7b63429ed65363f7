package vmalab.app;

import vmalab.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import vmalab.io.ScenarioParser;
import vmalab.io.lesson.Ask;
import vmalab.io.lesson.Checks;
import vmalab.io.lesson.Verdict;
import vmalab.model.OpResult;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.Timeline;

/**
 * The window's actions, thin: each one asks the timeline to change the state, then tells the director how to
 * show it (play the new step's events, reveal one event, or show a jump at once).
 */
public final class Controller {
    private final Session session;
    private final Timeline timeline;
    private final AnimationDirector director;
    private final Player player;
    private final Quiz quiz = new Quiz();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final BooleanProperty statusIsError = new SimpleBooleanProperty(this, "statusIsError", false);
    private String sourceText = "";
    private BackgroundJob job;
    /** The step the job under way goes to; -1 when it runs an operation. */
    private int jumpTarget = -1;
    private java.util.function.Supplier<javafx.stage.Window> owner;

    public Controller(Session session, Timeline timeline) {
        this.session = session;
        this.timeline = timeline;
        this.director = new AnimationDirector(session);
        this.player = new Player(this, director);
    }

    public Session session() { return session; }
    public Timeline timeline() { return timeline; }
    public AnimationDirector director() { return director; }
    public BooleanProperty playingProperty() { return player.playingProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public BooleanProperty statusIsErrorProperty() { return statusIsError; }
    public Quiz quiz() { return quiz; }

    /** The window a long jump's progress dialog belongs to (the main window sets it; none: status line only). */
    public void setOwner(java.util.function.Supplier<javafx.stage.Window> owner) {
        this.owner = owner;
    }

    /**
     * The window's jump (the slider, End, the Back button): as {@link #jumpTo}, but a replay that outlasts a few
     * frames goes on off the FX thread with its progress and Cancel ({@link BackgroundJob}); a new seek replaces
     * one under way.
     */
    public void seek(int step) {
        int k = Math.max(0, Math.min(step, timeline.size()));
        if (job != null && !job.isOver()) {
            if (jumpTarget == k) return;
            job.cancel(true);
        }
        if (k == timeline.position()) return;
        player.playingProperty().set(false);
        director.stop();
        Timeline.Jump jump = timeline.planJump(k);
        jumpTarget = k;
        job = BackgroundJob.start(this, new JumpWork(jump), owner, why -> { });
    }

    /** The window's step back: {@link #seek} to the step before. */
    public void seekBack() {
        int target = isBusy() && jumpTarget >= 0 ? jumpTarget - 1 : timeline.position() - 1;
        if (target >= 0) seek(target);
    }

    /**
     * The command bar's line: as {@link #runLine}, but the operation runs on a copy of the machine off the FX
     * thread, and one that outlasts a few frames shows its progress and can be given up (nothing changes then).
     * {@code done} hears null when it ran, else the error, at once or when the operation ends.
     */
    public void submitLine(String text, java.util.function.Consumer<String> done) {
        if (vmalab.io.LessonLines.isLessonLine(text)) {
            done.accept(runLine(text));
            return;
        }
        stopJob();
        ScenarioParser.Line line = ScenarioParser.parseLine(text, "command", timeline.position() + 1);
        if (line.error() != null || line.op() == null) {
            done.accept(line.error());
            return;
        }
        player.playingProperty().set(false);
        if (director.isBusy()) director.showAll();
        Timeline.Pending pending = timeline.planRun(new Timeline.Entry(text.strip(), line.op(), 0));
        jumpTarget = -1;
        job = BackgroundJob.start(this, new RunWork(pending), owner, done);
    }

    /** Whether a jump or an operation is running off the FX thread. */
    public boolean isBusy() {
        return job != null && !job.isOver();
    }

    /** Cancels the job under way (Esc, Cancel); false when none was. */
    public boolean cancelJob() {
        if (!isBusy()) return false;
        job.cancel(false);
        return true;
    }

    /** Any other action first stops a job under way: its result would no longer apply. */
    private void stopJob() {
        if (isBusy()) job.cancel(true);
    }

    /** A jump replayed on a worker ({@link Timeline.Jump}). */
    private final class JumpWork implements BackgroundJob.Work {
        private final Timeline.Jump jump;

        JumpWork(Timeline.Jump jump) {
            this.jump = jump;
        }

        @Override
        public boolean run(java.util.function.BooleanSupplier cancelled) {
            return jump.run(cancelled);
        }

        @Override
        public String show() {
            boolean replaying = status.get().startsWith("Replaying");
            director.stop();
            boolean ok = timeline.install(jump);
            director.showAll();
            if (!ok) {
                say("The steps changed during the jump; it was dropped", true);
                return "dropped";
            }
            if (replaying) {
                say(String.format(java.util.Locale.ROOT, "At step %,d (replayed %,d operations)", jump.target(),
                    jump.total()), false);
            }
            return null;
        }

        @Override
        public String progress() {
            return String.format(java.util.Locale.ROOT, "Replaying to step %,d: %,d of %,d operations… (Esc cancels)",
                jump.target(), jump.done(), jump.total());
        }

        @Override
        public double fraction() {
            return jump.done() / (double) Math.max(1, jump.total());
        }

        @Override
        public String heading() {
            return String.format(java.util.Locale.ROOT, "Going to step %,d: replaying %,d operations",
                jump.target(), jump.total());
        }

        @Override
        public String cancelled() {
            return String.format(java.util.Locale.ROOT, "Jump to step %,d cancelled; still at step %,d",
                jump.target(), timeline.position());
        }
    }

    /** One typed operation run on a worker ({@link Timeline.Pending}). */
    private final class RunWork implements BackgroundJob.Work {
        private final Timeline.Pending pending;

        RunWork(Timeline.Pending pending) {
            this.pending = pending;
        }

        @Override
        public boolean run(java.util.function.BooleanSupplier cancelled) {
            // one operation cannot stop part way; a cancelled one runs out on its copy and is thrown away
            pending.run();
            return true;
        }

        @Override
        public String show() {
            boolean running = status.get().startsWith("Running");
            OpResult r = timeline.install(pending);
            if (r == null) {
                String why = "The steps changed while " + quoted() + " ran; it was not kept";
                say(why, true);
                return why;
            }
            if (r.failed()) return r.error();
            if (running) say("Ran " + quoted(), false);
            director.playAll();
            return null;
        }

        private String quoted() {
            return "`" + vmalab.io.Text.shown(pending.entry().text(), 60) + "`";
        }

        @Override
        public String progress() {
            return "Running " + quoted() + "… (Esc gives up)";
        }

        @Override
        public double fraction() {
            return -1;
        }

        @Override
        public String heading() {
            return "Running " + quoted();
        }

        @Override
        public String cancelled() {
            return "Gave up on " + quoted() + "; nothing changed";
        }
    }

    public void say(String message, boolean error) {
        status.set(message);
        statusIsError.set(error);
    }

    /** Runs the next step and plays its events; false at the end. */
    public boolean stepOp() {
        stopJob();
        // story: a step shown in stages (wait for the teacher) shows its next stage first
        if (director.nextStage()) return true;
        if (director.isBusy()) director.showAll();
        if (askFirst()) return true;
        if (!timeline.stepOp()) {
            say("End of the scenario: type a line below, or restart.", false);
            return false;
        }
        director.playAll();
        return true;
    }

    /** Shows one more event (running the next step when the current one is done). */
    public boolean stepEvent() {
        stopJob();
        player.playingProperty().set(false);
        if (director.isBusy()) director.stop();
        boolean runsNext = session.lastResultProperty().get() == null
            || session.eventCursorProperty().get() >= session.lastEvents().size();
        if (runsNext && askFirst()) return true;
        if (!timeline.stepEvent()) {
            say("End of the scenario.", false);
            return false;
        }
        director.animateCurrent();
        return true;
    }

    // ---- predict-then-reveal (window) ----

    /** A step with an unanswered ask does not run: play pauses and the question is put instead. */
    private boolean askFirst() {
        Ask a = session.nextNotesProperty().get().ask();
        if (!quiz.needsAsking(a)) return false;
        player.playingProperty().set(false);
        quiz.ask(a);
        return true;
    }

    /**
     * The student's answer to the question on show ({@code chosen}; null for none): the step runs, then the
     * model's answer is read and revealed. Null when no question waits for this step.
     */
    public Quiz.Answer answer(String chosen) {
        Ask a = quiz.pending();
        if (a == null || a != session.nextNotesProperty().get().ask()) {
            quiz.cancel();
            return null;
        }
        quiz.cancel();
        if (director.isBusy()) director.showAll();
        if (!timeline.stepOp()) return null;
        director.playAll();
        Verdict v = Checks.reveal(timeline.kernel(), session.lastResultProperty().get(), a, chosen,
            timeline.fileName());
        return quiz.record(a, chosen, v);
    }

    public void stepBack() {
        stopJob();
        player.playingProperty().set(false);
        director.stop();
        timeline.stepBack();
        director.showAll();
    }

    public void restart() {
        stopJob();
        player.playingProperty().set(false);
        director.stop();
        timeline.restart();
        director.showAll();
    }

    public void jumpTo(int step) {
        stopJob();
        if (step == timeline.position()) return;
        director.stop();
        timeline.jumpTo(step);
        director.showAll();
    }

    public void togglePlay() {
        if (!player.playingProperty().get() && timeline.atEnd()) timeline.restart();
        player.toggle();
    }

    /**
     * Runs one scenario line typed or built by a click; null when it ran, else the error to show (a parse
     * error as {@code command:N: message}, or why the model refused it).
     */
    public String runLine(String text) {
        stopJob();
        if (vmalab.io.LessonLines.isLessonLine(text)) {
            // expect KEY [ARG] VALUE: checked against the state on show, told (pass or fail) in the status line only;
            // no step is added
            vmalab.io.Parsed<vmalab.io.lesson.Check> c = vmalab.io.LessonLines.check(text, "command",
                timeline.position());
            if (c.error() != null) return c.error();
            vmalab.io.lesson.Verdict v = vmalab.io.lesson.Checks.check(timeline.kernel(),
                timeline.resultOf(timeline.position() - 1), c.value(), "command");
            say(v.message(), !v.passed());
            return null;
        }
        ScenarioParser.Line line = ScenarioParser.parseLine(text, "command", timeline.position() + 1);
        if (line.error() != null) return line.error();
        if (line.op() == null) return null;
        player.playingProperty().set(false);
        if (director.isBusy()) director.showAll();
        OpResult r = timeline.run(new Timeline.Entry(text.strip(), line.op(), 0));
        if (r.failed()) return r.error();
        director.playAll();
        return null;
    }

    /** An access to one address, as a click asks for it: a scenario line like {@code touch 0x… w}. */
    public String touch(long addr, char access) {
        String err = runLine(String.format(java.util.Locale.ROOT, "touch 0x%x %c", addr, access));
        if (err != null) say(err, true);
        return err;
    }

    /** Loads a scenario; null when done, else the first error ({@code FILE:LINE: message}). */
    public String load(String text, String fileName) {
        ScenarioParser.Result r = ScenarioParser.parse(text, fileName);
        if (!r.ok()) return r.error();
        load(r.steps(), r.header(), text, fileName);
        return null;
    }

    /**
     * Loads parsed steps (a scenario's, or a session's: the scenario's with the lines typed since) at step 0;
     * {@code text} is the scenario as written, which a saved session keeps.
     */
    public void load(List<ScenarioParser.Step> steps, vmalab.io.lesson.LessonHeader header, String text,
                     String fileName) {
        stopJob();
        List<Timeline.Entry> entries = Timeline.Entry.of(steps);
        player.playingProperty().set(false);
        director.stop();
        quiz.reset(entries.stream().map(Timeline.Entry::notes).toList(), header);
        timeline.reset(entries, fileName);
        sourceText = text;
        session.selectedVmaProperty().set(-1);
        session.selectedAddressProperty().set(-1);
        session.selectedPidProperty().set(null);
        director.showAll();
    }

    /**
     * Off the FX thread: runs {@code steps} up to step {@code upTo} on a fresh machine, for {@link #load(
     * Timeline.Prepared, vmalab.io.lesson.LessonHeader, String, String)}. Reads nothing of the window.
     */
    public Timeline.Prepared prepare(List<ScenarioParser.Step> steps, int upTo) {
        return timeline.prepare(Timeline.Entry.of(steps), upTo);
    }

    /** Loads prepared steps, shown at the step they were run to (as load, then jumpTo, without running them here). */
    public void load(Timeline.Prepared prepared, vmalab.io.lesson.LessonHeader header, String text, String fileName) {
        stopJob();
        player.playingProperty().set(false);
        director.stop();
        session.selectedVmaProperty().set(-1);
        session.selectedAddressProperty().set(-1);
        session.selectedPidProperty().set(null);
        quiz.reset(prepared.entries().stream().map(Timeline.Entry::notes).toList(), header);
        timeline.install(prepared, fileName);
        sourceText = text;
        director.showAll();
    }

    public String open(Path file) {
        vmalab.io.Parsed<String> text = vmalab.io.Text.read(file, file.getFileName().toString());
        String err = text.failed() ? text.error() : load(text.value(), file.getFileName().toString());
        say(err == null ? "Opened " + file : err, err != null);
        return err;
    }

    /** Saves every step as a scenario (written to a temporary file, then renamed over the target). */
    public String save(Path file) {
        try {
            AtomicFiles.writeAtomically(file, scenarioText().getBytes(StandardCharsets.UTF_8));
            say("Saved " + file, false);
            return null;
        } catch (IOException e) {
            String err = "Could not save " + file + ": " + e.getMessage();
            say(err, true);
            return err;
        }
    }

    /** The steps as scenario text, one line each. */
    public String scenarioText() {
        StringBuilder sb = new StringBuilder("# vmalab scenario\n");
        for (Timeline.Entry e : timeline.entries()) sb.append(e.text()).append('\n');
        return sb.toString();
    }

    /** The steps on the timeline (the scenario's and those typed since) as parsed steps, to replay elsewhere. */
    public List<ScenarioParser.Step> steps() {
        List<ScenarioParser.Step> out = new java.util.ArrayList<>();
        for (Timeline.Entry e : timeline.entries()) out.add(new ScenarioParser.Step(e.line(), e.text(), e.op(), e.notes()));
        return out;
    }

    /** The lesson's title, or the file's name for a plain scenario. */
    public String title() {
        String t = quiz.header().title();
        return t != null && !t.isBlank() ? t : timeline.fileName();
    }

    /** The text last loaded, as it was (with its lesson lines and comments); typed steps are not in it. */
    public String sourceText() {
        return sourceText;
    }

    /** What an exported image's caption says: the step and its scenario line. */
    public String caption() {
        Timeline.Entry e = timeline.currentEntry();
        String where = "step " + timeline.position() + " of " + timeline.size();
        return e == null ? timeline.fileName() + " — " + where + ": start"
            : timeline.fileName() + " — " + where + ": " + e.text();
    }
}
