package vmalab.view.buddy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.FlowPane;
import vmalab.model.Kernel;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.model.paging.PageInfo;
import vmalab.model.paging.PhysicalMemory;
import vmalab.viewmodel.fold.FreeListState.Block;
import vmalab.view.tree.Legend;
import vmalab.view.tree.Swatch;
import vmalab.viewmodel.Physical;
import vmalab.viewmodel.fold.FreeListState;
import vmalab.viewmodel.fold.BuddyAt;
import vmalab.viewmodel.fold.BuddyFrames;
import vmalab.viewmodel.fold.StepState;
import vmalab.model.paging.FrameKind;

/**
 * The picture behind {@link vmalab.view.BuddyView}: the frame grid and the free lists at the event cursor, the
 * frames of the selected VMA lit, and /proc/buddyinfo for the same state.
 */
public final class BuddyDiagram {
    private final BuddyPalette pal = new BuddyPalette();
    private final FrameGrid grid = new FrameGrid(pal);
    private final FreeListPainter lists = new FreeListPainter(pal);
    private PhysicalMemory pm;
    private Kernel kernel;
    private FrameOwners owners;
    private String buddyinfo = "";
    private long freeShown = -1;

    public BuddyPalette palette() {
        return pal;
    }

    /** Takes the kernel's end state: who owns each frame (the folded state says what differs at the cursor). */
    public void show(Kernel k) {
        kernel = k;
        pm = Physical.of(k);
        owners = pm == null ? null : FrameOwners.of(pm, k, pal);
    }

    public boolean hasMemory() {
        return pm != null;
    }

    public String title() {
        if (pm == null) return "Physical memory: none (the kernel runs without a physical memory model)";
        long frames = pm.frames();
        return String.format(Locale.ROOT, "Physical memory: %d frames of 4 KiB (%d MiB), %d free", frames,
            frames * 4 / 1024, freeShown >= 0 ? freeShown : pm.freeFrames());
    }

    public FlowPane legend() {
        List<Node> items = new ArrayList<>(List.of(
            Legend.item(pal.free, "free"), Legend.item(pal.kernel, "kernel"),
            Legend.item(pal.pageTable, "page table"), Legend.item(pal.pageCache, "page cache"),
            Legend.item(pal.shmem, "shmem"), Legend.item(pal.allocPages, "alloc_pages")));
        if (owners != null) {
            for (int i = 0; i < owners.mms.size(); i++) {
                Swatch s = new Swatch("buddy-legend-process", pal.process(i));
                items.add(Legend.item(s, "anon: " + FrameOwners.name(kernel, owners.mms.get(i))));
            }
        }
        items.add(Legend.label("○ shared (mapped twice)"));
        items.add(Legend.item(pal.step, "step being shown"));
        return Legend.of(items.toArray(Node[]::new));
    }

    /** Frames the VMA's present PTEs map (the zero page excluded). */
    public BitSet framesOf(Mm mm, Vma vma) {
        BitSet b = new BitSet();
        if (pm == null || mm == null || vma == null) return b;
        for (PageInfo p : pm.pages(mm, vma)) {
            if (p.pte().present() && !p.pte().zero()) b.set((int) p.pte().frame());
        }
        return b;
    }

    public Point2D frameCentre(long pfn) {
        return grid.centre(pfn);
    }

    public long frameAt(double x, double y) {
        return grid.frameAt(x, y);
    }

    public String buddyinfo() {
        return buddyinfo;
    }

    /** Paints the folded state at its cursor; returns the caption of the step shown. */
    public String paint(GraphicsContext g, double w, double h, StepState state, double progress, BitSet selected) {
        g.setFill(pal.background.color());
        g.fillRect(0, 0, w, h);
        BuddyAt at = state.buddy();
        if (pm == null || owners == null || at == null) {
            buddyinfo = "";
            freeShown = -1;
            return " ";
        }
        int cursor = state.cursor();
        double gridW = grid.layout(pm.frames(), 8, 8, Math.min(w * 0.5, h + 40), h - 16);
        BuddyFrames.Step step = at.step();
        boolean moving = step != null && step.eventIndex() == cursor - 1 && progress < 1;
        if (state.atEnd() && progress >= 1) step = null;
        FreeListState to = at.lists();
        FreeListState from = moving ? at.frames().state(at.frame() - 1) : to;
        grid.paint(g, coloursAt(state), owners.shared, selected);
        Block subject = step == null ? null : step.subject();
        if (subject != null) grid.outline(g, subject.pfn(), subject.order(), pal.step.color(), 3);
        lists.layout(gridW + 30, 8, w - gridW - 38, h - 16, to.orders());
        lists.paint(g, from, to, moving ? progress : 1, subject);
        buddyinfo = buddyinfoLine(to);
        freeShown = at.freeFrames();
        return step == null ? " " : "step " + at.frame() + " of " + at.frames().last() + ": " + step.caption();
    }

    /** The end state's frame colours, with the frames a later event changes in their kind at the cursor. */
    private int[] coloursAt(StepState state) {
        if (state.atEnd()) return owners.argb;
        int[] c = owners.argb.clone();
        for (int p = 0; p < c.length; p++) {
            FrameKind k = state.frameKindAt(p);
            if (k != null) c[p] = Swatch.toArgb(pal.frame(k, -1));
        }
        return c;
    }

    /** /proc/buddyinfo for the lists shown, in mm/vmstat.c: frag_show_print()'s format. */
    private static String buddyinfoLine(FreeListState s) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "Node %s, zone %8s ", "0", "Normal"));
        for (int o = 0; o < s.orders(); o++) line.append(String.format(Locale.ROOT, "%6d ", s.list(o).size()));
        return line.toString();
    }
}
