package vmalab.model.buddy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vmalab.model.buddy.BuddyEvent.Allocated;
import vmalab.model.buddy.BuddyEvent.ListAdd;
import vmalab.model.buddy.BuddyEvent.ListDel;
import vmalab.model.buddy.BuddyEvent.Split;

/** __rmqueue_smallest() and expand(). */
class BuddyAllocatorAllocTest {

    @Test
    void anOrderZeroPageSplitsTheFirstOrderTenBlockAllTheWayDown() {
        // given
        BuddyAllocator buddy = new BuddyAllocator(16384, 10, 0);
        List<BuddyEvent> events = new ArrayList<>();

        // when
        long pfn = buddy.allocPages(0, events::add);

        // then: the head of list 10 is taken, each upper half goes to the list below
        assertEquals(0, pfn);
        List<BuddyEvent> expected = new ArrayList<>();
        expected.add(new ListDel(0, 10));
        for (int order = 10; order >= 1; order--) {
            expected.add(new Split(0, order));
            expected.add(new ListAdd(1L << (order - 1), order - 1, false));
        }
        expected.add(new Allocated(0, 0));
        assertEquals(expected, events);
        assertEquals(new ListAdd(512, 9, false), events.get(2));
        assertEquals(new ListAdd(1, 0, false), events.get(20));

        assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 15}, buddy.buddyinfo());
        assertEquals(List.of(1L), buddy.freeLists().get(0));
        assertEquals(List.of(512L), buddy.freeLists().get(9));
        assertEquals(1024L, buddy.freeLists().get(10).get(0));
        assertEquals(16383, buddy.nrFree());
        assertEquals(0, buddy.allocatedOrderAt(0));
        assertFalse(buddy.isFree(0));
        assertTrue(buddy.isFree(1));
        assertNull(buddy.checkInvariants());
    }

    @Test
    void theSmallestListThatCanServeIsUsedAndItsHeadTaken() {
        // given: one order-0 allocation left 1, 2, 4, ... 512 free
        BuddyAllocator buddy = new BuddyAllocator(16384, 10, 0);
        buddy.allocPages(0, null);
        List<BuddyEvent> events = new ArrayList<>();

        // when: order 2 is served by list 2 directly, order 0 by list 0
        long four = buddy.allocPages(2, events::add);
        long one = buddy.allocPages(0, events::add);

        // then: no split needed
        assertEquals(4, four);
        assertEquals(1, one);
        assertEquals(List.of(new ListDel(4, 2), new Allocated(4, 2), new ListDel(1, 0), new Allocated(1, 0)),
                events);
        assertNull(buddy.checkInvariants());
    }

    @Test
    void outOfMemoryReturnsMinusOneAndChangesNothing() {
        // given: a 16-frame zone (orders 0..3) cut into three order-2 allocations, four frames still free
        BuddyAllocator buddy = new BuddyAllocator(16, 3, 0);
        assertEquals(0, buddy.allocPages(2, null));
        assertEquals(4, buddy.allocPages(2, null));
        assertEquals(8, buddy.allocPages(2, null));
        List<List<Long>> listsBefore = buddy.freeLists();
        List<BuddyEvent> events = new ArrayList<>();

        // when: enough free frames but no free block that large
        long pfn = buddy.allocPages(3, events::add);

        // then
        assertEquals(-1, pfn);
        assertEquals(List.of(), events);
        assertEquals(listsBefore, buddy.freeLists());
        assertEquals(4, buddy.nrFree());
        assertNull(buddy.checkInvariants());
    }

    @Test
    void outOfMemoryWhenEveryFrameIsTaken() {
        // given
        BuddyAllocator buddy = new BuddyAllocator(16, 3, 0);
        buddy.allocPages(3, null);
        buddy.allocPages(3, null);
        List<BuddyEvent> events = new ArrayList<>();

        // when / then
        assertEquals(-1, buddy.allocPages(0, events::add));
        assertEquals(List.of(), events);
        assertEquals(0, buddy.nrFree());
        assertEquals(16, buddy.nrAllocated());
    }

    @Test
    void anOrderOutsideTheListsIsABug() {
        BuddyAllocator buddy = new BuddyAllocator(16384, 10, 0);

        assertThrows(IllegalArgumentException.class, () -> buddy.allocPages(-1, null));
        assertThrows(IllegalArgumentException.class, () -> buddy.allocPages(11, null));
        assertEquals(16384, buddy.nrFree());
    }

    @Test
    void aCopyIsIndependent() {
        // given
        BuddyAllocator original = new BuddyAllocator(16384, 10, 256);
        original.allocPages(3, null);
        List<List<Long>> listsBefore = original.freeLists();

        // when
        BuddyAllocator copy = original.copy();
        copy.allocPages(0, null);
        copy.freePages(256, 3, null);

        // then
        assertEquals(listsBefore, original.freeLists());
        assertEquals(3, original.allocatedOrderAt(256));
        assertEquals(-1, copy.allocatedOrderAt(256));
        assertNull(original.checkInvariants());
        assertNull(copy.checkInvariants());
    }
}
