package vmalab.model.paging;

/**
 * A read-only look at the struct page of one frame in use, for code that asks about one page at a time; the
 * struct pages themselves are {@link Frames}' arrays.
 */
final class Page {
    final FrameKind kind;
    final int refcount;
    final boolean dirty;
    private final int mapcount;

    Page(FrameKind kind, int refcount, int mapcount, boolean dirty) {
        this.kind = kind;
        this.refcount = refcount;
        this.mapcount = mapcount;
        this.dirty = dirty;
    }

    int mapcount() {
        return mapcount;
    }

    boolean inPageCache() {
        return kind == FrameKind.FILE || kind == FrameKind.SHMEM;
    }
}
