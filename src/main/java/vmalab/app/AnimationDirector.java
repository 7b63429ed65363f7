package vmalab.app;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.animation.Transition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.util.Duration;
import vmalab.model.event.BuddyStepped;
import vmalab.model.event.MmEvent;
import vmalab.model.event.Narration;
import vmalab.model.event.RbStepped;
import vmalab.model.event.SimEvent;
import vmalab.model.event.TaskEvent;
import vmalab.model.rbtree.RbStep;
import vmalab.view.anim.Motion;
import vmalab.viewmodel.Session;

/**
 * Plays the events of the last step on the JavaFX animation clock: for each it advances
 * {@link Session#eventCursorProperty()} and runs {@link Session#eventProgressProperty()} from 0 to 1 over a
 * short duration that depends on the event; views draw from those. Nothing here blocks, sleeps or changes the
 * model; with reduce motion every step is shown at once.
 *
 * <p>With {@link #waitForTeacherProperty()} on, a step plays in stages, one per narration sentence (the events
 * from one kernel function's narration up to the next: do_brk_flags, handle_mm_fault, __rmqueue_smallest,
 * expand, do_anonymous_page …). Each stage is animated at a readable pace and then held until
 * {@link #nextStage()} (Space) plays the next one; while {@link #autoAdvanceProperty()} is on (Play) a stage is
 * held only briefly instead.
 */
public final class AnimationDirector {
    /** A step's events never take longer than this at speed 1 (without stages). */
    static final double MAX_STEP_MILLIS = 6000;
    /** A stage's events never take longer than this at speed 1. */
    static final double MAX_STAGE_MILLIS = 3200;
    /** How long Play holds a finished stage before the next, at speed 1. */
    static final double PLAY_HOLD_MILLIS = 1100;

    private final Session session;
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final BooleanProperty waitForTeacher = new SimpleBooleanProperty(this, "waitForTeacher", false);
    private final BooleanProperty autoAdvance = new SimpleBooleanProperty(this, "autoAdvance", false);
    private final ReadOnlyBooleanWrapper holding = new ReadOnlyBooleanWrapper(this, "holding", false);
    private Animation running;
    private double stepScale = 1;
    /** In stage mode: the event cursor at which each stage of the step on show ends; else null. */
    private int[] stageEnds;
    private int stage;

    public AnimationDirector(Session session) {
        this.session = session;
        session.reduceMotionProperty().addListener((o, a, b) -> {
            if (b && (busy.get() || holding.get())) showAll();
        });
    }

    /** Playback speed: 1 is normal, 2 twice as fast. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /** Whether an event is being animated. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get();
    }

    /** Whether a step plays in stages that wait for the teacher ({@link #nextStage()}); off by default. */
    public BooleanProperty waitForTeacherProperty() {
        return waitForTeacher;
    }

    /** While on (the player is playing), a finished stage is held briefly, then the next one plays. */
    public BooleanProperty autoAdvanceProperty() {
        return autoAdvance;
    }

    /** Whether a stage is shown and held, with more stages of the step still to come. */
    public ReadOnlyBooleanProperty holdingProperty() {
        return holding.getReadOnlyProperty();
    }

    public boolean isHolding() {
        return holding.get();
    }

    /** The stage on show (0-based) and how many the step has; 0 of 0 outside stage mode. */
    public int stage() {
        return stageEnds == null ? 0 : stage;
    }

    public int stageCount() {
        return stageEnds == null ? 0 : stageEnds.length;
    }

    /** Plays the remaining events of the last step: in stages when waiting for the teacher, else one after the other. */
    public void playAll() {
        stopRunning();
        stageEnds = null;
        List<SimEvent> events = session.lastEvents();
        if (session.reduceMotionProperty().get() || events.isEmpty()) {
            showAll();
            return;
        }
        busy.set(true);
        if (waitForTeacher.get()) {
            stageEnds = stageEnds(events);
            stage = 0;
            playStage();
            return;
        }
        stepScale = scaleFor(events, 0, events.size(), MAX_STEP_MILLIS);
        lag = 0;
        playNext(events.size(), this::finish);
    }

    /**
     * Space while a step plays in stages: a held stage gives way to the next one; a stage still animating is
     * shown complete (and held). False when there is nothing of the step left to show: then Space runs the next
     * step.
     */
    public boolean nextStage() {
        if (stageEnds == null) return false;
        if (holding.get()) {
            holding.set(false);
            stage++;
            busy.set(true);
            playStage();
            return true;
        }
        if (busy.get() && !autoAdvance.get()) {
            stopRunning();
            session.eventCursorWritable().set(stageEnds[stage]);
            session.eventProgressWritable().set(1);
            busy.set(false);
            if (stage < stageEnds.length - 1) holding.set(true);
            else stageEnds = null;
            return true;
        }
        return false;
    }

