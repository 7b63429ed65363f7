package vmalab.io.lesson;

// placeholder, replaced by lang at merge: only the few keys the window's tests read

import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.mm.Task;

/** Reads the model's value of a query, as {@code expect} and {@code ask … answer} compare it. */
public final class Checks {
    private Checks() {
    }

    public static String value(Kernel k, OpResult last, String process, Query q) {
        Task t = process == null ? (last == null ? k.current() : k.task(last.pid())) : k.taskNamed(process);
        return switch (q.key()) {
            case "result" -> last == null ? "?" : Long.toString(last.result());
            case "minflt" -> last == null ? "?" : Long.toString(last.minorFaults());
            case "map_count" -> t == null || t.mm() == null ? "0" : Integer.toString(t.mm().mapCount());
            case "processes" -> Long.toString(k.tasks().stream().filter(x -> !x.exited()).count());
            default -> "?";
        };
    }

    public static Verdict check(Kernel k, OpResult last, Check c, String fileName) {
        String actual = value(k, last, c.process(), c.query());
        boolean ok = actual.equalsIgnoreCase(c.expected());
        return new Verdict(ok, actual, ok ? null
            : fileName + ":" + c.line() + ": expected " + c.query() + " " + c.expected() + ", got " + actual);
    }

    public static Verdict reveal(Kernel k, OpResult last, Ask a, String chosen, String fileName) {
        String actual = value(k, last, a.process(), a.answer());
        boolean ok = chosen == null ? a.choices().isEmpty() || a.choices().stream().anyMatch(actual::equalsIgnoreCase)
            : actual.equalsIgnoreCase(chosen.strip());
        return new Verdict(ok, actual, ok ? null
            : fileName + ":" + a.line() + ": the answer is " + actual + (chosen == null ? "" : ", not " + chosen));
    }
}
