package vmalab.io.lesson;

import java.util.Locale;
import vmalab.io.Numbers;
import vmalab.io.Text;
import vmalab.model.event.TaskEvent;
import vmalab.model.syscall.Errno;

/**
 * How the values of {@code expect} and {@code ask} are written and compared: each kind of value has one
 * canonical form (a number in decimal, a size in bytes, {@code yes}/{@code no}, upper-case names), so
 * {@code 0x555555559000} equals {@code 93824992251904}, {@code 12K} equals {@code 12} (KiB) and {@code true}
 * equals {@code yes}.
 */
public final class LessonValues {
    /** The highest order an argument may name (the parser's own bound for {@code memory maxorder}). */
    static final int MAX_ORDER = 20;

    private LessonValues() {
    }

    /** Null when {@code arg} is a fine argument for the key; else the problem. */
    public static String argProblem(LessonKey key, String arg) {
        if (!key.takesArg()) return arg == null ? null : key.word() + " takes no argument";
        if (arg == null) return key.word() + " needs " + key.arg();
        try {
            if (key == LessonKey.FREE) order(arg);
            else address(arg);
            return null;
        } catch (BadValue e) {
            return e.getMessage();
        }
    }

    /** Null when {@code value} is a fine value for the key; else the problem. */
    public static String valueProblem(LessonKey key, String value) {
        try {
            canonical(key.kind(), value);
            return null;
        } catch (BadValue e) {
            return e.getMessage() + " for " + key.word() + " (" + key.kind().pattern() + ")";
        }
    }

    static long address(String arg) throws BadValue {
        Long v = Numbers.parse(arg);
        if (v == null || v < 0 || Numbers.hasSuffix(arg)) {
            throw new BadValue("bad address " + Text.quote(arg) + ": expected a number like 0x555555559000");
        }
        return v;
    }

    static int order(String arg) throws BadValue {
        Long v = Numbers.parse(arg);
        if (v == null || v < 0 || v > MAX_ORDER || Numbers.hasSuffix(arg)) {
            throw new BadValue("bad order " + Text.quote(arg) + ": expected 0 to " + MAX_ORDER);
        }
        return v.intValue();
    }

    /** The one form values of this kind compare in; {@link BadValue} when the text is no such value. */
    static String canonical(LessonKey.Kind kind, String v) throws BadValue {
        if (v == null || v.isEmpty()) throw new BadValue("no value");
        String up = v.toUpperCase(Locale.ROOT);
        return switch (kind) {
            case RESULT -> Long.toString(result(v, up));
            case ERRNO -> errno(v, up);
            case SIGNAL -> signal(v, up);
            case COUNT -> {
                Long n = Numbers.parse(v);
                if (n == null || n < 0 || Numbers.hasSuffix(v)) throw new BadValue(Text.quote(v) + " is not a count");
                yield Long.toString(n);
            }
            case SIZE -> Long.toString(size(v));
            case YES_NO -> switch (v.toLowerCase(Locale.ROOT)) {
                case "yes", "true", "y" -> "yes";
                case "no", "false", "n" -> "no";
                default -> throw new BadValue(Text.quote(v) + " is not yes or no");
            };
            case PERMS -> perms(v);
        };
    }

    /** Whether an expected value (canonical) says the same as the model's (canonical). */
    static boolean matches(LessonKey.Kind kind, String expected, String actual) {
        if (kind == LessonKey.Kind.SIGNAL && !expected.contains("/")) {
            // SIGSEGV matches SIGSEGV/SEGV_MAPERR: the si_code is checked only when written
            int slash = actual.indexOf('/');
            return expected.equals(slash < 0 ? actual : actual.substring(0, slash));
        }
        return expected.equals(actual);
    }

    /** A size of {@code bytes} as a lesson writes it: {@code 12K}. */
    static String size(long bytes) {
        if (bytes % 1024 != 0) return bytes + "B";
        return (bytes / 1024) + "K";
    }

    private static long result(String v, String up) throws BadValue {
        String name = up.startsWith("-") ? up.substring(1) : up;
        if (name.startsWith("E")) {
            try {
                return Errno.valueOf(name).ret();
            } catch (IllegalArgumentException e) {
                throw new BadValue("unknown errno " + Text.quote(v));
            }
        }
        Long n = Numbers.parse(v);
        if (n == null) throw new BadValue(Text.quote(v) + " is not a return value");
        return n;
    }

    private static String errno(String v, String up) throws BadValue {
        if (up.equals("NONE") || up.equals("0")) return "none";
        Long n = Numbers.parse(v);
        if (n != null) {
            Errno e = Errno.of(-Math.abs(n));
            if (e == null) throw new BadValue("unknown errno " + v);
            return e.name();
        }
        String name = up.startsWith("-") ? up.substring(1) : up;
        try {
            return Errno.valueOf(name).name();
        } catch (IllegalArgumentException e) {
            throw new BadValue("unknown errno " + Text.quote(v));
        }
    }

    private static String signal(String v, String up) throws BadValue {
        if (up.equals("NONE") || up.equals("0")) return "none";
        int slash = up.indexOf('/');
        String name = slash < 0 ? up : up.substring(0, slash);
        if (!name.startsWith("SIG")) name = "SIG" + name;
        TaskEvent.Signal sig;
        try {
            sig = TaskEvent.Signal.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new BadValue("unknown signal " + Text.quote(v));
        }
        if (slash < 0) return sig.name();
        String code = up.substring(slash + 1);
        for (TaskEvent.Cause c : TaskEvent.Cause.values()) {
            if (c.signal() == sig && code.equals(c.code())) return sig.name() + "/" + code;
        }
        throw new BadValue(Text.quote(code) + " is no si_code of " + sig.name());
    }

    private static long size(String v) throws BadValue {
        String s = v;
        String up = v.toUpperCase(Locale.ROOT);
        // 12KB and 12KiB say 12K
        if (up.endsWith("IB") && up.length() > 2) s = s.substring(0, s.length() - 2);
        else if (up.endsWith("B") && up.length() > 1 && "KMGT".indexOf(up.charAt(up.length() - 2)) >= 0) {
            s = s.substring(0, s.length() - 1);
        }
        Long n = Numbers.parse(s);
        if (n == null || n < 0) throw new BadValue(Text.quote(v) + " is not a size");
        if (Numbers.hasSuffix(s)) return n;
        try {
            return Math.multiplyExact(n, 1024L);
        } catch (ArithmeticException e) {
            throw new BadValue(Text.quote(v) + " is too large");
        }
    }

    private static String perms(String v) throws BadValue {
        String p = v.toLowerCase(Locale.ROOT);
        if (p.equals("none")) return "none";
        if (p.length() == 4 && "r-".indexOf(p.charAt(0)) >= 0 && "w-".indexOf(p.charAt(1)) >= 0
            && "x-".indexOf(p.charAt(2)) >= 0 && "ps".indexOf(p.charAt(3)) >= 0) {
            return p;
        }
        throw new BadValue(Text.quote(v) + " is not permissions like rw-p or r-xp");
    }

    /** A value or argument that is not one of the key's. */
    static final class BadValue extends Exception {
        BadValue(String m) {
            super(m);
        }
    }
}