    /** Animates the event just revealed (the one at eventCursor - 1) on its own. */
    public void animateCurrent() {
        stopRunning();
        stageEnds = null;
        List<SimEvent> events = session.lastEvents();
        int c = session.eventCursorProperty().get();
        if (session.reduceMotionProperty().get() || c == 0 || c > events.size()) {
            session.eventProgressWritable().set(1);
            busy.set(false);
            return;
        }
        stepScale = 1;
        busy.set(true);
        running = transition(events.get(c - 1), () -> {
            session.eventProgressWritable().set(1);
            busy.set(false);
        });
        running.play();
    }

    /** Shows every event of the last step at once. */
    public void showAll() {
        stopRunning();
        stageEnds = null;
        session.eventCursorWritable().set(session.lastEvents().size());
        session.eventProgressWritable().set(1);
        busy.set(false);
    }

    /** Stops where it is: the current event is shown complete, later ones are not shown yet. */
    public void stop() {
        stopRunning();
        stageEnds = null;
        session.eventProgressWritable().set(1);
        busy.set(false);
    }

    private void stopRunning() {
        holding.set(false);
        if (running != null) {
            running.setOnFinished(null);
            running.stop();
            running = null;
        }
    }

    private void finish() {
        session.eventProgressWritable().set(1);
        busy.set(false);
        running = null;
    }

    private void playStage() {
        List<SimEvent> events = session.lastEvents();
        int from = session.eventCursorProperty().get();
        int end = stageEnds[stage];
        stepScale = scaleFor(events, from, end, MAX_STAGE_MILLIS);
        lag = 0;
        playNext(end, this::stageDone);
    }

    /** A stage is shown: hold it for the teacher, or briefly while playing; the step's last stage ends the step. */
    private void stageDone() {
        session.eventProgressWritable().set(1);
        running = null;
        if (stageEnds == null || stage >= stageEnds.length - 1) {
            stageEnds = null;
            busy.set(false);
            return;
        }
        if (autoAdvance.get()) {
            PauseTransition hold = new PauseTransition(Duration.millis(PLAY_HOLD_MILLIS / Math.max(0.05, speed.get())));
            hold.setOnFinished(e -> {
                running = null;
                if (autoAdvance.get()) {
                    stage++;
                    playStage();
                } else {
                    busy.set(false);
                    holding.set(true);
                }
            });
            running = hold;
            hold.play();
            return;
        }
        busy.set(false);
        holding.set(true);
    }

    private void playNext(int end, Runnable done) {
        List<SimEvent> events = session.lastEvents();
        int c = session.eventCursorProperty().get();
        int last = Math.min(end, events.size());
        if (c >= last) {
            done.run();
            return;
        }
        // events scaled below a frame (a stage of thousands fitted into MAX_STAGE_MILLIS: an import's page faults)
        // advance together, as many as fill a frame: a transition lasts at least one pulse, so one event a
        // transition made a stage of 4,096 events last 68 s, not 3.2. And when the frames are slower than that
        // (a 65,530-VMA process repaints its layout at each), the events the play is behind by are shown at
        // once, so a stage still lasts the time it was given
        int next = c + 1;
        double ms = millis(events.get(c));
        while (next < last && ms < FRAME_MILLIS + lag) ms += millis(events.get(next++));
        double d = Math.max(1, ms - lag);
        lag = Math.max(0, lag - ms);
        session.eventCursorWritable().set(next);
        long started = System.nanoTime();
        running = transition(d, () -> {
            lag += Math.max(0, (System.nanoTime() - started) / 1e6 - d);
            playNext(end, done);
        });
        transitions++;
        running.play();
    }

    /** How far behind its schedule the play is, in ms: the frames took longer than the events they showed. */
    private double lag;

    /** How many event transitions have played (for tests: a frame's worth of short events is one). */
    int transitionsPlayed() {
        return transitions;
    }

    private int transitions;

    /** One pulse of the 60 Hz timer: the shortest time a transition can show. */
    static final double FRAME_MILLIS = 1000.0 / 60;

    /** How long {@code e} plays in the stage or step under way, at the chosen speed. */
    private double millis(SimEvent e) {
        return millisFor(e) * stepScale / Math.max(0.05, speed.get());
    }

