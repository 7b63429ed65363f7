package vmalab.io;

import java.util.ArrayList;
import java.util.List;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.event.EventDetail;
import vmalab.model.event.SimEvent;
import vmalab.model.event.TaskEvent;
import vmalab.model.syscall.Syscalls;

/** Runs a parsed scenario against a kernel, one step at a time, stopping at the first step that errs. */
public final class ScenarioRunner {
    /** A step and what it did. */
    public record Ran(ScenarioParser.Step step, OpResult result) { }

    private final Kernel kernel;
    private final String fileName;

    public ScenarioRunner(Kernel kernel, String fileName) {
        this.kernel = kernel;
        this.fileName = fileName;
    }

    public Kernel kernel() {
        return kernel;
    }

    /** Runs one step; an error comes back as {@code FILE:LINE: message} and changed nothing. */
    public Ran run(ScenarioParser.Step step) {
        return run(step, EventDetail.FULL);
    }

    /** {@link #run(ScenarioParser.Step)} with as much event detail as the caller shows. */
    public Ran run(ScenarioParser.Step step, EventDetail detail) {
        OpResult r = Syscalls.apply(kernel, step.op(), detail);
        return new Ran(step, r);
    }

    public String errorOf(Ran ran) {
        return ran.result().failed() ? fileName + ":" + ran.step().line() + ": " + ran.result().error() : null;
    }

    /** The strace-like lines of a result: {@code 1000  brk(NULL) = 0x555555559000}. */
    public static List<String> straceLines(OpResult r) {
        List<String> out = new ArrayList<>();
        for (SimEvent e : r.events()) {
            if (e instanceof TaskEvent.SyscallDone s) {
                out.add(s.pid() + "  " + Narrator.text(s));
            } else if (e instanceof TaskEvent.SignalRaised sig) {
                out.add(sig.pid() + "  " + Narrator.signal(sig));
            }
        }
        return out;
    }
}
