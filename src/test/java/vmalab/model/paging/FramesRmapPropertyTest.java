package vmalab.model.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The reverse map of {@link Frames} (one entry inline, the rest pooled) against a list per frame (what it
 * replaced): random adds and removes over a few frames keep the same entries in the same order, the same
 * mapcount, and a copy taken midway keeps its own.
 */
class FramesRmapPropertyTest {
    @Provide
    Arbitrary<List<Integer>> ops() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(1).ofMaxSize(300);
    }

    @Property(tries = 300)
    void keepsTheOrderOfAList(@ForAll("ops") List<Integer> ops) {
        int n = 4;
        Frames frames = new Frames(n);
        List<List<Mapping>> ref = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            frames.make(i, FrameKind.ANON);
            ref.add(new ArrayList<>());
        }
        Frames copy = null;
        List<List<Mapping>> copyRef = null;
        for (int x : ops) {
            int pfn = x % n;
            Mapping m = new Mapping(1 + (x >>> 2) % 3, 0x1000L * ((x >>> 4) % 3));
            if ((x >>> 8) % 3 == 0) {
                assertEquals(ref.get(pfn).remove(m), frames.removeMapping(pfn, m.mmId(), m.addr()));
            } else {
                ref.get(pfn).add(m);
                frames.addMapping(pfn, m.mmId(), m.addr());
            }
            assertEquals(ref.get(pfn).contains(m), frames.hasMapping(pfn, m.mmId(), m.addr()));
            if (copy == null && x % 7 == 0) {
                copy = frames.copy();
                copyRef = new ArrayList<>();
                for (List<Mapping> l : ref) copyRef.add(new ArrayList<>(l));
            }
        }
        for (int i = 0; i < n; i++) {
            assertEquals(ref.get(i), frames.mappings(i));
            assertEquals(ref.get(i).size(), frames.mapcount(i));
            if (copy != null) assertEquals(copyRef.get(i), copy.mappings(i));
        }
        frames.clear(0);
        assertEquals(List.of(), frames.mappings(0));
        assertEquals(FrameKind.FREE, frames.kind(0));
    }
}
