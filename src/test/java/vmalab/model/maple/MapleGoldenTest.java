package vmalab.model.maple;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Shapes worked out by hand from lib/maple_tree.c's rules for mm_mt (RCU mode): VMA k is the page at
 * 0x10000 + k * 0x1000, and VMA k's entry is k. The VMAs are mapped one after another from the bottom.
 */
class MapleGoldenTest {
    private final MapleTree<Integer> t = new MapleTree<>(true);
    private final List<MapleStep> steps = new ArrayList<>();

    private static long start(int k) { return 0x10000L + k * 0x1000L; }
    private static long last(int k) { return start(k) + 0xfff; }

    private void map(int k) { steps.add(t.store(start(k), last(k), k)); }

    /** A leaf's slots as "-" for NULL and the entry's number otherwise. */
    private static String slots(MapleTree.NodeInfo n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i <= n.end(); i++) b.append(i == 0 ? "" : " ").append(n.entry(i) == null ? "-" : n.entry(i));
        return b.toString();
    }

    @BeforeEach
    void fifteenVmas() {
        for (int k = 0; k <= 14; k++) map(k);
        assertNull(MapleInvariants.check(t));
    }

    @Test
    void theFifteenthVmaSplitsTheFullRootLeafAfterSlotEight() {
        // the first store expands the root (NULL, VMA 0, NULL); each next VMA rewrites the leaf - in RCU mode an
        // append at the end is a node store - until 14 VMAs and two NULLs fill its 16 slots
        assertEquals(StoreType.STORE_ROOT, steps.get(0).type());
        for (int k = 1; k <= 13; k++) assertEquals(StoreType.NODE_STORE, steps.get(k).type(), "VMA " + k);
        // VMA 14 makes 17 entries: b_end 16, mab_calc_split() cuts at 16 / 2 = 8 (slot 8 is VMA 7, not NULL)
        MapleStep split = steps.get(14);
        assertEquals(StoreType.SPLIT_STORE, split.type());
        assertEquals(1, split.heightBefore());
        assertEquals(2, split.heightAfter());
        assertEquals(3, split.created().size(), "two leaves and the new arange root");
        MapleTree.NodeInfo root = t.rootInfo();
        assertEquals(MapleType.ARANGE_64, root.type());
        assertEquals(1, root.end());
        assertEquals(last(7), root.pivot(0));
        MapleTree.NodeInfo left = root.child(0), right = root.child(1);
        assertEquals("- 0 1 2 3 4 5 6 7", slots(left));
        assertEquals("8 9 10 11 12 13 14 -", slots(right));
        assertEquals(start(8), right.min());
        // gap[0]: the NULL below VMA 0; gap[1]: the NULL above VMA 14 up to ULONG_MAX
        assertEquals(start(0), root.gap(0));
        assertEquals(-1L - last(14), root.gap(1));
        assertEquals(1, root.metaGap(), "the larger gap is the top one");
    }

    @Test
    void aFullRightLeafPushesIntoItsLeftSiblingInsteadOfSplitting() {
        // VMAs 15..22 fill the right leaf to 16 entries (VMA 8..22 and the top NULL)
        for (int k = 15; k <= 22; k++) {
            map(k);
            assertEquals(StoreType.NODE_STORE, steps.get(k).type(), "VMA " + k);
        }
        // VMA 23: 17 entries. mas_push_data() left: slot_total = b_end 16 + the sibling's end 8 = 24, below
        // 2 * 16 - 2 - 1 (a leaf) - 1 (max is ULONG_MAX) = 28, so the 26 entries of both leaves are cut at
        // mt_slots - 2 = 14: the left leaf takes 15, the right 11, and the root keeps two children
        map(23);
        MapleStep push = steps.get(23);
        assertEquals(StoreType.SPLIT_STORE, push.type());
        assertEquals(2, push.heightAfter());
        MapleTree.NodeInfo root = t.rootInfo();
        assertEquals(1, root.end());
        assertEquals("- 0 1 2 3 4 5 6 7 8 9 10 11 12 13", slots(root.child(0)));
        assertEquals("14 15 16 17 18 19 20 21 22 23 -", slots(root.child(1)));
        assertEquals(last(13), root.pivot(0));
        assertEquals(3, push.created().size(), "two leaves and the rewritten root");
        assertNull(MapleInvariants.check(t));
    }

    @Test
    void aFullLeftLeafPushesIntoItsRightSibling() {
        // VMAs -1..-7 (below VMA 0) fill the left leaf to 16 entries
        for (int k = -1; k >= -7; k--) assertEquals(StoreType.NODE_STORE, t.store(start(k), last(k), k).type());
        // VMA -8: 17 entries in the first child, so no push left; right: slot_total 16 + 7 = 23 < 32 - 2 - 1 =
        // 29, the 25 entries are cut at 23 - 14 = 9 (VMA 0): the right sibling takes 15
        MapleStep push = t.store(start(-8), last(-8), -8);
        assertEquals(StoreType.SPLIT_STORE, push.type());
        MapleTree.NodeInfo root = t.rootInfo();
        assertEquals(1, root.end());
        assertEquals("- -8 -7 -6 -5 -4 -3 -2 -1 0", slots(root.child(0)));
        assertEquals("1 2 3 4 5 6 7 8 9 10 11 12 13 14 -", slots(root.child(1)));
        assertEquals(last(0), root.pivot(0));
        assertNull(MapleInvariants.check(t));
    }

    @Test
    void erasesUnderTheMinimumRebalanceIntoOneRootLeaf() {
        // VMA 8 is exactly slot 0 of the right leaf: the slot becomes NULL in place
        assertEquals(StoreType.EXACT_FIT, t.store(start(8), last(8), null).type());
        // VMA 9's NULL takes in slot 0 (mas_wr_extend_null()): 7 entries stay, end 6 = mt_min_slots
        assertEquals(StoreType.NODE_STORE, t.store(start(9), last(9), null).type());
        assertEquals("- 10 11 12 13 14 -", slots(t.rootInfo().child(1)));
        // VMA 10 would leave end 5 < 6: the last child rebalances with its previous sibling; 9 + 6 = 15 entries
        // fit one leaf covering 0..ULONG_MAX, which becomes the root
        MapleStep s = t.store(start(10), last(10), null);
        assertEquals(StoreType.REBALANCE, s.type());
        assertEquals(1, s.heightAfter());
        MapleTree.NodeInfo root = t.rootInfo();
        assertEquals(MapleType.LEAF_64, root.type());
        assertEquals("- 0 1 2 3 4 5 6 7 - 11 12 13 14 -", slots(root));
        assertEquals(last(7), root.pivot(8));
        assertEquals(last(10), root.pivot(9));
        assertNull(MapleInvariants.check(t));
    }

    @Test
    void anEraseAcrossTheLeafBoundaryIsASpanningStore() {
        // [VMA 6, VMA 9] ends beyond the left leaf's pivot in the root: mas_is_span_wr(). The left leaf's head
        // (NULL, 0..5), the NULL, and the right leaf's tail from VMA 10 make 14 entries: one root leaf again
        MapleStep s = t.store(start(6), last(9), null);
        assertEquals(StoreType.SPANNING_STORE, s.type());
        assertEquals(1, t.height());
        MapleTree.NodeInfo root = t.rootInfo();
        assertEquals("- 0 1 2 3 4 5 - 10 11 12 13 14 -", slots(root));
        assertEquals(13, root.end());
        assertEquals(last(9), root.pivot(7));
        assertNull(MapleInvariants.check(t));
    }

    @Test
    void erasingEveryVmaLeavesTheEmptyTree() {
        MapleStep s = t.store(start(0), last(14), null);
        assertEquals(StoreType.SPANNING_STORE, s.type());
        assertNull(t.rootInfo());
        assertEquals(0, t.height());
        assertEquals(1, t.ranges().size());
    }

    @Test
    void withoutRcuTheEndOfALeafIsAnAppend() {
        MapleTree<Integer> plain = new MapleTree<>(false);
        plain.store(start(0), last(0), 0);
        // below mt_min_slots a root leaf takes the node store whatever the flags (checked first)
        assertEquals(StoreType.NODE_STORE, plain.store(start(1), last(1), 1).type());
        for (int k = 2; k <= 4; k++) plain.store(start(k), last(k), k);
        assertEquals(StoreType.APPEND, plain.store(start(5), last(5), 5).type());
        assertEquals("- 0 1 2 3 4 5 -", slots(plain.rootInfo()));
    }

    @Test
    void findWalksFromTheRootToTheLeafSlot() {
        List<MapleTree.WalkSlot> visited = new ArrayList<>();
        assertEquals(9, t.find(start(9) + 5, visited));
        assertEquals(2, visited.size());
        assertEquals(1, visited.get(0).offset());
        assertEquals(1, visited.get(1).offset());
        // below every VMA the walk lands in the NULL slot 0 and steps on to VMA 0
        visited.clear();
        assertEquals(0, t.find(0x5000, visited));
        assertEquals(3, visited.size());
    }
}
