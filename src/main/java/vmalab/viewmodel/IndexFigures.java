package vmalab.viewmodel;

import java.util.ArrayList;
import java.util.List;
import vmalab.model.event.MmEvent;
import vmalab.model.event.SimEvent;
import vmalab.model.maple.MapleTree.NodeInfo;
import vmalab.model.mm.Mm;
import vmalab.model.mm.VmaIndex;

/**
 * The side-by-side strip's numbers for one mm's VMA index, read from the model: its height, its nodes (mm_rb:
 * one rb_node per VMA; the maple tree: the nodes of mm_mt) and how many nodes find_vma() visits for
 * {@code addr} (the path the index reports: one rb_node per level walked, one maple node per level of mt_find()).
 * {@code visited} is -1 when there is no address to look up.
 */
public record IndexFigures(boolean maple, int vmas, int height, int nodes, long addr, int visited) {
    /** The figures of {@code mm} (null: an empty, rbtree-looking record) for {@code addr} (-1: none). */
    public static IndexFigures of(Mm mm, long addr) {
        if (mm == null) return new IndexFigures(false, 0, 0, 0, addr, -1);
        VmaIndex index = mm.index();
        int nodes = index.isMaple() ? mapleNodes(index.mapleRoot()) : index.size();
        int visited = -1;
        if (addr >= 0) {
            List<Long> path = new ArrayList<>();
            index.find(addr, path);
            visited = path.size();
        }
        return new IndexFigures(index.isMaple(), index.size(), index.height(), nodes, addr, visited);
    }

    /** Nodes of a maple tree from {@code root} down (0 for none). */
    static int mapleNodes(NodeInfo root) {
        if (root == null) return 0;
        int n = 1;
        if (!root.isLeaf()) for (int i = 0; i <= root.end(); i++) n += mapleNodes(root.child(i));
        return n;
    }

    /**
     * The address the strip looks up in {@code s}: the selected address, else the selected VMA's start, else the
     * last find_vma() of the step on show; -1 when there is none.
     */
    public static long addressOf(Session s) {
        if (s.selectedAddressProperty().get() >= 0) return s.selectedAddressProperty().get();
        if (s.selectedVmaProperty().get() >= 0) return s.selectedVmaProperty().get();
        long a = -1;
        for (SimEvent e : s.lastEvents()) if (e instanceof MmEvent.FindVma f) a = f.addr();
        return a;
    }
}
