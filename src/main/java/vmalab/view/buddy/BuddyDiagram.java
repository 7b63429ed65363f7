package vmalab.view.buddy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.geometry.VPos;
import javafx.scene.layout.FlowPane;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import vmalab.view.paging.CanvasTips;
import vmalab.view.paint.Pen;
import vmalab.view.paint.TextFit;
import vmalab.view.paint.Type;
import vmalab.viewmodel.Sizes;
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
    private final FrameMap map = new FrameMap(pal);
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

    /** How many frames physical memory has (0 without a physical memory model). */
    public int frames() {
        return pm == null ? 0 : pm.frames();
    }

    public boolean hasMemory() {
        return pm != null;
    }

    public String title() {
        if (pm == null) return "Physical memory: none (the kernel runs without a physical memory model)";
        long frames = pm.frames();
        return String.format(Locale.ROOT, "Physical memory: %d frames of 4 KiB (%s), %d free", frames,
            Sizes.human(frames * 4096L), freeShown >= 0 ? freeShown : pm.freeFrames());
    }

    public FlowPane legend() {
        List<Node> items = new ArrayList<>(List.of(
            Legend.item(pal.free, "free"), Legend.item(pal.kernel, "kernel"),
            Legend.item(pal.pageTable, "page table"), Legend.item(pal.pageCache, "page cache"),
            Legend.item(pal.shmem, "shmem"), Legend.item(pal.allocPages, "alloc_pages"),
            Legend.item(new Swatch(BuddyPalette.ZERO_PAGE), "zero page"),
            Legend.item(new Swatch(BuddyPalette.COW), "COW-shared (anon, mapped twice)")));
        if (owners != null) {
            for (int i = 0; i < owners.mms.size(); i++) {
                Swatch s = new Swatch("buddy-legend-process", pal.process(i));
                items.add(Legend.item(s, "anon: " + FrameOwners.name(kernel, owners.mms.get(i))));
            }
        }
        items.add(Legend.label("○ file/shmem mapped twice"));
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
        return map.centre(pfn);
    }

    public long frameAt(double x, double y) {
        return map.frameAt(x, y);
    }

    /** The frame under (x, y) on the minimap of all memory, or -1. */
    public long miniAt(double x, double y) {
        return map.miniAt(x, y);
    }

    /** The frame map's zoom: back to the frames in use, all memory, by a factor, by rows, onto a frame. */
    public void fitUsed() { map.fitUsed(); }
    public void showAll() { map.showAll(); }
    public void zoom(double factor) { map.zoom(factor); }
    public void scrollMap(int rows) { map.scroll(rows); }
    public void centreOn(long pfn) { map.centreOn(pfn); }
    public boolean fitsUsed() { return map.fitsUsed(); }

    /** The side of a frame cell in the last paint, px. */
    public int cellSize() { return map.cell(); }

    /** The first frame and the number of frames of the zoomed window in the last paint. */
    public long windowFirst() { return map.first(); }
    public long windowFrames() { return map.shown(); }

    /**
     * The lowest and highest frame in use, or {-1, -1}: the frames the lesson made (page tables, page cache,
     * anonymous, alloc_pages and the zero page); the kernel image's reserve at the bottom only when nothing else
     * is in use, since it would take the whole window and tell nothing.
     */
    public long[] usedRange() {
        if (pm == null) return new long[] {-1, -1};
        long lo = -1;
        long hi = -1;
        long zero = pm.zeroPfn();
        for (int p = 0; p < pm.frames(); p++) {
            FrameKind k = pm.frameKind(p);
            if (k != FrameKind.FREE && k != FrameKind.KERNEL || p == zero) {
                if (lo < 0) lo = p;
                hi = p;
            }
        }
        if (lo >= 0) return new long[] {lo, hi};
        for (int p = 0; p < pm.frames(); p++) {
            if (pm.frameKind(p) != FrameKind.FREE) {
                if (lo < 0) lo = p;
                hi = p;
            }
        }
        return new long[] {lo, hi};
    }

    public String buddyinfo() {
        return buddyinfo;
    }

    /** Where the parts go across {@code w}: the map beside the lists when both fit, else above them. */
    private record Plan(boolean beside, double mapW, double mapH, double listX, double listY, double listW,
                        double infoY, double height) {
    }

    private Plan plan(Type t, double w, double mapH, FreeListState lists) {
        int orders = lists == null ? 11 : lists.orders();
        int frames = pm == null ? 1 : pm.frames();
        this.lists.measure(t, frames, orders);
        double pad = t.px(10);
        double gap = t.px(24);
        double inner = Math.max(1, w - 2 * pad);
        int longest = 0;
        if (lists != null) for (int o = 0; o < orders; o++) longest = Math.max(longest, lists.list(o).size());
        double listNat = this.lists.naturalWidth(Math.min(longest, 8));
        double listMin = Math.min(listNat, this.lists.minWidth() + t.px(150));
        double mapMin = t.px(320);
        double listsH = this.lists.height(orders);
        double infoH = infoHeight(null, t, 0, 0, inner);
        if (inner >= mapMin + gap + listMin) {
            double lw = Math.min(listNat, Math.max(listMin, inner * 0.5));
            double mw = inner - lw - gap;
            double body = Math.max(mapH, listsH);
            return new Plan(true, mw, body, pad + mw + gap, pad, lw, pad + body + pad, pad + body + pad + infoH + pad);
        }
        double ly = pad + mapH + gap;
        double iy = ly + listsH + pad;
        return new Plan(false, inner, mapH, pad, ly, inner, iy, iy + infoH + pad);
    }

    /** How tall the diagram is across {@code w} with a frame map {@code mapH} tall. */
    public double contentHeight(Type t, double w, double mapH, StepState state) {
        BuddyAt at = state == null ? null : state.buddy();
        return plan(t, w, mapH, at == null ? null : at.lists()).height();
    }

    /** The narrowest the diagram can be with every label whole: the free lists' labels, hand and one block. */
    public double minWidth(Type t, StepState state) {
        BuddyAt at = state == null ? null : state.buddy();
        FreeListState l = at == null ? null : at.lists();
        lists.measure(t, pm == null ? 1 : pm.frames(), l == null ? 11 : l.orders());
        return Math.ceil(2 * t.px(10) + lists.minWidth());
    }

    /** A comfortable width for the diagram at {@code t}: the lists at their natural width beside a map. */
    public double naturalWidth(Type t, StepState state) {
        BuddyAt at = state == null ? null : state.buddy();
        FreeListState l = at == null ? null : at.lists();
        lists.measure(t, pm == null ? 1 : pm.frames(), l == null ? 11 : l.orders());
        int longest = 0;
        if (l != null) for (int o = 0; o < l.orders(); o++) longest = Math.max(longest, l.list(o).size());
        return Math.ceil(2 * t.px(10) + t.px(560) + t.px(24) + lists.naturalWidth(Math.min(longest, 8)));
    }

    /** Paints the folded state at its cursor; returns the caption of the step shown. */
    public String paint(Pen g, Type t, double w, double h, double mapH, StepState state, double progress,
                        BitSet selected, CanvasTips tips) {
        g.setFill(pal.background.color());
        g.fillRect(0, 0, w, h);
        if (tips != null) tips.clear();
        BuddyAt at = state.buddy();
        if (pm == null || owners == null || at == null) {
            buddyinfo = "";
            freeShown = -1;
            return " ";
        }
        int cursor = state.cursor();
        FreeListState to = at.lists();
        Plan p = plan(t, w, mapH, to);
        long[] used = usedRange();
        double pad = t.px(10);
        map.layout(t, pm.frames(), used[0], used[1], pad, pad, p.mapW(), p.mapH());
        BuddyFrames.Step step = at.step();
        boolean moving = step != null && step.eventIndex() == cursor - 1 && progress < 1;
        if (state.atEnd() && progress >= 1) step = null;
        FreeListState from = moving ? at.frames().state(at.frame() - 1) : to;
        map.paint(g, t, coloursAt(state), owners.shared, selected, owners, tips);
        Block subject = step == null ? null : step.subject();
        if (subject != null) map.outline(g, subject.pfn(), subject.order(), pal.step.color(), t.line(3));
        lists.layout(p.listX(), p.listY(), p.listW(), to.orders());
        lists.paint(g, from, to, moving ? progress : 1, subject, tips);
        buddyinfo = buddyinfoLine(to);
        infoHeight(g, t, pad, p.infoY(), Math.max(1, w - 2 * pad));
        freeShown = at.freeFrames();
        return step == null ? " " : "step " + at.frame() + " of " + at.frames().last() + ": " + step.caption();
    }

    /**
     * The /proc/buddyinfo block under the diagram: a title and the line, the counts wrapped onto more rows
     * when the line is wider than {@code w}. With a null pen only measures; returns the height.
     */
    private double infoHeight(Pen g, Type t, double x, double y, double w) {
        Font tf = t.bold(14);
        Font mf = t.monoBold(15);
        double th = TextFit.lineHeight(tf);
        double mh = TextFit.lineHeight(mf);
        String title = TextFit.first(tf, w, "/proc/buddyinfo: free blocks of order 0, 1, 2 … 10 (mm/vmstat.c)",
            "/proc/buddyinfo: free blocks of order 0 to 10", "/proc/buddyinfo", "buddyinfo");
        List<String> lines = wrapInfo(buddyinfo, mf, w);
        if (g != null) {
            g.setFill(pal.text.color());
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.setFont(tf);
            g.fillText(title, x, y);
            g.setFont(mf);
            for (int i = 0; i < lines.size(); i++) g.fillText(lines.get(i), x, y + th + t.px(4) + i * mh);
        }
        return th + t.px(4) + Math.max(1, lines.size()) * mh;
    }

    /** The line whole if it fits, else its "Node 0, zone Normal" head and then as many counts a row as fit. */
    static List<String> wrapInfo(String line, Font f, double w) {
        List<String> out = new ArrayList<>();
        String s = line.stripTrailing();
        if (s.isEmpty() || TextFit.fits(s, f, w)) {
            out.add(s);
            return out;
        }
        String[] parts = s.trim().split("\\s+");
        // "Node", "0,", "zone", "Normal", counts...
        int headN = Math.min(4, parts.length);
        String head = String.join(" ", java.util.Arrays.copyOfRange(parts, 0, headN));
        if (TextFit.fits(head, f, w) || headN < 4) {
            out.add(head);
        } else {
            out.add(parts[0] + " " + parts[1]);
            out.add(parts[2] + " " + parts[3]);
        }
        StringBuilder row = new StringBuilder();
        for (int i = headN; i < parts.length; i++) {
            String cell = String.format(Locale.ROOT, "%6s", parts[i]);
            if (row.length() > 0 && !TextFit.fits(row + cell, f, w)) {
                out.add(row.toString());
                row.setLength(0);
            }
            row.append(cell);
        }
        if (row.length() > 0) out.add(row.toString());
        return out;
    }

    /** A legend drawn on a slide (no header there). */
    public vmalab.view.paging.SlideLegend slideLegend() {
        vmalab.view.paging.SlideLegend l = new vmalab.view.paging.SlideLegend();
        l.add(pal.free.color(), "free").add(pal.kernel.color(), "kernel").add(pal.pageTable.color(), "page table")
            .add(pal.pageCache.color(), "page cache").add(pal.shmem.color(), "shmem")
            .add(pal.allocPages.color(), "alloc_pages").add(pal.zeroPage.color(), "zero page")
            .add(pal.cow.color(), "COW-shared");
        if (owners != null) {
            for (int i = 0; i < owners.mms.size(); i++) {
                l.add(pal.process(i), "anon: " + FrameOwners.name(kernel, owners.mms.get(i)));
            }
        }
        l.add(pal.step.color(), "step being shown");
        return l;
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
