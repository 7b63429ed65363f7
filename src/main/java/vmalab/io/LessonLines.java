package vmalab.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vmalab.io.lesson.Ask;
import vmalab.io.lesson.Check;
import vmalab.io.lesson.LessonHeader;
import vmalab.io.lesson.LessonKey;
import vmalab.io.lesson.LessonValues;
import vmalab.io.lesson.LessonViews;
import vmalab.io.lesson.Query;
import vmalab.io.lesson.StepNotes;
import vmalab.model.op.Op;

/**
 * The lesson lines of a scenario, read as {@link ScenarioParser} goes: {@code title}, {@code summary} and
 * {@code tags} (the header), {@code say}, {@code ask} and {@code view} (kept for the next operation) and {@code expect} (on
 * the operation before it). Quoted text may hold {@code #}; outside quotes {@code #} starts a comment. The keys
 * and their values are {@link LessonKey}'s and {@link LessonValues}'; a bad one is a {@code FILE:LINE} error here,
 * before anything runs. The lines and their usage are {@link LessonSyntax}'s table.
 */
public final class LessonLines {
    /** The keys whose check needs an argument before the value: {@code present ADDR yes}. */
    public static final List<String> KEYS_WITH_ARG = LessonKey.wordsWithArg();
    /** Every key {@code expect} and {@code ask … answer} read. */
    public static final List<String> KEYS = LessonKey.words();

    private final String fileName;
    private String title;
    private String summary;
    private final List<String> tags = new ArrayList<>();
    private final List<String> pendingSay = new ArrayList<>();
    private Ask pendingAsk;
    private String pendingView;
    private int pendingViewLine;
    private final List<ScenarioParser.Step> steps = new ArrayList<>();
    private boolean took;

    LessonLines(String fileName) {
        this.fileName = fileName;
    }

    /** Whether the last line given to {@link #accept} was a lesson line (so not an operation). */
    boolean tookLine() {
        return took;
    }

    /** Reads one line if it is a lesson line; null when fine, else {@code FILE:LINE: problem}. */
    String accept(String raw, int lineNo) {
        took = false;
        String body = raw.strip();
        String process = null;
        String[] first = body.split("\\s+", 2);
        if (first[0].endsWith(":") && first.length == 2 && isLessonWord(first[1].split("\\s+", 2)[0])) {
            process = first[0].substring(0, first[0].length() - 1);
            body = first[1].strip();
        }
        String[] kw = body.split("\\s+", 2);
        String word = kw[0].toLowerCase(Locale.ROOT);
        if (!isLessonWord(word)) return null;
        took = true;
        String rest = kw.length > 1 ? kw[1] : "";
        try {
            if (process != null && !word.equals("expect") && !word.equals("ask")) {
                throw new Bad("only expect and ask take a process name");
            }
            switch (word) {
                case "title" -> title = text(rest, "title");
                case "summary" -> summary = text(rest, "summary");
                case "tags" -> {
                    for (String t : words(rest)) tags.add(t);
                }
                case "say" -> pendingSay.add(text(rest, "say"));
                case "view" -> view(rest, lineNo);
                case "expect" -> expect(process, rest, lineNo);
                case "ask" -> ask(process, rest, lineNo);
                default -> throw new IllegalStateException(word);
            }
        } catch (Bad e) {
            return fileName + ":" + lineNo + ": " + e.getMessage();
        }
        return null;
    }

    static boolean isLessonWord(String w) {
        return LessonSyntax.of(w) != null;
    }

    /** Whether a line is a lesson line ({@code say}, {@code expect}, {@code child: ask …}), not an operation. */
    public static boolean isLessonLine(String text) {
        if (text == null) return false;
        String[] w = text.strip().split("\\s+", 3);
        if (w[0].endsWith(":") && w.length > 1) return isLessonWord(w[1]);
        return isLessonWord(w[0]);
    }

