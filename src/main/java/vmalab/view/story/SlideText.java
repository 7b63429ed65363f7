package vmalab.view.story;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import vmalab.view.paint.Pen;
import vmalab.view.paint.TextFit;

/** The Story's text on a pen and in labels: measured wrapping, the first form that fits, wrapped lines drawn. */
public final class SlideText {
    /** Measures wrapped text (FX thread only, as every caller is). */
    private static final javafx.scene.text.Text PROBE = new javafx.scene.text.Text();

    private SlideText() {
    }

    public static double height(String s, Font f, double w) {
        PROBE.setFont(f);
        PROBE.setWrappingWidth(w);
        PROBE.setText(s);
        return PROBE.getLayoutBounds().getHeight();
    }

    /** The first form that fits, drawn; nothing when none does. Returns where the next line goes. */
    public static double line(Pen g, Font f, javafx.scene.paint.Color c, double x, double y, double w,
                              String... forms) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (String s : forms) {
            if (!s.isEmpty() && TextFit.fits(s, f, w)) {
                g.setFont(f);
                g.setFill(c);
                g.fillText(s, x, y);
                break;
            }
        }
        return y + TextFit.lineHeight(f) * 1.05;
    }

    public static double lines(Pen g, String text, Font f, javafx.scene.paint.Color c, double x, double y,
                                double w) {
        g.setFont(f);
        g.setFill(c);
        for (String l : wrap(text, f, w)) {
            g.fillText(l, x, y);
            y += TextFit.lineHeight(f) * 1.1;
        }
        return y;
    }

    /** {@code text} broken at spaces into lines no wider than {@code w} (a word wider than w alone on its line). */
    public static List<String> wrap(String text, Font f, double w) {
        List<String> out = new java.util.ArrayList<>();
        if (text == null || text.isBlank()) return out;
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String next = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && !TextFit.fits(next, f, w)) {
                out.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(next);
            }
        }
        if (line.length() > 0) out.add(line.toString());
        return out;
    }
}
