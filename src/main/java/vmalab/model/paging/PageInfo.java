package vmalab.model.paging;

/** One page of a VMA that has a PTE: its address, the entry, and what owns the frame behind it. */
public record PageInfo(long addr, Pte pte, FrameKind kind) {
}
