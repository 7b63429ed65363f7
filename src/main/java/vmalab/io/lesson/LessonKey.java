package vmalab.io.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The keys {@code expect KEY [ARG] VALUE} checks and {@code ask … answer KEY [ARG]} reveals: what each reads from
 * the model, the argument it takes, and the values it compares. {@link Checks} reads them, {@code LessonLines}
 * parses them, the command bar completes them and the README's lesson block lists them (a test keeps it equal).
 */
public enum LessonKey {
    RESULT("result", null, Kind.RESULT, "the operation's return value: 0x555555559000, 0, -12 or -ENOMEM"),
    ERRNO("errno", null, Kind.ERRNO, "the errno of a failed system call (ENOMEM, EINVAL, …), or none"),
    SIGNAL("signal", null, Kind.SIGNAL, "the signal the operation raised: SIGSEGV[/SEGV_MAPERR], SIGBUS, or none"),
    MINFLT("minflt", null, Kind.COUNT, "the operation's minor faults, as run prints \"(N minor faults)\""),
    MAJFLT("majflt", null, Kind.COUNT, "the operation's major faults: file pages read from disk (ru_majflt)"),
    RSS("rss", null, Kind.SIZE, "resident set, get_mm_rss(): 12 is KiB, or 12K, 1M"),
    VSZ("vsz", null, Kind.SIZE, "virtual size, total_vm: every VMA's length added up (KiB, or K/M/G)"),
    TOTAL_VM("total_vm", null, Kind.SIZE, "the same as vsz"),
    MAP_COUNT("map_count", null, Kind.COUNT, "the process's VMAs (mm->map_count, the lines of maps)"),
    PRESENT("present", "ADDR", Kind.YES_NO, "the PTE of ADDR has the Present bit (the MMU maps the page)"),
    ZERO("zero", "ADDR", Kind.YES_NO, "the PTE of ADDR maps the shared zero page"),
    COW("cow", "ADDR", Kind.YES_NO, "present, write-protected, in a writable private VMA: do_wp_page()"),
    VMA("vma", "ADDR", Kind.PERMS, "the permissions of the VMA holding ADDR (rw-p, r-xp), or none"),
    FREE("free", "ORDER", Kind.COUNT, "free blocks of that order (a column of /proc/buddyinfo)"),
    FRAMES_FREE("frames_free", null, Kind.COUNT, "free page frames in the buddy allocator (NR_FREE_PAGES)"),
    PROCESSES("processes", null, Kind.COUNT, "live processes: thread-group leaders that have not exited");

    /** How a key's values are written and compared. */
    public enum Kind {
        /** A number: decimal, 0x hex; negative for an errno, or -ENOMEM / ENOMEM. */
        RESULT("N|0xADDR|-ERRNO"),
        /** An errno name or {@code none}. */
        ERRNO("NAME|none"),
        /** {@code SIGSEGV}, {@code SIGBUS}, {@code SIGKILL} with an optional {@code /SI_CODE}, or {@code none}. */
        SIGNAL("SIGNAL|none"),
        /** A count: decimal or 0x hex. */
        COUNT("N"),
        /** A size: plain KiB, or with a K/M/G suffix; compared in bytes. */
        SIZE("SIZE"),
        /** {@code yes}, {@code no}, {@code true} or {@code false}. */
        YES_NO("yes|no"),
        /** Four characters of /proc/PID/maps ({@code rw-p}) or {@code none}. */
        PERMS("PERMS|none");

        private final String pattern;

        Kind(String pattern) {
            this.pattern = pattern;
        }

        /** How a value of this kind is written in the usage: {@code yes|no}. */
        public String pattern() {
            return pattern;
        }
    }

    private final String word;
    private final String arg;
    private final Kind kind;
    private final String summary;

    LessonKey(String word, String arg, Kind kind, String summary) {
        this.word = word;
        this.arg = arg;
        this.kind = kind;
        this.summary = summary;
    }

    /** The key as a lesson writes it: {@code map_count}. */
    public String word() {
        return word;
    }

    /** The argument it takes ({@code ADDR}, {@code ORDER}), or null. */
    public String arg() {
        return arg;
    }

    public boolean takesArg() {
        return arg != null;
    }

    public Kind kind() {
        return kind;
    }

    public String summary() {
        return summary;
    }

    /** Whether it reads one process (the step's, or the {@code NAME:} one) rather than the operation or machine. */
    public boolean perProcess() {
        return switch (this) {
            case RSS, VSZ, TOTAL_VM, MAP_COUNT, PRESENT, ZERO, COW, VMA, SIGNAL -> true;
            default -> false;
        };
    }

    /** {@code present ADDR yes|no}: the key, its argument and its values, as the README lists it. */
    public String usage() {
        return word + (arg == null ? "" : " " + arg) + " " + kind.pattern();
    }

    /** The key a word names, in any case; null for none. */
    public static LessonKey of(String word) {
        if (word == null) return null;
        String w = word.toLowerCase(Locale.ROOT);
        for (LessonKey k : values()) if (k.word.equals(w)) return k;
        return null;
    }

    /** Every key word, in table order. */
    public static List<String> words() {
        List<String> out = new ArrayList<>();
        for (LessonKey k : values()) out.add(k.word);
        return List.copyOf(out);
    }

    /** The words of the keys taking an argument. */
    public static List<String> wordsWithArg() {
        List<String> out = new ArrayList<>();
        for (LessonKey k : values()) if (k.takesArg()) out.add(k.word);
        return List.copyOf(out);
    }
}
