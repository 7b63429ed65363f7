package vmalab.model.rbtree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random insert/erase/replace sequences against java.util.TreeMap. */
class RbTreePropertyTest {
    record Item(long key, int version) { }

    enum Kind { INSERT, ERASE, REPLACE }

    record Op(Kind kind, long key) { }

    @Provide
    Arbitrary<List<Op>> ops() {
        // a small key range so that inserts collide and erases hit
        Arbitrary<Op> op = Combinators.combine(
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(5, Arbitraries.just(Kind.INSERT)),
                        net.jqwik.api.Tuple.of(3, Arbitraries.just(Kind.ERASE)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.REPLACE))),
                Arbitraries.longs().between(0, 120)).as(Op::new);
        return op.list().ofMaxSize(300);
    }

    @Property(tries = 3000)
    void behavesLikeATreeMapAndKeepsItsInvariants(@ForAll("ops") List<Op> ops) {
        RbTree<Item> tree = new RbTree<>(Item::key);
        TreeMap<Long, Item> reference = new TreeMap<>();
        Map<Long, RbColor> replayed = new HashMap<>();
        int version = 0;

        for (Op op : ops) {
            List<RbStep> steps = new ArrayList<>();
            RbNode<Item> node = tree.find(op.key());
            switch (op.kind()) {
                case INSERT -> {
                    Item item = new Item(op.key(), ++version);
                    if (reference.containsKey(op.key())) {
                        assertThrows(IllegalArgumentException.class, () -> tree.insert(item, steps::add));
                        assertEquals(List.of(), steps);
                    } else {
                        RbNode<Item> inserted = tree.insert(item, steps::add);
                        assertEquals(item, inserted.value());
                        reference.put(op.key(), item);
                    }
                }
                case ERASE -> {
                    if (node != null) {
                        tree.erase(node, steps::add);
                        reference.remove(op.key());
                        replayed.remove(op.key());
                    }
                }
                case REPLACE -> {
                    if (node != null) {
                        // move the key halfway towards the predecessor when there is room, else keep it
                        long low = node.prev() == null ? -1 : node.prev().key();
                        long newKey = op.key() - low > 1 ? (low + op.key() + 1) / 2 : op.key();
                        Item item = new Item(newKey, ++version);
                        tree.replace(node, item);
                        reference.remove(op.key());
                        reference.put(newKey, item);
                        replayed.put(newKey, replayed.remove(op.key()));
                        if (node.prev() != null) {
                            long prev = node.prev().key();
                            assertThrows(IllegalArgumentException.class,
                                    () -> tree.replace(node, new Item(prev, -1)));
                        }
                        if (node.next() != null) {
                            long next = node.next().key();
                            assertThrows(IllegalArgumentException.class,
                                    () -> tree.replace(node, new Item(next, -1)));
                        }
                    }
                }
            }
            replay(steps, replayed);

            assertNull(tree.checkInvariants(), () -> "after " + op);
            assertEquals(new ArrayList<>(reference.values()), tree.values(), () -> "after " + op);
            assertEquals(reference.size(), tree.size());
            assertColoursMatch(tree, replayed);
        }
    }

    /** Every colour change must be reported: replaying Link (red) and Recolor gives the tree's colours. */
    private static void replay(List<RbStep> steps, Map<Long, RbColor> colours) {
        for (RbStep s : steps) {
            if (s instanceof RbStep.Link l) {
                colours.put(l.key(), RbColor.RED);
            } else if (s instanceof RbStep.Recolor r) {
                colours.put(r.key(), r.color());
            }
        }
    }

    private static void assertColoursMatch(RbTree<Item> tree, Map<Long, RbColor> replayed) {
        assertEquals(tree.size(), replayed.size());
        for (RbNode<Item> n = tree.first(); n != null; n = n.next()) {
            assertEquals(n.color(), replayed.get(n.key()), "colour of " + n.key());
        }
    }

    @Property(tries = 500)
    void lookupsAgreeWithTreeMap(@ForAll("ops") List<Op> ops, @ForAll("probes") List<Long> probes) {
        RbTree<Item> tree = new RbTree<>(Item::key);
        TreeMap<Long, Item> reference = new TreeMap<>();
        for (Op op : ops) {
            if (!reference.containsKey(op.key())) {
                Item item = new Item(op.key(), 0);
                tree.insert(item, null);
                reference.put(op.key(), item);
            }
        }

        for (long p : probes) {
            assertEquals(reference.get(p), value(tree.find(p)));
            assertEquals(reference.floorKey(p), key(tree.floor(p)));
            assertEquals(reference.ceilingKey(p), key(tree.ceiling(p)));
        }
        RbTree<Item> copy = tree.copy();
        assertNull(copy.checkInvariants());
        assertEquals(tree.values(), copy.values());
    }

    @Provide
    Arbitrary<List<Long>> probes() {
        return Arbitraries.longs().between(-5, 125).list().ofMaxSize(50);
    }

    private static Item value(RbNode<Item> n) {
        return n == null ? null : n.value();
    }

    private static Long key(RbNode<Item> n) {
        return n == null ? null : n.key();
    }
}
