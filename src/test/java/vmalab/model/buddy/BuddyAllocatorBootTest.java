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

/** Boot: memblock_free_all() hands everything above the kernel image to the buddy allocator. */
class BuddyAllocatorBootTest {

    @Test
    void sixtyFourMebibytesWithoutReservationBootAsSixteenOrderTenBlocksAscending() {
        // given / when
        BuddyAllocator buddy = new BuddyAllocator(16384, 10, 0);

        // then
        List<Long> orderTen = new ArrayList<>();
        for (long pfn = 0; pfn < 16384; pfn += 1024) {
            orderTen.add(pfn);
        }
        List<List<Long>> lists = buddy.freeLists();
        assertEquals(11, lists.size());
        for (int order = 0; order < 10; order++) {
            assertEquals(List.of(), lists.get(order), "order " + order);
        }
        assertEquals(orderTen, lists.get(10));
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 16}, buddy.buddyinfo());
        assertEquals(16384, buddy.nrFree());
        assertEquals(0, buddy.nrAllocated());
        assertNull(buddy.checkInvariants());
    }

    @Test
    void aReservedKernelImageLeavesTheLargestAlignedBlocksAboveIt() {
        // given / when: 256 frames (1 MiB) of kernel image
        BuddyAllocator buddy = new BuddyAllocator(16384, 10, 256);

        // then: 256 is aligned to 2^8, 512 to 2^9, from 1024 on to 2^10
        List<Long> orderTen = new ArrayList<>();
        for (long pfn = 1024; pfn < 16384; pfn += 1024) {
            orderTen.add(pfn);
        }
        List<List<Long>> lists = buddy.freeLists();
        for (int order = 0; order < 8; order++) {
            assertEquals(List.of(), lists.get(order), "order " + order);
        }
        assertEquals(List.of(256L), lists.get(8));
        assertEquals(List.of(512L), lists.get(9));
        assertEquals(orderTen, lists.get(10));
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 15}, buddy.buddyinfo());
        assertEquals(16384 - 256, buddy.nrFree());
        assertTrue(buddy.isReserved(255));
        assertFalse(buddy.isFree(255));
        assertTrue(buddy.isFree(256));
        assertNull(buddy.checkInvariants());
    }

    @Test
    void aRaggedZoneIsCutAtBothEndsAndEachListIsInAscendingOrder() {
        // given / when: 1000 frames, 3 reserved: blocks shrink to stay aligned at the start and to fit at the end
        BuddyAllocator buddy = new BuddyAllocator(1000, 10, 3);

        // then
        assertEquals(List.of(
                List.of(3L),
                List.of(),
                List.of(4L),
                List.of(8L, 992L),
                List.of(16L),
                List.of(32L, 960L),
                List.of(64L, 896L),
                List.of(128L, 768L),
                List.of(256L, 512L),
                List.of(),
                List.of()), buddy.freeLists());
        assertEquals(997, buddy.nrFree());
        assertEquals(7, buddy.freeOrderAt(768));
        assertEquals(6, buddy.freeOrderAt(896));
        assertEquals(-1, buddy.freeOrderAt(897));
        assertEquals(896, buddy.freeBlockAt(959));
        assertNull(buddy.checkInvariants());
    }

    @Test
    void everythingReservedLeavesNothingFree() {
        // given / when
        BuddyAllocator buddy = new BuddyAllocator(64, 3, 64);

        // then
        assertEquals(0, buddy.nrFree());
        assertEquals(-1, buddy.allocPages(0, null));
        assertNull(buddy.checkInvariants());
    }

    @Test
    void sizesThatMakeNoZoneAreBugs() {
        assertThrows(IllegalArgumentException.class, () -> new BuddyAllocator(0, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> new BuddyAllocator(16, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new BuddyAllocator(16, 31, 0));
        assertThrows(IllegalArgumentException.class, () -> new BuddyAllocator(16, 3, 17));
        assertThrows(IllegalArgumentException.class, () -> new BuddyAllocator(16, 3, -1));
    }

    @Test
    void theDefaultZoneIsSixtyFourMebibytesOfMaxOrderTen() {
        BuddyAllocator buddy = new BuddyAllocator(0);

        assertEquals(16384, buddy.frames());
        assertEquals(10, buddy.maxOrder());
        assertEquals(0, buddy.reservedFrames());
    }
}
