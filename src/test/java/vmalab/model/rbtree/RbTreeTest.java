package vmalab.model.rbtree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vmalab.model.rbtree.RbColor.BLACK;
import static vmalab.model.rbtree.RbColor.RED;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import vmalab.model.rbtree.RbStep.Compare;
import vmalab.model.rbtree.RbStep.Link;
import vmalab.model.rbtree.RbStep.Recolor;
import vmalab.model.rbtree.RbStep.Rotate;
import vmalab.model.rbtree.RbStep.SuccessorSwap;
import vmalab.model.rbtree.RbStep.Unlink;

class RbTreeTest {
    record Item(long key, String tag) { }

    private static RbTree<Long> treeOf(long... keys) {
        RbTree<Long> t = new RbTree<>(Long::longValue);
        for (long k : keys) {
            t.insert(k, null);
        }
        return t;
    }

    private static List<RbStep> insert(RbTree<Long> t, long key) {
        List<RbStep> steps = new ArrayList<>();
        t.insert(key, steps::add);
        return steps;
    }

    private static List<RbStep> erase(RbTree<Long> t, long key) {
        List<RbStep> steps = new ArrayList<>();
        t.erase(t.find(key), steps::add);
        return steps;
    }

    /** The tree as "key+colour(left,right)", e.g. "2B(1R,3R)". */
    private static String shape(RbNode<?> n) {
        if (n == null) {
            return "-";
        }
        String self = n.key() + "" + n.color().letter();
        if (n.left() == null && n.right() == null) {
            return self;
        }
        return self + "(" + shape(n.left()) + "," + shape(n.right()) + ")";
    }

    @Test
    void firstInsertLinksARedRootThenPaintsItBlack() {
        RbTree<Long> t = treeOf();

        List<RbStep> steps = insert(t, 1);

        assertEquals(List.of(new Link(1, null, false), new Recolor(1, BLACK)), steps);
        assertEquals("1B", shape(t.root()));
        assertNull(t.checkInvariants());
    }

    @Test
    void ascendingInsertRotatesLeftAtTheGrandparent() {
        RbTree<Long> t = treeOf();
        List<RbStep> first = insert(t, 1);
        List<RbStep> second = insert(t, 2);

        List<RbStep> third = insert(t, 3);

        assertEquals(List.of(new Link(1, null, false), new Recolor(1, BLACK)), first);
        assertEquals(List.of(new Compare(1, 2, false), new Link(2, 1L, false)), second);
        assertEquals(List.of(
                new Compare(1, 3, false), new Compare(2, 3, false),
                new Link(3, 2L, false),
                new Rotate(1, true),
                new Recolor(2, BLACK), new Recolor(1, RED)), third);
        assertEquals("2B(1R,3R)", shape(t.root()));
        assertNull(t.checkInvariants());
    }

    @Test
    void redUncleIsCase1ColourFlipUpToTheRoot() {
        RbTree<Long> t = treeOf(2, 1, 3);

        List<RbStep> steps = insert(t, 4);

        // the kernel paints uncle, parent, grandparent; the grandparent is the root, so it goes black again
        assertEquals(List.of(
                new Compare(2, 4, false), new Compare(3, 4, false),
                new Link(4, 3L, false),
                new Recolor(1, BLACK), new Recolor(3, BLACK), new Recolor(2, RED),
                new Recolor(2, BLACK)), steps);
        assertEquals("2B(1B,3B(-,4R))", shape(t.root()));
        assertNull(t.checkInvariants());
    }

    @Test
    void innerChildIsCase2RotateAtParentThenCase3() {
        RbTree<Long> t = treeOf(3, 1);

        List<RbStep> steps = insert(t, 2);

        assertEquals(List.of(
                new Compare(3, 2, true), new Compare(1, 2, false),
                new Link(2, 1L, false),
                new Rotate(1, true), new Rotate(3, false),
                new Recolor(2, BLACK), new Recolor(3, RED)), steps);
        assertEquals("2B(1R,3R)", shape(t.root()));
    }

    @Test
    void innerChildDeepInTheTreeRotatesTwiceBelowTheRoot() {
        RbTree<Long> t = treeOf(10, 5, 20, 15, 30, 25);
        assertEquals("10B(5B,20R(15B,30B(25R,-)))", shape(t.root()));

        List<RbStep> steps = insert(t, 27);

        assertEquals(List.of(
                new Compare(10, 27, false), new Compare(20, 27, false), new Compare(30, 27, true),
                new Compare(25, 27, false),
                new Link(27, 25L, false),
                new Rotate(25, true), new Rotate(30, false),
                new Recolor(27, BLACK), new Recolor(30, RED)), steps);
        assertEquals("10B(5B,20R(15B,27B(25R,30R)))", shape(t.root()));
        assertNull(t.checkInvariants());
    }

