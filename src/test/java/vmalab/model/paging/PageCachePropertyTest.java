package vmalab.model.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The array-backed page cache against a LinkedHashMap in access order (what it replaced): after random adds,
 * lookups, touches and removes over a few files (two paths of one inode among them), the same frames, the
 * same LRU order with the same paths, and the same per-file indexes; a copy taken midway is not changed by
 * what follows.
 */
class PageCachePropertyTest {
    static final FileKey[] FILES = {
        new FileKey(0xfe, 0, 1000, "/a"), new FileKey(0xfe, 0, 1001, "/b"), new FileKey(0xfe, 0, 1000, "/a-link"),
        new FileKey(0, 1, 7, "/dev/zero (deleted)")};

    @Provide
    Arbitrary<List<Integer>> ops() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(1).ofMaxSize(400);
    }

    @Property(tries = 300)
    void behavesAsAnAccessOrderedMap(@ForAll("ops") List<Integer> ops) {
        PageCache cache = new PageCache();
        LinkedHashMap<PageCache.Key, Long> ref = new LinkedHashMap<>();
        PageCache copy = null;
        List<Map.Entry<PageCache.Key, Long>> copyWas = null;
        long nextPfn = 1;
        for (int x : ops) {
            FileKey f = FILES[x % FILES.length];
            long index = (x >>> 3) % 40;
            PageCache.Key k = new PageCache.Key(f, index);
            switch ((x >>> 9) % 4) {
                case 0 -> {
                    if (cache.lookup(f, index) < 0) {
                        cache.add(f, index, nextPfn);
                        ref.put(k, nextPfn++);
                    }
                }
                case 1 -> {
                    cache.touch(f, index);
                    Long pfn = ref.remove(k);
                    if (pfn != null) ref.put(k, pfn);
                }
                case 2 -> {
                    cache.remove(f, index);
                    ref.remove(k);
                }
                default -> assertEquals(ref.getOrDefault(k, -1L), cache.lookup(f, index));
            }
            if (copy == null && ref.size() > 10) {
                copy = cache.copy();
                copyWas = cache.entries();
            }
        }
        assertEquals(entries(ref), texts(cache.entries()));
        assertEquals(ref.size(), cache.size());
        for (FileKey f : FILES) {
            TreeSet<Long> want = new TreeSet<>();
            for (PageCache.Key k : ref.keySet()) if (k.file().equals(f)) want.add(k.index());
            assertEquals(new ArrayList<>(want), cache.indexes(f));
        }
        if (copy != null) assertEquals(texts(copyWas), texts(copy.entries()));
    }

    private static List<String> entries(Map<PageCache.Key, Long> m) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<PageCache.Key, Long> e : m.entrySet()) {
            out.add(e.getKey().file().path() + "#" + e.getKey().index() + "=" + e.getValue());
        }
        return out;
    }

    private static List<String> texts(List<Map.Entry<PageCache.Key, Long>> es) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<PageCache.Key, Long> e : es) {
            out.add(e.getKey().file().path() + "#" + e.getKey().index() + "=" + e.getValue());
        }
        return out;
    }
}
