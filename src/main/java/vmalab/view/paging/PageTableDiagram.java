package vmalab.view.paging;

import javafx.geometry.Point2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.FlowPane;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Vma;
import vmalab.model.paging.FrameInfo;
import vmalab.model.paging.FrameKind;
import vmalab.model.paging.PhysicalMemory;
import vmalab.view.tree.Legend;
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

    /**
     * Paints the folded state at its cursor (header and strip from the same page tables); returns the title line.
     * Without a {@link PhysicalMemory} every page reads not present.
     */
    public String paint(GraphicsContext g, double w, double h, StepState state, Mm mm, long selectedVma,
                        long selectedAddress) {
        g.setFill(pal.background.color());
        g.fillRect(0, 0, w, h);
        PhysicalMemory pm = state.kernel() != null && state.kernel().pages() instanceof PhysicalMemory p ? p : null;
        PtesAtCursor ptes = state.ptes(mm);
        Vma vma = vma(mm, selectedVma, selectedAddress);
        double walkH = Math.min(WalkPainter.HEIGHT, h * 0.55);
        double stripH = h - walkH;
        strip.layout(vma, w, stripH);
        stripH = Math.min(stripH, strip.usedHeight());
        String title;
        if (mm == null) {
            title = "Page tables: no process";
        } else if (vma == null) {
            title = "Page tables: select a VMA (a tree node or a region)";
            walk.paintNone(g, 0, "No VMA selected.");
        } else {
            strip.paint(g, ptes, selectedAddress < 0 ? -1 : selectedAddress & -Vma.PAGE_SIZE);
            long present = ptes.presentIn(vma);
            title = String.format("Pages of %s %s: %d pages, %d present", VmaText.range(vma), VmaText.permsAndName(mm, vma),
                vma.pages(), present);
        }
        g.setStroke(pal.faint.color());
        g.setLineWidth(1);
        g.strokeLine(0, stripH + 0.5, w, stripH + 0.5);
        if (mm != null && vma != null || mm != null && selectedAddress >= 0) {
            // the selected address when it is in the VMA shown (a new VMA selection leaves it behind)
            boolean inside = selectedAddress >= 0 && (vma == null || vma.contains(selectedAddress));
            long addr = inside ? selectedAddress : ptes.lastWalkAddr();
            if (pm == null) {
                walk.paintNone(g, stripH, "No physical memory model: the kernel runs without page tables.");
            } else if (addr < 0) {
                walk.paintNone(g, stripH, "Click a page to see its page walk.");
            } else {
                walk.paint(g, stripH, w, mm.profile(), addr, ptes, pfn -> owner(pm, pfn));
            }
        }
        return title;
    }

    /** Two lines: what the frame is, then whose. */
    private static String owner(PhysicalMemory pm, long pfn) {
        if (pfn == pm.zeroPfn()) return "kernel\nthe shared zero page";
        FrameInfo f = pm.frame(pfn);
        String kind = f.kind().name().toLowerCase().replace('_', ' ');
        if (f.file() != null) {
            String base = f.file().substring(f.file().lastIndexOf('/') + 1);
            return (f.kind() == FrameKind.SHMEM ? "shmem" : "page cache") + "\n" + base + " #" + f.index();
        }
        if (f.kind() == FrameKind.ANON) return "anonymous page\nmapcount " + f.mapcount() + ", refcount " + f.refcount();
        return kind + "\n" + f.owner();
    }
}
