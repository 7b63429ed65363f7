package vmalab.view.paging;

import javafx.geometry.Point2D;
import javafx.scene.layout.FlowPane;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.model.paging.FrameInfo;
import vmalab.model.paging.FrameKind;
import vmalab.model.paging.PhysicalMemory;
import vmalab.model.paging.TableFormat;
import vmalab.view.paint.Pen;
import vmalab.view.paint.Type;
import vmalab.view.tree.Legend;
import vmalab.viewmodel.Sizes;
import vmalab.view.tree.VmaText;
import vmalab.viewmodel.fold.PtesAtCursor;
import vmalab.viewmodel.fold.StepState;

/**
 * The picture behind {@link vmalab.view.PageTableView}: the strip of the shown VMA's pages over the walk of the
 * selected address, both drawn from the state at the event cursor.
 */
public final class PageTableDiagram {
    private final PagingPalette pal = new PagingPalette();
    private final PageStrip strip = new PageStrip(pal);
    private final WalkPainter walk = new WalkPainter(pal);

    public PagingPalette palette() {
        return pal;
    }

    public FlowPane legend() {
        return Legend.of(
            Legend.item(pal.notPresent, "not present"),
            Legend.item(pal.readOnly, "present, read-only"),
            Legend.item(pal.writable, "present, writable"),
            Legend.item(pal.zero, "zero page"),
            Legend.item(pal.cow, "COW: a write copies"),
            Legend.item(pal.dirty, "dirty (bottom bar)"),
            Legend.item(pal.selected, "selected page"),
            Legend.item(pal.step, "changing now"),
            Legend.label("P present · W writable · A accessed · D dirty"));
    }

    /** The VMA to show: the selected one, else the one holding the selected address; null if none. */
    public Vma vma(Mm mm, long selectedVma, long selectedAddress) {
        if (mm == null) return null;
        Vma v = selectedVma >= 0 ? mm.vmaAt(selectedVma) : null;
        if (v == null && selectedAddress >= 0) v = mm.vmaAt(selectedAddress);
        return v;
    }

    public void reveal(long addr) {
        strip.reveal(addr);
    }

    public void scroll(int rows) {
        strip.scroll(rows);
    }

    public long pageAt(double x, double y) {
        return strip.pageAt(x, y);
    }

    public Point2D cellCentre(long addr) {
        return strip.centre(addr);
    }

    /** What the walk part shows below the strip: the address walked, or -1 for a message only. */
    private long walkAddr(StepState state, Mm mm, Vma vma, long selectedAddress) {
        if (mm == null || vma == null && selectedAddress < 0) return -2;
        // the selected address when it is in the VMA shown (a new VMA selection leaves it behind)
        boolean inside = selectedAddress >= 0 && (vma == null || vma.contains(selectedAddress));
        return inside ? selectedAddress : state.ptes(mm).lastWalkAddr();
    }

    private static PhysicalMemory physical(StepState state) {
        return state.kernel() != null && state.kernel().pages() instanceof PhysicalMemory p ? p : null;
    }

    /**
     * The height the diagram needs across {@code w} px when the strip may take up to {@code stripCap} px (a
     * longer VMA scrolls in the strip).
     */
    public double contentHeight(Type t, double w, double stripCap, StepState state, Mm mm, long selectedVma,
                                long selectedAddress) {
        Vma vma = vma(mm, selectedVma, selectedAddress);
        double stripH = vma == null ? walk.messageHeight(t) : strip.layout(t, vma, w, stripCap);
        long addr = walkAddr(state, mm, vma, selectedAddress);
        if (addr == -2) return stripH;
        if (addr < 0 || physical(state) == null) return stripH + walk.messageHeight(t);
        return stripH + walk.height(t, w, TableFormat.of(mm.profile()).depth());
    }

    /** The width the diagram takes when nothing is narrowed: the walk with full-width tables, or the strip. */
    public double naturalWidth(Type t, Mm mm) {
        int depth = mm == null ? 4 : TableFormat.of(mm.profile()).depth();
        return walk.naturalWidth(t, depth);
    }

