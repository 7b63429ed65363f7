package vmalab.model.maple;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Random page-aligned stores and erases against a plain interval map: after every store the tree holds the
 * same ranges (NULL ranges coalesced, equal neighbours kept apart) and keeps every rule of MapleInvariants.
 */
class MaplePropertyTest {
    private static final long PAGE = 0x1000;

    /** The reference: non-NULL ranges by first index, each {first, last, value}. */
    static final class IntervalMap {
        final TreeMap<Long, long[]> map = new TreeMap<>(Long::compareUnsigned);

        void store(long first, long last, Long value) {
            List<long[]> keep = new ArrayList<>();
            Map.Entry<Long, long[]> below = map.lowerEntry(first);
            if (below != null && Long.compareUnsigned(below.getValue()[1], first) >= 0) {
                long[] r = map.remove(below.getKey());
                keep.add(new long[] {r[0], first - 1, r[2]});
                if (Long.compareUnsigned(r[1], last) > 0) keep.add(new long[] {last + 1, r[1], r[2]});
            }
            while (true) {
                Map.Entry<Long, long[]> e = map.ceilingEntry(first);
                if (e == null || Long.compareUnsigned(e.getKey(), last) > 0) break;
                long[] r = map.remove(e.getKey());
                if (Long.compareUnsigned(r[1], last) > 0) keep.add(new long[] {last + 1, r[1], r[2]});
            }
            for (long[] k : keep) map.put(k[0], k);
            if (value != null) map.put(first, new long[] {first, last, value});
        }
    }

    static void assertSame(IntervalMap ref, MapleTree<Long> t) {
        List<long[]> expected = new ArrayList<>(ref.map.values());
        List<long[]> actual = new ArrayList<>();
        for (Object[] r : t.ranges()) {
            if (r[2] != null) actual.add(new long[] {(Long) r[0], (Long) r[1], (Long) r[2]});
        }
        assertEquals(expected.size(), actual.size(), "number of entries");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(List.of(expected.get(i)[0], expected.get(i)[1], expected.get(i)[2]),
                List.of(actual.get(i)[0], actual.get(i)[1], actual.get(i)[2]), "entry " + i);
        }
    }

    /** The same random walk reaches every store path and a tree of three levels, so the property means something. */
    @net.jqwik.api.Example
    void randomStoresTakeEveryPath() {
        java.util.Random rnd = new java.util.Random(42);
        java.util.EnumSet<StoreType> seen = java.util.EnumSet.noneOf(StoreType.class);
        int maxHeight = 0;
        for (boolean rcu : new boolean[] {true, false}) {
            MapleTree<Long> t = new MapleTree<>(rcu);
            IntervalMap ref = new IntervalMap();
            for (int i = 0; i < 20000; i++) {
                long first = (1 + rnd.nextInt(6000)) * PAGE;
                int kind = rnd.nextInt(100);
                long len = (kind == 99 ? 1 + rnd.nextInt(3000) : 1 + rnd.nextInt(4)) * PAGE;
                Long value = kind < 70 ? Long.valueOf(i + 1) : null;
                seen.add(t.store(first, first + len - 1, value).type());
                ref.store(first, first + len - 1, value);
                maxHeight = Math.max(maxHeight, t.height());
            }
            assertNull(MapleInvariants.check(t));
            assertSame(ref, t);
        }
        assertEquals(java.util.EnumSet.complementOf(java.util.EnumSet.of(StoreType.NEW_ROOT)), seen);
        org.junit.jupiter.api.Assertions.assertTrue(maxHeight >= 3, "height " + maxHeight);
    }

    @Property(tries = 60)
    void storesKeepContentsAndRules(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long seed,
                                    @ForAll @IntRange(min = 200, max = 3000) int ops,
                                    @ForAll boolean rcu) {
        java.util.Random rnd = new java.util.Random(seed);
        MapleTree<Long> t = new MapleTree<>(rcu);
        IntervalMap ref = new IntervalMap();
        int pages = 64 + rnd.nextInt(4000);
        for (int i = 0; i < ops; i++) {
            long first = (1 + rnd.nextInt(pages)) * PAGE;
            int kind = rnd.nextInt(10);
            long len = (kind == 9 ? 1 + rnd.nextInt(pages / 2) : 1 + rnd.nextInt(8)) * PAGE;
            long last = first + len - 1;
            Long value = kind < 6 ? Long.valueOf(i + 1) : null;
            MapleStep step = t.store(first, last, value);
            ref.store(first, last, value);
            assertNull(MapleInvariants.check(t), () -> "after " + step);
            assertSame(ref, t);
        }
    }
}
