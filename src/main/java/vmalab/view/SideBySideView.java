package vmalab.view;

import java.util.HashMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import vmalab.model.mm.Mm;
import vmalab.viewmodel.IndexFigures;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.Twin;

/**
 * The side-by-side mode: the same process in both eras after the same operations, mm_rb (VmaTreeView) on the
 * left and the maple tree (MapleTreeView) on the right, each drawn from whichever session holds that era (the
 * main one or the {@link Twin}), under a strip of large numbers: height, nodes, and the nodes find_vma() visits
 * for the selected address (or the last find_vma of the step). It reads folded state only and changes nothing
 * but its own toggle, which is the mode's switch.
 */
public final class SideBySideView extends BorderPane {
    public static final String STYLE_CLASS = "side-by-side-view";

    private final Twin twin;
    private final Card rbCard = new Card("rb", "mm_rb · red-black tree, Linux ≤ 6.0 · one node per VMA");
    private final Card mapleCard = new Card("maple", "mm_mt · maple tree, Linux 6.1+ · 16-slot leaves");
    private final Label note = new Label();
    private final ToggleButton toggle = new ToggleButton("Side by side");
    private final HBox diagrams = new HBox(8);
    private final Label missing = new Label();
    private final Map<Session, VmaTreeView> rbViews = new HashMap<>();
    private final Map<Session, MapleTreeView> mapleViews = new HashMap<>();
    private Session rbShown;
    private Session mapleShown;

    public SideBySideView(Twin twin) {
        this.twin = twin;
        getStyleClass().add(STYLE_CLASS);
        setId("side-by-side");
        toggle.setId("side-by-side-toggle-compare");
        toggle.selectedProperty().bindBidirectional(twin.onProperty());
        toggle.setMinWidth(USE_PREF_SIZE);
        note.setId("sbs-note");
        note.setWrapText(true);
        note.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(note, Priority.ALWAYS);
        HBox cards = new HBox(12, rbCard, mapleCard);
        HBox.setHgrow(rbCard, Priority.ALWAYS);
        HBox.setHgrow(mapleCard, Priority.ALWAYS);
        rbCard.setMaxWidth(Double.MAX_VALUE);
        mapleCard.setMaxWidth(Double.MAX_VALUE);
        HBox tools = new HBox(10, toggle, note);
        tools.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, tools, cards);
        top.setPadding(new Insets(6, 8, 6, 8));
        setTop(top);
        missing.setId("sbs-missing");
        missing.setWrapText(true);
        missing.setPadding(new Insets(12));
        StackPane center = new StackPane(diagrams, missing);
        setCenter(center);
        Session main = twin.mainSession();
        main.versionProperty().addListener((o, a, b) -> refresh());
        main.selectedPidProperty().addListener((o, a, b) -> refresh());
        main.selectedVmaProperty().addListener((o, a, b) -> refresh());
        main.selectedAddressProperty().addListener((o, a, b) -> refresh());
        twin.session().versionProperty().addListener((o, a, b) -> refresh());
        twin.shownProperty().addListener((o, a, b) -> refresh());
        main.fontScaleProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    /** The session whose selected process keeps its VMAs in mm_rb (null: neither, e.g. no process yet). */
    public Session rbSession() {
        Session main = twin.mainSession();
        Mm m = main.selectedMm();
        if (m != null && !m.index().isMaple()) return main;
        if (!twin.shownProperty().get()) return null;
        Mm t = twin.session().selectedMm();
        return t != null && !t.index().isMaple() ? twin.session() : null;
    }

    /** The session whose selected process keeps its VMAs in the maple tree (null: neither). */
    public Session mapleSession() {
        Session main = twin.mainSession();
        Mm m = main.selectedMm();
        if (m != null && m.index().isMaple()) return main;
        if (!twin.shownProperty().get()) return null;
        Mm t = twin.session().selectedMm();
        return t != null && t.index().isMaple() ? twin.session() : null;
    }

    /** What the strip shows for mm_rb (null when no process keeps one). */
    public IndexFigures rbFigures() { return figures(rbSession()); }

    /** What the strip shows for the maple tree (null when no process keeps one). */
    public IndexFigures mapleFigures() { return figures(mapleSession()); }

    private IndexFigures figures(Session s) {
        if (s == null) return null;
        return IndexFigures.of(s.selectedMm(), IndexFigures.addressOf(twin.mainSession()));
    }

