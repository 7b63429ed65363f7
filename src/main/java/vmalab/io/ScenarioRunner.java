package vmalab.io;

import java.util.ArrayList;
import java.util.List;
import vmalab.io.lesson.Ask;
import vmalab.io.lesson.Checks;
import vmalab.io.lesson.Verdict;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.event.EventDetail;
import vmalab.model.event.SimEvent;
import vmalab.model.event.TaskEvent;
import vmalab.model.syscall.Syscalls;

/**
 * Runs a parsed scenario against a kernel, one step at a time, stopping at the first step that errs. After each
 * step it reveals the step's {@code ask} (as {@code run} does: the model's answer must be one of the choices) and
 * evaluates its {@code expect} lines against the state it left.
 */
public final class ScenarioRunner {
    /**
     * A step, what it did and what its lesson lines found: the verdict of its ask (null when it has none) and of
     * each of its checks, in order.
     */
    public record Ran(ScenarioParser.Step step, OpResult result, Verdict ask, List<Verdict> checks) {
        public Ran {
            checks = List.copyOf(checks);
        }

        public Ran(ScenarioParser.Step step, OpResult result) {
            this(step, result, null, List.of());
        }

        /** The ask's verdict (when there is one), then the checks'. */
        public List<Verdict> verdicts() {
            List<Verdict> out = new ArrayList<>();
            if (ask != null) out.add(ask);
            out.addAll(checks);
            return List.copyOf(out);
        }
    }

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
        if (r.failed()) return new Ran(step, r);
        Ask a = step.notes().ask();
        Verdict ask = a == null ? null : Checks.reveal(kernel, r, a, null, fileName);
        return new Ran(step, r, ask, Checks.checkAll(kernel, r, step.notes().checks(), fileName));
    }

    /**
     * Runs the first {@code upTo} of {@code steps} on a fresh kernel, as {@code run} does, and returns the first
     * error ({@code FILE:LINE: …}: an operation that failed, a failed ask or expect), or null when all passed.
     * An export checks this before it draws, so a scenario {@code run} refuses writes no picture either.
     */
    public static String firstError(List<ScenarioParser.Step> steps, String fileName, int upTo) {
        ScenarioRunner runner = new ScenarioRunner(new Kernel(), fileName);
        for (int i = 0; i < Math.min(upTo, steps.size()); i++) {
            String error = runner.errorOf(runner.run(steps.get(i), EventDetail.SUMMARY));
            if (error != null) return error;
        }
        return null;
    }

    /** The operation's error, else the first failed ask or expect of the step ({@code FILE:LINE: …}); null. */
    public String errorOf(Ran ran) {
        if (ran.result().failed()) return fileName + ":" + ran.step().line() + ": " + ran.result().error();
        for (Verdict v : ran.verdicts()) if (!v.passed()) return v.message();
        return null;
    }

    /** The log line of a step's ask: {@code ask  Will this access fault? [yes/no] -> yes}; null without one. */
    public static String askLine(Ran ran) {
        Ask a = ran.step().notes().ask();
        if (a == null || ran.ask() == null) return null;
        String choices = a.choices().isEmpty() ? "" : " [" + String.join("/", a.choices()) + "]";
        return "ask  " + (a.process() == null ? "" : a.process() + ": ") + a.question() + choices + " -> "
            + ran.ask().actual();
    }

    /**
     * The log's line of getrusage() counts: {@code      (3 minor faults)}, with the major faults beside when
     * there were any ({@code (0 minor faults, 1 major fault)}); null when the operation faulted nothing.
     */
    public static String faultsLine(OpResult r) {
        long min = r.minorFaults();
        long maj = r.majorFaults();
        if (min == 0 && maj == 0) return null;
        String s = "     (" + min + " minor fault" + (min == 1 ? "" : "s");
        if (maj > 0) s += ", " + maj + " major fault" + (maj == 1 ? "" : "s");
        return s + ")";
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
