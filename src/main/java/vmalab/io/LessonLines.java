package vmalab.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vmalab.io.lesson.Ask;
import vmalab.io.lesson.Check;
import vmalab.io.lesson.LessonHeader;
import vmalab.io.lesson.Query;
import vmalab.io.lesson.StepNotes;
import vmalab.model.op.Op;

/**
 * The lesson lines of a scenario, read as {@link ScenarioParser} goes: {@code title}, {@code summary} and
 * {@code tags} (the header), {@code say} and {@code ask} (kept for the next operation) and {@code expect} (on
 * the operation before it). Quoted text may hold {@code #}; outside quotes {@code #} starts a comment.
 */
final class LessonLines {
    /** The keys whose check needs an argument before the value: {@code present ADDR yes}. */
    static final List<String> KEYS_WITH_ARG = List.of("present", "zero", "cow", "vma", "free");
    /** Every key {@code expect} and {@code ask … answer} read. */
    static final List<String> KEYS = List.of("result", "errno", "signal", "minflt", "rss", "vsz", "total_vm",
        "map_count", "present", "zero", "cow", "vma", "free", "frames_free", "processes");

    private final String fileName;
    private String title;
    private String summary;
    private final List<String> tags = new ArrayList<>();
    private final List<String> pendingSay = new ArrayList<>();
    private Ask pendingAsk;
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
        return switch (w.toLowerCase(Locale.ROOT)) {
            case "title", "summary", "tags", "say", "expect", "ask" -> true;
            default -> false;
        };
    }

    /** An operation: it takes the pending say and ask. */
    void step(int line, String text, Op op) {
        StepNotes notes = new StepNotes(pendingSay, pendingAsk, List.of());
        pendingSay.clear();
        pendingAsk = null;
        steps.add(new ScenarioParser.Step(line, text, op, notes));
    }

    /** Null when the file ended well; else the say or ask left with no operation after it. */
    String finish() {
        if (pendingAsk != null) {
            return fileName + ":" + pendingAsk.line() + ": ask needs an operation after it to ask about";
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
        String key = w.get(0).toLowerCase(Locale.ROOT);
        if (!KEYS.contains(key)) throw new Bad("unknown key \"" + w.get(0) + "\" (" + String.join(", ", KEYS) + ")");
        int need = KEYS_WITH_ARG.contains(key) ? 3 : 2;
        if (w.size() != need) {
            throw new Bad("expect " + key + (need == 3 ? " ARG" : "") + " VALUE: " + (w.size() < need ? "too few"
                : "too many") + " words");
        }
        Query q = new Query(key, need == 3 ? w.get(1) : null);
        Check c = new Check(lineNo, process, q, w.get(need - 1));
        ScenarioParser.Step last = steps.remove(steps.size() - 1);
        steps.add(new ScenarioParser.Step(last.line(), last.text(), last.op(), last.notes().withCheck(c)));
    }

    private void ask(String process, String rest, int lineNo) throws Bad {
        if (pendingAsk != null) throw new Bad("one ask per operation (the last one is on line " + pendingAsk.line()
            + ")");
        String r = rest.strip();
        if (!r.startsWith("\"")) throw new Bad("ask \"QUESTION\" [CHOICE …] answer KEY [ARG]: the question is quoted");
        int close = closingQuote(r);
        if (close < 0) throw new Bad("the question has no closing quote");
        String question = unescape(r.substring(1, close));
        List<String> w = words(r.substring(close + 1));
        int at = -1;
        for (int i = 0; i < w.size(); i++) {
            if (w.get(i).equalsIgnoreCase("answer")) at = i;
        }
        if (at < 0) throw new Bad("ask needs \"answer KEY [ARG]\": what the model says after the step");
        List<String> choices = w.subList(0, at);
        List<String> ans = w.subList(at + 1, w.size());
        if (ans.isEmpty()) throw new Bad("answer KEY [ARG]: which key? (" + String.join(", ", KEYS) + ")");
        String key = ans.get(0).toLowerCase(Locale.ROOT);
        if (!KEYS.contains(key)) throw new Bad("unknown key \"" + ans.get(0) + "\" (" + String.join(", ", KEYS) + ")");
        int need = KEYS_WITH_ARG.contains(key) ? 2 : 1;
        if (ans.size() != need) throw new Bad("answer " + key + (need == 2 ? " ARG" : "") + ": "
            + (ans.size() < need ? "too few" : "too many") + " words");
        pendingAsk = new Ask(lineNo, process, question, choices, new Query(key, need == 2 ? ans.get(1) : null));
    }

    private static String text(String rest, String what) throws Bad {
        String r = rest.strip();
        if (r.isEmpty()) throw new Bad(what + " needs a text, like " + what + " \"…\"");
        if (!r.startsWith("\"")) return ScenarioParser.stripComment(r).strip();
        int close = closingQuote(r);
        if (close < 0) throw new Bad(what + ": no closing quote");
        String after = ScenarioParser.stripComment(r.substring(close + 1)).strip();
        if (!after.isEmpty()) throw new Bad(what + ": unexpected \"" + after + "\" after the closing quote");
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
