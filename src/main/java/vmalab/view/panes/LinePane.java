package vmalab.view.panes;

import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.ToLongFunction;
import javafx.collections.FXCollections;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * A read-only text pane, one row per line, where a line about a VMA can be selected: /proc/PID/maps and pmap.
 * A row too long for the pane is fitted on purpose ({@link LineFit}) with the whole line in its tooltip, so
 * the pane never scrolls sideways. Selecting a row reports its VMA start; {@link #selectStart} selects the
 * row of a VMA chosen elsewhere and scrolls it into sight. Ctrl+C copies the selected line.
 */
public final class LinePane extends ListView<String> {
    public static final String STYLE_CLASS = "line-pane";

    private final ToLongFunction<String> key;
    private boolean quiet;
    private LongConsumer onSelect = v -> { };

    /** {@code key}: the VMA start a line is about, or -1 for a line about none. */
    public LinePane(String id, ToLongFunction<String> key) {
        this.key = key;
        setId(id);
        getStyleClass().add(STYLE_CLASS);
        getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        setCellFactory(v -> new FitCell());
        getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (quiet || b == null) return;
            long start = key.applyAsLong(b);
            if (start >= 0) onSelect.accept(start);
        });
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.C && getSelectionModel().getSelectedItem() != null) {
                ClipboardContent c = new ClipboardContent();
                c.putString(getSelectionModel().getSelectedItem());
                Clipboard.getSystemClipboard().setContent(c);
                e.consume();
            }
        });
    }

    /** Called with a VMA start when the user selects a row about a VMA. */
    public void setOnSelect(LongConsumer onSelect) {
        this.onSelect = onSelect;
    }

    /** The pane's lines, as one text with a newline after each. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (String s : getItems()) sb.append(s).append('\n');
        return sb.toString();
    }

    /** Shows {@code text}, one row per line, then selects {@code selectedStart}'s row (without reporting it). */
    public void setText(String text, long selectedStart) {
        List<String> lines = Arrays.asList(text.split("\n", -1));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines = lines.subList(0, lines.size() - 1);
        if (!lines.equals(getItems())) {
            quiet = true;
            try {
                setItems(FXCollections.observableArrayList(lines));
            } finally {
                quiet = false;
            }
        }
        selectStart(selectedStart);
    }

    /** Selects the row about the VMA starting at {@code start} and brings it into sight; none when -1 or absent. */
    public void selectStart(long start) {
        int at = -1;
        if (start >= 0) {
            for (int i = 0; i < getItems().size(); i++) {
                if (key.applyAsLong(getItems().get(i)) == start) {
                    at = i;
                    break;
                }
            }
        }
        quiet = true;
        try {
            if (at < 0) {
                getSelectionModel().clearSelection();
                return;
            }
            if (getSelectionModel().getSelectedIndex() != at) getSelectionModel().clearAndSelect(at);
        } finally {
            quiet = false;
        }
        reveal(at);
    }

    private void reveal(int index) {
        VirtualFlow<?> flow = getSkin() == null ? null : (VirtualFlow<?>) lookup(".virtual-flow");
        IndexedCell<?> first = flow == null ? null : flow.getFirstVisibleCell();
        IndexedCell<?> last = flow == null ? null : flow.getLastVisibleCell();
        if (first != null && last != null && index > first.getIndex() && index < last.getIndex()) return;
        scrollTo(Math.max(0, index - 2));
    }

    /** A row that fits its line to its width, the whole line in a tooltip when shortened. */
    private static final class FitCell extends ListCell<String> {
        private String full;
        private final Tooltip tip = new Tooltip();

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            full = empty ? null : item;
            refit();
        }

        private void refit() {
            if (full == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            double room = getWidth() - snappedLeftInset() - snappedRightInset() - 2;
            String shown = room <= 0 ? full : LineFit.fit(full, getFont(), room);
            if (!shown.equals(getText())) setText(shown);
            if (shown.equals(full)) {
                setTooltip(null);
            } else {
                tip.setText(full);
                setTooltip(tip);
            }
        }

        @Override
        protected void layoutChildren() {
            refit();
            super.layoutChildren();
        }

        @Override
        protected double computePrefWidth(double height) {
            // as wide as the pane gives: a long line is fitted, never scrolled to
            return snappedLeftInset() + snappedRightInset() + 8;
        }
    }
}
