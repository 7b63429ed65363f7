package vmalab.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** File → Export PNG: which view (or the whole window), at 1×, 2× or 4×, with or without a caption. */
final class ExportDialog {
    /** What to export. */
    record Choice(String view, double scale, String caption) { }


    private ExportDialog() {
    }

    static void run(Window owner, MainWindow window, Controller controller) {
        Optional<Choice> choice = ask(owner, window.selectedView(), controller.caption());
        if (choice.isEmpty()) return;
        Choice c = choice.get();
        FileChooser fc = new FileChooser();
        fc.setTitle("Export PNG");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        fc.setInitialFileName("vmalab-" + c.view() + "-step" + controller.timeline().position() + ".png");
        File f = fc.showSaveDialog(owner);
        if (f == null) return;
        Path path = f.toPath().getFileName().toString().toLowerCase().endsWith(".png") ? f.toPath()
            : f.toPath().resolveSibling(f.getName() + ".png");
        export(window, controller, c, path);
    }

    /** Writes the chosen view; reports in the status line, and in an alert when it fails. */
    static boolean export(MainWindow window, Controller controller, Choice c, Path path) {
        String previous = window.selectedView();
        if (!MainWindow.WINDOW.equals(c.view())) window.selectView(c.view());
        window.root().applyCss();
        window.root().layout();
        Node node = window.view(c.view());
        try {
            int[] size = PngExporter.sizeOf(node, c.scale(), c.caption() != null);
            PngExporter.write(node, c.scale(), c.caption(), path);
            controller.say(String.format("Exported %d×%d PNG to %s", size[0], size[1], path), false);
            return true;
        } catch (IOException | RuntimeException e) {
            String msg = "Could not export to " + path + ": " + e.getMessage();
            controller.say(msg, true);
            if (window.root().getScene() != null && window.root().getScene().getWindow() != null) {
                Alert a = new Alert(Alert.AlertType.ERROR, msg, ButtonType.OK);
                a.initOwner(window.root().getScene().getWindow());
                a.setHeaderText("Export failed");
                a.show();
            }
            return false;
        } finally {
            window.selectView(previous);
        }
    }

    private static Optional<Choice> ask(Window owner, String selectedView, String caption) {
        Dialog<Choice> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Export PNG");
        d.setHeaderText("Export a diagram as a PNG image");
        ComboBox<String> view = new ComboBox<>();
        view.setId("export-view");
        for (ViewKind k : ViewKind.values()) view.getItems().add(k.title());
        ViewKind.byId(selectedView).ifPresent(k -> view.setValue(k.title()));
        ToggleGroup scale = new ToggleGroup();
        HBox scales = new HBox(12);
        for (int s : new int[] {1, 2, 4}) {
            RadioButton r = new RadioButton(s + "×");
            r.setId("export-scale-" + s);
            r.setUserData((double) s);
            r.setToggleGroup(scale);
            if (s == 2) r.setSelected(true);
            scales.getChildren().add(r);
        }
        CheckBox withCaption = new CheckBox("Caption under the image");
        withCaption.setId("export-caption-on");
        withCaption.setSelected(true);
        TextField captionText = new TextField(caption);
        captionText.setId("export-caption-text");
        captionText.setPrefColumnCount(50);
        captionText.disableProperty().bind(withCaption.selectedProperty().not());
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.addRow(0, new Label("View"), view);
        grid.addRow(1, new Label("Scale"), scales);
        grid.addRow(2, withCaption, captionText);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getStylesheets().add(VmaLabApp.stylesheet());
        ButtonType ok = new ButtonType("Export…", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        d.setResultConverter(bt -> {
            if (bt != ok) return null;
            String name = ViewKind.byTitle(view.getValue()).orElse(ViewKind.LAYOUT).id();
            double s = scale.getSelectedToggle() == null ? 1 : (Double) scale.getSelectedToggle().getUserData();
            return new Choice(name, s, withCaption.isSelected() ? captionText.getText() : null);
        });
        return d.showAndWait();
    }
}
