package vmalab.model.buddy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vmalab.model.buddy.BuddyEvent.Freed;
import vmalab.model.buddy.BuddyEvent.ListAdd;
import vmalab.model.buddy.BuddyEvent.ListDel;
import vmalab.model.buddy.BuddyEvent.Merge;

/** __free_one_page() and buddy_merge_likely(). */
class BuddyAllocatorFreeTest {

    @Test
    void freeingTheOnlyPageMergesAllTheWayBackToTheBootState() {
        // given
        BuddyAllocator buddy = new BuddyAllocator(16384, 10, 0);
        List<List<Long>> boot = buddy.freeLists();
        long pfn = buddy.allocPages(0, null);
        List<BuddyEvent> events = new ArrayList<>();

        // when
        String error = buddy.freePages(pfn, 0, events::add);

        // then: each buddy leaves its list and merges; order 10 is MAX_PAGE_ORDER, the head of list 10
        assertNull(error);
        List<BuddyEvent> expected = new ArrayList<>();
        expected.add(new Freed(0, 0));
        for (int order = 0; order < 10; order++) {
            expected.add(new ListDel(1L << order, order));
            expected.add(new Merge(0, 1L << order, order));
        }
        expected.add(new ListAdd(0, 10, false));
        assertEquals(expected, events);
        assertEquals(boot, buddy.freeLists());
        assertEquals(16384, buddy.nrFree());
        assertEquals(-1, buddy.allocatedOrderAt(0));
        assertNull(buddy.checkInvariants());
    }

    @Test
    void buddyMergeLikelyPutsABlockAtTheTailWhenItsParentsBuddyIsFree() {
        // given: pfn 0 (order 0), 2 (order 1), 1 (order 0) and 4 (order 0) taken
        BuddyAllocator buddy = new BuddyAllocator(16384, 10, 0);
        assertEquals(0, buddy.allocPages(0, null));
        assertEquals(2, buddy.allocPages(1, null));
        assertEquals(1, buddy.allocPages(0, null));
        assertEquals(4, buddy.allocPages(0, null));
        assertEquals(List.of(5L), buddy.freeLists().get(0));
        assertEquals(List.of(6L), buddy.freeLists().get(1));
        List<BuddyEvent> events = new ArrayList<>();

        // when: 2 cannot merge (buddy 0 is taken); its parent 0..3 has buddy 4..7 at order 2, not free
        assertNull(buddy.freePages(2, 1, events::add));

        // then: head
        assertEquals(List.of(new Freed(2, 1), new ListAdd(2, 1, false)), events);
        assertEquals(List.of(2L, 6L), buddy.freeLists().get(1));

        // when: 1 cannot merge (buddy 0 is taken); its parent 0..1 has buddy 2..3 at order 1, now free
        events.clear();
        assertNull(buddy.freePages(1, 0, events::add));

        // then: tail, so that 5 is handed out first and 1 has time to merge when 0 comes back
        assertEquals(List.of(new Freed(1, 0), new ListAdd(1, 0, true)), events);
        assertEquals(List.of(5L, 1L), buddy.freeLists().get(0));
        assertNull(buddy.checkInvariants());

        // when: 0 comes back, it merges with 1 then with 2; its order-2 buddy 4 is still taken
        events.clear();
        assertNull(buddy.freePages(0, 0, events::add));

        // then: higher_page_pfn 0 has the order-3 buddy 8, free: tail again
        assertEquals(List.of(new Freed(0, 0), new ListDel(1, 0), new Merge(0, 1, 0), new ListDel(2, 1),
                new Merge(0, 2, 1), new ListAdd(0, 2, true)), events);
        assertEquals(List.of(0L), buddy.freeLists().get(2));
        assertNull(buddy.checkInvariants());
    }

