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
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import vmalab.view.paint.TextFit;
import vmalab.view.paint.Type;
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
    private final Tile free = new Tile("free", "free frames", "free");
    private final Tile minflt = new Tile("minflt", "minflt (this step)", "minflt");
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
            String[] vs = d == 0 ? new String[] {v} : new String[] {v, Long.toString(now.freeFrames())};
            String[] ds = d == 0 ? new String[] {Sizes.human(now.freeFrames() * 4096)}
                : new String[] {signed(d) + " (" + sizeSigned(d * 4096) + ")", signed(d)};
            free.set(vs, ds, d != 0);
        }
        long d = now.minorFaults() - b.minorFaults();
        minflt.set(d == 0 ? new String[] {Long.toString(now.minorFaults())}
                : new String[] {b.minorFaults() + " → " + now.minorFaults(), Long.toString(now.minorFaults())},
            d == 0 ? new String[] {"no fault", "none"} : new String[] {signed(d) + (d == 1 ? " fault" : " faults"),
                signed(d)}, d != 0);
    }

    private static void size(Tile t, long before, long now) {
        long d = now - before;
        t.set(d == 0 ? new String[] {kib(now), Sizes.human(now)}
                : new String[] {count(before / 1024) + " → " + kib(now), kib(now), Sizes.human(now)},
            d == 0 ? new String[] {"unchanged", "="} : new String[] {sizeSigned(d)}, d != 0);
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
        return tile(which).fullValue();
    }

    public String delta(String which) {
        return tile(which).fullDelta();
    }

    /** The value as the tile shows it (shortened to fit), for tests. */
    public String shownValue(String which) {
        return tile(which).value.getText();
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
    public void scale(Type t) {
        if (t.px(1) == scaled) return;
        scaled = t.px(1);
        setHgap(t.px(12));
        setVgap(t.px(12));
        for (Tile tile : new Tile[] {rss, vsz, free, minflt}) {
            tile.nameFont = t.bold(19);
            tile.deltaFont = t.bold(21);
            tile.valueSize = t.size(28);
            tile.floor = Type.FLOOR * t.fontScale();
            tile.fitValue();
            tile.setPadding(new Insets(t.px(8), t.px(14), t.px(8), t.px(14)));
        }
    }

    private static final class Tile extends VBox {
        double valueSize = 28;
        double floor = Type.FLOOR;
        Font nameFont = Font.font(Type.SANS, FontWeight.BOLD, 19);
        Font deltaFont = Font.font(Type.SANS, FontWeight.BOLD, 21);
        final Label name = new Label();
        final Label value = new Label();
        final Label delta = new Label();
        final Tooltip tip = new Tooltip();
        private String[] names;
        private String[] values = {""};
        private String[] deltas = {""};

        Tile(String id, String... titles) {
            getStyleClass().add(TILE);
            setId("story-" + id + "-tile");
            names = titles;
            name.getStyleClass().add(NAME);
            value.getStyleClass().add(VALUE);
            value.setId("story-" + id);
            delta.getStyleClass().add(DELTA);
            delta.setId("story-" + id + "-delta");
            for (Label l : new Label[] {name, value, delta}) {
                l.setMinWidth(0);
                l.setMinHeight(Region.USE_PREF_SIZE);
            }
            widthProperty().addListener((o, a, b) -> fitValue());
            getChildren().addAll(name, value, delta);
            Tooltip.install(this, tip);
        }

        /**
         * Every line measured against the tile's width: the value in its size, smaller down to the floor, then
         * its shorter form; the name and the change in their shorter forms. The tooltip has the full text.
         */
        void fitValue() {
            double room = getWidth() - snappedLeftInset() - snappedRightInset() - 2;
            if (room <= 0) room = Double.MAX_VALUE;
            String v = values[values.length - 1];
            Font vf = Font.font(Type.MONO, FontWeight.BOLD, floor);
            search:
            for (String form : values) {
                for (double px = Math.floor(valueSize); px >= floor; px -= 1) {
                    Font f = Font.font(Type.MONO, FontWeight.BOLD, px);
                    if (TextFit.fits(form, f, room)) {
                        v = form;
                        vf = f;
                        break search;
                    }
                }
            }
            put(value, TextFit.fits(v, vf, room) ? v : "", vf);
            put(name, fit(nameFont, room, names), nameFont);
            put(delta, fit(deltaFont, room, deltas), deltaFont);
        }

        private static String fit(Font f, double room, String[] forms) {
            for (String s : forms) if (TextFit.fits(s, f, room)) return s;
            return "";
        }

        private static void put(Label l, String text, Font f) {
            if (!f.equals(l.getFont())) {
                l.fontProperty().unbind();
                l.fontProperty().bind(new SimpleObjectProperty<>(f));
            }
            if (!text.equals(l.getText())) l.setText(text);
        }

        /** Each of the value's and the change's forms, longest first. */
        void set(String[] v, String[] d, boolean changed) {
            values = v;
            deltas = d;
            tip.setText(names[0] + ": " + v[0] + (d[0].isEmpty() ? "" : "\n" + d[0]));
            fitValue();
            pseudoClassStateChanged(CHANGED, changed);
        }

        void set(String v, String d, boolean changed) {
            set(new String[] {v}, new String[] {d}, changed);
        }

        String fullValue() {
            return values[0];
        }

        String fullDelta() {
            return deltas[0];
        }
    }

    /** The four tiles as the Story's slide draws them, in a row {@code w} wide and {@code h} high at (x, y). */
    public void paintSlide(vmalab.view.paint.Pen g, Type t, vmalab.view.anim.Palette palette, double x, double y,
                           double w, double h, double gap) {
        double tileW = (w - 3 * gap) / 4;
        String[][] tiles = {{"RSS", "rss"}, {"VSZ", "vsz"}, {"free frames", "free"}, {"minflt (this step)", "minflt"}};
        for (int i = 0; i < 4; i++) {
            double tx = x + i * (tileW + gap);
            boolean lit = changed(tiles[i][1]);
            g.setFill(lit ? palette.color("story-step") : palette.color("grid"));
            g.fillRoundRect(tx, y, tileW, h, t.px(10), t.px(10));
            g.setFill(palette.color("paper"));
            g.fillRoundRect(tx + t.line(3), y + t.line(3), tileW - 2 * t.line(3), h - 2 * t.line(3), t.px(8),
                t.px(8));
            double ty = y + t.px(10);
            double room = tileW - t.px(28);
            ty = SlideText.line(g, t.bold(19), palette.color("muted"), tx + t.px(14), ty, room, tiles[i][0],
                tiles[i][1]);
            String v = value(tiles[i][1]);
            String vs = shownValue(tiles[i][1]);
            ty = SlideText.line(g, t.monoBold(28), palette.color("ink"), tx + t.px(14), ty, room, v, vs,
                v.contains(" → ") ? v.substring(v.indexOf(" → ") + 3) : v);
            SlideText.line(g, t.bold(21), lit ? palette.color("story-step") : palette.color("muted"), tx + t.px(14), ty,
                room, delta(tiles[i][1]), "");
        }
    }
}
