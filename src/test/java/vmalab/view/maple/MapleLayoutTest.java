package vmalab.view.maple;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vmalab.model.maple.MapleTree;
import vmalab.model.maple.MapleTree.NodeInfo;

/** The overview's layout: leaves in index order without overlap, each parent over its children, every node once. */
class MapleLayoutTest {
    /** A tree of {@code n} one-page ranges with one-page holes between, as mmap without merging leaves them. */
    static MapleTree<String> tree(int n) {
        MapleTree<String> t = new MapleTree<>(true);
        for (int i = 0; i < n; i++) {
            long start = 0x10000000L + i * 0x2000L;
            t.store(start, start + 0xfff, "vma" + i);
        }
        return t;
    }

    private static int count(NodeInfo n) {
        if (n.isLeaf()) return 1;
        int c = 1;
        for (int i = 0; i <= n.end(); i++) c += count(n.child(i));
        return c;
    }

    @Test
    void everyNodeIsPlacedOnceLeavesInOrderParentsOverTheirChildren() {
        // given a tree of three levels (1,000 ranges and the holes between them)
        MapleTree<String> t = tree(1000);
        assertTrue(t.height() >= 3, "height " + t.height());

        // when
        MapleLayout l = MapleLayout.of(t.rootInfo());

        // then
        assertEquals(t.height(), l.height());
        assertEquals(count(t.rootInfo()), l.nodes());
        int placed = l.rows().stream().mapToInt(List::size).sum();
        assertEquals(l.nodes(), placed);
        List<MapleLayout.Box> leaves = l.rows().get(l.height() - 1);
        assertEquals(l.leaves(), leaves.size());
        for (int i = 1; i < leaves.size(); i++) {
            MapleLayout.Box a = leaves.get(i - 1), b = leaves.get(i);
            assertTrue(a.x() + a.width() < b.x(), "leaves " + (i - 1) + " and " + i + " overlap");
            assertEquals(a.node().max() + 1, b.node().min(), "leaves cover the index space in order");
        }
        for (int d = 1; d < l.height(); d++) {
            for (MapleLayout.Box b : l.rows().get(d)) {
                MapleLayout.Box p = b.parent();
                assertNotNull(p);
                assertEquals(d - 1, p.depth());
                // the child hangs from the parent slot whose range it is
                assertEquals(p.node().slotMin(b.parentSlot()), b.node().min());
                assertEquals(p.node().slotMax(b.parentSlot()), b.node().max());
            }
            // each parent is centred over its subtree: over its leaves exactly, between its outer children above
            for (MapleLayout.Box p : l.rows().get(d - 1)) {
                List<MapleLayout.Box> kids = new ArrayList<>();
                for (MapleLayout.Box b : l.rows().get(d)) if (b.parent() == p) kids.add(b);
                assertEquals(p.node().end() + 1, kids.size());
                MapleLayout.Box first = kids.get(0), last = kids.get(kids.size() - 1);
                double centre = p.x() + p.width() / 2;
                if (first.node().isLeaf()) {
                    assertEquals((first.x() + last.x() + last.width()) / 2, centre, 1e-9);
                } else {
                    assertTrue(centre > first.x() + first.width() / 2 && centre < last.x() + last.width() / 2);
                }
            }
        }
        assertEquals(leaves.get(leaves.size() - 1).x() + leaves.get(leaves.size() - 1).width(), l.width(), 1e-9);
    }

    @Test
    void visibleFindsExactlyTheBoxesInTheWindow() {
        MapleLayout l = MapleLayout.of(tree(3000).rootInfo());
        int d = l.height() - 1;
        for (double x0 : new double[] {-5, 0, 37.2, l.width() / 2, l.width() - 3}) {
            double x1 = x0 + 40;
            List<MapleLayout.Box> brute = new ArrayList<>();
            for (MapleLayout.Box b : l.rows().get(d)) if (b.x() + b.width() >= x0 && b.x() <= x1) brute.add(b);
            assertEquals(brute, l.visible(d, x0, x1), "window at " + x0);
        }
    }

    @Test
    void leafOfFindsTheLeafHoldingAnIndexAndEmptyTreesLayOutEmpty() {
        MapleLayout l = MapleLayout.of(tree(500).rootInfo());
        long addr = 0x10000000L + 321 * 0x2000L + 0x10;
        MapleLayout.Box leaf = l.leafOf(addr);
        assertNotNull(leaf);
        assertTrue(Long.compareUnsigned(addr, leaf.node().min()) >= 0 && Long.compareUnsigned(addr, leaf.node().max()) <= 0);
        assertEquals("vma321", leaf.node().entry(MaplePainter.slotOf(leaf.node(), addr)));

        MapleLayout empty = MapleLayout.of(null);
        assertEquals(0, empty.height());
        assertNull(empty.leafOf(addr));
    }
}
