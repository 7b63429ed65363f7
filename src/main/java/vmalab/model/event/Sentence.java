package vmalab.model.event;

/**
 * Every sentence the narration line can say, one constant each, named after the kernel function at work. The
 * numbers and the reference a {@link Narration} carries fill it in; {@code vmalab.io.Narrator} has the words.
 */
public enum Sentence {
    // mm/mprotect.c, mm/madvise.c
    MPROTECT_FIXUP("mprotect_fixup"),
    MADVISE("madvise"),
    // mm/mmap.c and mm/vma.c
    VMA_MERGE_BOTH("vma_merge"),
    VMA_MERGE_PREV("vma_merge"),
    VMA_MERGE_NEXT("vma_merge"),
    SPLIT_VMA("__split_vma"),
    REMOVE_VMA("remove_vma"),
    GET_UNMAPPED_AREA("get_unmapped_area"),
    MMAP_REGION("mmap_region"),
    BRK_SHRINK("do_vmi_align_munmap"),
    DO_BRK_FLAGS("do_brk_flags"),
    VMA_EXPANDABLE("vma_expandable"),
    MOVE_VMA("move_vma"),
    // the filesystem, fork, exit
    FILE_CREATED("vfs"),
    DUP_MMAP("dup_mmap"),
    COPY_MM_THREAD("copy_mm"),
    EXIT_MMAP("exit_mmap"),
    // exec
    SETUP_ARG_PAGES("setup_arg_pages"),
    LOAD_ELF_BINARY_PIE("load_elf_binary"),
    LOAD_ELF_INTERP_64("load_elf_interp"),
    MAP_VDSO("map_vdso"),
    DL_MAP_LIBC_64("_dl_map_object"),
    LOAD_ELF_BINARY_CLASSIC("load_elf_binary"),
    LOAD_ELF_INTERP_CLASSIC("load_elf_interp"),
    DL_MAP_LIBC_CLASSIC("_dl_map_object"),
    EXPAND_STACK_ARGS("expand_stack"),
    // arch/x86/mm/fault.c
    EXPAND_STACK_FAULT("expand_stack"),
    FORCE_SIG_FAULT("force_sig_fault"),
    // mm/page_alloc.c and reclaim
    ALLOC_PAGES_OOM("__alloc_pages"),
    ALLOC_PAGES_BLOCK("__alloc_pages"),
    ALLOC_PAGES_BAD_ORDER("__alloc_pages"),
    ALLOC_OOM("__alloc_pages"),
    RMQUEUE_SMALLEST("__rmqueue_smallest"),
    EXPAND("expand"),
    FREE_ONE_PAGE("__free_one_page"),
    TRY_TO_FREE_PAGES("try_to_free_pages"),
    WRITEPAGE("writepage"),
    // the page cache
    SHMEM_GET_FOLIO("shmem_get_folio"),
    FILEMAP_READ_FOLIO("filemap_read_folio"),
    SHMEM_EVICT_INODE("shmem_evict_inode"),
    // page tables
    PGD_ALLOC("pgd_alloc"),
    PGD_FREE("pgd_free"),
    // mm/memory.c: the fault handler
    HANDLE_MM_FAULT("handle_mm_fault"),
    HANDLE_MM_FAULT_WALK("__handle_mm_fault"),
    PTE_PROT_UPDATE("handle_pte_fault"),
    PTE_SPURIOUS("handle_pte_fault"),
    PTE_NONE("handle_pte_fault"),
    ANON_VMA_PREPARE("anon_vma_prepare"),
    DO_ANONYMOUS_PAGE_READ("do_anonymous_page"),
    DO_ANONYMOUS_PAGE_WRITE("do_anonymous_page"),
    VDSO_SIGBUS("special_mapping_fault"),
    VVAR_SIGBUS("vvar_fault"),
    VDSO_PAGE("special_mapping_fault"),
    VVAR_PFN("vvar_fault"),
    FILEMAP_PAST_EOF("filemap_fault"),
    SHMEM_PAST_EOF("shmem_fault"),
    DO_READ_FAULT("do_read_fault"),
    FINISH_FAULT("finish_fault"),
    DO_FAULT_AROUND("do_fault_around"),
    FILEMAP_MAP_PAGES("filemap_map_pages"),
    DO_COW_FAULT("do_cow_fault"),
    COPY_USER_HIGHPAGE("copy_user_highpage"),
    DO_SHARED_FAULT("do_shared_fault"),
    DO_PAGE_MKWRITE("do_page_mkwrite"),
    DO_WP_PAGE_ZERO("do_wp_page"),
    WP_PAGE_SHARED("wp_page_shared"),
    WP_PAGE_REUSE("wp_page_reuse"),
    DO_WP_PAGE_COPY("do_wp_page"),
    WP_PAGE_COPY_ZERO("wp_page_copy"),
    WP_PAGE_COPY("wp_page_copy"),
    // range operations on PTEs
    ZAP_PTE_RANGE("zap_pte_range"),
    FREE_PGTABLES("free_pgtables"),
    COPY_PAGE_RANGE_SKIP("copy_page_range"),
    COPY_PTE_RANGE("copy_pte_range"),
    COPY_PAGE_RANGE_OOM("copy_page_range"),
    MOVE_PAGE_TABLES("move_page_tables"),
    CHANGE_PTE_RANGE("change_pte_range"),
    // page state, fault counts and memory limits
    OOM_KILL_PROCESS("oom_kill_process"),
    VM_ENOUGH_MEMORY("__vm_enough_memory"),
    MADV_FREE_PTE_RANGE("madvise_free_pte_range"),
    RECLAIM_LAZYFREE("shrink_folio_list"),
    TRUNCATE_PAGECACHE_RANGE("truncate_pagecache_range"),
    SYNC_MMAP_READAHEAD("do_sync_mmap_readahead");

    private final String function;

    Sentence(String function) {
        this.function = function;
    }

    /** The kernel function, without parentheses. */
    public String function() {
        return function;
    }
}
