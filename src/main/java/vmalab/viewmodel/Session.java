package vmalab.viewmodel;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import vmalab.io.lesson.StepNotes;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.event.SimEvent;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Task;
import vmalab.viewmodel.fold.FoldedStep;
import vmalab.viewmodel.fold.StepStart;
import vmalab.viewmodel.fold.StepState;

/**
 * The one shared simulation as the views see it (FX thread only). CONTRACT — the app helper fills in the
 * bodies; view authors may rely on every public member here.
 *
 * <ul>
 *   <li>{@link #kernelProperty()}: the model state to draw; {@link #versionProperty()} goes up by one after every
 *   operation, step back or jump (the Kernel object may be the same instance, changed in place by the app, so
 *   listen to the version). Views redraw from the state from scratch (state → picture) and never change it.</li>
 *   <li>{@link #lastResultProperty()}: the operation that led to the current state, with its ordered events
 *   (null at step 0 or after a jump back). Views animate those events; with {@link #reduceMotionProperty()}
 *   true they draw the end state at once.</li>
 *   <li>Selection is linked: {@link #selectedPidProperty()}, {@link #selectedVmaProperty()} (a vm_start, or -1),
 *   {@link #selectedAddressProperty()} (or -1). Views may set the selection; that is not a model change.</li>
 *   <li>{@link #eventCursorProperty()}: during step-by-event playback, how many events of the last result have
 *   been shown (the director advances it); views draw events up to it. {@link #eventProgressProperty()} runs
 *   from 0 to 1 while the event at {@code eventCursor - 1} is being animated (1 when at rest).</li>
 * </ul>
 */
public final class Session {
    private final ObjectProperty<Kernel> kernel = new SimpleObjectProperty<>(this, "kernel");
    private final ObjectProperty<OpResult> lastResult = new SimpleObjectProperty<>(this, "lastResult");
    private final ObjectProperty<Integer> selectedPid = new SimpleObjectProperty<>(this, "selectedPid");
    private final LongProperty selectedVma = new SimpleLongProperty(this, "selectedVma", -1);
    private final LongProperty selectedAddress = new SimpleLongProperty(this, "selectedAddress", -1);
    private final BooleanProperty reduceMotion = new SimpleBooleanProperty(this, "reduceMotion", false);
    private final DoubleProperty fontScale = new SimpleDoubleProperty(this, "fontScale", 1) {
        @Override public void set(double v) {
            super.set(clampScale(v));
        }
    };
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final ObjectProperty<ProcessChanges> changes =
        new SimpleObjectProperty<>(this, "changes", ProcessChanges.NONE);
    private final IntegerProperty eventCursor = new SimpleIntegerProperty(this, "eventCursor", 0);
    private final DoubleProperty eventProgress = new SimpleDoubleProperty(this, "eventProgress", 1);
    private final IntegerProperty version = new SimpleIntegerProperty(this, "version", 0);
    private final ReadOnlyObjectWrapper<StepState> stepState =
        new ReadOnlyObjectWrapper<>(this, "stepState", StepState.NONE);
    private FoldedStep folded = FoldedStep.NONE;
    private final ReadOnlyObjectWrapper<StepNotes> notes = new ReadOnlyObjectWrapper<>(this, "notes", StepNotes.NONE);
    private final ReadOnlyObjectWrapper<StepNotes> nextNotes =
        new ReadOnlyObjectWrapper<>(this, "nextNotes", StepNotes.NONE);

    public Session() {
        eventCursor.addListener((o, a, b) -> refold());
    }

    public ReadOnlyObjectProperty<Kernel> kernelProperty() { return kernel; }

    /**
     * The operation on show folded up to the event cursor: the one state every
     * view paints. Set once per cursor change or new state, before {@link #versionProperty()} moves.
     */
    public ReadOnlyObjectProperty<StepState> stepStateProperty() { return stepState.getReadOnlyProperty(); }
    public StepState stepState() { return stepState.get(); }
    public ReadOnlyIntegerProperty versionProperty() { return version; }

    /**
     * What the lesson says about the step on show (its {@code say} text, the {@code ask} answered by it, the
     * {@code expect} lines checked after it); {@link StepNotes#NONE} at step 0 or for a typed line. Set before
     * {@link #versionProperty()} moves.
     */
    public ReadOnlyObjectProperty<StepNotes> notesProperty() { return notes.getReadOnlyProperty(); }

    /** The notes of the step that runs next (its {@code ask} is asked before it runs), or none at the end. */
    public ReadOnlyObjectProperty<StepNotes> nextNotesProperty() { return nextNotes.getReadOnlyProperty(); }
    public Kernel kernel() { return kernel.get(); }
    public ReadOnlyObjectProperty<OpResult> lastResultProperty() { return lastResult; }
    public ObjectProperty<Integer> selectedPidProperty() { return selectedPid; }
    public LongProperty selectedVmaProperty() { return selectedVma; }
    public LongProperty selectedAddressProperty() { return selectedAddress; }
    public BooleanProperty reduceMotionProperty() { return reduceMotion; }

