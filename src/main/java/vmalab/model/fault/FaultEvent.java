package vmalab.model.fault;

import java.util.List;
import vmalab.model.event.PhysEvent;

/** The page-fault handler at work (mm/memory.c: handle_mm_fault() and the functions it dispatches to). */
public sealed interface FaultEvent extends PhysEvent {
    /** Which of handle_pte_fault()'s paths a fault takes. */
    enum Kind {
        /** do_anonymous_page(), read: map the shared zero page. */
        ZERO_PAGE,
        /** do_anonymous_page(), write: a fresh zeroed page. */
        ANON_PAGE,
        /** do_read_fault(): a file or shmem page read (with fault-around). */
        READ,
        /** do_cow_fault(): a write to a private file mapping makes a private copy. */
        COW,
        /** do_shared_fault(): a write to a shared mapping dirties the page-cache page. */
        SHARED,
        /** do_wp_page() → wp_page_copy(): the page is shared (or the zero page): copy it. */
        WP_COPY,
        /** do_wp_page() → wp_page_reuse(): the anonymous page has no other user: make it writable. */
        WP_REUSE,
        /** do_wp_page() → wp_page_shared(): first write to a shared file page mapped read-only. */
        WP_SHARED,
        /** A special mapping's fault handler ([vdso], [vvar]). */
        SPECIAL,
        /** The PTE already allowed the access: no fault (the CPU sets Accessed/Dirty). */
        NONE
    }

    /** handle_mm_fault() was entered for {@code addr} with access 'r', 'w' or 'x', and takes path {@code kind}. */
    record PageFault(long mmId, int pid, long addr, char access, Kind kind) implements FaultEvent { }

    /** The shared zero page was mapped read-only at {@code addr}. */
    record ZeroPageMapped(long mmId, long addr, long zeroPfn) implements FaultEvent { }

    /** wp_page_copy() / do_cow_fault(): the page at {@code addr} now maps a private copy of {@code fromPfn}. */
    record CowCopied(long mmId, long addr, long fromPfn, long toPfn) implements FaultEvent { }

    /** wp_page_reuse(): the only user of {@code pfn} got write access without a copy. */
    record PageReused(long mmId, long addr, long pfn) implements FaultEvent { }

    /** do_fault_around(): besides the faulting page, these already-cached pages were mapped too. */
    record FaultAround(long mmId, long addr, long from, long to, List<Long> mapped) implements FaultEvent { }
}