    /**
     * One {@code [NAME:] expect KEY [ARG] VALUE} line on its own, as the command bar checks it against the state
     * on show: the check, or {@code FILE:LINE: problem} (any other lesson line only belongs in a file).
     */
    public static Parsed<Check> check(String text, String fileName, int lineNo) {
        LessonLines l = new LessonLines(fileName);
        l.steps.add(new ScenarioParser.Step(0, "", new Op.Exit()));
        String bad = ScenarioParser.unreadable(Text.withoutBom(text));
        if (bad != null) return Parsed.failed(fileName, lineNo, bad);
        String body = text.strip();
        String[] w = body.split("\\s+", 3);
        String word = w[0].endsWith(":") && w.length > 1 ? w[1] : w[0];
        if (!word.equalsIgnoreCase("expect")) {
            return Parsed.failed(fileName, lineNo, Text.shown(word, Limits.QUOTED_CHARS) + " lines belong in a lesson file; here type expect KEY [ARG]"
                + " VALUE to check the state on show");
        }
        String err = l.accept(body, lineNo);
        if (err != null) return Parsed.failed(err);
        List<Check> checks = l.steps.get(0).notes().checks();
        return Parsed.ok(checks.get(checks.size() - 1));
    }

    /** An operation: it takes the pending say and ask. */
    void step(int line, String text, Op op) {
        StepNotes notes = new StepNotes(pendingSay, pendingAsk, List.of(), pendingView);
        pendingSay.clear();
        pendingAsk = null;
        pendingView = null;
        steps.add(new ScenarioParser.Step(line, text, op, notes));
    }

    /** Null when the file ended well; else the say or ask left with no operation after it. */
    String finish() {
        if (pendingAsk != null) {
            return fileName + ":" + pendingAsk.line() + ": ask needs an operation after it to ask about";
        }
        if (pendingView != null) {
            return fileName + ":" + pendingViewLine + ": view needs an operation after it (it holds from that step on)";
        }
        if (!pendingSay.isEmpty()) {
            // a closing say is narration for the end of the lesson: it stays on the last step
            if (steps.isEmpty()) return null;
            ScenarioParser.Step last = steps.remove(steps.size() - 1);
            List<String> say = new ArrayList<>(last.notes().say());
            say.addAll(pendingSay);
            steps.add(new ScenarioParser.Step(last.line(), last.text(), last.op(), last.notes().withSay(say)));
            pendingSay.clear();
        }
        return null;
    }

    List<ScenarioParser.Step> steps() {
        return List.copyOf(steps);
    }

    LessonHeader header() {
        return new LessonHeader(title, summary, tags);
    }

    private void expect(String process, String rest, int lineNo) throws Bad {
        List<String> w = words(rest);
        if (steps.isEmpty()) throw new Bad("expect needs an operation before it to check");
        if (w.isEmpty()) throw new Bad("expect KEY [ARG] VALUE: which key? (" + String.join(", ", KEYS) + ")");
        LessonKey key = key(w.get(0));
        int need = key.takesArg() ? 3 : 2;
        if (w.size() != need) {
            throw new Bad("expect " + key.usage() + ": " + (w.size() < need ? "too few" : "too many") + " words");
        }
        Query q = new Query(key.word(), key.takesArg() ? w.get(1) : null);
        problem(LessonValues.argProblem(key, q.arg()));
        problem(LessonValues.valueProblem(key, w.get(need - 1)));
        Check c = new Check(lineNo, process, q, w.get(need - 1));
        ScenarioParser.Step last = steps.remove(steps.size() - 1);
        steps.add(new ScenarioParser.Step(last.line(), last.text(), last.op(), last.notes().withCheck(c)));
    }

    /** {@code view ID}: the tab shown from the next operation on; the ids are {@link LessonViews#IDS}. */
    private void view(String rest, int lineNo) throws Bad {
        List<String> w = words(rest);
        String ids = String.join(", ", LessonViews.IDS);
        if (w.isEmpty()) throw new Bad("view ID: which view? (" + ids + ")");
        if (w.size() > 1) throw new Bad("view ID: one view, got " + w.size() + " words (" + ids + ")");
        String id = w.get(0).toLowerCase(Locale.ROOT);
        if (!LessonViews.isId(id)) throw new Bad("unknown view \"" + w.get(0) + "\" (" + ids + ")");
        if (pendingView != null) {
            throw new Bad("one view per operation (the last one is on line " + pendingViewLine + ")");
        }
        pendingView = id;
        pendingViewLine = lineNo;
    }

