package vmalab.app;

import java.util.List;
import javafx.animation.Transition;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.util.Duration;
import vmalab.model.event.BuddyStepped;
import vmalab.model.event.MmEvent;
import vmalab.model.event.Narration;
import vmalab.model.event.RbStepped;
import vmalab.model.event.SimEvent;
import vmalab.model.event.TaskEvent;
import vmalab.view.anim.Motion;
import vmalab.viewmodel.Session;

/**
 * Plays the events of the last step one at a time on the JavaFX animation clock: for each it advances
 * {@link Session#eventCursorProperty()} and runs {@link Session#eventProgressProperty()} from 0 to 1 over a
 * short duration that depends on the event; views draw from those. Nothing here blocks, sleeps or changes the
 * model; with reduce motion every step is shown at once.
 */
public final class AnimationDirector {
    /** A step's events never take longer than this at speed 1. */
    static final double MAX_STEP_MILLIS = 6000;

    private final Session session;
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private Transition running;
    private double stepScale = 1;

    public AnimationDirector(Session session) {
        this.session = session;
        session.reduceMotionProperty().addListener((o, a, b) -> {
            if (b && busy.get()) showAll();
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

    /** Plays the remaining events of the last step, one after the other. */
    public void playAll() {
        stopRunning();
        List<SimEvent> events = session.lastEvents();
        if (session.reduceMotionProperty().get() || events.isEmpty()) {
            showAll();
            return;
        }
        stepScale = scaleFor(events);
        busy.set(true);
        playNext();
    }

    /** Animates the event just revealed (the one at eventCursor - 1) on its own. */
    public void animateCurrent() {
        stopRunning();
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
        session.eventCursorWritable().set(session.lastEvents().size());
        session.eventProgressWritable().set(1);
        busy.set(false);
    }

    /** Stops where it is: the current event is shown complete, later ones are not shown yet. */
    public void stop() {
        stopRunning();
        session.eventProgressWritable().set(1);
        busy.set(false);
    }

    private void stopRunning() {
        if (running != null) {
            running.setOnFinished(null);
            running.stop();
            running = null;
        }
    }

    private void playNext() {
        List<SimEvent> events = session.lastEvents();
        int c = session.eventCursorProperty().get();
        if (c >= events.size()) {
            session.eventProgressWritable().set(1);
            busy.set(false);
            running = null;
            return;
        }
        session.eventCursorWritable().set(c + 1);
        running = transition(events.get(c), this::playNext);
        running.play();
    }

    private Transition transition(SimEvent e, Runnable then) {
        session.eventProgressWritable().set(0);
        double ms = millisFor(e) * stepScale / Math.max(0.05, speed.get());
        Transition t = Motion.progress(Duration.millis(Math.max(1, ms)),
            f -> session.eventProgressWritable().set(f));
        // onFinished moves the viewmodel's cursor only; the model is never changed from here
        t.setOnFinished(ev -> then.run());
        return t;
    }

    /** How long one event plays at speed 1, in milliseconds. */
    static double millisFor(SimEvent e) {
        if (e instanceof Narration) return 900;
        if (e instanceof TaskEvent.SignalRaised) return 1200;
        if (e instanceof TaskEvent.SyscallDone) return 350;
        if (e instanceof TaskEvent) return 600;
        if (e instanceof RbStepped) return 280;
        if (e instanceof BuddyStepped) return 300;
        if (e instanceof MmEvent.FindVma) return 500;
        if (e instanceof MmEvent) return 600;
        return 550;
    }

    private static double scaleFor(List<SimEvent> events) {
        double total = 0;
        for (SimEvent e : events) total += millisFor(e);
        return total > MAX_STEP_MILLIS ? MAX_STEP_MILLIS / total : 1;
    }

}