    private Transition transition(SimEvent e, Runnable then) {
        return transition(millis(e), then);
    }

    private Transition transition(double ms, Runnable then) {
        session.eventProgressWritable().set(0);
        Transition t = Motion.progress(Duration.millis(Math.max(1, ms)),
            f -> session.eventProgressWritable().set(f));
        // onFinished moves the viewmodel's cursor only; the model is never changed from here
        t.setOnFinished(ev -> then.run());
        return t;
    }

    /** A step of more events than this plays as one stage (see {@link #stageEnds}). */
    static final int SETUP_EVENTS = 4096;

    /** A step is told in at most this many stages: a teacher presses Space a handful of times, not fifty. */
    static final int MAX_STAGES = 8;

    /**
     * Where each stage of a step ends (an event cursor): a stage starts at a narration event and runs up to the
     * next; the events before the first narration (find_vma, the syscall's entry) join the first stage. A step
     * without narration is one stage. A step telling more than {@link #MAX_STAGES} sentences (exec maps a dozen
     * VMAs) first joins the sentences of one kernel function told in a row; still more, and it is one stage.
     */
    static int[] stageEnds(List<SimEvent> events) {
        // bulk work (a real process imported, a fork of thousands of VMAs) is setup too, however few functions
        // it tells in a row: a 65,530-VMA import made four stages of 3.2 s, and no lesson's story is that long
        if (events.size() > SETUP_EVENTS) return new int[] {events.size()};
        List<Integer> starts = new ArrayList<>();
        List<String> functions = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof Narration n) {
                starts.add(i);
                functions.add(vmalab.io.Narrator.function(n));
            }
        }
        if (!starts.isEmpty()) starts.remove(0);
        if (!functions.isEmpty()) functions.remove(0);
        if (starts.size() + 1 > MAX_STAGES) {
            List<Integer> kept = new ArrayList<>();
            String prev = null;
            for (int k = 0; k < starts.size(); k++) {
                if (!functions.get(k).equals(prev)) kept.add(starts.get(k));
                prev = functions.get(k);
            }
            starts = kept;
        }
        // a step that tells more than MAX_STAGES kernel functions (exec laying out a whole binary, fork copying every
        // VMA) is setup, not one story: it plays as one stage rather than making the teacher press Space through it
        if (starts.size() + 1 > MAX_STAGES) starts = List.of();
        List<Integer> ends = new ArrayList<>(starts);
        ends.add(events.size());
        return ends.stream().mapToInt(Integer::intValue).toArray();
    }

    /** How long one event plays at speed 1, in milliseconds. */
    static double millisFor(SimEvent e) {
        if (e instanceof Narration) return 900;
        if (e instanceof TaskEvent.SignalRaised) return 1200;
        if (e instanceof TaskEvent.SyscallDone) return 350;
        if (e instanceof TaskEvent) return 600;
        if (e instanceof RbStepped rb) return rbMillis(rb.step());
        if (e instanceof vmalab.model.event.MapleStepped m) return mapleMillis(m.step());
        if (e instanceof BuddyStepped) return 300;
        if (e instanceof MmEvent.FindVma) return 500;
        if (e instanceof MmEvent) return 600;
        return 550;
    }

    /**
     * A store into a maple tree, which the Maple tree view replays node by node: a split, a rebalance, a spanning
     * store or a new root reshapes the tree and is given time to be followed; a store inside one node less.
     */
    static double mapleMillis(vmalab.model.maple.MapleStep s) {
        return switch (s.type()) {
            case SPLIT_STORE, REBALANCE, SPANNING_STORE, NEW_ROOT, STORE_ROOT -> 1000;
            case NODE_STORE -> 600;
            default -> 400;
        };
    }

    /**
     * A structural change (a rotation, the successor taking the erased node's place, a node leaving the tree) needs
     * time to be followed by eye; a recolour less; a comparison on the way down is a glance. An erase of four to six
     * steps then plays in about 2-3 s rather than flashing by. Reduce motion skips all of it (see playAll).
     */
    static double rbMillis(RbStep s) {
        if (s instanceof RbStep.Rotate || s instanceof RbStep.SuccessorSwap || s instanceof RbStep.Unlink) return 700;
        if (s instanceof RbStep.Recolor) return 450;
        return 280;
    }

    private static double scaleFor(List<SimEvent> events, int from, int to, double max) {
        double total = 0;
        for (int i = from; i < Math.min(to, events.size()); i++) total += millisFor(events.get(i));
        return total > max ? max / total : 1;
    }
}
