package vmalab.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import vmalab.io.lesson.StepNotes;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.mm.Task;
import vmalab.model.op.Op;
import vmalab.viewmodel.fold.StepStart;

/**
 * The operations of a session in order, and where we are among them. A checkpoint ({@link Kernel#copy()}) is
 * kept at step 0 and every {@code checkpointEvery} steps (every n/16 steps around step n of a long scenario);
 * going back restores the nearest checkpoint at or before the target and replays the deterministic model from
 * there — never an inverse operation.
 *
 * <p>Step {@code k} means the first {@code k} operations have run. A new operation (typed, or a click) is
 * inserted at the current step; the steps after it stay and replay on top of it.
 */
public final class Timeline {
    /**
     * One operation with the text it came from, its line in the scenario (0 when typed or clicked) and what a
     * lesson says around it.
     */
    public record Entry(String text, Op op, int line, StepNotes notes) {
        public Entry(String text, Op op, int line) {
            this(text, op, line, StepNotes.NONE);
        }

        public Entry {
            if (notes == null) notes = StepNotes.NONE;
        }

        /** The entry of a parsed scenario step, with its lesson notes. */
        public static Entry of(vmalab.io.ScenarioParser.Step step) {
            return new Entry(step.text(), step.op(), step.line(), step.notes());
        }

        /** The entries of parsed scenario steps, in order. */
        public static List<Entry> of(List<vmalab.io.ScenarioParser.Step> steps) {
            return steps.stream().map(Entry::of).toList();
        }
    }

    public static final int DEFAULT_CHECKPOINT_EVERY = 16;

    /**
     * How an operation is applied: the app's controller owns it, so the viewmodel sees the kernel read-only and
     * never runs an operation itself.
     */
    @FunctionalInterface
    public interface Applier {
        OpResult apply(Kernel kernel, Op op);
    }

    private final Session session;
    private final Applier applier;
    private final Supplier<Kernel> fresh;
    private final int checkpointEvery;
    private final List<Entry> entries = new ArrayList<>();
    /** results.get(i) is what entries.get(i) did; valid for i < position. */
    private final List<OpResult> results = new ArrayList<>();
    private final TreeMap<Integer, Kernel> checkpoints = new TreeMap<>();
    private final IntegerProperty position = new SimpleIntegerProperty(this, "position", 0);
    private final IntegerProperty size = new SimpleIntegerProperty(this, "size", 0);
    private Kernel kernel;
    private String fileName = "scenario.vlab";
    /** Bumped at every change of the state on show, so a {@link Jump} planned before a change is not installed. */
    private int generation;

    public Timeline(Session session, Applier applier, Supplier<Kernel> fresh, int checkpointEvery) {
        if (checkpointEvery < 1) throw new IllegalArgumentException("checkpointEvery must be at least 1");
        this.session = session;
        this.applier = applier;
        this.fresh = fresh;
        this.checkpointEvery = checkpointEvery;
        reset(List.of(), fileName);
    }

    public Timeline(Session session, Applier applier) {
        this(session, applier, Kernels::fresh, DEFAULT_CHECKPOINT_EVERY);
    }

    /** Replaces every step by {@code steps} and goes back to step 0 (an empty machine). */
    public void reset(List<Entry> steps, String name) {
        entries.clear();
        entries.addAll(steps);
        results.clear();
        checkpoints.clear();
        kernel = fresh.get();
        checkpoints.put(0, kernel.copy());
        fileName = name;
        position.set(0);
        size.set(entries.size());
        publish(kernel, null, null, null);
    }

    /**
     * A timeline worked out away from the FX thread: {@link #prepare} runs the steps on a fresh machine (the
     * model is plain Java and deterministic), {@link #install} shows the result. An import of 65,530 VMAs
     * spends its time here instead of in the window's event loop.
     */
    public static final class Prepared {
        private final List<Entry> entries;
        private final List<OpResult> results;
        private final TreeMap<Integer, Kernel> checkpoints;
        private final Kernel kernel;
        private final StepStart start;
        private final int position;

        private Prepared(List<Entry> entries, List<OpResult> results, TreeMap<Integer, Kernel> checkpoints,
                         Kernel kernel, StepStart start, int position) {
            this.entries = entries;
            this.results = results;
            this.checkpoints = checkpoints;
            this.kernel = kernel;
            this.start = start;
            this.position = position;
        }

        /** The steps, run or ahead. */
        public List<Entry> entries() { return entries; }

