package vmalab.model.paging;

/** One page table of an mm, for the page-table view: its level, the addresses it covers, its frame, its use. */
public record TableInfo(String level, long base, long span, long pfn, int usedEntries, int entries) {
}
