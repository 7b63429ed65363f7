package vmalab.model.paging;

/** One PTE mapping a frame: the reverse map's view (which mm, which virtual page). */
public record Mapping(long mmId, long addr) {
}
