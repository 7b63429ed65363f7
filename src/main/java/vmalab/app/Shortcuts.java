package vmalab.app;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.Theme;

/**
 * The keys a teacher presses while talking: Space steps, Backspace steps back, P plays or pauses, E shows
 * the next event, Home restarts, / goes to the command bar; F11 enters and leaves presenter mode (Esc leaves it),
 * Ctrl+plus / Ctrl+minus / Ctrl+0 zoom (also Ctrl+= and the keypad's + and -), Ctrl+Shift+T switches the theme;
 * these work in a text field too. Ctrl+E (export), Ctrl+O, Ctrl+S and F1 are menu accelerators. Other keys typed
 * into a text field stay there.
 */
final class Shortcuts {
    /** One zoom step: 25 %. */
    static final double ZOOM_STEP = 0.25;
    static final KeyCombination ZOOM_IN = new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination ZOOM_OUT = new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination ZOOM_RESET = new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination TOGGLE_THEME = new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN,
        KeyCombination.SHIFT_DOWN);
    static final KeyCombination PRESENTER = new KeyCodeCombination(KeyCode.F11);

    /** The sheet F1 shows: key, then what it does. */
    static final List<String[]> SHEET = List.of(
        new String[] {"Space", "run the next operation (step)"},
        new String[] {"E", "show the next event of the step"},
        new String[] {"Backspace", "step back (restore and replay)"},
        new String[] {"P", "play / pause"},
        new String[] {"Home", "restart from step 0"},
        new String[] {"End", "go to the last step"},
        new String[] {"Esc", "cancel a long replay or operation (the step on show stays)"},
        new String[] {"/", "type a scenario line in the command bar"},
        new String[] {"Enter", "run the line typed (in the command bar)"},
        new String[] {"Tab", "complete a keyword (in the command bar)"},
        new String[] {"Esc", "leave the command bar"},
        new String[] {"F11", "presenter mode: full screen, no chrome (Esc leaves too)"},
        new String[] {"Ctrl+plus / Ctrl+minus", "zoom the type and lines (100 % to 250 %)"},
        new String[] {"Ctrl+0", "actual size (100 %)"},
        new String[] {"Ctrl+Shift+T", "switch the light and the dark theme"},
        new String[] {"Ctrl+E", "export a view, the window or a lesson's slides"},
        new String[] {"Ctrl+O / Ctrl+S", "open / save a scenario"},
        new String[] {"Ctrl+Shift+P", "open a running process (its VMAs and present pages)"},
        new String[] {"F5", "read the running process again; the Layout marks what changed"},
        new String[] {"F1", "this sheet"},
        new String[] {"Layout: click", "select a VMA and an address (nothing runs)"},
        new String[] {"Layout: Ctrl+click", "read the page there (a fault if it is not present)"},
        new String[] {"Layout: Ctrl+Shift+click", "write the page (fault, copy-on-write)"},
        new String[] {"Page tables: click a page", "fault it in (Shift: write)"},
        new String[] {"Layout: scroll / drag", "zoom / pan"});

    private Shortcuts() {
    }

    /** {@code +1} one step larger, {@code -1} one step smaller, {@code 0} back to 100 % (clamped by Session). */
    static void zoom(Session session, int direction) {
        double s = direction == 0 ? Session.MIN_SCALE
            : Math.round((session.fontScale() + direction * ZOOM_STEP) / ZOOM_STEP) * ZOOM_STEP;
        session.fontScaleProperty().set(s);
    }

    static void toggleTheme(Session session) {
        session.themeProperty().set(session.themeProperty().get() == Theme.DARK ? Theme.LIGHT : Theme.DARK);
    }

    /** The window's keys that work everywhere, even in a text field: zoom, theme, presenter mode. */
    private static boolean windowKey(KeyEvent e, MainWindow window, Controller controller) {
        Session session = controller.session();
        KeyCode k = e.getCode();
        if (e.isShortcutDown() && !e.isAltDown()) {
            switch (k) {
                case PLUS, EQUALS, ADD -> zoom(session, 1);
                case MINUS, SUBTRACT, UNDERSCORE -> zoom(session, -1);
                case DIGIT0, NUMPAD0 -> zoom(session, 0);
                case T -> {
                    if (!e.isShiftDown()) return false;
                    toggleTheme(session);
                }
                default -> {
                    return false;
                }
            }
            return true;
        }
        if (e.isShortcutDown() || e.isAltDown() || e.isMetaDown()) return false;
        if (k == KeyCode.F11) {
            window.presenter().toggle();
            return true;
        }
        if (k == KeyCode.ESCAPE && controller.cancelJob()) return true;
        if (k == KeyCode.ESCAPE && window.presenter().isActive()
            && !(e.getTarget() instanceof TextInputControl)) {
            window.presenter().activeProperty().set(false);
            return true;
        }
        return false;
    }

    static void install(Scene scene, MainWindow window, Controller controller) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (windowKey(e, window, controller)) {
                e.consume();
                return;
            }
            if (scene.getFocusOwner() instanceof TextInputControl t && t.isEditable()) return;
            if (StartPage.isShowing(scene)) return;
            if (e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.isShortcutDown()) return;
            KeyCode k = e.getCode();
            boolean handled = true;
            switch (k) {
                case SPACE -> controller.stepOp();
                case BACK_SPACE -> controller.seekBack();
                case END -> controller.seek(controller.timeline().size());
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
