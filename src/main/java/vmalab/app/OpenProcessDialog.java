package vmalab.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.concurrent.Task;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import vmalab.io.ProcessList;
import vmalab.viewmodel.Sizes;

/**
 * File → Open process…: the running processes (pid, name, state, VMAs, RSS, command line), sortable by any
 * column, filtered as you type (pid, name or command line), read off the FX thread. A process without an address
 * space (a kernel thread, a zombie) or whose maps cannot be read (another user's) is greyed, with the reason in
 * its tooltip, and cannot be opened. Gives the chosen pid.
 */
final class OpenProcessDialog {
    private final TableView<ProcessList.Entry> table = new TableView<>();
    private final TextField filter = new TextField();
    private final Label count = new Label("Reading /proc…");
    private final FilteredList<ProcessList.Entry> shown =
        new FilteredList<>(FXCollections.observableArrayList(), e -> true);

    OpenProcessDialog() {
        createView();
    }

    /** Asks for a process; empty when cancelled. */
    static Optional<Integer> ask(Window owner, vmalab.viewmodel.Theme theme, double scale) {
        OpenProcessDialog d = new OpenProcessDialog();
        d.load(Path.of("/proc"));
        return d.show(owner, theme, scale);
    }

    VBox node() { return box; }

    private final VBox box = new VBox(8);

    private void createView() {
        filter.setId("process-filter");
        filter.setPromptText("filter: pid, name or command line");
        filter.textProperty().addListener((o, a, b) -> refilter());
        table.setId("process-table");
        table.setPlaceholder(new Label("No process matches"));
        TableColumn<ProcessList.Entry, Integer> pid = column("PID", 80, e -> e.pid());
        TableColumn<ProcessList.Entry, String> name = column("Name", 180, ProcessList.Entry::comm);
        TableColumn<ProcessList.Entry, String> state = column("State", 70, e -> String.valueOf(e.state()));
        TableColumn<ProcessList.Entry, Integer> vmas = column("VMAs", 80, ProcessList.Entry::vmas);
        vmas.setCellFactory(c -> cell(v -> v < 0 ? "?" : String.format(Locale.ROOT, "%,d", v)));
        TableColumn<ProcessList.Entry, Long> rss = column("RSS", 100, ProcessList.Entry::rssKiB);
        rss.setCellFactory(c -> cell(v -> v < 0 ? "—" : Sizes.human(v * 1024)));
        TableColumn<ProcessList.Entry, String> cmd = column("Command line", 420, ProcessList.Entry::cmdline);
        // the short columns keep their titles and numbers; the command line takes what is left
        for (TableColumn<ProcessList.Entry, ?> c : List.of(pid, name, state, vmas, rss)) c.setMinWidth(c.getPrefWidth());
        table.getColumns().setAll(List.of(pid, name, state, vmas, rss, cmd));
        SortedList<ProcessList.Entry> sorted = new SortedList<>(shown);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ProcessList.Entry e, boolean empty) {
                super.updateItem(e, empty);
                boolean off = e != null && !e.importable();
                setDisable(off);
                setOpacity(off ? 0.5 : 1);
                setTooltip(e == null ? null : new Tooltip(why(e)));
            }
        });
        count.setId("process-count");
        count.setWrapText(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        box.getChildren().addAll(filter, table, count);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPrefSize(1000, 560);
    }

    /** What the row's tooltip says: the whole command line, or why it cannot be opened. */
    static String why(ProcessList.Entry e) {
        if (e.state() == 'Z') return e.pid() + " is a zombie: it has exited and has no address space any more";
        if (e.vmas() == 0) return e.pid() + " is a kernel thread: it has no user address space";
        if (e.vmas() < 0) return "cannot read /proc/" + e.pid() + "/maps (" + e.note() + "): run as its owner or root";
        return e.cmdline();
    }

    private static <T> TableColumn<ProcessList.Entry, T> column(String title, double width,
                                                                java.util.function.Function<ProcessList.Entry, T> f) {
        TableColumn<ProcessList.Entry, T> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        return c;
    }

    private static <T> javafx.scene.control.TableCell<ProcessList.Entry, T> cell(java.util.function.Function<T, String> text) {
        return new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(T v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : text.apply(v));
                setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
            }
        };
    }

    /** Reads the list under {@code proc} off the FX thread; the table fills when it is read. */
    void load(Path proc) {
        Task<List<ProcessList.Entry>> read = new Task<>() {
            @Override
            protected List<ProcessList.Entry> call() {
                return ProcessList.read(proc);
            }
        };
        read.setOnSucceeded(e -> show(read.getValue()));
        read.setOnFailed(e -> count.setText("Could not read " + proc));
        Thread t = new Thread(read, "vmalab-process-list");
        t.setDaemon(true);
        t.start();
    }

    /** Fills the table (FX thread). */
    void show(List<ProcessList.Entry> entries) {
        @SuppressWarnings("unchecked")
        javafx.collections.ObservableList<ProcessList.Entry> src =
            (javafx.collections.ObservableList<ProcessList.Entry>) shown.getSource();
        src.setAll(entries);
        refilter();
    }

    private void refilter() {
        String f = filter.getText() == null ? "" : filter.getText().strip().toLowerCase(Locale.ROOT);
        shown.setPredicate(e -> f.isEmpty() || Integer.toString(e.pid()).startsWith(f)
            || e.comm().toLowerCase(Locale.ROOT).contains(f) || e.cmdline().toLowerCase(Locale.ROOT).contains(f));
        long open = shown.stream().filter(ProcessList.Entry::importable).count();
        count.setText(shown.size() + " of " + ((javafx.collections.ObservableList<?>) shown.getSource()).size()
            + " processes shown · " + open + " can be opened");
        if (table.getSelectionModel().getSelectedItem() == null) {
            table.getItems().stream().filter(ProcessList.Entry::importable).findFirst()
                .ifPresent(e -> table.getSelectionModel().select(e));
        }
    }

    /** The process selected, if it can be opened. */
    Optional<Integer> selected() {
        ProcessList.Entry e = table.getSelectionModel().getSelectedItem();
        return e != null && e.importable() ? Optional.of(e.pid()) : Optional.empty();
    }

    TableView<ProcessList.Entry> table() { return table; }
    TextField filter() { return filter; }

    private Optional<Integer> show(Window owner, vmalab.viewmodel.Theme theme, double scale) {
        Dialog<Integer> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Open process");
        d.setHeaderText("Open a running process: its VMAs, and its present pages where pagemap can be read.\n"
            + "Greyed: no address space (a kernel thread, a zombie), or not yours to read without root.");
        d.getDialogPane().setContent(box);
        d.setResizable(true);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        double w = Math.min(1000 * scale, screen.getWidth() * 0.9);
        double h = Math.min(640 * scale, screen.getHeight() * 0.9);
        d.getDialogPane().setPrefSize(w, h);
        d.getDialogPane().setMinSize(w, h);
        Themes.apply(d.getDialogPane(), theme);
        Themes.applyScale(d.getDialogPane(), scale);
        ButtonType open = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(open, ButtonType.CANCEL);
        var openButton = d.getDialogPane().lookupButton(open);
        openButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
            () -> selected().isEmpty(), table.getSelectionModel().selectedItemProperty()));
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && selected().isPresent()) ((javafx.scene.control.Button) openButton).fire();
        });
        d.setResultConverter(bt -> bt == open ? selected().orElse(null) : null);
        javafx.application.Platform.runLater(filter::requestFocus);
        return d.showAndWait();
    }
}
