package vmalab.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vmalab.io.lesson.LessonKey;

/**
 * The lesson lines' one table, beside {@link ScenarioSyntax}'s operations: each line's keyword, its pattern and
 * one line on what it does. {@link LessonLines} reads these lines before the operation parser sees them, the
 * command bar completes and hints from this table and from {@link LessonKey}, and a test holds the README's
 * "Lesson lines" block to {@link #usageLines()} (the lines, then the keys).
 */
public enum LessonSyntax {
    TITLE("title", "\"TEXT\"", "the lesson's title, as the catalogue lists it"),
    SUMMARY("summary", "\"TEXT\"", "one line on what the lesson shows"),
    TAGS("tags", "WORD…", "class (for a teacher in front of a class), self-study, …"),
    SAY("say", "\"TEXT\"", "narration for the next operation, shown beside the views"),
    VIEW("view", "ID", "the tab on show from the next operation on (before the first: from the start); compare: side by side"),
    ASK("ask", "\"QUESTION\" [CHOICE …] answer KEY [ARG]",
        "before the next operation; answered by its KEY after"),
    EXPECT("expect", "KEY [ARG] VALUE", "checked after the previous operation; KEY [ARG] VALUE is one of:");

    /** The process prefix ask and expect may carry: {@code child: expect rss 8K}. */
    public static final String PREFIX = "[NAME:] ";

    private static final int HINT_COLUMN = 28;

    private final String keyword;
    private final String args;
    private final String summary;

    LessonSyntax(String keyword, String args, String summary) {
        this.keyword = keyword;
        this.args = args;
        this.summary = summary;
    }

    public String keyword() {
        return keyword;
    }

    public String args() {
        return args;
    }

    public String summary() {
        return summary;
    }

    /** Whether the line may start with {@code NAME:} (ask and expect read a named process). */
    public boolean takesProcess() {
        return this == ASK || this == EXPECT;
    }

    /** The line with its arguments: {@code [NAME:] expect KEY [ARG] VALUE}. */
    public String usage() {
        return (takesProcess() ? PREFIX : "") + keyword + " " + args;
    }

    /** The usage with its summary, for the command bar's hint line. */
    public String hint() {
        String u = usage();
        return (u.length() < HINT_COLUMN ? u + " ".repeat(HINT_COLUMN - u.length()) : u + "  ") + summary;
    }

    /** The lesson line a keyword names, in any case; null for none. */
    public static LessonSyntax of(String keyword) {
        if (keyword == null) return null;
        String k = keyword.toLowerCase(Locale.ROOT);
        for (LessonSyntax s : values()) if (s.keyword.equals(k)) return s;
        return null;
    }

    public static List<String> keywords() {
        List<String> out = new ArrayList<>();
        for (LessonSyntax s : values()) out.add(s.keyword);
        return List.copyOf(out);
    }

    /** The usage of every lesson line, then of every key: what the README's lesson block lists, in order. */
    public static List<String> usageLines() {
        List<String> out = new ArrayList<>();
        for (LessonSyntax s : values()) out.add(s.usage());
        for (LessonKey k : LessonKey.values()) out.add(k.usage());
        return List.copyOf(out);
    }

    /** The summaries in the order of {@link #usageLines()}. */
    public static List<String> summaries() {
        List<String> out = new ArrayList<>();
        for (LessonSyntax s : values()) out.add(s.summary);
        for (LessonKey k : LessonKey.values()) out.add(k.summary());
        return List.copyOf(out);
    }
}
