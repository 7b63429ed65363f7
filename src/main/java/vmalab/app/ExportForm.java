package vmalab.app;

import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import vmalab.app.export.SlideFiles;
import vmalab.viewmodel.Theme;

/**
 * The Export dialog's form: what (this view at this step, or every step of the lesson as a deck), which view,
 * PNG or SVG, 1×/2×/4×, the size (the diagram's own, or a 1920×1080 or 1280×720 slide), the theme (as on
 * screen, light, dark) and the caption band. {@link #choice()} reads it. Built in code, ids for tests.
 */
final class ExportForm {
    /** The slide sizes offered; {0, 0} is the diagram's own size. */
    static final int[][] SIZES = {{0, 0}, {1920, 1080}, {1280, 720}, {3840, 2160}};

    private final GridPane grid = new GridPane();
    private final ToggleGroup what = new ToggleGroup();
    private final RadioButton oneView = new RadioButton("This step");
    private final RadioButton deck = new RadioButton("Every step (a deck with notes.md)");
    private final ComboBox<String> view = new ComboBox<>();
    private final ToggleGroup format = new ToggleGroup();
    private final ToggleGroup scale = new ToggleGroup();
    private final ComboBox<String> size = new ComboBox<>();
    private final ComboBox<String> theme = new ComboBox<>();
    private final CheckBox caption = new CheckBox("Caption band: lesson, step, the scenario line");

    ExportForm(String selectedView, Theme onScreen, boolean lesson) {
        oneView.setId("export-one");
        deck.setId("export-deck");
        oneView.setToggleGroup(what);
        deck.setToggleGroup(what);
        oneView.setSelected(true); // Ctrl+E means the step on show; a deck is one click away
        deck.setTooltip(new Tooltip("One image per step, DIR/step-001.png …, and DIR/notes.md with each step's "
            + "line, say text and narration"));

        view.setId("export-view");
        for (ViewKind k : ViewKind.values()) view.getItems().add(k.title());
        view.setValue(ViewKind.byId(selectedView).orElse(ViewKind.LAYOUT).title());
        view.setTooltip(new Tooltip("Whole window: the Story view with the narration in the caption"));

        HBox formats = new HBox(12);
        for (SlideFiles.Format f : SlideFiles.Format.values()) {
            RadioButton r = new RadioButton(f.name());
            r.setId("export-format-" + f.extension());
            r.setUserData(f);
            r.setToggleGroup(format);
            if (f == SlideFiles.Format.PNG) r.setSelected(true);
            formats.getChildren().add(r);
        }
        HBox scales = new HBox(12);
        for (int s : new int[] {1, 2, 4}) {
            RadioButton r = new RadioButton(s + "×");
            r.setId("export-scale-" + s);
            r.setUserData((double) s);
            r.setToggleGroup(scale);
            if (s == 2) r.setSelected(true);
            scales.getChildren().add(r);
        }
        size.setId("export-size");
        for (int[] wh : SIZES) size.getItems().add(sizeLabel(wh));
        size.setValue(size.getItems().get(0));
        theme.setId("export-theme");
        theme.getItems().add("As on screen (" + onScreen.title() + ")");
        for (Theme t : Theme.values()) theme.getItems().add(t.title());
        theme.setValue(theme.getItems().get(0));
        caption.setId("export-caption-on");
        caption.setSelected(true);

        grid.setHgap(12);
        grid.setVgap(10);
        grid.addRow(0, new Label("Export"), new HBox(16, oneView, deck));
        grid.addRow(1, new Label("View"), view);
        grid.addRow(2, new Label("Format"), formats);
        grid.addRow(3, new Label("Scale"), scales);
        grid.addRow(4, new Label("Size"), size);
        grid.addRow(5, new Label("Theme"), theme);
        grid.add(caption, 1, 6);
        if (lesson) deck.setText("Every step of the lesson (a deck with notes.md)");
    }

    GridPane node() { return grid; }

    static String sizeLabel(int[] wh) {
        return wh[0] == 0 ? "The diagram's own size" : wh[0] + " × " + wh[1] + " slide, the diagram fitted in";
    }

    /** What the form says now. */
    ExportChoice choice() {
        String id = ViewKind.byTitle(view.getValue()).orElse(ViewKind.LAYOUT).id();
        SlideFiles.Format f = (SlideFiles.Format) selected(format, SlideFiles.Format.PNG);
        double s = (Double) selected(scale, 2.0);
        int[] wh = SIZES[Math.max(0, size.getItems().indexOf(size.getValue()))];
        int t = theme.getItems().indexOf(theme.getValue());
        Theme th = t <= 0 ? null : Theme.values()[t - 1];
        return new ExportChoice(id, deck.isSelected(), f, s, wh[0], wh[1], th, caption.isSelected());
    }

    private static Object selected(ToggleGroup g, Object otherwise) {
        Toggle t = g.getSelectedToggle();
        return t == null ? otherwise : t.getUserData();
    }
}
