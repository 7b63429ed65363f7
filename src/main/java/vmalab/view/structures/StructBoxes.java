package vmalab.view.structures;

import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.IntConsumer;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import vmalab.io.ProcNames;
import vmalab.model.Kernel;
import vmalab.model.mm.IndexNode;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Task;
import vmalab.model.mm.Vma;
import vmalab.model.paging.PhysicalMemory;
import vmalab.model.paging.Rss;
import vmalab.model.paging.TableInfo;
import vmalab.view.paint.TextFit;
import vmalab.view.paint.Type;
import vmalab.viewmodel.Physical;
import vmalab.viewmodel.Sizes;
import vmalab.viewmodel.VmaKind;
import vmalab.viewmodel.fold.Signals;
import vmalab.viewmodel.fold.StepSignal;

/**
 * The boxes of the Structures view, one per kernel struct: task_struct, mm_struct, and each mm's vm_next list,
 * mm_rb root and pgd. Numbers read as everywhere else ({@link Sizes}); a name too long for its chip is shortened
 * on purpose ({@link TextFit}) and every chip carries its whole VMA in a tooltip. Builds nodes only; reading the
 * model, never changing it.
 */
public final class StructBoxes {
    public static final String BOX = "struct-box";
    public static final String TITLE = "struct-title";
    public static final String FIELD = "struct-field";
    public static final String POINTER = "struct-pointer";
    public static final String SELECTED = "selected";
    public static final String CHIP = "vma-chip";
    /** The chip font's size in em of the view's base size (vmalab.css, panes block). */
    public static final double CHIP_EM = 14.0 / 15.0;
    /** The widest VMA name a chip shows, in characters of the chip font; longer names are shortened. */
    static final int NAME_CHARS = 16;
    /** Up to this many VMAs the vm_next list shows them all; past it the head, a count and the tail. */
    public static final int LIST_ALL = 16;
    static final int LIST_HEAD = 12;
    static final int LIST_TAIL = 3;
    private static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");

    private final Map<Long, Map<String, Long>> before;
    private final Map<Long, Map<String, Long>> now;
    private final double basePx;
    private final LongConsumer selectVma;
    private final IntConsumer selectPid;

    /**
     * {@code before}/{@code now}: each mm's numbers before the step on show and now (what "changed" compares);
     * {@code basePx}: the view's field font size in px at the current font scale.
     */
    public StructBoxes(Map<Long, Map<String, Long>> before, Map<Long, Map<String, Long>> now, double basePx,
                       IntConsumer selectPid, LongConsumer selectVma) {
        this.before = before;
        this.now = now;
        this.basePx = basePx;
        this.selectPid = selectPid;
        this.selectVma = selectVma;
    }

    public VBox taskBox(Task t, boolean selected) {
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
        box.setOnMouseClicked(e -> selectPid.accept(t.pid()));
        return box;
    }

    /** The mm_struct box; its first three rows are the mmap, mm_rb and pgd pointers (the arrows start there). */
    public VBox mmBox(Kernel k, Mm mm, boolean selected) {
        VBox box = box("mm_struct #" + mm.id(), "mm-box");
        int digits = mm.profile().addressDigits() == 8 ? 8 : 12;
        box.getChildren().addAll(
            pointer("mmap", "→ VMA list"),
            // Linux 6.1+: struct mm_struct holds struct maple_tree mm_mt where it held mm_rb (mm_types.h)
            mm.index().isMaple() ? pointer("mm_mt", "→ maple_tree") : pointer("mm_rb", "→ rb_root"),
            pointer("pgd", "→ page table"),
            field(mm.id(), "mm_users", Integer.toString(mm.users())),
            field(mm.id(), "map_count", Integer.toString(mm.mapCount())),
            field(mm.id(), "total_vm", pagesAndSize(mm.totalVm())),
            field(mm.id(), "start_code", addr(mm.startCode(), digits)),
            field(mm.id(), "end_code", addr(mm.endCode(), digits)),
            field(mm.id(), "start_data", addr(mm.startData(), digits)),
            field(mm.id(), "end_data", addr(mm.endData(), digits)),
            field(mm.id(), "start_brk", addr(mm.startBrk(), digits)),
            field(mm.id(), "brk", addr(mm.brk(), digits)),
            field(mm.id(), "start_stack", addr(mm.startStack(), digits)),
            field(mm.id(), "mmap_base", addr(mm.mmapBase(), digits)));
        Rss rss = Physical.rss(k, mm);
        if (rss != null) {
            box.getChildren().add(field(mm.id(), "rss", pagesAndSize(rss.pages())));
            box.getChildren().add(field(mm.id(), " ", "file " + rss.filePages() + ", anon " + rss.anonPages()
                + (rss.shmemPages() == 0 ? "" : ", shmem " + rss.shmemPages())));
        }
        if (selected) box.getStyleClass().add(SELECTED);
        return box;
    }

    public VBox listBox(Mm mm, long selectedVma) {
        VBox box = box("mmap (vm_next list)", "list-box");
        List<Vma> vmas = mm.vmas();
        int n = vmas.size();
        boolean all = n <= LIST_ALL;
        int head = all ? n : LIST_HEAD;
        for (int i = 0; i < head; i++) box.getChildren().add(chip(mm, vmas.get(i), i == 0 ? "" : "→ ", selectedVma));
        if (!all) {
            Label more = new Label("→ … " + (n - LIST_HEAD - LIST_TAIL) + " more VMAs");
            more.getStyleClass().add(FIELD);
            box.getChildren().add(more);
            for (int i = n - LIST_TAIL; i < n; i++) box.getChildren().add(chip(mm, vmas.get(i), "→ ", selectedVma));
        }
        Label end = new Label(vmas.isEmpty() ? "NULL (no VMA)" : "→ NULL");
        end.getStyleClass().add(FIELD);
        box.getChildren().add(end);
        return box;
    }