    /** The smallest and largest font and stroke scale (Ctrl+minus / Ctrl+plus). */
    public static final double MIN_SCALE = 1.0;
    public static final double MAX_SCALE = 2.5;

    /**
     * The font and stroke scale every view honours, {@value #MIN_SCALE} to {@value #MAX_SCALE}; values outside
     * are clamped. A view multiplies its type sizes and line widths by it and repaints when it changes.
     */
    public DoubleProperty fontScaleProperty() { return fontScale; }
    public double fontScale() { return fontScale.get(); }

    /**
     * What the last re-read of a real process changed (File ▸ Refresh, Watch): the Layout view marks those VMAs
     * until the next read or another scenario. {@link ProcessChanges#NONE} otherwise.
     */
    public ObjectProperty<ProcessChanges> changesProperty() { return changes; }
    public ProcessChanges changes() { return changes.get(); }

    /** The theme on show; views repaint when CSS gives their swatches new colours. */
    public ObjectProperty<Theme> themeProperty() { return theme; }

    static double clampScale(double v) {
        if (Double.isNaN(v)) return MIN_SCALE;
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, v));
    }
    public ReadOnlyIntegerProperty eventCursorProperty() { return eventCursor; }
    public ReadOnlyDoubleProperty eventProgressProperty() { return eventProgress; }

    /** Events of the last result, or an empty list. */
    public List<SimEvent> lastEvents() {
        OpResult r = lastResult.get();
        return r == null ? List.of() : r.events();
    }

    /** The events shown so far: the first {@code eventCursor} events of the last result. */
    public List<SimEvent> shownEvents() {
        List<SimEvent> all = lastEvents();
        return all.subList(0, Math.max(0, Math.min(eventCursor.get(), all.size())));
    }

    /** The event being animated (the last one shown), or null. */
    public SimEvent currentEvent() {
        List<SimEvent> shown = shownEvents();
        return shown.isEmpty() ? null : shown.get(shown.size() - 1);
    }

    /**
     * The task the views show: the selected pid while it is alive, else the kernel's current task; null when
     * there is no process.
     */
    public Task selectedTask() {
        Kernel k = kernel.get();
        if (k == null) return null;
        Integer pid = selectedPid.get();
        Task t = pid == null ? null : k.task(pid);
        return t != null && !t.exited() ? t : k.current();
    }

    /** The address space of {@link #selectedTask()}, or null. */
    public Mm selectedMm() {
        Task t = selectedTask();
        return t == null ? null : t.mm();
    }

    // ---- set by the app (timeline/controller); views must not call these ----

    /**
     * Shows a new state: the result that led to it (or null), the event cursor back at 0; then the version goes
     * up. The animation director moves the cursor on from there.
     */
    public void publish(Kernel k, OpResult r) {
        publish(k, r, null, null);
    }

    /**
     * Shows a new state, with what the fold keeps of the state before {@code r} ({@code start}, or null: then
     * only the end state is drawn) and, when {@code r} is null, the step whose narration to show (or null).
     */
    public void publish(Kernel k, OpResult r, StepStart start, OpResult narrated) {
        folded = FoldedStep.of(k, r, start, narrated, version.get() + 1);
        eventCursor.set(0);
        eventProgress.set(1);
        lastResult.set(r);
        kernel.set(k);
        refold();
        followAccess(k, r);
        version.set(version.get() + 1);
    }

    private void refold() {
        // the cursor alone decides: with reduce motion the director moves it to the end of each step at once, and
        // stepping one event (E) still shows that event
        stepState.set(folded.at(eventCursor.get()));
    }

    /**
     * The selection follows an access: after {@code touch ADDR}, the touched page's process and address are
     * selected, so the page-table strip and walk show the fault that just happened. A selected VMA stays
     * selected when it holds the address, and is let go otherwise.
     */
    private void followAccess(Kernel k, OpResult r) {
        if (k == null || r == null || r.failed()) return;
        vmalab.model.op.Op op = r.op();
        if (op instanceof vmalab.model.op.Op.InTask in) op = in.op();
        if (!(op instanceof vmalab.model.op.Op.Touch touch)) return;
        Task t = k.task(r.pid());
        if (t == null || t.mm() == null) return;
        long page = touch.addr() & -4096L;
        long vmaStart = selectedVma.get();
        vmalab.model.mm.Vma held = vmaStart < 0 ? null : t.mm().vmaAt(vmaStart);
        selectedPid.set(t.pid());
        if (held == null || !held.contains(page)) selectedVma.set(-1);
        selectedAddress.set(page);
    }

    /** Set by the timeline with every publish. */
    public void showNotes(StepNotes current, StepNotes next) {
        notes.set(current);
        nextNotes.set(next);
    }

    public IntegerProperty eventCursorWritable() { return eventCursor; }

    public DoubleProperty eventProgressWritable() { return eventProgress; }
}
