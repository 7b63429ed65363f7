package vmalab.view.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.text.Font;
import javafx.util.Duration;

/**
 * The full text of what a painter drew shortened (TextFit), by where it is on the canvas: a tooltip follows the
 * mouse over the shortened element. Painters {@link #add} a box whenever they draw a shorter form than the
 * full one; the view {@link #install}s the tooltip once. A painter drawing for a slide gets a throwaway one.
 */
public final class CanvasTips {
    /** One shortened element: its box on the canvas and the full text (written when asked for). */
    public record Tip(double x, double y, double w, double h, Supplier<String> full) {
        boolean contains(double px, double py) {
            return px >= x && px < x + w && py >= y && py < y + h;
        }

        public String text() {
            return full.get();
        }
    }

    private final List<Tip> tips = new ArrayList<>();
    private final Tooltip tooltip = new Tooltip();
    private String showing;

    public void clear() {
        tips.clear();
    }

    /** Remembers that the element at (x, y, w, h) shows less than {@code full}. */
    public void add(double x, double y, double w, double h, String full) {
        if (full != null && !full.isEmpty()) tips.add(new Tip(x, y, w, h, () -> full));
    }

    /** The same with a text written only when the tooltip shows it (or a test asks). */
    public void add(double x, double y, double w, double h, Supplier<String> full) {
        tips.add(new Tip(x, y, w, h, full));
    }

    /** Adds a tip when {@code shown} is not {@code full}. */
    public void addIfShort(String shown, String full, double x, double y, double w, double h) {
        if (!full.equals(shown)) add(x, y, w, h, full);
    }

    public List<Tip> tips() {
        return tips;
    }

    /** The full text under (x, y): the last tip added there (drawn on top), or null. */
    public String at(double x, double y) {
        for (int i = tips.size() - 1; i >= 0; i--) if (tips.get(i).contains(x, y)) return tips.get(i).text();
        return null;
    }

    /** Shows the tip of the element under the mouse next to it, in {@code font}'s size. */
    public void install(Canvas canvas, java.util.function.Supplier<Font> font) {
        tooltip.setShowDelay(Duration.millis(150));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(720);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            String t = at(e.getX(), e.getY());
            if (t == null) {
                hide();
                return;
            }
            if (!t.equals(showing)) {
                tooltip.setText(t);
                tooltip.setFont(font.get());
                showing = t;
            }
            tooltip.show(canvas, e.getScreenX() + 14, e.getScreenY() + 18);
        });
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hide());
    }

    /** The text the tooltip shows now, or null when hidden. */
    public String showing() {
        return tooltip.isShowing() ? showing : null;
    }

    private void hide() {
        showing = null;
        tooltip.hide();
    }
}
