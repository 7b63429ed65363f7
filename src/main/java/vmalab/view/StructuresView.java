package vmalab.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import vmalab.io.ProcNames;
import vmalab.model.Kernel;
import vmalab.model.mm.IndexNode;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Task;
import vmalab.model.mm.Vma;
import vmalab.view.anim.Motion;
import vmalab.model.paging.PhysicalMemory;
import vmalab.model.paging.TableInfo;
import vmalab.model.paging.Rss;
import vmalab.viewmodel.Physical;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.fold.Change;
import vmalab.viewmodel.fold.MmNumbers;
import vmalab.viewmodel.fold.Signals;
import vmalab.viewmodel.fold.StepSignal;
import vmalab.viewmodel.Sizes;
import vmalab.viewmodel.VmaKind;

/**
 * The kernel's bookkeeping as boxes and pointers: each task_struct points to its mm_struct (two threads to one,
 * two processes to two); each mm_struct shows its fields live and points to its VMA list (mmap / vm_next),
 * its tree (mm_rb) and its page-global directory (pgd). Fields that changed in the last step are highlighted.
 */
public final class StructuresView extends Region {
    public static final String STYLE_CLASS = "structures-view";
    public static final String BOX = "struct-box";
    public static final String TITLE = "struct-title";
    public static final String FIELD = "struct-field";
    public static final String POINTER = "struct-pointer";
    public static final String ARROW = "struct-arrow";
    public static final String ARROW_HEAD = "struct-arrow-head";
    public static final String SELECTED = "selected";
    public static final String CHIP = "vma-chip";
    private static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");
    private static final int LIST_SHOWN = 6;

    private static final double MARGIN = 16;
    private static final double COLUMN_GAP = 36;
    private static final double GAP = 22;

    /** The shown mms' numbers before the step on show and now, by mm id: what "changed" compares. */
    private final Map<Long, Map<String, Long>> before = new HashMap<>();
    private final Map<Long, Map<String, Long>> now = new HashMap<>();
    private final Session session;
    private final Board board = new Board();
    private final ScrollPane scroll = new ScrollPane(board);

    public StructuresView(Session session) {
        this.session = session;
        createView();
        initListeners();
        rebuild();
    }

    private void createView() {
        getStyleClass().add(STYLE_CLASS);
        setId("structures-view");
        scroll.setFitToWidth(false);
        scroll.setPannable(true);
        scroll.getStyleClass().add(STYLE_CLASS);
        getChildren().add(scroll);
    }

    private void initListeners() {
        session.versionProperty().addListener((o, a, b) -> rebuild());
        session.selectedPidProperty().addListener((o, a, b) -> rebuild());
        session.selectedVmaProperty().addListener((o, a, b) -> rebuild());
        session.eventProgressProperty().addListener((o, a, b) -> board.animate());
        session.stepStateProperty().addListener((o, a, b) -> board.animate());
    }

