package vmalab.model.buddy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import vmalab.model.buddy.BuddyEvent.Allocated;
import vmalab.model.buddy.BuddyEvent.Freed;
import vmalab.model.buddy.BuddyEvent.ListAdd;
import vmalab.model.buddy.BuddyEvent.ListDel;
import vmalab.model.buddy.BuddyEvent.Merge;
import vmalab.model.buddy.BuddyEvent.Split;

/**
 * Random alloc/free sequences: the invariants hold after every step, the events replayed on plain deques give
 * the same free lists, and once everything is given back the zone holds exactly the blocks it booted with.
 */
class BuddyAllocatorPropertyTest {
    record Zone(int frames, int maxOrder, int reservedFrames) { }

    record Block(long pfn, int order) { }

    @Provide
    Arbitrary<Zone> zones() {
        return Arbitraries.integers().between(1, 4096).flatMap(frames -> Combinators.combine(
                Arbitraries.integers().between(0, 10),
                Arbitraries.integers().between(0, frames)).as((maxOrder, reserved) ->
                        new Zone(frames, maxOrder, reserved)));
    }

    @Provide
    Arbitrary<Zone> defaultZones() {
        return Arbitraries.integers().between(0, 512).map(reserved -> new Zone(16384, 10, reserved));
    }

    @Provide
    Arbitrary<List<Integer>> ops() {
        return Arbitraries.integers().between(0, 1 << 20).list().ofMaxSize(200);
    }

    @Property(tries = 1000)
    void randomSequencesKeepTheInvariantsAndFreeingAllRestoresTheBootBlocks(
            @ForAll("zones") Zone zone, @ForAll("ops") List<Integer> ops) {
        run(zone, ops);
    }

    @Property(tries = 40)
    void theSameOnTheDefaultZone(@ForAll("defaultZones") Zone zone, @ForAll("ops") List<Integer> ops) {
        run(zone, ops);
    }

    private static void run(Zone zone, List<Integer> ops) {
        BuddyAllocator buddy = new BuddyAllocator(zone.frames(), zone.maxOrder(), zone.reservedFrames());
        BuddyAllocator boot = buddy.copy();
        assertNull(buddy.checkInvariants());
        List<Deque<Long>> replayed = new ArrayList<>();
        for (List<Long> list : buddy.freeLists()) {
            replayed.add(new ArrayDeque<>(list));
        }
        List<Block> live = new ArrayList<>();

        for (int op : ops) {
            List<BuddyEvent> events = new ArrayList<>();
            if (live.isEmpty() || op % 3 != 0) {
                // small orders are common, large ones rare: order k with probability 2^-(k+1)
                int order = Integer.numberOfTrailingZeros((op / 3) | (1 << zone.maxOrder()));
                long pfn = buddy.allocPages(order, events::add);
                if (pfn < 0) {
                    assertEquals(List.of(), events);
                } else {
                    live.add(new Block(pfn, order));
                    assertEquals(new Allocated(pfn, order), events.get(events.size() - 1));
                }
            } else {
                Block block = live.remove((op / 3) % live.size());
                assertNull(buddy.freePages(block.pfn(), block.order(), events::add));
                assertEquals(new Freed(block.pfn(), block.order()), events.get(0));
                // the block is gone now: a second free must be refused
                assertTrue(buddy.freePages(block.pfn(), block.order(), events::add) != null);
            }
            replay(events, replayed);
            assertState(buddy, zone, live, replayed);
        }

        Random shuffle = new Random(ops.hashCode());
        while (!live.isEmpty()) {
            Block block = live.remove(shuffle.nextInt(live.size()));
            List<BuddyEvent> events = new ArrayList<>();
            assertNull(buddy.freePages(block.pfn(), block.order(), events::add));
            replay(events, replayed);
        }
        assertState(buddy, zone, live, replayed);
        assertArrayEquals(boot.buddyinfo(), buddy.buddyinfo());
        assertEquals(boot.nrFree(), buddy.nrFree());
        for (int order = 0; order <= zone.maxOrder(); order++) {
            // the same blocks; their order within a list depends on the order they came back in
            assertEquals(sorted(boot.freeLists().get(order)), sorted(buddy.freeLists().get(order)), "order " + order);
        }
    }

    private static void replay(List<BuddyEvent> events, List<Deque<Long>> lists) {
        for (BuddyEvent event : events) {
            if (event instanceof ListAdd add) {
                if (add.tail()) {
                    lists.get(add.order()).addLast(add.pfn());
                } else {
                    lists.get(add.order()).addFirst(add.pfn());
                }
            } else if (event instanceof ListDel del) {
                assertTrue(lists.get(del.order()).remove(del.pfn()), event::toString);
            } else if (event instanceof Merge merge) {
                assertEquals(merge.pfn() ^ (1L << merge.order()), merge.buddyPfn());
            } else if (event instanceof Split split) {
                assertEquals(0, split.pfn() & ((1L << split.order()) - 1));
            }
        }
    }

    private static void assertState(BuddyAllocator buddy, Zone zone, List<Block> live, List<Deque<Long>> replayed) {
        assertNull(buddy.checkInvariants());
        List<List<Long>> lists = buddy.freeLists();
        for (int order = 0; order <= zone.maxOrder(); order++) {
            assertEquals(List.copyOf(replayed.get(order)), lists.get(order), "replayed list " + order);
        }
        long allocated = 0;
        for (Block block : live) {
            assertEquals(block.order(), buddy.allocatedOrderAt(block.pfn()));
            allocated += 1L << block.order();
        }
        assertEquals(zone.frames() - zone.reservedFrames() - allocated, buddy.nrFree());
    }

    private static List<Long> sorted(List<Long> list) {
        return list.stream().sorted().toList();
    }
}