        /** The steps run (0 … the steps given). */
        public int position() { return position; }

        /** What the last step run did, or null at step 0. */
        public OpResult last() { return position == 0 ? null : results.get(position - 1); }
    }

    /**
     * Runs {@code steps} up to step {@code upTo} (clamped) on a fresh machine, keeping checkpoints as stepping
     * would. Touches nothing of this timeline's state, so any thread may call it; {@link #install} then shows it.
     */
    public Prepared prepare(List<Entry> steps, int upTo) {
        List<Entry> es = List.copyOf(steps);
        int k = Math.max(0, Math.min(upTo, es.size()));
        List<OpResult> rs = new ArrayList<>(k);
        TreeMap<Integer, Kernel> cps = new TreeMap<>();
        Kernel kn = fresh.get();
        cps.put(0, kn.copy());
        StepStart start = null;
        for (int p = 0; p < k; p++) {
            if (p == k - 1) start = StepStart.of(kn);
            rs.add(applier.apply(kn, es.get(p).op()));
            if (checkpointDue(p + 1, cps.floorKey(p + 1))) cps.put(p + 1, kn.copy());
        }
        return new Prepared(es, rs, cps, kn, start, k);
    }

    /** Shows a prepared timeline in place of this one's steps (FX thread): as {@link #reset} then a jump. */
    public void install(Prepared p, String name) {
        entries.clear();
        entries.addAll(p.entries);
        results.clear();
        results.addAll(p.results);
        checkpoints.clear();
        checkpoints.putAll(p.checkpoints);
        kernel = p.kernel;
        fileName = name;
        position.set(p.position);
        size.set(entries.size());
        OpResult last = p.last();
        publish(kernel, last, p.start, null);
        if (last != null) follow(last);
    }

    /** Steps run so far (0 … size). */
    public ReadOnlyIntegerProperty positionProperty() { return position; }
    public int position() { return position.get(); }
    /** Steps known (run or still ahead). */
    public ReadOnlyIntegerProperty sizeProperty() { return size; }
    public int size() { return size.get(); }
    public boolean atEnd() { return position.get() >= entries.size(); }
    public List<Entry> entries() { return List.copyOf(entries); }
    public String fileName() { return fileName; }
    public Kernel kernel() { return kernel; }

    /** The entry that led to the current state, or null at step 0. */
    public Entry currentEntry() {
        int p = position.get();
        return p == 0 ? null : entries.get(p - 1);
    }

    /** What step {@code i} (0-based) did, for steps already run; null otherwise. */
    public OpResult resultOf(int i) {
        return i >= 0 && i < position.get() ? results.get(i) : null;
    }

    /** The results of the steps run so far, in order. */
    public List<OpResult> results() {
        return List.copyOf(results.subList(0, position.get()));
    }

    /** Runs the next step; false at the end. */
    public boolean stepOp() {
        if (atEnd()) return false;
        StepStart start = StepStart.of(kernel);
        OpResult r = applyNext();
        publish(kernel, r, start, null);
        follow(r);
        return true;
    }

    /**
     * Shows one more event of the last result; when all are shown, runs the next step and shows its first
     * event. False at the very end.
     */
    public boolean stepEvent() {
        int shown = session.eventCursorProperty().get();
        if (session.lastResultProperty().get() != null && shown < session.lastEvents().size()) {
            session.eventCursorWritable().set(shown + 1);
            return true;
        }
        if (!stepOp()) return false;
        if (!session.lastEvents().isEmpty()) session.eventCursorWritable().set(1);
        return true;
    }

    /**
     * Runs a new operation at the current step: it is inserted there, and the steps that were ahead stay ahead
     * (they replay on top of it when stepped to). An operation the model refuses (its result has an error: it
     * changed nothing) is not kept; its result is returned all the same.
     */
    public OpResult run(Entry entry) {
        // the same path as a typed operation run off the FX thread, on this thread: the copy it runs on is the
        // state kept, and a refused operation leaves the timeline as it was
        Pending p = planRun(entry);
        p.run();
        return install(p);
    }

    /**
     * An operation typed in the window, run off the FX thread on a copy of the machine ({@link #planRun} on the FX
     * thread, {@link #run()} on any, {@link #install(Pending)} on the FX thread), so one that runs for seconds (a
     * populate of gigabytes, an OOM kill) does not freeze the window and can be given up.
     */
    public final class Pending {
        private final Entry entry;
        private final int at;
        private final int generation;
        private final Kernel work;
        private final StepStart start;
        private volatile OpResult result;

