package vmalab.io.lesson;

import java.util.List;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.mm.Task;

/**
 * {@code expect} and {@code ask} against the model: the model's value of a {@link Query} after an operation, in
 * the notation an expect VALUE uses ({@code 12K}, {@code yes}, {@code rw-p}, {@code 0x555555559000},
 * {@code -ENOMEM}), and the verdicts. What each key reads is {@link LessonKey}'s table; the reading itself is
 * {@link Readings}. A value that cannot be read or a value that is no value of its key is a failed verdict with
 * {@code FILE:LINE: problem}, never an exception.
 */
public final class Checks {
    private Checks() {
    }

    /**
     * The model's value of {@code q} after the operation {@code last} (null before any): for {@code process}
     * (a name, command line or pid, as {@code NAME: OP} names one), or the process {@code last} ran in. When it
     * cannot be read (no such process, a bad argument) the problem, in parentheses.
     */
    public static String value(Kernel k, OpResult last, String process, Query q) {
        Readings.Reading r = Readings.read(k, last, process, q);
        return r.problem() != null ? "(" + r.problem() + ")" : r.shown();
    }

    /** One {@code expect}: passed, or {@code FILE:LINE: expected KEY [ARG] VALUE, got ACTUAL}. */
    public static Verdict check(Kernel k, OpResult last, Check c, String fileName) {
        String where = fileName + ":" + c.line() + ": ";
        String what = (c.process() == null ? "" : c.process() + ": ") + c.query();
        Readings.Reading r = Readings.read(k, last, c.process(), c.query());
        if (r.problem() != null) {
            return new Verdict(false, r.problem(), where + "expect " + what + " " + c.expected() + ": " + r.problem());
        }
        LessonKey key = LessonKey.of(c.query().key());
        String want;
        try {
            want = LessonValues.canonical(key.kind(), c.expected());
        } catch (LessonValues.BadValue e) {
            return new Verdict(false, r.shown(), where + LessonValues.valueProblem(key, c.expected()));
        }
        if (LessonValues.matches(key.kind(), want, r.canonical())) {
            return new Verdict(true, r.shown(), where + what + " is " + r.shown() + ", as expected");
        }
        return new Verdict(false, r.shown(), where + "expected " + what + " " + c.expected() + ", got " + r.shown());
    }

    /**
     * One {@code ask} revealed after its operation ran. With {@code chosen} null (as {@code run} does): passes
     * when the model's answer is one of the choices, or for a free answer when it can be read at all. With a
     * chosen answer: passes when it says what the model says.
     */
    public static Verdict reveal(Kernel k, OpResult last, Ask a, String chosen, String fileName) {
        String where = fileName + ":" + a.line() + ": ";
        String what = (a.process() == null ? "" : a.process() + ": ") + a.answer();
        Readings.Reading r = Readings.read(k, last, a.process(), a.answer());
        if (r.problem() != null) {
            return new Verdict(false, r.problem(), where + "ask \"" + a.question() + "\": answer " + what + ": "
                + r.problem());
        }
        LessonKey key = LessonKey.of(a.answer().key());
        if (chosen == null) {
            if (a.choices().isEmpty()) return new Verdict(true, r.shown(), where + what + " is " + r.shown());
            for (String choice : a.choices()) {
                String c;
                try {
                    c = LessonValues.canonical(key.kind(), choice);
                } catch (LessonValues.BadValue e) {
                    return new Verdict(false, r.shown(), where + "choice " + LessonValues.valueProblem(key, choice));
                }
                if (LessonValues.matches(key.kind(), c, r.canonical())) {
                    return new Verdict(true, r.shown(), where + what + " is " + r.shown() + ", one of the choices");
                }
            }
            return new Verdict(false, r.shown(), where + "expected " + what + " to be one of "
                + String.join(" ", a.choices()) + " (the choices of ask \"" + a.question() + "\"), got " + r.shown());
        }
        String c;
        try {
            c = LessonValues.canonical(key.kind(), chosen.strip());
        } catch (LessonValues.BadValue e) {
            return new Verdict(false, r.shown(), where + "answer " + LessonValues.valueProblem(key, chosen.strip()));
        }
        if (LessonValues.matches(key.kind(), c, r.canonical())) {
            return new Verdict(true, r.shown(), where + "right: " + what + " is " + r.shown());
        }
        return new Verdict(false, r.shown(), where + "answered " + chosen.strip() + ", but " + what + " is "
            + r.shown());
    }

    /** Every check of a step, in order. */
    public static List<Verdict> checkAll(Kernel k, OpResult last, List<Check> checks, String fileName) {
        return checks.stream().map(c -> check(k, last, c, fileName)).toList();
    }

    /** The live processes: thread-group leaders that have not exited (threads do not count). */
    static int processes(Kernel k) {
        int n = 0;
        for (Task t : k.tasks()) if (!t.isThread() && !t.exited()) n++;
        return n;
    }
}
