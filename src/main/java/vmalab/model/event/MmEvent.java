package vmalab.model.event;

import java.util.List;
import vmalab.model.mm.Vma;

/** Changes to an address space (mm_struct) and its VMAs. */
public sealed interface MmEvent extends SimEvent {
    long mmId();

    /** vma_link(): a VMA entered the tree and the list. */
    record VmaInserted(long mmId, Vma vma) implements MmEvent { }

    /** vma_unlink / remove_vma(): a VMA left the tree and the list. */
    record VmaRemoved(long mmId, Vma vma) implements MmEvent { }

    /** A VMA changed in place (vma_adjust(), vm_flags update, stack growth). */
    record VmaChanged(long mmId, Vma before, Vma after) implements MmEvent { }

    /** __split_vma(): one VMA became two at {@code at}. */
    record VmaSplit(long mmId, Vma original, long at) implements MmEvent { }

    /** vma_merge(): neighbours joined into {@code result}. */
    record VmaMerged(long mmId, List<Vma> parts, Vma result) implements MmEvent { }

    /** find_vma(addr): the tree nodes visited (their vm_start) and the VMA found, or null. */
    record FindVma(long mmId, long addr, List<Long> visited, Vma found) implements MmEvent { }

    /** mm->brk moved. */
    record BrkMoved(long mmId, long oldBrk, long newBrk) implements MmEvent { }
}
