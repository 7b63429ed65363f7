package vmalab.viewmodel;

import java.util.List;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.event.SimEvent;

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
 *   been shown (the director advances it); views draw events up to it.</li>
 * </ul>
 */
public final class Session {
    private final ObjectProperty<Kernel> kernel = new SimpleObjectProperty<>(this, "kernel");
    private final ObjectProperty<OpResult> lastResult = new SimpleObjectProperty<>(this, "lastResult");
    private final ObjectProperty<Integer> selectedPid = new SimpleObjectProperty<>(this, "selectedPid");
    private final LongProperty selectedVma = new SimpleLongProperty(this, "selectedVma", -1);
    private final LongProperty selectedAddress = new SimpleLongProperty(this, "selectedAddress", -1);
    private final javafx.beans.property.BooleanProperty reduceMotion =
        new javafx.beans.property.SimpleBooleanProperty(this, "reduceMotion", false);
    private final javafx.beans.property.IntegerProperty eventCursor =
        new javafx.beans.property.SimpleIntegerProperty(this, "eventCursor", 0);

    private final javafx.beans.property.IntegerProperty version =
        new javafx.beans.property.SimpleIntegerProperty(this, "version", 0);

    public ReadOnlyObjectProperty<Kernel> kernelProperty() { return kernel; }
    public ReadOnlyIntegerProperty versionProperty() { return version; }
    public Kernel kernel() { return kernel.get(); }
    public ReadOnlyObjectProperty<OpResult> lastResultProperty() { return lastResult; }
    public ObjectProperty<Integer> selectedPidProperty() { return selectedPid; }
    public LongProperty selectedVmaProperty() { return selectedVma; }
    public LongProperty selectedAddressProperty() { return selectedAddress; }
    public javafx.beans.property.BooleanProperty reduceMotionProperty() { return reduceMotion; }
    public ReadOnlyIntegerProperty eventCursorProperty() { return eventCursor; }

    /** Events of the last result, or an empty list. */
    public List<SimEvent> lastEvents() {
        OpResult r = lastResult.get();
        return r == null ? List.of() : r.events();
    }

    // ---- set by the app (timeline/controller); views must not call these ----
    public void publish(Kernel k, OpResult r) {
        lastResult.set(r);
        kernel.set(k);
        version.set(version.get() + 1);
    }

    public javafx.beans.property.IntegerProperty eventCursorWritable() { return eventCursor; }
}