    private Label chip(Mm mm, Vma v, String prefix, long sel) {
        int digits = mm.profile().addressDigits() == 8 ? 8 : 12;
        String name = ProcNames.name(mm, v);
        String shown = name == null ? "" : fitName(shortName(name));
        Label l = new Label(prefix + addr(v.start(), digits) + " " + v.perms() + (shown.isEmpty() ? "" : " " + shown));
        l.getStyleClass().addAll(CHIP, "chip-" + VmaKind.of(mm, v).colour());
        if (v.start() == sel) l.getStyleClass().add(SELECTED);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setTooltip(new Tooltip(addr(v.start(), digits) + "–" + addr(v.end(), digits) + " " + v.perms() + "  "
            + Sizes.human(v.end() - v.start()) + (name == null ? "" : "\n" + name)));
        l.setOnMouseClicked(e -> selectVma.accept(v.start()));
        return l;
    }

    /** A VMA's name cut to the chip's name column: the middle goes, so "libc.so.6"'s version end stays. */
    private String fitName(String name) {
        Font f = Font.font(Type.MONO, basePx * CHIP_EM);
        double max = TextFit.width("m".repeat(NAME_CHARS), f);
        return TextFit.middle(name, f, max);
    }

    public VBox rbBox(Mm mm) {
        if (mm.index().isMaple()) {
            VBox box = box("mm_mt (maple tree)", "rb-box");
            box.getChildren().add(plainField("root", "see the Maple tree tab"));
            return box;
        }
        VBox box = box("mm_rb", "rb-box");
        IndexNode<Vma> root = mm.index().root();
        if (root == null) {
            box.getChildren().add(plainField("root", "NULL (empty)"));
            return box;
        }
        int digits = mm.profile().addressDigits() == 8 ? 8 : 12;
        Label r = new Label(pad("root") + addr(root.key(), digits) + (root.isRed() ? " red" : " black"));
        r.getStyleClass().addAll(FIELD, root.isRed() ? "rb-red" : "rb-black");
        box.getChildren().addAll(r,
            plainField("size", mm.index().size() + " nodes, height " + Math.max(0, height(root) - 1)));
        return box;
    }

    public VBox pgdBox(Kernel k, Mm mm) {
        VBox box = box("pgd", "pgd-box");
        box.getChildren().add(plainField("walk", mm.profile().levels() == 4 ? "PGD→PUD→PMD→PTE" : "PGD→PTE"));
        PhysicalMemory pm = Physical.of(k);
        if (pm != null) {
            List<TableInfo> tables = pm.tables(mm);
            if (!tables.isEmpty()) {
                box.getChildren().add(plainField("pfn", Sizes.frame(tables.get(0).pfn())));
                box.getChildren().add(plainField("all", tables.size() + (tables.size() == 1 ? " table" : " tables")
                    + ", " + Sizes.human(tables.size() * 4096L)));
            }
        }
        return box;
    }

    private static VBox box(String title, String kindClass) {
        VBox box = new VBox();
        box.getStyleClass().addAll(BOX, kindClass);
        Label t = new Label(title);
        t.getStyleClass().add(TITLE);
        box.getChildren().add(t);
        return box;
    }

    private static Label plainField(String name, String value) {
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

    private static Label pointer(String name, String target) {
        Label l = new Label(pad(name) + target);
        l.getStyleClass().addAll(FIELD, POINTER);
        return l;
    }

    private static String addr(long v, int digits) {
        return "0x" + Sizes.hex(v, digits);
    }

    /** {@code 635 pages (2.5 MiB)}. */
    static String pagesAndSize(long pages) {
        return Sizes.pages(pages) + " (" + Sizes.human(pages * 4096L) + ")";
    }

    /** The field name padded to the widest name of its struct, so values line up. */
    private static String pad(String name) {
        int w = FIELD_WIDTH.getOrDefault(name, name.length());
        return name + " ".repeat(Math.max(1, w - name.length() + 1));
    }

    private static final Map<String, Integer> FIELD_WIDTH = new java.util.HashMap<>();

    static {
        for (String f : List.of("pid", "tgid", "comm", "mm", "sig")) FIELD_WIDTH.put(f, 4);
        for (String f : List.of("mmap", "mm_rb", "mm_mt", "pgd", "mm_users", "map_count", "total_vm", "start_code", "end_code",
            "start_data", "end_data", "start_brk", "brk", "start_stack", "mmap_base", "rss", " ")) {
            FIELD_WIDTH.put(f, 11);
        }
        for (String f : List.of("root", "size", "walk", "pfn", "all")) FIELD_WIDTH.put(f, 4);
    }

    private static String shortName(String name) {
        int slash = name.lastIndexOf('/');
        return slash >= 0 && slash < name.length() - 1 ? name.substring(slash + 1) : name;
    }

    /** Levels of nodes below and including n (the tree height in edges is this less one). */
    private static int height(IndexNode<Vma> n) {
        return n == null ? 0 : 1 + Math.max(height(n.left()), height(n.right()));
    }
}
