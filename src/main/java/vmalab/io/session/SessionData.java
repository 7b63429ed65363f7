package vmalab.io.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vmalab.io.ScenarioParser;

/**
 * A saved session: the scenario as it was loaded ({@code text}, with its lesson lines and comments, under its
 * {@code name}) plus the lines typed or clicked since, each at the step it sits at; the step reached; and what
 * the window showed: the view's tab, the text pane's tab ({@code maps}, {@code pmap} …), the split's dividers,
 * the selection (pid or null, a VMA's vm_start or -1, an address or -1), the layout view's viewport, reduce
 * motion, the speed, the theme and the font scale (1 to 2.5; 1 when a session from before the zoom has none).
 */
public record SessionData(String name, String text, List<Typed> typed, int step, String view, String texts,
                          List<Double> dividers, Integer pid, long vma, long address, Viewport layout,
                          boolean reduceMotion, double speed, String theme, Instant saved, double fontScale) {

    /** A session at font scale 1. */
    public SessionData(String name, String text, List<Typed> typed, int step, String view, String texts,
                       List<Double> dividers, Integer pid, long vma, long address, Viewport layout,
                       boolean reduceMotion, double speed, String theme, Instant saved) {
        this(name, text, typed, step, view, texts, dividers, pid, vma, address, layout, reduceMotion, speed, theme,
            saved, 1);
    }

    /** A typed (or clicked) scenario line, step {@code at} (0-based) of the whole timeline. */
    public record Typed(int at, String text) { }

    public SessionData {
        typed = List.copyOf(typed);
        dividers = List.copyOf(dividers);
        if (layout == null) layout = Viewport.FIT;
        if (!(fontScale > 0)) fontScale = 1;
    }

    /**
     * Every step in timeline order: the text's steps (with their line numbers and lesson notes), the typed lines
     * (line 0, no notes) inserted where they were. A session {@link SessionFormat#read read} back has been
     * checked, so its steps always parse; for another, a bad line is a bug of the caller.
     */
    public List<ScenarioParser.Step> steps() {
        ScenarioParser.Result r = ScenarioParser.parse(text, name);
        if (!r.ok()) throw new IllegalStateException(r.error());
        List<ScenarioParser.Step> out = new ArrayList<>(r.steps());
        for (Typed t : typed) {
            ScenarioParser.Line l = ScenarioParser.parseLine(t.text(), "command", t.at() + 1);
            if (l.op() == null || t.at() > out.size()) throw new IllegalStateException("bad typed line " + t);
            out.add(t.at(), new ScenarioParser.Step(0, t.text(), l.op()));
        }
        return out;
    }
}
