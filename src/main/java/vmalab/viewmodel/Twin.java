package vmalab.viewmodel;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import vmalab.model.op.Op;

/**
 * The side-by-side mode's other era (FX thread only): the main timeline's steps with every {@code exec} of the
 * x86-64 profile flipped between the maple tree and mm_rb, run on a fresh machine up to the step on show, in a
 * {@link Session} of its own so the tree views draw it unchanged. Worked out only while {@link #onProperty()} is
 * true. Stepping forward runs one step of the twin; any other move replays it through its own timeline's
 * checkpoints. A move that would replay more than {@link #MAX_REPLAY} steps is not made: the twin is then not
 * shown and {@link #reasonProperty()} says why. The twin's selection follows the main session's (same pid, VMA
 * and address): the same operations in the same order give the same pids.
 */
public final class Twin {
    /** The most steps one move of the twin replays on the FX thread. */
    public static final int MAX_REPLAY = 2000;

    private final Timeline main;
    private final Session mainSession;
    private final Session session = new Session();
    private final Timeline timeline;
    private final BooleanProperty on = new SimpleBooleanProperty(this, "on", false);
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown", false);
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper(this, "reason", "");

    public Twin(Timeline main, Session mainSession, Timeline.Applier applier) {
        this.main = main;
        this.mainSession = mainSession;
        this.timeline = new Timeline(session, applier);
        session.reduceMotionProperty().set(true);
        session.fontScaleProperty().bind(mainSession.fontScaleProperty());
        session.themeProperty().bind(mainSession.themeProperty());
        mainSession.versionProperty().addListener((o, a, b) -> sync());
        mainSession.selectedPidProperty().addListener((o, a, b) -> followSelection());
        mainSession.selectedVmaProperty().addListener((o, a, b) -> followSelection());
        mainSession.selectedAddressProperty().addListener((o, a, b) -> followSelection());
        on.addListener((o, a, b) -> sync());
    }

    /** Whether the side-by-side mode is on (set by the window's toggle or a lesson's {@code view compare}). */
    public BooleanProperty onProperty() { return on; }

    /** Whether the twin holds the main timeline's step on show (false while off or when a replay was too long). */
    public ReadOnlyBooleanProperty shownProperty() { return shown.getReadOnlyProperty(); }

    /** Why the twin is not shown while the mode is on, or "". */
    public ReadOnlyStringProperty reasonProperty() { return reason.getReadOnlyProperty(); }

    /** The twin's session, which the views of the other era draw. */
    public Session session() { return session; }

    /** The main session (the step on show in the era the scenario asked for). */
    public Session mainSession() { return mainSession; }

    /** The twin's timeline (read it; the twin moves it). */
    public Timeline timeline() { return timeline; }

    /** Brings the twin to the main timeline's step, or says why not. */
    void sync() {
        if (!on.get()) {
            shown.set(false);
            reason.set("");
            return;
        }
        List<Timeline.Entry> want = flipped(main.entries());
        int target = main.position();
        List<Timeline.Entry> have = timeline.entries();
        boolean same = have.equals(want);
        if (same && timeline.position() == target) {
            followSelection();
            show();
            return;
        }
        if (same && timeline.position() == target - 1) {
            timeline.stepOp();
        } else {
            int cost = same ? timeline.replayCost(target) : target;
            if (cost > MAX_REPLAY) {
                shown.set(false);
                reason.set("Side by side would replay " + cost + " steps in the other era; it is shown for"
                    + " moves of at most " + MAX_REPLAY + " steps (step forward, or jump near the step on show).");
                if (!same) timeline.reset(List.of(), main.fileName());
                return;
            }
            if (!same) timeline.reset(want, main.fileName());
            timeline.jumpTo(target);
        }
        followSelection();
        show();
    }

    private void show() {
        // nobody plays the twin's events (the director plays the main session's): it shows each step's end, as
        // a jump would; else its views would draw the state before the step (the event cursor stays at 0)
        session.eventCursorWritable().set(session.lastEvents().size());
        shown.set(true);
        reason.set("");
    }

    private void followSelection() {
        if (!on.get()) return;
        session.selectedPidProperty().set(mainSession.selectedPidProperty().get());
        session.selectedVmaProperty().set(mainSession.selectedVmaProperty().get());
        session.selectedAddressProperty().set(mainSession.selectedAddressProperty().get());
    }

    /** {@code entries} with every exec's index era flipped ({@link #flip(Op)}). */
    public static List<Timeline.Entry> flipped(List<Timeline.Entry> entries) {
        List<Timeline.Entry> out = new ArrayList<>(entries.size());
        for (Timeline.Entry e : entries) {
            Op op = flip(e.op());
            out.add(op == e.op() ? e : new Timeline.Entry(e.text(), op, e.line(), e.notes()));
        }
        return out;
    }

    /**
     * The operation in the other era: an {@code exec} of the profile that has both (x86-64) asks for the index
     * it would not get; an exec of a profile with one index only (i386-2.6, empty: mm_rb) and every other
     * operation stay as they are.
     */
    public static Op flip(Op op) {
        if (op instanceof Op.InTask in) {
            Op inner = flip(in.op());
            return inner == in.op() ? op : new Op.InTask(in.task(), inner);
        }
        if (op instanceof Op.Exec ex && Op.Exec.MAPLE_PROFILE.equals(ex.profile())) {
            return new Op.Exec(ex.name(), ex.profile(), ex.maple() ? "rbtree" : "maple");
        }
        return op;
    }
}
