package vmalab.app;

import java.io.File;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/**
 * The File menu's real processes: Open process… (Ctrl+Shift+P: the running processes to choose from), Open
 * capture… (a folder {@code vmalab capture} wrote), Refresh process (F5) and Watch process (a read every
 * second). Thin: the work is {@link LiveImport}'s.
 */
final class ProcessMenu {
    static final KeyCombination OPEN_PROCESS = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN,
        KeyCombination.SHIFT_DOWN);
    static final KeyCombination REFRESH = new KeyCodeCombination(KeyCode.F5);

    private ProcessMenu() {
    }

    static void install(MainWindow window, Controller controller, LiveImport live) {
        MenuItem process = new MenuItem("Open process…");
        process.setId("menu-open-process");
        process.setAccelerator(OPEN_PROCESS);
        process.setOnAction(e -> OpenProcessDialog.ask(owner(window), controller.session().themeProperty().get(),
            controller.session().fontScale()).ifPresent(pid -> live.openProcess(pid, err -> { })));
        MenuItem capture = new MenuItem("Open capture…");
        capture.setId("menu-open-capture");
        capture.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("Open a capture folder (vmalab capture PID DIR)");
            File dir = dc.showDialog(owner(window));
            if (dir != null) live.openCapture(dir.toPath(), err -> { });
        });
        MenuItem refresh = new MenuItem("Refresh process");
        refresh.setId("menu-refresh");
        refresh.setAccelerator(REFRESH);
        refresh.setOnAction(e -> live.refresh());
        CheckMenuItem watch = new CheckMenuItem("Watch process (a read every second)");
        watch.setId("menu-watch");
        watch.selectedProperty().bindBidirectional(live.watchingProperty());
        int at = window.fileMenu().getItems().indexOf(window.fileMenu().getItems().stream()
            .filter(i -> i instanceof SeparatorMenuItem).findFirst().orElse(null));
        window.fileMenu().getItems().addAll(at < 0 ? window.fileMenu().getItems().size() : at,
            java.util.List.of(new SeparatorMenuItem(), process, capture, refresh, watch));
    }

    private static Window owner(MainWindow window) {
        return window.root().getScene() == null ? null : window.root().getScene().getWindow();
    }
}
