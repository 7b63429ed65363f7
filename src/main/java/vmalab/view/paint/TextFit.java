package vmalab.view.paint;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Text measured before it is drawn, and shortened on purpose when it does not fit: the diagrams never let a
 * label run out of its box. Offer the forms from longest to shortest ({@link #first}); a view that shortens a
 * label shows the full value in a tooltip or the caption.
 */
public final class TextFit {
    public static final String ELLIPSIS = "…";
    private static final Text PROBE = new Text();
    private static final Map<Font, Map<String, Double>> CACHE = new HashMap<>();

    private TextFit() {
    }

    /** The advance width of {@code s} in {@code f}, in px. */
    public static synchronized double width(String s, Font f) {
        if (s.isEmpty()) return 0;
        Map<String, Double> m = CACHE.computeIfAbsent(f, k -> new HashMap<>());
        Double w = m.get(s);
        if (w != null) return w;
        PROBE.setFont(f);
        PROBE.setText(s);
        double v = PROBE.getLayoutBounds().getWidth();
        if (m.size() > 4096) m.clear();
        m.put(s, v);
        return v;
    }

    /** The height of one line of {@code f} (ascent + descent), in px. */
    public static synchronized double lineHeight(Font f) {
        PROBE.setFont(f);
        PROBE.setText("Xg");
        return PROBE.getLayoutBounds().getHeight();
    }

    public static boolean fits(String s, Font f, double maxWidth) {
        return width(s, f) <= maxWidth + 0.01;
    }

    /** The first of {@code forms} that fits, else the last one cut with an ellipsis ({@link #end}). */
    public static String first(Font f, double maxWidth, String... forms) {
        for (String s : forms) if (fits(s, f, maxWidth)) return s;
        return forms.length == 0 ? "" : end(forms[forms.length - 1], f, maxWidth);
    }

    /** {@code s}, or as much of its start as fits followed by "…"; empty when not even "…" fits. */
    public static String end(String s, Font f, double maxWidth) {
        if (fits(s, f, maxWidth)) return s;
        if (!fits(ELLIPSIS, f, maxWidth)) return "";
        int lo = 0;
        int hi = s.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (fits(s.substring(0, mid) + ELLIPSIS, f, maxWidth)) lo = mid;
            else hi = mid - 1;
        }
        return s.substring(0, lo) + ELLIPSIS;
    }

    /**
     * {@code s} with its middle replaced by "…" so that its start and end stay (a path keeps its file name:
     * {@code /usr/lib/…/libc.so.6}); empty when not even "…" fits.
     */
    public static String middle(String s, Font f, double maxWidth) {
        if (fits(s, f, maxWidth)) return s;
        if (!fits(ELLIPSIS, f, maxWidth)) return "";
        int keep = s.length();
        while (keep > 0) {
            keep--;
            int tail = (keep + 1) / 2 + keep / 4;
            tail = Math.min(tail, keep);
            int head = keep - tail;
            String t = s.substring(0, head) + ELLIPSIS + s.substring(s.length() - tail);
            if (fits(t, f, maxWidth)) return t;
        }
        return ELLIPSIS;
    }
}
