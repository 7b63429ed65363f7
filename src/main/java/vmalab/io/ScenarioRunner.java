package vmalab.io;

import java.util.ArrayList;
import java.util.List;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.event.SimEvent;
import vmalab.model.event.TaskEvent;

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
        OpResult r = kernel.apply(step.op());
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
                out.add(s.pid() + "  " + s.text() + " = " + formatResult(s.text(), s.result()));
            } else if (e instanceof TaskEvent.SignalRaised sig) {
                out.add(sig.pid() + "  --- " + sig.signal() + " {si_addr=0x" + Long.toHexString(sig.addr()) + "} --- "
                    + sig.reason());
            }
        }
        return out;
    }

    /** A return value as strace shows it: addresses in hex, errors as {@code -1 ENOMEM (…)}. */
    public static String formatResult(String call, long r) {
        if (r < 0 && r > -4096) return vmalab.model.syscall.Errno.strace(r);
        boolean pointer = call.startsWith("mmap") || call.startsWith("mremap") || call.startsWith("brk");
        return pointer ? "0x" + Long.toHexString(r) : Long.toString(r);
    }
}
