package vmalab.app;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** F1: the keyboard shortcuts in large type, in a dialog. */
final class ShortcutsSheet {
    private ShortcutsSheet() {
    }

    static GridPane content() {
        GridPane grid = new GridPane();
        grid.setId("shortcuts-sheet");
        grid.getStyleClass().add("shortcuts-sheet");
        int row = 0;
        for (String[] s : Shortcuts.SHEET) {
            Label key = new Label(s[0]);
            key.getStyleClass().add("shortcut-key");
            Label what = new Label(s[1]);
            what.getStyleClass().add("shortcut-what");
            grid.addRow(row++, key, what);
        }
        return grid;
    }

    static void show(Window owner) {
        Alert a = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        a.initOwner(owner);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText(null);
        a.getDialogPane().setContent(content());
        // the theme and the type scale come from Looks, as the dialog shows
        a.show();
    }
}
