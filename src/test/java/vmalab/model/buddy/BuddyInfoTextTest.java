package vmalab.model.buddy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The /proc/buddyinfo line of mm/vmstat.c: frag_show_print(). */
class BuddyInfoTextTest {

    @Test
    void aFreshZonePrintsLikeProcBuddyinfo() {
        // given
        BuddyAllocator buddy = new BuddyAllocator(16384, 10, 0);

        // when
        String line = buddy.buddyinfoText(0, "Normal");

        // then: "Node %d, zone %8s " then "%6lu " per order, then '\n'
        assertEquals("Node 0, zone   Normal "
                + "     0      0      0      0      0      0      0      0      0      0     16 \n", line);
    }

    @Test
    void afterOneOrderZeroAllocationEveryOrderHasOneBlock() {
        // given
        BuddyAllocator buddy = new BuddyAllocator(16384, 10, 0);
        buddy.allocPages(0, null);

        // when
        String line = buddy.buddyinfoText("0", "DMA32");

        // then
        assertEquals("Node 0, zone    DMA32 "
                + "     1      1      1      1      1      1      1      1      1      1     15 \n", line);
    }

    @Test
    void aZoneNameLongerThanEightCharactersIsNotCut() {
        // given: MAX_PAGE_ORDER 0, three free frames
        BuddyAllocator buddy = new BuddyAllocator(4, 0, 1);

        // when
        String line = buddy.buddyinfoText(1, "Movable12");

        // then
        assertEquals("Node 1, zone Movable12      3 \n", line);
    }
}