    private void refresh() {
        if (!twin.onProperty().get()) return;
        double scale = twin.mainSession().fontScale();
        Session rb = rbSession();
        Session maple = mapleSession();
        if (rb != rbShown || maple != mapleShown) {
            rbShown = rb;
            mapleShown = maple;
            diagrams.getChildren().clear();
            if (rb != null) diagrams.getChildren().add(grow(rbViews.computeIfAbsent(rb, SideBySideView::wholeTree)));
            if (maple != null) diagrams.getChildren().add(grow(mapleViews.computeIfAbsent(maple, MapleTreeView::new)));
        }
        rbCard.show(figures(rb), scale);
        mapleCard.show(figures(maple), scale);
        String why = twin.reasonProperty().get();
        if (twin.mainSession().selectedMm() == null) missing.setText("No process yet: step on to its exec.");
        else missing.setText(why == null ? "" : why);
        missing.setVisible(!missing.getText().isEmpty());
        note.setFont(Font.font("System", 14 * scale));
        toggle.setFont(Font.font("System", 15 * scale));
        missing.setFont(Font.font("System", 16 * scale));
        long addr = IndexFigures.addressOf(twin.mainSession());
        String pid = twin.mainSession().selectedTask() == null ? "" : " " + twin.mainSession().selectedTask().pid();
        note.setText("Process" + pid + " after the same steps in both eras ("
            + (twin.mainSession() == rb ? "this scenario: mm_rb" : "this scenario: maple") + ")"
            + (addr >= 0 ? " · find_vma(0x" + Long.toHexString(addr) + ")" : " · click a VMA: find_vma counts"));
    }

    /**
     * An mm_rb drawing that opens with the whole tree in view: beside the maple tree it has half the width, where
     * the usual Fit (every range readable) would show a node or two.
     */
    private static VmaTreeView wholeTree(Session s) {
        VmaTreeView v = new VmaTreeView(s);
        javafx.beans.value.ChangeListener<javafx.geometry.Bounds> first = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.geometry.Bounds> o,
                                javafx.geometry.Bounds a, javafx.geometry.Bounds b) {
                if (b.getWidth() <= 0 || b.getHeight() <= 0) return;
                v.layoutBoundsProperty().removeListener(this);
                javafx.application.Platform.runLater(v::zoomToWhole);
            }
        };
        v.layoutBoundsProperty().addListener(first);
        return v;
    }

    private static <N extends javafx.scene.layout.Region> N grow(N n) {
        HBox.setHgrow(n, Priority.ALWAYS);
        n.setMinWidth(0);
        n.setPrefWidth(10);
        n.setMaxWidth(Double.MAX_VALUE);
        return n;
    }

    /** One era's numbers in large type: a title, then levels · nodes · find_vma visits on one line. */
    static final class Card extends VBox {
        private final Label head = new Label();
        private final Label height = new Label();
        private final Label nodes = new Label();
        private final Label visited = new Label();

        Card(String id, String title) {
            super(2);
            setId("sbs-" + id);
            getStyleClass().add("sbs-card");
            head.setText(title);
            height.setId("sbs-" + id + "-height");
            nodes.setId("sbs-" + id + "-nodes");
            visited.setId("sbs-" + id + "-visited");
            for (Label l : new Label[] {head, height, nodes, visited}) {
                l.setMinWidth(USE_PREF_SIZE);
                l.setMinHeight(USE_PREF_SIZE);
            }
            HBox line = new HBox(18, height, nodes, visited);
            line.setAlignment(Pos.BASELINE_LEFT);
            getChildren().addAll(head, line);
            setPadding(new Insets(2, 10, 4, 10));
            setStyle("-fx-border-color: #8a8a8a; -fx-border-width: 1; -fx-border-radius: 6;");
            setMinWidth(USE_PREF_SIZE);
        }

        void show(IndexFigures f, double scale) {
            head.setFont(Font.font("System", FontWeight.BOLD, 15 * scale));
            Font big = Font.font("System", FontWeight.BOLD, 24 * scale);
            for (Label l : new Label[] {height, nodes, visited}) l.setFont(big);
            if (f == null) {
                height.setText("levels —");
                nodes.setText("nodes —");
                visited.setText("find_vma —");
                return;
            }
            height.setText("levels " + f.height());
            nodes.setText("nodes " + f.nodes());
            visited.setText(f.visited() < 0 ? "find_vma: —" : "find_vma visits " + f.visited());
        }
    }
}
