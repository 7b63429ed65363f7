package vmalab.io;

import java.util.List;

/** The pagemap entries of one mapping, one per page from its start (fewer when the file ended early). */
public record VmaPages(MapEntry vma, List<PagemapEntry> pages) {
    public VmaPages {
        pages = List.copyOf(pages);
    }

    public long presentCount() {
        return pages.stream().filter(PagemapEntry::present).count();
    }

    public long swappedCount() {
        return pages.stream().filter(PagemapEntry::swapped).count();
    }
}
