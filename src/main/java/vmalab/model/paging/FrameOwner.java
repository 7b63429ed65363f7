package vmalab.model.paging;

/**
 * Who a frame is handed to, as data: what for ({@link Role}), the mm and address for an mm's pages, the file
 * and page index for the page cache, the level for a page table, the name of an alloc_pages block.
 * {@code vmalab.io.Narrator} renders it ("anonymous page at 7ffff7ff9000").
 */
public record FrameOwner(Role role, long mmId, long addr, Object ref) {
    public enum Role {
        FREE, ANON_PAGE, PRIVATE_COPY, PAGE_CACHE, SHMEM, PAGE_TABLE, ZERO_PAGE, VDSO, VVAR, ALLOC_PAGES
    }

    public static final FrameOwner FREE = new FrameOwner(Role.FREE, 0, 0, null);
    static final FrameOwner ZERO_PAGE = new FrameOwner(Role.ZERO_PAGE, 0, 0, null);
    static final FrameOwner VDSO = new FrameOwner(Role.VDSO, 0, 0, null);
    static final FrameOwner VVAR = new FrameOwner(Role.VVAR, 0, 0, null);

    static FrameOwner anon(long mmId, long addr) {
        return new FrameOwner(Role.ANON_PAGE, mmId, addr, null);
    }

    static FrameOwner privateCopy(long mmId, long addr) {
        return new FrameOwner(Role.PRIVATE_COPY, mmId, addr, null);
    }

    /** A page-cache page: {@code index} of {@code file}. */
    static FrameOwner cache(FileKey file, long index) {
        return new FrameOwner(file.shmem() ? Role.SHMEM : Role.PAGE_CACHE, 0, index, file);
    }

    static FrameOwner table(long mmId, TableFormat.Level level) {
        return new FrameOwner(Role.PAGE_TABLE, mmId, 0, level);
    }

    /** An alloc_pages block, named or not (null). */
    static FrameOwner allocPages(String name) {
        return new FrameOwner(Role.ALLOC_PAGES, 0, 0, name);
    }
}
