package vmalab.app.export;

import java.util.ArrayList;
import java.util.List;
import vmalab.io.Limits;

/**
 * What the caption band under a slide says: a heading (lesson title, step N of M), the scenario line, and
 * optionally the narration (the kernel function at work and what it does). Plain values; {@link #NONE} draws
 * no band.
 */
public record Caption(String heading, String line, String narration) {
    public static final Caption NONE = new Caption(null, null, null);

    /** Each part is cut to {@link Limits#CAPTION_CHARS} characters with "…", so no input can make a slide huge. */
    public Caption {
        heading = cut(heading);
        line = cut(line);
        narration = cut(narration);
    }

    /** {@code s} at most {@link Limits#CAPTION_CHARS} code points, the last one "…" when it was longer. */
    public static String cut(String s) {
        if (s == null || s.codePointCount(0, s.length()) <= Limits.CAPTION_CHARS) return s;
        return s.substring(0, s.offsetByCodePoints(0, Limits.CAPTION_CHARS - 1)) + "…";
    }

    public boolean isEmpty() {
        return blank(heading) && blank(line) && blank(narration);
    }

    /** The caption for step {@code step} of {@code steps} of a lesson titled {@code title}. */
    public static Caption of(String title, int step, int steps, String scenarioLine, String narration) {
        String where = step == 0 ? "start (step 0 of " + steps + ")" : "step " + step + " of " + steps;
        String head = (title == null || title.isBlank() ? "" : title + " — ") + where;
        String line = step == 0 ? "nothing has run yet" : scenarioLine;
        return new Caption(head, line, narration);
    }

    /** The same caption without the narration. */
    public Caption withoutNarration() {
        return new Caption(heading, line, null);
    }

    /** The caption as one line of text (status messages, tests, alt text). */
    public String text() {
        List<String> parts = new ArrayList<>();
        if (!blank(heading)) parts.add(heading);
        if (!blank(line)) parts.add(line);
        if (!blank(narration)) parts.add(narration);
        return String.join(": ", parts);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
