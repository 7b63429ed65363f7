package vmalab.view.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import vmalab.view.paint.Pen;
import vmalab.view.paint.TextFit;

/**
 * The layout's labels, placed after every shape so that no outline or marker covers them, and by priority: a
 * label that would land on one already placed (or off the canvas) is left out. That is the level-of-detail
 * rule for thousands of VMAs: the selected VMA, the step's VMA, the heap and the stack are placed first, the
 * address column and the other bands take what room is left. Each placed label keeps its full text for the
 * tooltip.
 */
public final class LabelLayer {
    /** Placed before everything else: the step's signal, the event's arrow. */
    public static final int EVENT = 100;
    /** The selected VMA, the step's VMA, heap and stack. */
    public static final int KEY = 50;
    public static final int MARK = 40;
    public static final int BAND = 20;
    public static final int ADDRESS = 10;
    public static final int DETAIL = 0;

    /** A label: text drawn centred on {@code y}, aligned at {@code x}; {@code back} (or null) behind it. */
    public record Item(int priority, int seq, String text, String full, Font font, Paint fill, Paint back, double x,
                       double y, TextAlignment align, Bounds box) {
    }

    private final List<Item> items = new ArrayList<>();
    private final List<Item> placed = new ArrayList<>();

    public void clear() {
        items.clear();
        placed.clear();
    }

    /** Adds a label; {@code full} is what the tooltip shows (the text when null). */
    public void add(int priority, String text, String full, Font font, Paint fill, Paint back, double x, double y,
                    TextAlignment align) {
        if (text == null || text.isEmpty()) return;
        double w = TextFit.width(text, font);
        double h = TextFit.lineHeight(font);
        double left = switch (align) {
            case CENTER -> x - w / 2;
            case RIGHT -> x - w;
            default -> x;
        };
        double pad = back == null ? 0 : 3;
        Bounds box = new BoundingBox(left - pad, y - h / 2, w + 2 * pad, h);
        items.add(new Item(priority, items.size(), text, full == null ? text : full, font, fill, back, x, y, align,
            box));
    }

    /** Places the labels that fit in {@code w} × {@code h} without overlapping, highest priority first. */
    public List<Item> place(double w, double h) {
        placed.clear();
        List<Item> order = new ArrayList<>(items);
        order.sort(Comparator.comparingInt(Item::priority).reversed().thenComparingInt(Item::seq));
        for (Item it : order) {
            Bounds b = it.box();
            if (b.getMinX() < -0.5 || b.getMinY() < -0.5 || b.getMaxX() > w + 0.5 || b.getMaxY() > h + 0.5) continue;
            boolean free = true;
            for (Item p : placed) {
                if (p.box().intersects(b.getMinX() + 0.5, b.getMinY() + 0.5, b.getWidth() - 1, b.getHeight() - 1)) {
                    free = false;
                    break;
                }
            }
            if (free) placed.add(it);
        }
        return placed;
    }

    /** Draws the placed labels: backgrounds, then text. */
    public void paint(Pen g) {
        g.setTextBaseline(VPos.CENTER);
        for (Item it : placed) {
            if (it.back() == null) continue;
            g.setFill(it.back());
            Bounds b = it.box();
            g.fillRect(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
        }
        for (Item it : placed) {
            g.setFont(it.font());
            g.setFill(it.fill());
            g.setTextAlign(it.align());
            g.fillText(it.text(), it.x(), it.y());
        }
        g.setTextAlign(TextAlignment.LEFT);
    }

    /** The placed label under (x, y), or null. */
    public Item at(double x, double y) {
        for (int i = placed.size() - 1; i >= 0; i--) if (placed.get(i).box().contains(x, y)) return placed.get(i);
        return null;
    }

    public List<Item> placed() {
        return placed;
    }
}