    @Override
    protected void layoutChildren() {
        scroll.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    @Override
    protected double computePrefWidth(double h) {
        return 1100;
    }

    @Override
    protected double computePrefHeight(double w) {
        return 700;
    }

    /** The box of the task with this pid (for tests), or null. */
    public Node taskBox(int pid) {
        return board.taskBoxes.get(pid);
    }

    /** The box of the mm_struct with this id (for tests), or null. */
    public Node mmBox(long mmId) {
        return board.mmBoxes.get(mmId);
    }

    /** How many mm_struct boxes are drawn. */
    public int mmBoxCount() {
        return board.mmBoxes.size();
    }

    private void rebuild() {
        before.clear();
        now.clear();
        Kernel k = session.kernel();
        if (k != null) {
            for (Mm mm : k.mms()) {
                Map<String, Long> b = session.stepState().step().numbersBefore(mm);
                if (b != null) before.put(mm.id(), b);
                now.put(mm.id(), MmNumbers.of(mm, Physical.rss(k, mm)));
            }
        }
        board.rebuild(k);
    }

    /** Where the boxes and arrows live; positions are computed in layoutChildren. */
    private final class Board extends Pane {
        final Map<Integer, VBox> taskBoxes = new LinkedHashMap<>();
        final Map<Long, VBox> mmBoxes = new LinkedHashMap<>();
        final Map<Long, Label[]> mmPointers = new HashMap<>();
        final Map<Long, VBox[]> sideBoxes = new HashMap<>();
        final Map<Task, Long> taskMm = new IdentityHashMap<>();
        final Group arrows = new Group();
        /** The arrows layoutArrows draws, swapped into {@link #arrows} in one go. */
        private final List<Node> pendingArrows = new ArrayList<>();
        Node flashing;

        Board() {
            getStyleClass().add(STYLE_CLASS);
        }

        void rebuild(Kernel k) {
            // the new children are built aside and swapped in at once: a look-up walking the scene from another
            // thread (TestFX) never meets the list half-built or emptied for long
            List<Node> kids = new ArrayList<>();
            taskBoxes.clear();
            mmBoxes.clear();
            mmPointers.clear();
            sideBoxes.clear();
            taskMm.clear();
            flashing = null;
            if (k == null || k.tasks().isEmpty()) {
                Label empty = new Label("No process yet: run  exec NAME x86_64");
                empty.getStyleClass().add("placeholder-text");
                empty.relocate(MARGIN, MARGIN);
                kids.add(empty);
                getChildren().setAll(kids);
                return;
            }
            Task selected = session.selectedTask();
            for (Task t : k.tasks()) {
                VBox box = taskBox(t, t == selected);
                taskBoxes.put(t.pid(), box);
                if (t.mm() != null) taskMm.put(t, t.mm().id());
                kids.add(box);
            }
            for (Mm mm : k.mms()) {
                VBox box = mmBox(k, mm);
                mmBoxes.put(mm.id(), box);
                VBox[] side = {listBox(mm), rbBox(mm), pgdBox(k, mm)};
                sideBoxes.put(mm.id(), side);
                kids.add(box);
                kids.addAll(java.util.Arrays.asList(side));
            }
            kids.add(arrows);
            getChildren().setAll(kids);
            animate();
            requestLayout();
        }

        private VBox taskBox(Task t, boolean selected) {
            VBox box = box("task_struct", "task-box");
            if (selected) box.getStyleClass().add(SELECTED);
            box.getChildren().addAll(
                plainField("pid", Integer.toString(t.pid())),
                plainField("tgid", t.tgid() + (t.isThread() ? " (thread)" : "")),
                plainField("comm", "\"" + t.comm() + "\""),
                pointer("mm", t.mm() == null ? "NULL" : "→ mm_struct #" + t.mm().id()));
            StepSignal last = Signals.last(t);
            if (last != null) {
                Label sig = plainField("sig", last.signal() + " at " + Sizes.hex(last.addr()));
                sig.getStyleClass().add("rb-red");
                box.getChildren().add(box.getChildren().size() - 1, sig);
            }
            box.setOnMouseClicked(e -> session.selectedPidProperty().set(t.pid()));
            return box;
        }

        private VBox mmBox(Kernel k, Mm mm) {
            VBox box = box("mm_struct #" + mm.id(), "mm-box");
            Label mmap = pointer("mmap", "→ VMA list");
            Label rb = pointer("mm_rb", "→ rb_root");
            Label pgd = pointer("pgd", "→ page table");
            mmPointers.put(mm.id(), new Label[] {mmap, rb, pgd});
            int digits = mm.profile().addressDigits() == 8 ? 8 : 12;
            Function<Long, String> hex = v -> "0x" + Sizes.hex(v, digits);
            box.getChildren().addAll(mmap, rb, pgd,
                field(mm.id(), "mm_users", Integer.toString(mm.users())),
                field(mm.id(), "map_count", Integer.toString(mm.mapCount())),
                field(mm.id(), "total_vm", Sizes.pages(mm.totalVm())),
                field(mm.id(), "start_code", hex.apply(mm.startCode())),
                field(mm.id(), "end_code", hex.apply(mm.endCode())),
                field(mm.id(), "start_data", hex.apply(mm.startData())),
                field(mm.id(), "end_data", hex.apply(mm.endData())),
                field(mm.id(), "start_brk", hex.apply(mm.startBrk())),
                field(mm.id(), "brk", hex.apply(mm.brk())),
                field(mm.id(), "start_stack", hex.apply(mm.startStack())),
                field(mm.id(), "mmap_base", hex.apply(mm.mmapBase())));
            Rss rss = Physical.rss(k, mm);
            if (rss != null) {
                box.getChildren().add(field(mm.id(), "rss", Sizes.pages(rss.pages())));
                box.getChildren().add(field(mm.id(), " ", "file " + rss.filePages() + ", anon " + rss.anonPages()
                    + (rss.shmemPages() == 0 ? "" : ", shmem " + rss.shmemPages())));
            }
            List<Task> users = k.tasksOf(mm);
            if (users.stream().anyMatch(t -> t == session.selectedTask())) box.getStyleClass().add(SELECTED);
            return box;
        }

        private VBox listBox(Mm mm) {
            VBox box = box("mmap (vm_next list)", "list-box");
            List<Vma> vmas = mm.vmas();
            long sel = session.selectedVmaProperty().get();
            for (int i = 0; i < Math.min(LIST_SHOWN, vmas.size()); i++) {
                box.getChildren().add(chip(mm, vmas.get(i), i == 0 ? "" : "→ ", sel));
            }
            if (vmas.size() > LIST_SHOWN) {
                Label more = new Label("→ … " + (vmas.size() - LIST_SHOWN) + " more → NULL");
                more.getStyleClass().add(FIELD);
                box.getChildren().add(more);
            } else {
                Label end = new Label(vmas.isEmpty() ? "NULL (no VMA)" : "→ NULL");
                end.getStyleClass().add(FIELD);
                box.getChildren().add(end);
            }
            return box;
        }

        private Label chip(Mm mm, Vma v, String prefix, long sel) {
            String name = ProcNames.name(mm, v);
            Label l = new Label(prefix + Sizes.hex(v.start(), 12) + " " + v.perms() + " "
                + (name == null ? "" : clip(shortName(name), 9)));
            l.getStyleClass().addAll(CHIP, "chip-" + VmaKind.of(mm, v).colour());
            if (v.start() == sel) l.getStyleClass().add(SELECTED);
            l.setMaxWidth(Double.MAX_VALUE);
            l.setOnMouseClicked(e -> session.selectedVmaProperty().set(v.start()));
            return l;
        }

        private VBox rbBox(Mm mm) {
            VBox box = box("mm_rb", "rb-box");
            IndexNode<Vma> root = mm.index().root();
            if (root == null) {
                box.getChildren().add(plainField("root", "NULL (empty)"));
                return box;
            }
            Label r = new Label("root  " + Sizes.hex(root.key(), 12) + (root.isRed() ? " red" : " black"));
            r.getStyleClass().addAll(FIELD, root.isRed() ? "rb-red" : "rb-black");
            box.getChildren().addAll(r,
                plainField("size", mm.index().size() + " nodes, height " + Math.max(0, height(root) - 1)));
            return box;
        }

        private VBox pgdBox(Kernel k, Mm mm) {
            VBox box = box("pgd", "pgd-box");
            box.getChildren().add(plainField("walk", mm.profile().levels() == 4 ? "PGD→PUD→PMD→PTE" : "PGD→PTE"));
            PhysicalMemory pm = Physical.of(k);
            if (pm != null) {
                List<TableInfo> tables = pm.tables(mm);
                if (!tables.isEmpty()) box.getChildren().add(plainField("pfn", tables.get(0).pfn() + ", "
                    + tables.size() + (tables.size() == 1 ? " table" : " tables")));
            }
            return box;
        }

        private VBox box(String title, String kindClass) {
            VBox box = new VBox();
            box.getStyleClass().addAll(BOX, kindClass);
            Label t = new Label(title);
            t.getStyleClass().add(TITLE);
            box.getChildren().add(t);
            return box;
        }

        private Label plainField(String name, String value) {
            Label l = new Label(pad(name) + value);
            l.getStyleClass().add(FIELD);
            return l;
        }

        /** A field of an mm, highlighted when the step on show changed it. */
        private Label field(long mmId, String name, String value) {
            Label l = plainField(name, value);
            Map<String, Long> was = before.get(mmId);
            Map<String, Long> is = now.get(mmId);
            if (was != null && is != null && was.containsKey(name) && !was.get(name).equals(is.get(name))) {
                l.pseudoClassStateChanged(CHANGED, true);
            }
            return l;
        }

        private Label pointer(String name, String target) {
            Label l = new Label(pad(name) + target);
            l.getStyleClass().addAll(FIELD, POINTER);
            return l;
        }

        /** The box the current event is about fades in while the event plays. */
        void animate() {
            Change e = session.stepState().change();
            Node target = null;
            if (e.kind() == Change.Kind.TASK_CREATED) target = taskBoxes.get(e.pid());
            else if (e.isMmChange()) {
                VBox[] side = sideBoxes.get(e.mmId());
                if (side != null) target = e.kind() == Change.Kind.BRK_MOVED ? mmBoxes.get(e.mmId()) : side[0];
            }
            if (flashing != null && flashing != target) flashing.setOpacity(1);
            flashing = target;
            if (target != null) target.setOpacity(Motion.lerp(0.25, 1, Motion.ease(
                session.eventProgressProperty().get())));
        }

        @Override
        protected void layoutChildren() {
            for (Node n : getChildren()) {
                if (n != arrows) n.autosize();
            }
            // three columns sized by their widest box: tasks, mm_structs, and each mm's list/tree/pgd
            double xTask = MARGIN;
            double xMm = xTask + maxWidth(taskBoxes.values()) + COLUMN_GAP;
            double xSide = xMm + maxWidth(mmBoxes.values()) + COLUMN_GAP;
            double y = MARGIN;
            for (VBox box : taskBoxes.values()) {
                box.relocate(xTask, y);
                y += box.getHeight() + GAP;
            }
            double mmBottom = MARGIN;
            for (Map.Entry<Long, VBox> e : mmBoxes.entrySet()) {
                double top = Math.max(mmBottom, firstTaskY(e.getKey()));
                VBox box = e.getValue();
                box.relocate(xMm, top);
                double sideY = top;
                for (VBox side : sideBoxes.get(e.getKey())) {
                    side.relocate(xSide, sideY);
                    sideY += side.getHeight() + 14;
                }
                mmBottom = Math.max(top + box.getHeight(), sideY) + GAP * 1.5;
            }
            layoutArrows();
        }

        private double maxWidth(java.util.Collection<VBox> boxes) {
            double w = 0;
            for (VBox b : boxes) w = Math.max(w, b.getWidth());
            return w;
        }

        private double firstTaskY(long mmId) {
            for (Map.Entry<Task, Long> e : taskMm.entrySet()) {
                if (e.getValue() == mmId) {
                    VBox b = taskBoxes.get(e.getKey().pid());
                    if (b != null) return b.getLayoutY();
                }
            }
            return MARGIN;
        }

        private void layoutArrows() {
            pendingArrows.clear();
            for (Map.Entry<Task, Long> e : taskMm.entrySet()) {
                VBox from = taskBoxes.get(e.getKey().pid());
                VBox to = mmBoxes.get(e.getValue());
                if (from == null || to == null) continue;
                Label mmField = (Label) from.getChildren().get(from.getChildren().size() - 1);
                arrow(from.getLayoutX() + from.getWidth(), rowY(from, mmField), to.getLayoutX(),
                    to.getLayoutY() + 18, 0);
            }
            for (Map.Entry<Long, VBox> e : mmBoxes.entrySet()) {
                VBox mmBox = e.getValue();
                Label[] ptr = mmPointers.get(e.getKey());
                VBox[] side = sideBoxes.get(e.getKey());
                for (int i = 0; i < 3; i++) {
                    arrow(mmBox.getLayoutX() + mmBox.getWidth(), rowY(mmBox, ptr[i]), side[i].getLayoutX(),
                        side[i].getLayoutY() + 18, (i - 1) * 10);
                }
            }
            arrows.getChildren().setAll(pendingArrows);
        }

        private double rowY(VBox box, Label row) {
            Bounds b = row.getBoundsInParent();
            return box.getLayoutY() + (b.getMinY() + b.getMaxY()) / 2;
        }

        /** An elbow connector: out to the right, down or up in the gap (shifted by {@code lane}), then in. */
        private void arrow(double x0, double y0, double x1, double y1, double lane) {
            double mid = (x0 + x1) / 2 + lane;
            Polyline line = new Polyline(x0, y0, mid, y0, mid, y1, x1 - 9, y1);
            line.getStyleClass().add(ARROW);
            Polygon head = new Polygon(x1, y1, x1 - 11, y1 - 6, x1 - 11, y1 + 6);
            head.getStyleClass().add(ARROW_HEAD);
            Circle tail = new Circle(x0, y0, 4);
            tail.getStyleClass().add(ARROW_HEAD);
            pendingArrows.addAll(List.of(line, head, tail));
        }

        @Override
        protected double computePrefWidth(double h) {
            double w = 0;
            for (Node n : getChildren()) {
                if (n != arrows) w = Math.max(w, n.getLayoutX() + n.prefWidth(-1));
            }
            return w + MARGIN;
        }

        @Override
        protected double computePrefHeight(double w) {
            double max = 0;
            for (Node n : getChildren()) {
                if (n == arrows) continue;
                max = Math.max(max, n.getLayoutY() + n.prefHeight(-1));
            }
            return max + MARGIN;
        }
    }

    /** The field name padded to the widest name of its struct, so values line up. */
    private static String pad(String name) {
        int w = FIELD_WIDTH.getOrDefault(name, name.length());
        return name + " ".repeat(Math.max(1, w - name.length() + 1));
    }

    private static final Map<String, Integer> FIELD_WIDTH = new HashMap<>();

    static {
        for (String f : List.of("pid", "tgid", "comm", "mm", "sig")) FIELD_WIDTH.put(f, 4);
        for (String f : List.of("mmap", "mm_rb", "pgd", "mm_users", "map_count", "total_vm", "start_code", "end_code",
            "start_data", "end_data", "start_brk", "brk", "start_stack", "mmap_base", "rss", " ")) {
            FIELD_WIDTH.put(f, 11);
        }
        for (String f : List.of("root", "size", "walk", "pfn")) FIELD_WIDTH.put(f, 4);
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    private static String shortName(String name) {
        int slash = name.lastIndexOf('/');
        return slash >= 0 ? name.substring(slash + 1) : name;
    }

    /** Levels of nodes below and including n (the tree height in edges is this less one). */
    private static int height(IndexNode<Vma> n) {
        return n == null ? 0 : 1 + Math.max(height(n.left()), height(n.right()));
    }
}