        private Pending(Entry entry) {
            this.entry = entry;
            this.at = position.get();
            this.generation = Timeline.this.generation;
            this.work = kernel.copy();
            this.start = StepStart.of(kernel);
        }

        /** Runs the operation on the copy (any thread, once). */
        public void run() {
            if (result == null) result = applier.apply(work, entry.op());
        }

        /** Whether it has run. */
        public boolean done() {
            return result != null;
        }

        public Entry entry() { return entry; }
    }

    /** A new operation at the current step, to run away from the FX thread. FX thread. */
    public Pending planRun(Entry entry) {
        return new Pending(entry);
    }

    /**
     * Shows an operation that ran (FX thread), as {@link #run(Entry)} would: inserted at the step it was typed at,
     * or, refused by the model, not kept. Null (nothing changed) when the timeline changed since it was planned.
     */
    public OpResult install(Pending p) {
        if (!p.done() || p.generation != generation) return null;
        OpResult r = p.result;
        if (r.failed()) {
            publish(kernel, r, null, null);
            follow(r);
            return r;
        }
        dropAfterPosition();
        entries.add(p.at, p.entry);
        results.add(p.at, r);
        kernel = p.work;
        position.set(p.at + 1);
        if (checkpointDue(p.at + 1, checkpoints.floorKey(p.at + 1))) checkpoints.put(p.at + 1, kernel.copy());
        size.set(entries.size());
        publish(kernel, r, p.start, null);
        follow(r);
        return r;
    }

    /** Goes back one step (restore and replay). */
    public boolean stepBack() {
        if (position.get() == 0) return false;
        jumpTo(position.get() - 1);
        return true;
    }

    public void restart() {
        jumpTo(0);
    }

    /** Goes to step {@code target} (clamped to 0 … size). */
    public void jumpTo(int target) {
        int k = Math.max(0, Math.min(target, entries.size()));
        int p = position.get();
        if (k == p) return;
        OpResult last = null;
        StepStart start = null;
        if (k < p) {
            Map.Entry<Integer, Kernel> cp = checkpoints.floorEntry(k);
            kernel = cp.getValue().copy();
            position.set(cp.getKey());
            // results before the checkpoint stay valid: the model is deterministic
            while (position.get() < k) applyNext();
        } else {
            while (position.get() < k) {
                if (position.get() == k - 1) start = StepStart.of(kernel);
                last = applyNext();
            }
        }
        publish(kernel, k > p ? last : null, start, k > p ? null : resultOf(k - 1));
        if (last != null) follow(last);
    }

    /**
     * How many operations {@link #jumpTo}({@code target}) would run: from the current step when going forward,
     * else from the nearest checkpoint at or before the target (a checkpoint ahead of the current step counts
     * too, as a forward jump could start there).
     */
    public int replayCost(int target) {
        int k = Math.max(0, Math.min(target, entries.size()));
        int p = position.get();
        if (k == p) return 0;
        int cp = checkpoints.floorKey(k);
        return k > p ? k - Math.max(p, cp) : k - cp;
    }

    /**
     * A jump worked out off the FX thread, for a long scenario: {@link #planJump} (FX thread) fixes where it
     * starts, {@link Jump#run} (any thread) replays the operations on its own copy of the machine and can be
     * cancelled between two of them, {@link #install(Jump)} (FX thread) shows it, unless the timeline changed
     * meanwhile.
     */
    public final class Jump {
        private final int from;
        private final int target;
        private final int generation;
        private final List<Entry> steps;
        private final boolean forward;
        private Kernel start;
        private final Kernel startCheckpoint;
        private final List<OpResult> ran = new ArrayList<>();
        private final TreeMap<Integer, Kernel> made = new TreeMap<>();
        /** The step of the last checkpoint at or before the replay's position, for {@link #checkpointDue}. */
        private int last;
        private StepStart lastStart;
        private volatile int done;
        private volatile boolean complete;

        private Jump(int from, int target, Kernel start, Kernel startCheckpoint, boolean forward) {
            this.from = from;
            this.target = target;
            this.start = start;
            this.startCheckpoint = startCheckpoint;
            this.forward = forward;
            this.generation = Timeline.this.generation;
            this.steps = List.copyOf(entries.subList(from, target));
            this.last = checkpoints.floorKey(from);
        }

        /** The step it goes to. */
        public int target() { return target; }

        /** How many operations it replays. */
        public int total() { return steps.size(); }

