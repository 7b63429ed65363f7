package vmalab.app;

import java.util.ArrayList;
import java.util.List;
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
import vmalab.io.LessonSyntax;
import vmalab.io.ScenarioSyntax;
import vmalab.io.lesson.LessonKey;
import vmalab.model.Kernel;
import vmalab.model.mm.Task;

/**
 * The command bar: any scenario line ({@code brk +8K}, {@code touch 0x555555559000 w}, {@code child: fork x}),
 * run with Enter through the timeline. Tab completes a keyword, a process name or a fixed word of the
 * operation's arguments (a profile, a flag, an advice); the usage of the keyword typed is shown under the field,
 * and an error in red in its place. Keywords, usage and words all come from {@link ScenarioSyntax}.
 */
final class CommandBar extends VBox {
    static final String STYLE_CLASS = "command-bar";
    static final String BAD = "bad";

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
        controller.submitLine(text, err -> {
            if (err != null) {
                showError(err);
                if (!field.getStyleClass().contains(BAD)) field.getStyleClass().add(BAD);
                return;
            }
            history.add(text.strip());
            historyIndex = history.size();
            if (text.equals(field.getText())) field.clear();
            showError(null);
        });
    }

    private void showError(String message) {
        boolean show = message != null;
        error.setText(show ? message : "");
        error.setVisible(show);
        error.setManaged(show);
    }

    private void updateHint(String text) {
        String usage = keyHint(text);
        if (usage == null) usage = hint(keyword(text));
        hint.setText(usage != null ? usage : " ");
    }

    /** The hint line for a keyword: its usage and summary; null when it names no operation or lesson line. */
    static String hint(String keyword) {
        ScenarioSyntax syntax = ScenarioSyntax.of(keyword);
        if (syntax != null) return syntax.hint();
        LessonSyntax lesson = LessonSyntax.of(keyword);
        return lesson == null ? null : lesson.hint();
    }

    /** For {@code expect KEY …}: the key's usage and what it reads; else null. */
    static String keyHint(String text) {
        String[] w = splitPrefix(text == null ? "" : text)[1].split("\\s+");
        LessonKey key = w.length > 1 && LessonSyntax.of(w[0]) == LessonSyntax.EXPECT ? LessonKey.of(w[1]) : null;
        return key == null ? null : "expect " + key.usage() + "  " + key.summary();
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

    /**
     * Candidates for the word being typed: keywords, and process names with a colon at the start; after the
     * keyword, the operation's fixed words.
     */
    List<String> candidates(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        String[] parts = splitPrefix(text);
        String prefix = parts[0];
        String s = parts[1];
        if (s.contains(" ")) return argumentWords(prefix, s);
        String word = s.toLowerCase(java.util.Locale.ROOT);
        List<String> keywords = new ArrayList<>(ScenarioSyntax.keywords());
        keywords.addAll(LessonSyntax.keywords());
        for (String kw : keywords) {
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

    /** A line as its {@code NAME: } prefix (or "") and the rest, leading blanks stripped. */
    static String[] splitPrefix(String text) {
        String s = text.stripLeading();
        String prefix = "";
        int colon = s.indexOf(':');
        if (colon > 0 && !s.substring(0, colon).contains(" ")) {
            prefix = s.substring(0, colon + 1) + " ";
            s = s.substring(colon + 1).stripLeading();
        }
        return new String[] {prefix, s};
    }

    /** The operation's fixed words that complete the last, partly typed word of {@code line}. */
    static List<String> argumentWords(String prefix, String line) {
        List<String> out = new ArrayList<>();
        int space = line.lastIndexOf(' ');
        String word = line.substring(space + 1).toLowerCase(java.util.Locale.ROOT);
        ScenarioSyntax syntax = ScenarioSyntax.of(line.split("\\s+", 2)[0]);
        List<String> words = syntax != null ? syntax.words() : lessonWords(line.substring(0, space + 1));
        if (words.isEmpty() || word.isEmpty()) return out;
        String head = prefix + line.substring(0, space + 1);
        for (String w : words) {
            if (w.toLowerCase(java.util.Locale.ROOT).startsWith(word) && !w.equalsIgnoreCase(word)) {
                out.add(head + w + (w.endsWith(":") ? "" : " "));
            }
        }
        return out;
    }

    /**
     * The words a lesson line takes next: the keys after {@code expect} or {@code answer}, then a key's values;
     * the view ids after {@code view}.
     */
    static List<String> lessonWords(String before) {
        String[] w = before.strip().split("\\s+");
        LessonSyntax lesson = LessonSyntax.of(w[0]);
        if (lesson == LessonSyntax.EXPECT) {
            if (w.length == 1) return LessonKey.words();
            LessonKey key = LessonKey.of(w[1]);
            if (key == null || w.length != (key.takesArg() ? 3 : 2)) return List.of();
            return switch (key.kind()) {
                case YES_NO -> List.of("yes", "no");
                case SIGNAL -> List.of("SIGSEGV", "SIGBUS", "none");
                case ERRNO, PERMS -> List.of("none");
                default -> List.of();
            };
        }
        if (lesson == LessonSyntax.ASK && w[w.length - 1].equalsIgnoreCase("answer")) return LessonKey.words();
        if (lesson == LessonSyntax.VIEW && w.length == 1) return vmalab.io.lesson.LessonViews.IDS;
        return List.of();
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
        boolean arguments = splitPrefix(text)[1].contains(" ");
        for (String s : c.subList(0, Math.min(8, c.size()))) {
            String usage = arguments ? null : hint(keyword(s));
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
