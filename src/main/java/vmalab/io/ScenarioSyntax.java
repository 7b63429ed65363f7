package vmalab.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vmalab.model.mm.Profile;

/**
 * The scenario language's one table: each operation's keyword, argument pattern, one-line usage text and the
 * words Tab completes among its arguments. {@link ScenarioParser} dispatches on it and quotes it in errors, the
 * command bar completes and hints from it, and a test holds the README's "The scenario language" block to
 * {@link #usageLines()}. Kept in the order the README lists the operations.
 */
public enum ScenarioSyntax {
    EXEC("exec", "NAME PROFILE [maple|rbtree]", "a new process: x86_64, i386-2.6 or empty, its VMAs in the maple "
        + "tree of Linux 6.1+ (x86_64's default) or mm_rb (the others'); it becomes the current one",
        profiles()),
    IMPORT("import", "DIR|PID", "a new process holding a real one's VMAs and present pages (a `vmalab capture` "
        + "folder, or a running process read now)",
        List.of()),
    FILE("file", "NAME SIZE [cached|cold] [dev MAJ:MIN] [inode N]", "a file just written: in the page cache, "
        + "or cold (nothing cached: first reads are major faults)",
        List.of("cached", "cold", "dev", "inode")),
    MMAP("mmap", "[ADDR] LEN PROT private|shared anon|file:NAME[@OFFSET] [fixed|noreplace] [growsdown] [noreserve] "
        + "[populate]", "",
        List.of("private", "shared", "anon", "file:", "fixed", "noreplace", "growsdown", "noreserve", "populate")),
    MUNMAP("munmap", "ADDR LEN", "", List.of()),
    MPROTECT("mprotect", "ADDR LEN PROT", "PROT is rwx-style: rw-, r--, ---", List.of()),
    MADVISE("madvise", "ADDR LEN ADVICE", "ADVICE is one of:",
        List.of("normal", "random", "sequential", "willneed", "dontneed", "free", "remove", "cold", "pageout",
            "dontfork", "dofork", "wipeonfork", "keeponfork", "dontdump", "dodump", "hugepage", "nohugepage",
            "mergeable", "unmergeable", "populate_read", "populate_write")),
    MREMAP("mremap", "ADDR OLDLEN NEWLEN [maymove]", "", List.of("maymove")),
    BRK("brk", "+N | -N | =ADDR", "relative to the current break (as sbrk does), or absolute", List.of()),
    TOUCH("touch", "ADDR [LEN] r|w|x", "access every page of the range: faults, SIGSEGV, stack growth", List.of()),
    FORK("fork", "NAME", "a child process", List.of()),
    THREAD("thread", "NAME", "a thread sharing the mm_struct", List.of()),
    EXIT("exit", "", "", List.of()),
    MEMORY("memory", "SIZE|FRAMES [maxorder N] [reserve FRAMES]",
        "physical memory, before the first exec (SIZE has a suffix)", List.of("maxorder", "reserve")),
    ALLOC_PAGES("alloc_pages", "ORDER [NAME]", "a block straight from the buddy allocator", List.of()),
    FREE_PAGES("free_pages", "NAME|PFN ORDER", "", List.of());

    /** The process prefix, {@code NAME: OP}, which any operation may carry. */
    public static final String PREFIX_USAGE = "NAME: OP";
    public static final String PREFIX_SUMMARY = "run OP in process NAME (its name, command line or pid)";

    private static final int HINT_COLUMN = 28;

    private final String keyword;
    private final String args;
    private final String summary;
    private final List<String> words;

    ScenarioSyntax(String keyword, String args, String summary, List<String> words) {
        this.keyword = keyword;
        this.args = args;
        this.summary = summary;
        this.words = words;
    }

    /** The word that starts the line: {@code mmap}. */
    public String keyword() {
        return keyword;
    }

    /** The argument pattern: {@code ADDR LEN}; empty when the operation takes none. */
    public String args() {
        return args;
    }

    /** The operation with its arguments, as errors quote it: {@code munmap ADDR LEN}. */
    public String usage() {
        return args.isEmpty() ? keyword : keyword + " " + args;
    }

    /** One line on what it does, or empty. */
    public String summary() {
        return summary;
    }

    /** The fixed words among its arguments that completion offers (profiles, flags, advice names). */
    public List<String> words() {
        return words;
    }

    /** The usage with its summary, for a hint line. */
    public String hint() {
        return summary.isEmpty() ? usage() : padded(usage()) + summary;
    }

    private static String padded(String s) {
        return s.length() < HINT_COLUMN ? s + " ".repeat(HINT_COLUMN - s.length()) : s + "  ";
    }

    /** The operation a keyword names, in any case; null for none. */
    public static ScenarioSyntax of(String keyword) {
        if (keyword == null) return null;
        String k = keyword.toLowerCase(Locale.ROOT);
        for (ScenarioSyntax s : values()) {
            if (s.keyword.equals(k)) return s;
        }
        return null;
    }

    /** Every keyword, in table order. */
    public static List<String> keywords() {
        List<String> out = new ArrayList<>();
        for (ScenarioSyntax s : values()) out.add(s.keyword);
        return List.copyOf(out);
    }

    /** The usage of every operation, then the process prefix: what the README's block lists, in order. */
    public static List<String> usageLines() {
        List<String> out = new ArrayList<>();
        for (ScenarioSyntax s : values()) out.add(s.usage());
        out.add(PREFIX_USAGE);
        return List.copyOf(out);
    }

    private static List<String> profiles() {
        List<String> out = new ArrayList<>();
        for (Profile p : Profile.values()) out.add(p.id());
        out.add("maple");
        out.add("rbtree");
        return List.copyOf(out);
    }
}
