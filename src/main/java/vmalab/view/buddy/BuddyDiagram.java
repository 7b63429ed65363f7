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
import vmalab.model.buddy.BuddyEvent;
import vmalab.model.event.SimEvent;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.model.paging.PageInfo;
import vmalab.model.paging.PhysicalMemory;
import vmalab.view.buddy.FreeListState.Block;
import vmalab.view.tree.Legend;
import vmalab.view.tree.Swatch;
import vmalab.viewmodel.Physical;

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
    private BuddyFrames frames;
    private FreeListState lastLists;
    private int[] lastColours;
    private int lastVersion = Integer.MIN_VALUE;
    private String buddyinfo = "";
    private int eventCount;

    public BuddyPalette palette() {
        return pal;
    }

    /** Takes the kernel's state at {@code version}; replays the operation's steps if it follows the last one. */
    public void show(Kernel k, List<SimEvent> events, int version) {
        kernel = k;
        eventCount = events.size();
        pm = Physical.of(k);
        if (pm == null) {
            owners = null;
            frames = null;
            lastLists = null;
            lastVersion = version;
            return;
        }
        List<List<Long>> endLists = pm.buddy().freeLists();
        FreeListState end = FreeListState.of(endLists);
        owners = FrameOwners.of(pm, k, pal);
        boolean next = version == lastVersion + 1;
        frames = next ? BuddyFrames.replay(lastLists, lastColours, events, endLists, end, owners.argb)
            : BuddyFrames.still(end, owners.argb);
        lastLists = end;
        lastColours = owners.argb;
        lastVersion = version;
    }

    public boolean hasMemory() {
        return pm != null;
    }

    public String title() {
        if (pm == null) return "Physical memory: none (the kernel runs without a physical memory model)";
        long frames = pm.frames();
        return String.format(Locale.ROOT, "Physical memory: %d frames of 4 KiB (%d MiB), %d free", frames,
            frames * 4 / 1024, pm.freeFrames());
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

    /** Paints the state at the cursor; returns the caption of the step shown. */
    public String paint(GraphicsContext g, double w, double h, int cursor, double progress, boolean reduceMotion,
                        BitSet selected) {
        g.setFill(pal.background.color());
        g.fillRect(0, 0, w, h);
        if (pm == null || frames == null) {
            buddyinfo = "";
            return " ";
        }
        double gridW = grid.layout(pm.frames(), 8, 8, Math.min(w * 0.5, h + 40), h - 16);
        int k = reduceMotion ? frames.last() : frames.frameAtCursor(cursor);
        BuddyFrames.Step step = k > 0 && !reduceMotion && frames.animated() ? frames.step(k) : null;
        boolean moving = step != null && step.eventIndex() == cursor - 1 && progress < 1;
        if (k >= frames.last() && progress >= 1 && cursor >= eventCount) step = null;
        FreeListState to = frames.state(k);
        FreeListState from = moving ? frames.state(k - 1) : to;
        int[] colours = reduceMotion ? frames.coloursAt(Integer.MAX_VALUE) : frames.coloursAt(cursor);
        grid.paint(g, colours, owners.shared, selected);
        Block subject = step == null ? null : subject(step.event());
        if (subject != null) grid.outline(g, subject.pfn(), subject.order(), pal.step.color(), 3);
        lists.layout(gridW + 30, 8, w - gridW - 38, h - 16, to.orders());
        lists.paint(g, from, to, moving ? progress : 1, subject);
        buddyinfo = buddyinfoLine(to);
        return step == null ? " " : "step " + k + " of " + frames.last() + ": " + step.caption();
    }

    private static Block subject(BuddyEvent e) {
        if (e instanceof BuddyEvent.ListDel d) return new Block(d.pfn(), d.order());
        if (e instanceof BuddyEvent.ListAdd a) return new Block(a.pfn(), a.order());
        if (e instanceof BuddyEvent.Split s) return new Block(s.pfn(), s.order() - 1);
        if (e instanceof BuddyEvent.Merge m) return new Block(m.pfn() & m.buddyPfn(), m.order() + 1);
        if (e instanceof BuddyEvent.Allocated a) return new Block(a.pfn(), a.order());
        if (e instanceof BuddyEvent.Freed f) return new Block(f.pfn(), f.order());
        return null;
    }

    /** /proc/buddyinfo for the lists shown, in mm/vmstat.c: frag_show_print()'s format. */
    private static String buddyinfoLine(FreeListState s) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "Node %s, zone %8s ", "0", "Normal"));
        for (int o = 0; o < s.orders(); o++) line.append(String.format(Locale.ROOT, "%6d ", s.list(o).size()));
        return line.toString();
    }
}
