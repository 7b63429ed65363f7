package vmalab.model.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vmalab.model.event.RbStepped;
import vmalab.model.event.SimEvent;

/** The red-black VMA index behind {@link VmaIndex}: handles, find_vma(), the drawn shape, copies, events. */
class RbVmaIndexTest {
    private static final long P = Vma.PAGE_SIZE;

    private static Vma vma(long startPage, long endPage) {
        return new Vma(startPage * P, endPage * P, VmFlags.READ, 0, null, 0, null);
    }

    /** An index of [10,12) [20,25) [30,31) [40,48) [50,52) pages, linked in a scrambled order. */
    private static VmaIndex five(List<SimEvent> events) {
        VmaIndex index = new RbVmaIndex(7);
        for (long s : new long[] {30, 10, 50, 20, 40}) {
            index.insert(vma(s, s == 40 ? 48 : s == 20 ? 25 : s == 30 ? 31 : s + 2), events::add);
        }
        return index;
    }

    private static void inOrder(IndexNode<Vma> n, List<IndexNode<Vma>> out) {
        if (n == null) return;
        inOrder(n.left(), out);
        out.add(n);
        inOrder(n.right(), out);
    }

    @Test
    void findVmaReturnsTheFirstVmaEndingAboveTheAddress() {
        VmaIndex index = five(new ArrayList<>());

        assertEquals(10 * P, index.find(0, null).vma().start());
        assertEquals(20 * P, index.find(12 * P, null).vma().start(), "a hole: the VMA above");
        assertEquals(20 * P, index.find(24 * P + 5, null).vma().start(), "inside");
        assertEquals(30 * P, index.find(25 * P, null).vma().start(), "vm_end is exclusive");
        assertNull(index.find(52 * P, null));
        assertNull(index.find(-1L, null), "addresses compare unsigned");
    }

