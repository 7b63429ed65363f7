package vmalab.view.story;

import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import vmalab.viewmodel.Sizes;
import vmalab.viewmodel.fold.Counters;

/**
 * RSS, VSZ, free frames and the step's minor faults, each as a tile: the value before the step, an arrow and the
 * value at the cursor ("RSS 8 KiB → 12 KiB"), and the change marked ("+4 KiB"). A tile the step changed is lit
 * (pseudo-class {@code :changed}) until the next step.
 */
public final class CounterTiles extends GridPane {
    public static final String STYLE_CLASS = "story-counters";
    public static final String TILE = "story-counter";
    public static final String NAME = "story-counter-name";
    public static final String VALUE = "story-counter-value";
    public static final String DELTA = "story-counter-delta";
    public static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");

    private final Tile rss = new Tile("rss", "RSS");
    private final Tile vsz = new Tile("vsz", "VSZ");
    private final Tile free = new Tile("free", "free frames");
    private final Tile minflt = new Tile("minflt", "minflt (this step)");
    private double scaled = -1;
    private int columns;

    public CounterTiles() {
        getStyleClass().add(STYLE_CLASS);
        setId("story-counters");
        setColumns(4);
        for (Tile t : new Tile[] {rss, vsz, free, minflt}) {
            GridPane.setHgrow(t, Priority.ALWAYS);
            GridPane.setVgrow(t, Priority.ALWAYS);
            t.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        }
    }

    /** Four tiles in a row (4) or two by two (2). */
    public void setColumns(int n) {
        int cols = n <= 2 ? 2 : 4;
        if (cols == columns) return;
        columns = cols;
        // the tiles stay children (a look-up walking them must not see the list emptied); only their cells move
        Tile[] tiles = {rss, vsz, free, minflt};
        for (int i = 0; i < tiles.length; i++) {
            if (tiles[i].getParent() == null) getChildren().add(tiles[i]);
            GridPane.setConstraints(tiles[i], i % cols, i / cols);
        }
        getColumnConstraints().clear();
        for (int i = 0; i < cols; i++) {
            javafx.scene.layout.ColumnConstraints c = new javafx.scene.layout.ColumnConstraints();
            c.setPercentWidth(100.0 / cols);
            getColumnConstraints().add(c);
        }
    }

    /** Shows {@code now} against {@code before} (null: no step on show, nothing marked). */
    public void show(Counters before, Counters now) {
        if (now == null) {
            for (Tile t : new Tile[] {rss, vsz, free, minflt}) t.set("—", "", false);
            return;
        }
        Counters b = before == null ? now : before;
        size(rss, b.rss().kb() * 1024, now.rss().kb() * 1024);
        size(vsz, b.vszKb() * 1024, now.vszKb() * 1024);
        if (now.freeFrames() < 0) {
            free.set("—", "no physical memory", false);
        } else {
            long d = now.freeFrames() - b.freeFrames();
            String v = d == 0 ? Long.toString(now.freeFrames()) : b.freeFrames() + " → " + now.freeFrames();
            free.set(v, d == 0 ? Sizes.human(now.freeFrames() * 4096) : signed(d) + " (" + sizeSigned(d * 4096) + ")",
                d != 0);
        }
        long d = now.minorFaults() - b.minorFaults();
        minflt.set(d == 0 ? Long.toString(now.minorFaults()) : b.minorFaults() + " → " + now.minorFaults(),
            d == 0 ? "no fault" : signed(d) + (d == 1 ? " fault" : " faults"), d != 0);
    }

    private static void size(Tile t, long before, long now) {
        long d = now - before;
        t.set(d == 0 ? kib(now) : count(before / 1024) + " → " + kib(now), d == 0 ? "unchanged" : sizeSigned(d),
            d != 0);
    }

    /** In KiB as ps prints RSS and VSZ, digits grouped: a change of one page always shows. */
    static String kib(long bytes) {
        return count(bytes / 1024) + " KiB";
    }

    private static String count(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    private static String signed(long d) {
        return (d > 0 ? "+" : "−") + Math.abs(d);
    }

    private static String sizeSigned(long bytes) {
        return (bytes > 0 ? "+" : "−") + Sizes.human(Math.abs(bytes));
    }

    /** The text of one tile's value ({@code rss}, {@code vsz}, {@code free}, {@code minflt}), for tests. */
    public String value(String which) {
        return tile(which).value.getText();
    }

    public String delta(String which) {
        return tile(which).delta.getText();
    }

    public boolean changed(String which) {
        return tile(which).getPseudoClassStates().contains(CHANGED);
    }

    private Tile tile(String which) {
        return switch (which) {
            case "rss" -> rss;
            case "vsz" -> vsz;
            case "free" -> free;
            default -> minflt;
        };
    }

    /** Sizes the type: the value large, the name and the change smaller. */
    public void scale(StoryType t) {
        if (t.scale() == scaled) return;
        scaled = t.scale();
        setHgap(t.px(12));
        setVgap(t.px(12));
        for (Tile tile : new Tile[] {rss, vsz, free, minflt}) {
            tile.name.fontProperty().unbind();
            tile.name.fontProperty().bind(new SimpleObjectProperty<>(t.bold(19)));
            tile.valueSize = t.size(28, 12);
            tile.fitValue();
            tile.delta.fontProperty().unbind();
            tile.delta.fontProperty().bind(new SimpleObjectProperty<>(t.bold(21)));
            tile.setPadding(new Insets(t.px(8), t.px(14), t.px(8), t.px(14)));
        }
    }

    private static final class Tile extends VBox {
        double valueSize = 28;
        final Label name = new Label();
        final Label value = new Label();
        final Label delta = new Label();

        Tile(String id, String title) {
            getStyleClass().add(TILE);
            setId("story-" + id + "-tile");
            name.setText(title);
            name.getStyleClass().add(NAME);
            value.getStyleClass().add(VALUE);
            value.setId("story-" + id);
            delta.getStyleClass().add(DELTA);
            delta.setId("story-" + id + "-delta");
            for (Label l : new Label[] {name, value, delta}) l.setMinWidth(0);
            widthProperty().addListener((o, a, b) -> fitValue());
            getChildren().addAll(name, value, delta);
        }

        /** The value in its size, smaller when it would not fit the tile's width (DejaVu Sans Mono: 0.61 em). */
        void fitValue() {
            double room = getWidth() - snappedLeftInset() - snappedRightInset();
            int chars = Math.max(1, value.getText().length());
            double px = room <= 0 ? valueSize : Math.min(valueSize, room / (chars * 0.62));
            Font f = Font.font(vmalab.view.story.StoryType.MONO, FontWeight.BOLD, Math.max(11, Math.floor(px)));
            if (!f.equals(value.getFont())) {
                value.fontProperty().unbind();
                value.fontProperty().bind(new SimpleObjectProperty<>(f));
            }
        }

        void set(String v, String d, boolean changed) {
            value.setText(v);
            fitValue();
            delta.setText(d);
            pseudoClassStateChanged(CHANGED, changed);
        }
    }
}