    /**
     * Paints the folded state at its cursor (header and strip from the same page tables) in w × h, the strip
     * taking up to {@code stripCap} px; returns the title line. Without a {@link PhysicalMemory} every page
     * reads not present. Shortened labels leave their full text in {@code tips}.
     */
    public String paint(Pen g, Type t, double w, double h, double stripCap, StepState state, Mm mm,
                        long selectedVma, long selectedAddress, CanvasTips tips) {
        tips.clear();
        g.setFill(pal.background.color());
        g.fillRect(0, 0, w, h);
        PhysicalMemory pm = physical(state);
        PtesAtCursor ptes = state.ptes(mm);
        Vma vma = vma(mm, selectedVma, selectedAddress);
        double stripH = vma == null ? walk.messageHeight(t) : strip.layout(t, vma, w, stripCap);
        if (mm != null && vma == null) {
            walk.paintNone(g, t, 0, w, "No VMA selected.");
        } else if (vma != null) {
            strip.paint(g, ptes, selectedAddress < 0 ? -1 : selectedAddress & -Vma.PAGE_SIZE, tips);
        }
        g.setStroke(pal.faint.color());
        g.setLineWidth(t.line(1));
        g.strokeLine(0, stripH + 0.5, w, stripH + 0.5);
        long addr = walkAddr(state, mm, vma, selectedAddress);
        if (addr != -2) {
            if (pm == null) {
                walk.paintNone(g, t, stripH, w, "No physical memory model: the kernel runs without page tables.");
            } else if (addr < 0) {
                walk.paintNone(g, t, stripH, w, "Select a page to see its page walk.");
            } else {
                walk.paint(g, t, stripH, w, mm.profile(), addr, ptes, pfn -> owner(pm, pfn), tips);
            }
        }
        return title(mm, state, selectedVma, selectedAddress);
    }

    /** The title line: the VMA shown and how many of its pages are present at the cursor. */
    public String title(Mm mm, StepState state, long selectedVma, long selectedAddress) {
        if (mm == null) return "Page tables: no process";
        Vma vma = vma(mm, selectedVma, selectedAddress);
        if (vma == null) return "Page tables: select a VMA (a tree node or a region)";
        long present = state.ptes(mm).presentIn(vma);
        return String.format(java.util.Locale.ROOT, "Pages of %s-%s %s: %s, %d present", Sizes.hex(vma.start()), Sizes.hex(vma.end()),
            VmaText.permsAndName(mm, vma), Sizes.pages(vma.pages()), present);
    }

    /** The strip's colours and meanings, for a slide (on screen the header shows {@link #legend()}). */
    public SlideLegend slideLegend() {
        return new SlideLegend()
            .add(pal.notPresent.color(), "not present")
            .add(pal.readOnly.color(), "present, read-only")
            .add(pal.writable.color(), "present, writable")
            .add(pal.zero.color(), "zero page")
            .add(pal.cow.color(), "COW: a write copies")
            .add(pal.dirty.color(), "dirty (bottom bar)")
            .add(null, "P present · W writable · A accessed · D dirty");
    }

    public boolean stripScrolls() {
        return strip.scrolls();
    }

    /** Two lines: what the frame is, then whose. */
    private static String owner(PhysicalMemory pm, long pfn) {
        if (pfn == pm.zeroPfn()) return "kernel\nthe shared zero page";
        FrameInfo f = pm.frame(pfn);
        String kind = f.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        if (f.file() != null) {
            String base = f.file().substring(f.file().lastIndexOf('/') + 1);
            return (f.kind() == FrameKind.SHMEM ? "shmem" : "page cache") + "\n" + base + " page " + f.index();
        }
        if (f.kind() == FrameKind.ANON) return "anonymous page\nmapcount " + f.mapcount() + ", refcount " + f.refcount();
        return kind + "\n" + f.owner();
    }
}
