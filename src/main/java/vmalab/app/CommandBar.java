package vmalab.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Side;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import vmalab.io.ScenarioParser;
import vmalab.model.Kernel;
import vmalab.model.mm.Task;

/**
 * The command bar: any scenario line ({@code brk +8K}, {@code touch 0x555555559000 w}, {@code child: fork x}),
 * run with Enter through the timeline. Tab completes a keyword or process name; the usage of the keyword
 * typed is shown under the field, and an error in red in its place.
 */
final class CommandBar extends VBox {
    static final String STYLE_CLASS = "command-bar";
    static final String BAD = "bad";

    /** What each operation takes, for the hint line. */
    static final Map<String, String> USAGE = new LinkedHashMap<>();

    static {
        USAGE.put("exec", "exec NAME PROFILE          profiles: x86_64, i386-2.6, empty");
        USAGE.put("brk", "brk +N | -N | =ADDR        move the program break: brk +8K");
        USAGE.put("touch", "touch ADDR [LEN] r|w|x     access memory: touch 0x555555559000 w");
        USAGE.put("mmap", "mmap [ADDR] LEN PROT private|shared anon|file:NAME[@OFF] [fixed] [populate]…");
        USAGE.put("munmap", "munmap ADDR LEN");
        USAGE.put("mprotect", "mprotect ADDR LEN PROT      PROT like r-- or rw-");
        USAGE.put("madvise", "madvise ADDR LEN ADVICE     dontneed, willneed, populate_write…");
        USAGE.put("mremap", "mremap ADDR OLDLEN NEWLEN [maymove]");
        USAGE.put("fork", "fork NAME                  a child process with a copy of the address space");
        USAGE.put("thread", "thread NAME                a thread sharing this mm_struct");
        USAGE.put("exit", "exit");
        USAGE.put("file", "file NAME SIZE [dev MAJ:MIN] [inode N]");
        USAGE.put("memory", "memory SIZE|FRAMES [maxorder N] [reserve FRAMES]   before the first exec");
        USAGE.put("alloc_pages", "alloc_pages ORDER [NAME]");
        USAGE.put("free_pages", "free_pages NAME|PFN ORDER");
    }

    private final Controller controller;
    private final TextField field = new TextField();
    private final Label error = new Label();
    private final Label hint = new Label();
    private final ContextMenu completions = new ContextMenu();
    private final List<String> history = new ArrayList<>();
    private int historyIndex;

    CommandBar(Controller controller) {
        this.controller = controller;
        createView();
        initListeners();
    }

    TextField field() {
        return field;
    }

    private void createView() {
        setId("command-bar");
        getStyleClass().add(STYLE_CLASS);
        Label prompt = new Label("$");
        prompt.getStyleClass().add("command-prompt");
        field.setId("command-field");
        field.getStyleClass().add("command-field");
        field.setPromptText("type a scenario line: brk +8K · touch 0x555555559000 w · fork child · child: touch … w");
        Button run = new Button("Run");
        run.setId("command-run");
        run.setOnAction(e -> submit());
        run.setFocusTraversable(false);
        HBox row = new HBox(8, prompt, field, run);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(field, Priority.ALWAYS);
        error.setId("command-error");
        error.getStyleClass().add("command-error");
        error.setWrapText(true);
        showError(null);
        hint.setId("command-hint");
        hint.getStyleClass().add("command-hint");
        hint.setText(" ");
        getChildren().addAll(row, error, hint);
    }

    private void initListeners() {
        field.setOnAction(e -> submit());
        field.textProperty().addListener((o, a, b) -> {
            field.getStyleClass().remove(BAD);
            showError(null);
            updateHint(b);
            updateCompletions(b);
        });
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB) {
                complete();
                e.consume();
            } else if (e.getCode() == KeyCode.UP && !history.isEmpty()) {
                historyIndex = Math.max(0, historyIndex - 1);
                field.setText(history.get(historyIndex));
                field.end();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN && !history.isEmpty()) {
                historyIndex = Math.min(history.size(), historyIndex + 1);
                field.setText(historyIndex == history.size() ? "" : history.get(historyIndex));
                field.end();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                completions.hide();
                getParent().requestFocus();
                e.consume();
            }
        });
        field.focusedProperty().addListener((o, a, b) -> {
            if (!b) completions.hide();
        });
    }

    void submit() {
        String text = field.getText();
        if (text == null || text.isBlank()) return;
        completions.hide();
        String err = controller.runLine(text);
        if (err != null) {
            showError(err);
            if (!field.getStyleClass().contains(BAD)) field.getStyleClass().add(BAD);
            return;
        }
        history.add(text.strip());
        historyIndex = history.size();
        field.clear();
        showError(null);
    }

    private void showError(String message) {
        boolean show = message != null;
        error.setText(show ? message : "");
        error.setVisible(show);
        error.setManaged(show);
    }

    private void updateHint(String text) {
        String kw = keyword(text);
        String usage = kw == null ? null : USAGE.get(kw.toLowerCase());
        hint.setText(usage != null ? usage : " ");
    }

    /** The operation keyword of a line: the first word, after an optional {@code NAME:}. */
    static String keyword(String text) {
        if (text == null) return null;
        String s = text.strip();
        int colon = s.indexOf(':');
        String first = s.split("\\s+", 2)[0];
        if (colon > 0 && first.endsWith(":")) s = s.substring(colon + 1).strip();
        if (s.isEmpty()) return null;
        return s.split("\\s+", 2)[0];
    }

    /** Candidates for the word being typed: keywords, and process names with a colon at the start. */
    List<String> candidates(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        String s = text.stripLeading();
        String prefix = "";
        int colon = s.indexOf(':');
        if (colon > 0 && !s.substring(0, colon).contains(" ")) {
            prefix = s.substring(0, colon + 1) + " ";
            s = s.substring(colon + 1).stripLeading();
        }
        if (s.contains(" ")) return out;
        String word = s.toLowerCase();
        for (String kw : ScenarioParser.keywords()) {
            if (kw.startsWith(word) && !kw.equals(word)) out.add(prefix + kw + " ");
        }
        if (prefix.isEmpty() && !word.isEmpty()) {
            Kernel k = controller.session().kernel();
            if (k != null) {
                for (Task t : k.tasks()) {
                    if (t.comm().startsWith(s) && !t.comm().equals(s)) out.add(t.comm() + ": ");
                }
            }
        }
        return out;
    }

    private void complete() {
        List<String> c = candidates(field.getText());
        if (c.isEmpty()) return;
        field.setText(c.get(0));
        field.end();
    }

    private void updateCompletions(String text) {
        List<String> c = candidates(text);
        if (c.isEmpty() || text == null || text.isBlank() || !field.isFocused()) {
            completions.hide();
            return;
        }
        completions.getItems().clear();
        for (String s : c.subList(0, Math.min(8, c.size()))) {
            String kw = keyword(s);
            String usage = kw == null ? null : USAGE.get(kw);
            Label l = new Label(usage != null ? usage : s.strip());
            l.getStyleClass().add("command-hint");
            CustomMenuItem item = new CustomMenuItem(l, true);
            item.setOnAction(e -> {
                field.setText(s);
                field.end();
            });
            completions.getItems().add(item);
        }
        if (!completions.isShowing() && field.getScene() != null && field.getScene().getWindow() != null) {
            completions.show(field, Side.TOP, 0, 0);
        }
    }
}
