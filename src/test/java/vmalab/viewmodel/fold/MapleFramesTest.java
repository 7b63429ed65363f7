package vmalab.viewmodel.fold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.event.MapleStepped;
import vmalab.model.event.SimEvent;
import vmalab.model.maple.MapleTree.NodeInfo;
import vmalab.model.maple.StoreType;
import vmalab.model.mm.MapleReplay;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Prot;
import vmalab.model.mm.VmaRef;
import vmalab.model.op.Op;
import vmalab.model.syscall.Syscalls;

/**
 * The Maple tree view replays a step's stores node by node: the frame after each store is what the tree was at
 * that point, from the tree before the step to the model's tree after it.
 */
class MapleFramesTest {
    private static Op mmap(long addr, long pages, int prot) {
        return new Op.Mmap(addr, pages * 0x1000, prot, false, null, 0, true, false, false, false, false);
    }

    /** A node and its children as text: type, range, pivots, and each leaf slot's VMA start or NULL. */
    static String dump(NodeInfo n) {
        if (n == null) return "empty";
        StringBuilder b = new StringBuilder();
        dump(n, 0, b);
        return b.toString();
    }

    private static void dump(NodeInfo n, int depth, StringBuilder b) {
        b.append("  ".repeat(depth)).append(n.type()).append(String.format(" [%x, %x]", n.min(), n.max()));
        for (int i = 0; i <= n.end(); i++) {
            b.append(String.format(" %x", n.slotMax(i)));
            if (n.isLeaf()) {
                Object e = n.entry(i);
                b.append(e == null ? "=NULL" : String.format("=%x", ((VmaRef) e).vma().start()));
            }
        }
        b.append('\n');
        if (!n.isLeaf()) for (int i = 0; i <= n.end(); i++) dump(n.child(i), depth + 1, b);
    }

    private static Mm mm(Kernel k) {
        return k.mms().iterator().next();
    }

    /** A maple process with {@code n} VMAs apart from each other (a NULL range between each two). */
    private static Kernel process(int n) {
        Kernel k = new Kernel();
        Syscalls.apply(k, new Op.Exec("p", "empty", "maple"));
        for (int i = 0; i < n; i++) Syscalls.apply(k, mmap(0x10000000L + i * 0x4000L, 1, Prot.READ));
        return k;
    }

    private static List<Integer> storesAt(OpResult r) {
        List<Integer> at = new ArrayList<>();
        List<SimEvent> ev = r.events();
        for (int i = 0; i < ev.size(); i++) if (ev.get(i) instanceof MapleStepped) at.add(i);
        return at;
    }

    @Test
    void aSplitIsReplayedFromTheTreeBeforeToTheTreeAfter() {
        // given: 7 VMAs apart fill 15 of a leaf's 16 slots (NULL, VMA, NULL, …, VMA, NULL), so a mapping in a gap
        // (NULL, VMA, NULL in place of one NULL) overflows it: mas_split(), height 1 → 2
        Kernel k = process(7);
        assertEquals(1, mm(k).index().height());
        String before = dump(mm(k).index().mapleRoot());
        StepStart start = StepStart.of(k);

        // when: a mapping in a gap, then the step folded
        OpResult r = Syscalls.apply(k, mmap(0x10000000L + 2 * 0x4000L + 0x2000, 1, Prot.READ | Prot.WRITE));
        FoldedStep step = FoldedStep.of(k, r, start, null, 1);
        List<Integer> stores = storesAt(r);
        assertTrue(!stores.isEmpty(), "the mapping stored into mm_mt");
        assertTrue(r.events().stream().anyMatch(e -> e instanceof MapleStepped m && m.step().type() == StoreType.SPLIT_STORE),
            "it split: " + r.events());
        assertEquals(2, mm(k).index().height());

        // then: before the first store, the old tree; after the last, the model's tree; at the end, no frame
        MapleReplay.Frame first = step.at(stores.get(0)).mapleFrame(mm(k));
        assertNotNull(first);
        assertEquals(before, dump(first.root()));
        assertEquals(List.of(), first.stores());
        int afterLast = stores.get(stores.size() - 1) + 1;
        assertTrue(afterLast < r.events().size(), "events follow the last store (the syscall's return)");
        {
            MapleReplay.Frame last = step.at(afterLast).mapleFrame(mm(k));
            assertEquals(dump(mm(k).index().mapleRoot()), dump(last.root()), "the replay gives the model's tree");
            assertEquals(stores.size(), last.stores().size());
            for (int i = 0; i < stores.size(); i++) {
                assertEquals(((MapleStepped) r.events().get(stores.get(i))).step(), last.stores().get(i),
                    "replayed store " + i + " took the model's path, nodes and ids");
            }
        }
        assertNull(step.at(r.events().size()).mapleFrame(mm(k)), "every event shown: the model's tree is drawn");
    }

    @Test
    void aMunmapOfAVmasMiddleShowsEachStoreInTurn() {
        Kernel k = process(3);
        Syscalls.apply(k, mmap(0x20000000L, 8, Prot.READ | Prot.WRITE));
        String before = dump(mm(k).index().mapleRoot());
        StepStart start = StepStart.of(k);

        OpResult r = Syscalls.apply(k, new Op.Munmap(0x20002000L, 0x3000));
        FoldedStep step = FoldedStep.of(k, r, start, null, 1);
        List<Integer> stores = storesAt(r);
        assertEquals(3, stores.size(), "two split stores and one clear");

        List<String> frames = new ArrayList<>();
        for (int s : stores) frames.add(dump(step.at(s + 1).mapleFrame(mm(k)).root()));
        assertEquals(dump(mm(k).index().mapleRoot()), frames.get(2));
        assertNotEquals(before, frames.get(0), "the new lower part is stored first");
        assertNotEquals(frames.get(0), frames.get(1));
        assertNotEquals(frames.get(1), frames.get(2));
        // after the first split store the lower part [0x20000000, 0x20002000) is its own slot
        assertTrue(frames.get(0).contains(" 20001fff=20000000"), frames.get(0));
    }

    @Test
    void aTreeTooBigIsNotCopiedAndTheStepShowsTheModelsTree() {
        Kernel k = process(StepStart.MAPLE_REPLAY_VMAS + 1);
        StepStart start = StepStart.of(k);
        OpResult r = Syscalls.apply(k, new Op.Munmap(0x10000000L, 0x1000));
        FoldedStep step = FoldedStep.of(k, r, start, null, 1);
        assertNull(step.at(0).mapleFrame(mm(k)));
    }

}