    @Test
    void duplicateInsertThrowsAndChangesNothing() {
        RbTree<Long> t = treeOf(2, 1, 3);
        String before = shape(t.root());
        List<RbStep> steps = new ArrayList<>();

        assertThrows(IllegalArgumentException.class, () -> t.insert(3L, steps::add));

        assertEquals(List.of(), steps);
        assertEquals(before, shape(t.root()));
        assertEquals(3, t.size());
        assertNull(t.checkInvariants());
    }

    @Test
    void eraseTheRootOfAOneNodeTree() {
        RbTree<Long> t = treeOf(5);
        RbNode<Long> node = t.root();

        List<RbStep> steps = erase(t, 5);

        assertEquals(List.of(new Unlink(5)), steps);
        assertNull(t.root());
        assertNull(t.first());
        assertNull(t.last());
        assertEquals(0, t.size());
        assertEquals(List.of(), t.values());
        assertNull(t.checkInvariants());
        assertNull(node.parent());
        assertNull(node.next());
    }

    @Test
    void eraseWithTwoChildrenSwapsInTheRightChildSuccessor() {
        RbTree<Long> t = treeOf(2, 1, 3);
        RbNode<Long> three = t.find(3);

        List<RbStep> steps = erase(t, 2);

        // the red successor takes the erased node's black and its place; no rebalance needed
        assertEquals(List.of(new SuccessorSwap(2, 3), new Unlink(2), new Recolor(3, BLACK)), steps);
        assertSame(three, t.root());
        assertEquals("3B(1R,-)", shape(t.root()));
        assertNull(t.checkInvariants());
    }

    @Test
    void eraseWithTwoChildrenTakesTheLeftmostOfTheRightSubtree() {
        RbTree<Long> t = treeOf(10, 5, 20, 15, 30, 25);
        assertEquals("10B(5B,20R(15B,30B(25R,-)))", shape(t.root()));

        List<RbStep> steps = erase(t, 20);

        // successor 25 is deep (kernel case 3); it was red, so taking 20's red changes nothing: no rebalance
        assertEquals(List.of(new SuccessorSwap(20, 25), new Unlink(20)), steps);
        assertEquals("10B(5B,25R(15B,30B))", shape(t.root()));
        assertEquals(List.of(5L, 10L, 15L, 25L, 30L), t.values());
        assertNull(t.checkInvariants());
    }

    @Test
    void eraseOfABlackLeafWithRedFarNephewIsCase4() {
        RbTree<Long> t = treeOf(2, 1, 3, 4);
        assertEquals("2B(1B,3B(-,4R))", shape(t.root()));

        List<RbStep> steps = erase(t, 1);

        assertEquals(List.of(new Unlink(1), new Rotate(2, true), new Recolor(4, BLACK)), steps);
        assertEquals("3B(2B,4B)", shape(t.root()));
        assertNull(t.checkInvariants());
    }

    @Test
    void eraseOfABlackLeafWithRedNearNephewIsCase3ThenCase4() {
        RbTree<Long> t = treeOf(2, 1, 4, 3);
        assertEquals("2B(1B,4B(3R,-))", shape(t.root()));

        List<RbStep> steps = erase(t, 1);

        // right rotate at the sibling, left rotate at the parent; 3 takes the parent's black
        assertEquals(List.of(new Unlink(1), new Rotate(4, false), new Rotate(2, true), new Recolor(3, BLACK)),
                steps);
        assertEquals("3B(2B,4B)", shape(t.root()));
        assertNull(t.checkInvariants());
    }

    @Test
    void eraseOfABlackLeafWithBlackNephewsIsCase2RecursingToTheRoot() {
        RbTree<Long> t = treeOf(2, 1, 3, 4);
        t.erase(t.find(4), null);
        assertEquals("2B(1B,3B)", shape(t.root()));

        List<RbStep> steps = erase(t, 3);

        // the sibling turns red; the parent is black and the root, so the missing black is simply lost
        assertEquals(List.of(new Unlink(3), new Recolor(1, RED)), steps);
        assertEquals("2B(1R,-)", shape(t.root()));
        assertNull(t.checkInvariants());
    }

    @Test
    void eraseWithARedSiblingIsCase1() {
        RbTree<Long> t = treeOf(10, 5, 20, 15, 30, 25);
        t.erase(t.find(25), null);
        assertEquals("10B(5B,20R(15B,30B))", shape(t.root()));

        List<RbStep> steps = erase(t, 5);

        // sibling 20 is red: rotate left at 10, 20 takes 10's black, 10 turns red; then case 2 at 10
        assertEquals(List.of(new Unlink(5), new Rotate(10, true), new Recolor(20, BLACK), new Recolor(10, RED),
                new Recolor(15, RED), new Recolor(10, BLACK)), steps);
        assertEquals("20B(10B(-,15R),30B)", shape(t.root()));
        assertNull(t.checkInvariants());
    }

