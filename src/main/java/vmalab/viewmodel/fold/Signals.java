package vmalab.viewmodel.fold;

import vmalab.io.Narrator;
import vmalab.model.event.TaskEvent;
import vmalab.model.mm.Task;

/** The signals a task has received, as the views show them. */
public final class Signals {
    private Signals() {
    }

    /** The last signal the task received, or null. */
    public static StepSignal last(Task t) {
        if (t == null || t.signals().isEmpty()) return null;
        TaskEvent.SignalRaised s = t.signals().get(t.signals().size() - 1);
        return new StepSignal(s.pid(), s.signal(), s.addr(), Narrator.reason(s));
    }
}