    @Test
    void findWithoutAPathFindsWhatTheKernelsWalkFinds() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
        for (int run = 0; run < 50; run++) {
            VmaIndex index = new RbVmaIndex(1);
            long page = rnd.nextLong(0, 4);
            int n = rnd.nextInt(0, 200);
            for (int i = 0; i < n; i++) {
                long len = rnd.nextLong(1, 5);
                index.insert(vma(page, page + len), e -> { });
                page += len + rnd.nextLong(0, 3);
            }
            for (int i = 0; i < 500; i++) {
                long addr = rnd.nextLong(0, (page + 2) * P);
                VmaRef walked = index.find(addr, new ArrayList<>());
                VmaRef fast = index.find(addr, null);
                assertSame(walked, fast, "run " + run + ", address " + Long.toHexString(addr));
            }
        }
    }

    @Test
    void findVmaReportsItsPathFromTheRoot() {
        VmaIndex index = five(new ArrayList<>());
        List<Long> visited = new ArrayList<>();

        VmaRef found = index.find(45 * P, visited);

        assertEquals(index.root().key(), visited.get(0));
        assertEquals(40 * P, visited.get(visited.size() - 1), "the walk stops at the VMA holding the address");
        assertSame(found, index.find(40 * P, null), "one handle per VMA");
        assertTrue(visited.size() <= index.height());
    }

    @Test
    void findPrevIsTheLastVmaStartingBelow() {
        VmaIndex index = five(new ArrayList<>());

        assertNull(index.findPrev(10 * P));
        assertEquals(10 * P, index.findPrev(10 * P + 1).vma().start());
        assertEquals(40 * P, index.findPrev(50 * P).vma().start());
        assertEquals(50 * P, index.findPrev(-1L).vma().start(), "addresses compare unsigned");
    }

    @Test
    void handlesWalkInAddressOrder() {
        VmaIndex index = five(new ArrayList<>());
        List<Long> starts = new ArrayList<>();
        for (VmaRef r = index.first(); r != null; r = r.next()) starts.add(r.vma().start());
        List<Long> back = new ArrayList<>();
        for (VmaRef r = index.last(); r != null; r = r.prev()) back.add(0, r.vma().start());

        assertEquals(List.of(10 * P, 20 * P, 30 * P, 40 * P, 50 * P), starts);
        assertEquals(starts, back);
        assertEquals(starts, index.vmas().stream().map(Vma::start).toList());
        assertEquals(5, index.size());
    }

    @Test
    void theDrawnShapeIsABlackRootedSearchTreeOfTheVmas() {
        VmaIndex index = five(new ArrayList<>());
        List<IndexNode<Vma>> nodes = new ArrayList<>();

        inOrder(index.root(), nodes);

        assertFalse(index.root().isRed());
        assertEquals(index.vmas(), nodes.stream().map(IndexNode::value).toList());
        for (IndexNode<Vma> n : nodes) assertEquals(n.value().start(), n.key());
        assertEquals(3, index.height(), "five nodes make three levels");
    }

    @Test
    void aHandleKeepsItsIdentityWhenTheVmaIsReplacedInPlace() {
        VmaIndex index = five(new ArrayList<>());
        VmaRef ref = index.find(20 * P, null);
        List<SimEvent> events = new ArrayList<>();

        index.replace(ref, vma(18, 27), events::add);

        assertEquals(vma(18, 27), ref.vma());
        assertSame(ref, index.find(17 * P, null), "found by its new range");
        assertSame(ref, index.first().next());
        assertTrue(events.isEmpty(), "an in-place change leaves the tree's shape alone");
        assertNull(index.checkInvariants());
        assertEquals(27 * P, index.unmappedArea(3 * P, 25 * P, 60 * P),
            "the gap search sees the new range: the hole below 30 starts at 27");
    }

    @Test
    void aReplacementThatLeavesItsPlaceIsRefusedAndChangesNothing() {
        VmaIndex index = five(new ArrayList<>());
        VmaRef ref = index.find(20 * P, null);

        assertThrows(IllegalArgumentException.class, () -> index.replace(ref, vma(32, 33), e -> { }));

        assertEquals(vma(20, 25), ref.vma());
        assertNull(index.checkInvariants());
    }

    @Test
    void insertAndEraseReportRbStepsWithTheMmId() {
        List<SimEvent> events = new ArrayList<>();
        VmaIndex index = five(events);
        assertFalse(events.isEmpty());
        events.clear();

        index.erase(index.find(30 * P, null), events::add);

        assertFalse(events.isEmpty());
        assertTrue(events.stream().allMatch(e -> e instanceof RbStepped rs && rs.mmId() == 7), events::toString);
        assertEquals(4, index.size());
        assertNull(index.checkInvariants());
    }

    @Test
    void anErasedOrForeignHandleIsRefused() {
        VmaIndex index = five(new ArrayList<>());
        VmaRef ref = index.find(30 * P, null);
        VmaIndex copy = index.copy(8);
        index.erase(ref, e -> { });

        assertThrows(IllegalArgumentException.class, () -> index.erase(ref, e -> { }));
        assertThrows(IllegalArgumentException.class, () -> copy.erase(index.first(), e -> { }));
        assertThrows(IllegalArgumentException.class, () -> index.replace(ref, vma(30, 32), e -> { }));
        assertThrows(IllegalArgumentException.class, () -> index.insert(vma(10, 11), e -> { }), "taken start");
    }

    @Test
    void aCopyIsIndependentAndReportsItsOwnMmId() {
        VmaIndex index = five(new ArrayList<>());
        VmaIndex copy = index.copy(9);
        List<SimEvent> events = new ArrayList<>();

        VmaRef inCopy = copy.find(20 * P, null);
        copy.replace(inCopy, vma(20, 28), events::add);
        copy.erase(copy.find(50 * P, null), events::add);
        copy.insert(vma(60, 61), events::add);

        assertNotSame(index.find(20 * P, null), inCopy);
        assertEquals(vma(20, 25), index.find(20 * P, null).vma());
        assertEquals(List.of(10 * P, 20 * P, 30 * P, 40 * P, 50 * P), index.vmas().stream().map(Vma::start).toList());
        assertEquals(List.of(10 * P, 20 * P, 30 * P, 40 * P, 60 * P), copy.vmas().stream().map(Vma::start).toList());
        assertTrue(events.stream().allMatch(e -> e instanceof RbStepped rs && rs.mmId() == 9));
        assertNull(index.checkInvariants());
        assertNull(copy.checkInvariants());
    }

    @Test
    void theGapSearchFindsTheLowestAndHighestHoles() {
        VmaIndex index = five(new ArrayList<>());

        assertEquals(0, index.unmappedArea(P, 0, 60 * P));
        assertEquals(12 * P, index.unmappedArea(8 * P, 11 * P, 60 * P), "the first hole of eight pages above 11");
        assertEquals(59 * P, index.unmappedAreaTopDown(P, 0, 60 * P));
        assertEquals(31 * P, index.unmappedAreaTopDown(9 * P, 0, 50 * P), "31..40 is the highest nine-page hole");
        assertEquals(-1, index.unmappedAreaTopDown(11 * P, 0, 50 * P));
    }
}
