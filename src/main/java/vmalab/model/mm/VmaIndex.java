package vmalab.model.mm;

import java.util.List;
import java.util.function.Consumer;
import vmalab.model.event.SimEvent;

/**
 * An mm's index of its VMAs by address: mm_rb with the vm_next list before Linux 6.1, the maple tree (mm_mt)
 * after. {@link Mm} changes it and keeps its counters in step; everything else reads it. The VMAs found are
 * {@link VmaRef} handles, the shape for drawing is {@link #root()}, and the structural steps of a change are
 * reported as events (for the red-black tree: {@link vmalab.model.event.RbStepped}).
 */
public interface VmaIndex {
    /**
     * find_vma(): the first VMA with vm_end &gt; addr (addresses compare unsigned), or null. {@code visited} (may
     * be null) collects the path the search took: for the red-black tree, each node's vm_start.
     */
    VmaRef find(long addr, List<Long> visited);

    /** The last VMA with vm_start &lt; addr (find_vma_prev()'s prev), or null. */
    VmaRef findPrev(long addr);

    /** The lowest VMA, or null when there is none. */
    VmaRef first();

    /** The highest VMA, or null when there is none. */
    VmaRef last();

    /** map_count. */
    int size();

    /** Levels of nodes from the root to the deepest leaf: 0 when empty. */
    int height();

    /** The VMAs in address order. */
    List<Vma> vmas();

    /**
     * Links a VMA whose range is free (vma_link() / vma_iter_store()); reports the index's steps to {@code ev}.
     *
     * @throws IllegalArgumentException if a VMA already starts at the same address
     */
    VmaRef insert(Vma v, Consumer<SimEvent> ev);

    /**
     * Unlinks a VMA of this index (vma_rb_erase() / vma_iter_clear()); reports the index's steps to {@code ev}.
     *
     * @throws IllegalArgumentException if the handle is not linked in this index
     */
    void erase(VmaRef ref, Consumer<SimEvent> ev);

    /**
     * Changes a VMA in place, as vma_adjust() does: the new range must keep its place between the neighbours.
     * Steps the index takes (none for the red-black tree, whose shape stays) go to {@code ev}.
     *
     * @throws IllegalArgumentException if the new range leaves its place, or the handle is not in this index
     */
    void replace(VmaRef ref, Vma after, Consumer<SimEvent> ev);

    /**
     * __split_vma(): the VMA of {@code ref} becomes {@code kept} and a new VMA {@code created} takes the rest of
     * its range; returns the new VMA's handle. {@code kept} and {@code created} together cover the old range.
     * The red-black tree changes the node in place, then inserts the new one; the maple tree stores the new VMA
     * over its range, in one store (vma_complete() → vma_iter_store_new()).
     */
    default VmaRef split(VmaRef ref, Vma kept, Vma created, Consumer<SimEvent> ev) {
        replace(ref, kept, ev);
        return insert(created, ev);
    }

    /**
     * The first write of a merge: {@code ref} grows to {@code merged}, over neighbours that the caller unlinks or
     * shrinks next (Mm.merge). The red-black tree does it as {@link #replace}; the maple tree stores the grown VMA
     * over its whole new range, the one store commit_merge() makes (vma_iter_store_overwrite()).
     */
    default void grow(VmaRef ref, Vma merged, Consumer<SimEvent> ev) {
        replace(ref, merged, ev);
    }

    /**
     * Unlinks {@code refs}, the VMAs inside [start, end), as munmap does: the red-black tree erases them one by
     * one; the maple tree clears the whole range in one store (do_vmi_align_munmap() → vma_iter_clear_gfp()).
     */
    default void eraseRange(List<VmaRef> refs, long start, long end, Consumer<SimEvent> ev) {
        for (VmaRef r : refs) erase(r, ev);
    }

    /** unmapped_area(): the lowest free range of len bytes in [low, high); -1 when none. */
    long unmappedArea(long len, long low, long high);

    /** unmapped_area_topdown(): the highest free range of len bytes in [low, high); -1 when none. */
    long unmappedAreaTopDown(long len, long low, long high);

    /** The root of the index's binary shape (mm_rb), for drawing; null when empty or not a binary tree. */
    IndexNode<Vma> root();

    /** Whether this is the maple tree of Linux 6.1+ (mm_mt) rather than mm_rb. */
    default boolean isMaple() {
        return false;
    }

    /** The maple tree's root node, read-only; null when empty or when the index is mm_rb. */
    default vmalab.model.maple.MapleTree.NodeInfo mapleRoot() {
        return null;
    }

    /** The maple tree as it is now, to replay a step's stores on; null for mm_rb or above {@code maxVmas} VMAs. */
    default MapleReplay mapleReplay(int maxVmas) {
        return null;
    }

    /** A deep copy for the mm {@code mmId} (its events carry that id); the VMA records are shared. */
    VmaIndex copy(long mmId);

    /** Null when the index is consistent, else a sentence naming the first broken rule. */
    String checkInvariants();
}
