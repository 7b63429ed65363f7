package vmalab.app;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The keys a teacher presses while talking: Space steps, Backspace steps back, P plays or pauses, E shows
 * the next event, Home restarts, / goes to the command bar. Ctrl+E (export), Ctrl+O, Ctrl+S and F1 are menu
 * accelerators. Keys typed into a text field stay there.
 */
final class Shortcuts {
    /** The sheet F1 shows: key, then what it does. */
    static final List<String[]> SHEET = List.of(
        new String[] {"Space", "run the next operation (step)"},
        new String[] {"E", "show the next event of the step"},
        new String[] {"Backspace", "step back (restore and replay)"},
        new String[] {"P", "play / pause"},
        new String[] {"Home", "restart from step 0"},
        new String[] {"/", "type a scenario line in the command bar"},
        new String[] {"Enter", "run the line typed (in the command bar)"},
        new String[] {"Tab", "complete a keyword (in the command bar)"},
        new String[] {"Esc", "leave the command bar"},
        new String[] {"Ctrl+E", "export a view or the window as PNG"},
        new String[] {"Ctrl+O / Ctrl+S", "open / save a scenario"},
        new String[] {"F1", "this sheet"},
        new String[] {"Layout: click", "select a VMA; on a page: read it (fault)"},
        new String[] {"Layout: Shift+click", "write the page (fault, copy-on-write)"},
        new String[] {"Layout: scroll / drag", "zoom / pan"});

    private Shortcuts() {
    }

    static void install(Scene scene, MainWindow window, Controller controller) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (scene.getFocusOwner() instanceof TextInputControl t && t.isEditable()) return;
            if (StartPage.isShowing(scene)) return;
            if (e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.isShortcutDown()) return;
            KeyCode k = e.getCode();
            boolean handled = true;
            switch (k) {
                case SPACE -> controller.stepOp();
                case BACK_SPACE -> controller.stepBack();
                case P -> controller.togglePlay();
                case E -> controller.stepEvent();
                case HOME -> controller.restart();
                case SLASH -> window.focusCommand();
                default -> handled = false;
            }
            if (handled) e.consume();
        });
    }
}