    private static LessonKey key(String word) throws Bad {
        LessonKey key = LessonKey.of(word);
        if (key == null) throw new Bad("unknown key " + Text.quote(word) + " (" + String.join(", ", KEYS) + ")");
        return key;
    }

    private static void problem(String p) throws Bad {
        if (p != null) throw new Bad(p);
    }

    private void ask(String process, String rest, int lineNo) throws Bad {
        if (pendingAsk != null) throw new Bad("one ask per operation (the last one is on line " + pendingAsk.line()
            + ")");
        String r = rest.strip();
        if (!r.startsWith("\"")) {
            throw new Bad("ask \"QUESTION\" [CHOICE …] answer KEY [ARG]: the question is quoted");
        }
        int close = closingQuote(r);
        if (close < 0) throw new Bad("the question has no closing quote");
        String question = unescape(r.substring(1, close));
        if (question.isBlank()) throw new Bad("ask needs a question inside the quotes");
        List<String> w = words(r.substring(close + 1));
        int at = -1;
        for (int i = 0; i < w.size(); i++) {
            if (w.get(i).equalsIgnoreCase("answer")) at = i;
        }
        if (at < 0) throw new Bad("ask needs \"answer KEY [ARG]\": what the model says after the step");
        List<String> choices = w.subList(0, at);
        List<String> ans = w.subList(at + 1, w.size());
        if (ans.isEmpty()) throw new Bad("answer KEY [ARG]: which key? (" + String.join(", ", KEYS) + ")");
        LessonKey key = key(ans.get(0));
        int need = key.takesArg() ? 2 : 1;
        if (ans.size() != need) throw new Bad("answer " + key.word() + (key.takesArg() ? " " + key.arg() : "")
            + ": " + (ans.size() < need ? "too few" : "too many") + " words");
        Query q = new Query(key.word(), key.takesArg() ? ans.get(1) : null);
        problem(LessonValues.argProblem(key, q.arg()));
        if (choices.size() == 1) throw new Bad("one choice is no choice: give two or more, or none for a free answer");
        for (String c : choices) {
            String p = LessonValues.valueProblem(key, c);
            if (p != null) throw new Bad("choice " + p);
        }
        pendingAsk = new Ask(lineNo, process, question, choices, q);
    }

    private static String text(String rest, String what) throws Bad {
        String r = rest.strip();
        if (r.isEmpty()) throw new Bad(what + " needs a text, like " + what + " \"…\"");
        if (!r.startsWith("\"")) return ScenarioParser.stripComment(r).strip();
        int close = closingQuote(r);
        if (close < 0) throw new Bad(what + ": no closing quote");
        String after = ScenarioParser.stripComment(r.substring(close + 1)).strip();
        if (!after.isEmpty()) throw new Bad(what + ": unexpected " + Text.quote(after) + " after the closing quote");
        return unescape(r.substring(1, close));
    }

    /** Words, each either bare or "quoted"; a # outside quotes ends the line. */
    private static List<String> words(String s) throws Bad {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                break;
            } else if (c == '"') {
                int close = closingQuote(s.substring(i));
                if (close < 0) throw new Bad("no closing quote");
                out.add(unescape(s.substring(i + 1, i + close)));
                i += close + 1;
            } else {
                int j = i;
                while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && s.charAt(j) != '#') j++;
                out.add(s.substring(i, j));
                i = j;
            }
        }
        return out;
    }

    /** The index of the quote closing the one at 0, skipping {@code \"}; -1 for none. */
    private static int closingQuote(String s) {
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) == '\\') i++;
            else if (s.charAt(i) == '"') return i;
        }
        return -1;
    }

    private static String unescape(String s) {
        return s.replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private static final class Bad extends Exception {
        Bad(String m) {
            super(m);
        }
    }
}