    @Test
    void eraseOfANodeWithOneChildPaintsTheChildBlack() {
        RbTree<Long> t = treeOf(2, 1, 3, 4);

        List<RbStep> steps = erase(t, 3);

        assertEquals(List.of(new Unlink(3), new Recolor(4, BLACK)), steps);
        assertEquals("2B(1B,4B)", shape(t.root()));
        assertNull(t.checkInvariants());
    }

    @Test
    void threadingFollowsKeyOrder() {
        RbTree<Long> t = treeOf(50, 20, 80, 10, 30, 70, 90, 60);

        assertEquals(List.of(10L, 20L, 30L, 50L, 60L, 70L, 80L, 90L), t.values());
        assertEquals(10L, t.first().key());
        assertEquals(90L, t.last().key());
        assertEquals(50L, t.find(60).prev().key());
        assertEquals(70L, t.find(60).next().key());

        t.erase(t.find(60), null);

        assertEquals(70L, t.find(50).next().key());
        assertEquals(50L, t.find(70).prev().key());
        assertNull(t.checkInvariants());
    }

    @Test
    void findFloorCeiling() {
        RbTree<Long> t = treeOf(10, 20, 30);

        assertEquals(20L, t.find(20).key());
        assertNull(t.find(25));
        assertEquals(20L, t.floor(25).key());
        assertEquals(30L, t.ceiling(25).key());
        assertNull(t.floor(5));
        assertNull(t.ceiling(35));
        assertEquals(10L, t.floor(10).key());
    }

    @Test
    void replaceKeepsTheNodeWhenTheKeyStaysBetweenItsNeighbours() {
        RbTree<Item> t = new RbTree<>(Item::key);
        t.insert(new Item(10, "a"), null);
        RbNode<Item> mid = t.insert(new Item(20, "b"), null);
        t.insert(new Item(30, "c"), null);

        t.replace(mid, new Item(25, "b2"));

        assertSame(mid, t.find(25));
        assertEquals(new Item(25, "b2"), mid.value());
        assertNull(t.find(20));
        assertNull(t.checkInvariants());
    }

    @Test
    void replaceRejectsAKeyThatWouldLeaveItsPlace() {
        RbTree<Item> t = new RbTree<>(Item::key);
        RbNode<Item> first = t.insert(new Item(10, "a"), null);
        RbNode<Item> mid = t.insert(new Item(20, "b"), null);
        RbNode<Item> last = t.insert(new Item(30, "c"), null);

        assertThrows(IllegalArgumentException.class, () -> t.replace(mid, new Item(10, "x")));
        assertThrows(IllegalArgumentException.class, () -> t.replace(mid, new Item(30, "x")));
        assertThrows(IllegalArgumentException.class, () -> t.replace(mid, new Item(5, "x")));
        assertThrows(IllegalArgumentException.class, () -> t.replace(first, new Item(20, "x")));
        assertThrows(IllegalArgumentException.class, () -> t.replace(last, new Item(20, "x")));

        assertEquals(new Item(20, "b"), mid.value());
        t.replace(first, new Item(-5, "a2"));
        t.replace(last, new Item(1000, "c2"));
        assertEquals(List.of(new Item(-5, "a2"), new Item(20, "b"), new Item(1000, "c2")), t.values());
        assertNull(t.checkInvariants());
    }

    @Test
    void nodesOfAnotherTreeOrAlreadyErasedAreRejected() {
        RbTree<Long> t = treeOf(1, 2, 3);
        RbTree<Long> other = t.copy();
        RbNode<Long> two = t.find(2);

        assertThrows(IllegalArgumentException.class, () -> other.erase(two, null));
        t.erase(two, null);
        assertThrows(IllegalArgumentException.class, () -> t.erase(two, null));
        assertThrows(IllegalArgumentException.class, () -> t.replace(two, 2L));
        assertEquals(3, other.size());
        assertNull(other.checkInvariants());
    }

    @Test
    void copyHasTheSameShapeAndIsIndependent() {
        RbTree<Long> t = treeOf(LongStream.rangeClosed(1, 100).map(i -> i * 37 % 101).toArray());

        RbTree<Long> c = t.copy();

        assertEquals(shape(t.root()), shape(c.root()));
        assertNotSame(t.root(), c.root());
        assertEquals(t.values(), c.values());
        assertNull(c.checkInvariants());
        c.erase(c.find(50), null);
        assertEquals(99, c.size());
        assertEquals(100, t.size());
        assertEquals(50L, t.find(50).key());
        assertNull(t.checkInvariants());
        assertNull(c.checkInvariants());
    }

