package vmalab.model.cow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Copy-on-write arrays against plain arrays: random writes to an original and to copies taken along the way
 * (copies of copies too) leave each exactly as a plain array given the same writes, over lengths that end
 * inside a chunk.
 */
class CowArraysPropertyTest {
    @Provide
    Arbitrary<List<Integer>> ops() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(1).ofMaxSize(300);
    }

    @Property(tries = 200)
    void copiesNeverSeeEachOthersWrites(@ForAll("ops") List<Integer> ops) {
        int length = 3 * CowInts.CHUNK + 17;
        List<CowInts> ints = new ArrayList<>(List.of(new CowInts(length, -1)));
        List<CowLongs> longs = new ArrayList<>(List.of(new CowLongs(length, 5)));
        List<CowBytes> bytes = new ArrayList<>(List.of(new CowBytes(length, (byte) 0)));
        List<int[]> refInts = new ArrayList<>();
        List<long[]> refLongs = new ArrayList<>();
        List<byte[]> refBytes = new ArrayList<>();
        refInts.add(filled(length, -1));
        long[] l0 = new long[length];
        java.util.Arrays.fill(l0, 5);
        refLongs.add(l0);
        refBytes.add(new byte[length]);
        for (int x : ops) {
            int which = x % ints.size();
            int i = (x >>> 4) % length;
            if ((x >>> 28) == 0 && ints.size() < 6) {
                ints.add(ints.get(which).copy());
                longs.add(longs.get(which).copy());
                bytes.add(bytes.get(which).copy());
                refInts.add(refInts.get(which).clone());
                refLongs.add(refLongs.get(which).clone());
                refBytes.add(refBytes.get(which).clone());
                continue;
            }
            ints.get(which).set(i, x);
            refInts.get(which)[i] = x;
            assertEquals(refLongs.get(which)[i] += 3, longs.get(which).add(i, 3));
            bytes.get(which).set(i, (byte) x);
            refBytes.get(which)[i] = (byte) x;
        }
        for (int c = 0; c < ints.size(); c++) {
            for (int i = 0; i < length; i++) {
                assertEquals(refInts.get(c)[i], ints.get(c).get(i));
                assertEquals(refLongs.get(c)[i], longs.get(c).get(i));
                assertEquals(refBytes.get(c)[i], bytes.get(c).get(i));
            }
        }
    }

    private static int[] filled(int n, int v) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