    @Test
    void buddyMergeLikelyIsNotAskedAtTheTwoHighestOrders() {
        // given: a 16-frame zone with MAX_PAGE_ORDER 3; order-2 blocks 0, 4, 8 taken, 12 free
        BuddyAllocator buddy = new BuddyAllocator(16, 3, 0);
        buddy.allocPages(2, null);
        buddy.allocPages(2, null);
        buddy.allocPages(2, null);
        List<BuddyEvent> events = new ArrayList<>();

        // when: 8 merges with 12 into an order-3 block; 0 cannot merge and is order 2 = MAX_PAGE_ORDER - 1
        buddy.freePages(8, 2, events::add);
        buddy.freePages(0, 2, events::add);

        // then: both go to the head (even though 0's parent's buddy 8 is free at order 3)
        assertEquals(List.of(new Freed(8, 2), new ListDel(12, 2), new Merge(8, 12, 2), new ListAdd(8, 3, false),
                new Freed(0, 2), new ListAdd(0, 2, false)), events);
        assertNull(buddy.checkInvariants());
    }

    @Test
    void aDoubleFreeIsRefusedAndChangesNothing() {
        // given
        BuddyAllocator buddy = new BuddyAllocator(16384, 10, 0);
        long pfn = buddy.allocPages(0, null);
        buddy.allocPages(0, null);
        assertNull(buddy.freePages(pfn, 0, null));
        List<List<Long>> listsBefore = buddy.freeLists();
        List<BuddyEvent> events = new ArrayList<>();

        // when
        String error = buddy.freePages(pfn, 0, events::add);

        // then
        assertNotNull(error);
        assertTrue(error.contains("double free"), error);
        assertEquals(List.of(), events);
        assertEquals(listsBefore, buddy.freeLists());
        assertEquals(16383, buddy.nrFree());
        assertNull(buddy.checkInvariants());
    }

    @Test
    void aFreeOfTheWrongOrderIsRefusedAndChangesNothing() {
        // given
        BuddyAllocator buddy = new BuddyAllocator(16384, 10, 0);
        long pfn = buddy.allocPages(2, null);
        List<List<Long>> listsBefore = buddy.freeLists();
        List<BuddyEvent> events = new ArrayList<>();

        // when
        String wrongOrder = buddy.freePages(pfn, 1, events::add);
        String inside = buddy.freePages(pfn + 1, 0, events::add);

        // then
        assertTrue(wrongOrder.contains("allocated with order 2"), wrongOrder);
        assertTrue(inside.contains("not its first frame"), inside);
        assertEquals(List.of(), events);
        assertEquals(listsBefore, buddy.freeLists());
        assertEquals(2, buddy.allocatedOrderAt(pfn));
        assertNull(buddy.checkInvariants());
    }

    @Test
    void freesOutsideTheZoneOrOfTheKernelImageAreRefused() {
        // given
        BuddyAllocator buddy = new BuddyAllocator(16384, 10, 256);
        int[] buddyinfoBefore = buddy.buddyinfo();

        // when / then
        assertTrue(buddy.freePages(-1, 0, null).contains("outside the zone"));
        assertTrue(buddy.freePages(16384, 0, null).contains("outside the zone"));
        assertTrue(buddy.freePages(1024, 11, null).contains("order 11"));
        assertTrue(buddy.freePages(0, 0, null).contains("reserved"));
        assertTrue(buddy.freePages(1024, 10, null).contains("already free"));
        assertArrayEquals(buddyinfoBefore, buddy.buddyinfo());
        assertEquals(16384 - 256, buddy.nrFree());
        assertNull(buddy.checkInvariants());
    }

    @Test
    void freeingInAnotherOrderRestoresTheBlocksButNotTheirListOrder() {
        // given
        BuddyAllocator buddy = new BuddyAllocator(16384, 10, 0);
        List<List<Long>> boot = buddy.freeLists();
        long first = buddy.allocPages(10, null);
        long second = buddy.allocPages(10, null);

        // when: the first block back first, so the second lands in front of it
        buddy.freePages(first, 10, null);
        buddy.freePages(second, 10, null);

        // then
        assertEquals(List.of(1024L, 0L, 2048L), buddy.freeLists().get(10).subList(0, 3));
        assertEquals(boot.get(10).size(), buddy.freeLists().get(10).size());
        assertNull(buddy.checkInvariants());
    }
}