    @Test
    void aMappedCopyHoldsFreshValuesInTheSameShape() {
        RbTree<Item> t = new RbTree<>(Item::key);
        for (long k : new long[] {5, 3, 8, 1, 4}) {
            t.insert(new Item(k, "v" + k), null);
        }
        t.setAugment(n -> n.key());

        RbTree<Item> c = t.copy(i -> new Item(i.key(), i.tag() + "'"));

        assertEquals(shape(t.root()), shape(c.root()));
        assertEquals(List.of("v1'", "v3'", "v4'", "v5'", "v8'"), c.values().stream().map(Item::tag).toList());
        assertEquals("v1", t.first().value().tag());
        assertEquals(8, c.root().augmented(), "augmented values are carried over");
        assertNull(c.checkInvariants());
    }

    @Test
    void heightCountsLevels() {
        assertEquals(0, treeOf().height());
        assertEquals(1, treeOf(1).height());
        assertEquals(2, treeOf(2, 1, 3).height());
        RbTree<Long> t = treeOf(LongStream.rangeClosed(1, 1000).toArray());
        assertEquals(height(t.root()), t.height());
    }

    @Test
    void checkInvariantsNamesABrokenTree() {
        RbTree<Long> t = treeOf(2, 1, 3);

        t.find(1).color = BLACK;

        assertTrue(t.checkInvariants().contains("black height"), t.checkInvariants());
        t.find(1).color = RED;
        t.root().color = RED;
        assertTrue(t.checkInvariants().contains("root 2 is red"), t.checkInvariants());
        t.root().color = BLACK;
        t.find(3).prev = null;
        assertTrue(t.checkInvariants().contains("prev list"), t.checkInvariants());
        t.find(3).prev = t.find(2);
        assertNull(t.checkInvariants());
        t.find(1).parent = t.find(3);
        assertTrue(t.checkInvariants().contains("wrong parent pointer"), t.checkInvariants());
        t.find(1).parent = t.root();
        t.find(1).key = 5;
        assertTrue(t.checkInvariants().contains("breaks BST order"), t.checkInvariants());
    }

    @Test
    void sixtyFiveThousandVmasStayBalanced() {
        RbTree<Long> t = new RbTree<>(Long::longValue);
        int n = 65_530;

        for (long i = 0; i < n; i++) {
            t.insert(i << 12, null);
        }
        for (long i = 0; i < n; i += 2) {
            t.erase(t.find(i << 12), null);
        }

        assertEquals(n / 2, t.size());
        assertNull(t.checkInvariants());
        assertEquals(1L << 12, t.first().key());
        assertTrue(height(t.root()) <= 2 * 32 - 2 * Integer.numberOfLeadingZeros(t.size() + 1) + 2);
    }

    private static int height(RbNode<?> n) {
        return n == null ? 0 : 1 + Math.max(height(n.left()), height(n.right()));
    }

    @Test
    void insertsKeepAGapAugmentRightThoughTheirWalkStopsEarly() {
        // given: an own value that reads the node's prev, as rb_subtree_gap does (vma_compute_gap())
        RbTree<Long> t = new RbTree<>(Long::longValue);
        t.setAugment(n -> n.key() - (n.prev() == null ? 0 : n.prev().key()));
        java.util.Random r = new java.util.Random(10);
        List<Long> in = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            // when: keys inserted at random, some erased
            long k = r.nextInt(1 << 20);
            if (t.find(k) == null) {
                t.insert(k, null);
                in.add(k);
            }
            if (i % 7 == 0 && !in.isEmpty()) t.erase(t.find(in.remove(r.nextInt(in.size()))), null);
            // then: every node holds its subtree's largest gap
            if (i % 50 == 0) assertNull(t.checkInvariants(), "after " + i);
        }
        assertNull(t.checkInvariants());
    }

    @Test
    void aStepCounterCountsTheStepsAListWouldGet() {
        RbTree<Long> listed = new RbTree<>(Long::longValue);
        RbTree<Long> counted = new RbTree<>(Long::longValue);
        List<RbStep> steps = new ArrayList<>();
        long[] count = {0};
        RbTree.StepCounter counter = n -> count[0] += n;
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < 500; i++) {
            long k = r.nextInt(10_000);
            if (listed.find(k) != null) continue;
            listed.insert(k, steps::add);
            counted.insert(k, counter);
            assertEquals(steps.size(), count[0], "after inserting " + k);
        }
        for (int i = 0; i < 100; i++) {
            long k = listed.first().key();
            listed.erase(listed.find(k), steps::add);
            counted.erase(counted.find(k), counter);
        }
        assertEquals(steps.size(), count[0]);
        assertEquals(shape(listed.root()), shape(counted.root()));
    }
}