        /** How many it has replayed so far (any thread). */
        public int done() { return done; }

        /**
         * Replays the operations; stops early (returning false) once {@code cancelled} says so, between two
         * operations, and a later call goes on from there (one thread at a time: a jump may start on the FX thread
         * and finish on a worker). Reads nothing of the timeline's mutable state, so it runs on any thread.
         */
        public boolean run(java.util.function.BooleanSupplier cancelled) {
            if (complete) return true;
            if (start == null) start = startCheckpoint.copy();
            for (int i = done; i < steps.size(); i++) {
                if (cancelled.getAsBoolean()) return false;
                int step = from + i;
                if (step == target - 1) lastStart = StepStart.of(start);
                ran.add(applier.apply(start, steps.get(i).op()));
                if (checkpointDue(step + 1, last)) {
                    made.put(step + 1, start.copy());
                    last = step + 1;
                }
                done = i + 1;
            }
            complete = true;
            return true;
        }
    }

    /** Plans a jump to {@code target} (clamped) for {@link Jump#run} off the FX thread. FX thread. */
    public Jump planJump(int target) {
        int k = Math.max(0, Math.min(target, entries.size()));
        int p = position.get();
        Map.Entry<Integer, Kernel> cp = checkpoints.floorEntry(k);
        if (k > p && cp.getKey() <= p) return new Jump(p, k, kernel.copy(), null, true);
        return new Jump(cp.getKey(), k, null, cp.getValue(), k > p);
    }

    /**
     * Shows a jump that ran to its end (FX thread), as {@link #jumpTo} would have shown it; false (and nothing
     * changed) when it was cancelled, or the timeline changed since it was planned.
     */
    public boolean install(Jump j) {
        if (!j.complete || j.generation != generation) return false;
        for (int i = 0; i < j.ran.size(); i++) {
            int at = j.from + i;
            if (results.size() > at) results.set(at, j.ran.get(i));
            else results.add(j.ran.get(i));
        }
        for (Map.Entry<Integer, Kernel> e : j.made.entrySet()) {
            // a checkpoint already kept is the same state (the model is deterministic): keep the older copy
            checkpoints.putIfAbsent(e.getKey(), e.getValue());
        }
        kernel = j.start;
        position.set(j.target);
        OpResult last = j.forward && !j.ran.isEmpty() ? j.ran.get(j.ran.size() - 1) : null;
        publish(kernel, last, j.forward ? j.lastStart : null, j.forward ? null : resultOf(j.target - 1));
        if (last != null) follow(last);
        return true;
    }

    /** Publishes a state with the lesson notes of the step on show and of the step ahead. */
    private void publish(Kernel k, OpResult r, StepStart start, OpResult narrated) {
        generation++;
        int p = position.get();
        session.showNotes(p == 0 ? StepNotes.NONE : entries.get(p - 1).notes(),
            p < entries.size() ? entries.get(p).notes() : StepNotes.NONE);
        session.publish(k, r, start, narrated);
    }

    /** The lesson notes of step {@code i} (0-based), or none. */
    public StepNotes notesOf(int i) {
        return i >= 0 && i < entries.size() ? entries.get(i).notes() : StepNotes.NONE;
    }

    private OpResult applyNext() {
        int p = position.get();
        OpResult r = applier.apply(kernel, entries.get(p).op());
        if (results.size() > p) results.set(p, r);
        else results.add(r);
        position.set(p + 1);
        if (checkpointDue(p + 1, checkpoints.floorKey(p + 1))) checkpoints.put(p + 1, kernel.copy());
        return r;
    }

    /**
     * Whether step {@code step} keeps a checkpoint, the last one being at {@code last}: every checkpointEvery
     * steps, sparser as the scenario grows (a copy costs as much as the state is big), at most about 16 between
     * step n and 2n, so a step back replays at most n/16 steps.
     */
    private boolean checkpointDue(int step, int last) {
        return step - last >= Math.max(checkpointEvery, step / 16);
    }

    /** Forgets results and checkpoints past the current step: they no longer hold once a step is inserted. */
    private void dropAfterPosition() {
        int p = position.get();
        while (results.size() > p) results.remove(results.size() - 1);
        checkpoints.tailMap(p, false).clear();
    }

    /** The selection follows the process the step ran in. */
    private void follow(OpResult r) {
        if (r == null || r.pid() == 0) return;
        Task t = kernel.task(r.pid());
        if (t != null && !t.exited()) session.selectedPidProperty().set(r.pid());
    }
}
