package vmalab.io;

import vmalab.model.event.BulkSummary;
import vmalab.model.event.MapleStepped;
import vmalab.model.event.Narration;
import vmalab.model.event.SimEvent;
import vmalab.model.event.TaskEvent;
import vmalab.model.fault.FaultEvent;
import vmalab.model.fs.SimFile;
import vmalab.model.mm.Vma;
import vmalab.model.mm.VmFlags;
import vmalab.model.op.Advice;
import vmalab.model.op.Op;
import vmalab.model.paging.FileKey;
import vmalab.model.paging.FrameOwner;
import vmalab.model.paging.Rss;
import vmalab.model.paging.TableFormat;
import vmalab.model.syscall.Errno;

/**
 * The one place that puts the model's events into words: a narration's sentence, a system call's strace line,
 * a signal, a frame's owner, a bulk summary. Everything is rendered on demand, only for what is shown.
 */
public final class Narrator {
    private Narrator() {
    }

    /** The kernel function a narration is about, without parentheses: {@code do_anonymous_page}. */
    public static String function(Narration n) {
        return n.function();
    }

    /**
     * The sentence of an event: a narration's text, a system call's strace line ({@code brk(NULL) =
     * 0x555555559000}), a signal, a bulk summary; null for an event that has no sentence of its own.
     */
    public static String text(SimEvent e) {
        if (e instanceof Narration n) return text(n);
        if (e instanceof TaskEvent.SyscallDone s) return call(s) + " = " + result(s);
        if (e instanceof TaskEvent.SignalRaised s) return signal(s);
        if (e instanceof BulkSummary b) return summary(b);
        if (e instanceof MapleStepped m) return maple(m);
        return null;
    }

    /**
     * The kernel function of a maple store: mm/vma.h vma_iter_store_new() and vma_iter_clear_gfp() both write
     * through lib/maple_tree.c mas_store_gfp(), which picks the path in mas_wr_store_type().
     */
    public static String function(MapleStepped m) {
        return "mas_store_gfp";
    }

    /**
     * A maple store in words: {@code wr_split_store of [0x10000000, 0x10000fff]: 3 nodes made, 1 freed; height
     * 1 → 2}; an erase is a store of NULL ({@code wr_exact_fit of NULL over [a, b]}).
     */
    public static String maple(MapleStepped m) {
        var s = m.step();
        String path = "wr_" + s.type().name().toLowerCase(java.util.Locale.ROOT);
        String range = String.format("[0x%x, 0x%x]", s.index(), s.last());
        String height = s.heightBefore() == s.heightAfter() ? "height " + s.heightAfter()
            : "height " + s.heightBefore() + " → " + s.heightAfter();
        return path + " of " + (s.erase() ? "NULL over " : "") + range + ": " + s.created().size() + " node"
            + (s.created().size() == 1 ? "" : "s") + " made, " + s.freed().size() + " freed; " + height;
    }

    /** strace's line for a signal: {@code --- SIGSEGV {si_addr=0x10} --- SEGV_MAPERR: …}. */
    public static String signal(TaskEvent.SignalRaised s) {
        return "--- " + s.signal() + " {si_addr=0x" + Long.toHexString(s.addr()) + "} --- " + reason(s);
    }

    /** Why the signal came: {@code SEGV_ACCERR: the VMA is r--p: no write permission}. */
    public static String reason(TaskEvent.SignalRaised s) {
        String why = switch (s.cause()) {
            case ABOVE_TASK_SIZE -> "address above TASK_SIZE";
            case NON_CANONICAL -> "a non-canonical address: the CPU raises a general protection fault";
            case NO_VMA -> "no VMA at or above the address";
            case IN_HOLE -> "the address is in a hole";
            case STACK_GUARD_GAP -> "the stack may not grow within the guard gap of the mapping below";
            case STACK_RLIMIT -> "the stack would pass RLIMIT_STACK (8 MiB)";
            case NO_PERMISSION -> "the VMA is " + s.vma().perms() + ": no " + switch (s.access()) {
                case 'w' -> "write";
                case 'x' -> "execute";
                default -> "read";
            } + " permission";
            case NX -> "the page is NX: the VMA is not executable";
            case PAST_EOF -> "the page lies past the end of the file";
            case OUT_OF_MEMORY -> "out of memory: no free frame in the buddy allocator";
        };
        return s.cause().code() == null ? why : s.cause().code() + ": " + why;
    }

    private static String plural(long n) {
        return n == 1 ? "" : "s";
    }

    private static String path(Object ref) {
        if (ref instanceof FileKey k) return k.path();
        if (ref instanceof SimFile f) return f.path();
        return String.valueOf(ref);
    }

    /** A narration's sentence, in the words the lab has always used. */
    public static String text(Narration n) {
        long a = n.a();
        long b = n.b();
        long c = n.c();
        long d = n.d();
        Object ref = n.ref();
        return switch (n.sentence()) {
            case MPROTECT_FIXUP -> String.format(java.util.Locale.ROOT, "%x-%x becomes %s", a, b, VmFlags.perms(c));
            case MADVISE -> String.format(java.util.Locale.ROOT, "%s on %x-%x", ((Advice) ref).constant(), a, b);
            case VMA_MERGE_BOTH -> String.format(java.util.Locale.ROOT, "the new range joins both neighbours: one VMA %x-%x", a, b);
            case VMA_MERGE_PREV -> String.format(java.util.Locale.ROOT, "the VMA below grows to take the range: %x-%x", a, b);
            case VMA_MERGE_NEXT -> String.format(java.util.Locale.ROOT, "the VMA above grows down to take the range: %x-%x", a, b);
            case SPLIT_VMA -> String.format(java.util.Locale.ROOT, "split %x-%x at 0x%x", a, b, c);
            case REMOVE_VMA -> String.format(java.util.Locale.ROOT, "unmap %x-%x", a, b);
            case GET_UNMAPPED_AREA -> String.format(java.util.Locale.ROOT, "placing %d KiB at 0x%x", a >> 10, b);
            case MMAP_REGION -> String.format(java.util.Locale.ROOT, "new VMA %x-%x %s", a, b, VmFlags.perms(c));
            case BRK_SHRINK -> String.format(java.util.Locale.ROOT, "brk shrinks the heap to 0x%x", a);
            case DO_BRK_FLAGS -> String.format(java.util.Locale.ROOT, "the heap grows to 0x%x: no memory yet, only a VMA", a);
            case VMA_EXPANDABLE -> String.format(java.util.Locale.ROOT, "grow in place to 0x%x", a);
            case MOVE_VMA -> String.format(java.util.Locale.ROOT, "move %x-%x to 0x%x", a, b, c);
            case FILE_CREATED -> "file " + ((Op.CreateFile) ref).name() + " created";
            case DUP_MMAP -> "copy the parent's VMAs into the child's mm";
            case COPY_MM_THREAD -> "CLONE_VM: the thread shares mm_struct " + a;
            case EXIT_MMAP -> "the last user is gone: unmap every VMA";
            case SETUP_ARG_PAGES -> String.format(java.util.Locale.ROOT, "the stack: %x-%x", a, b);
            case LOAD_ELF_BINARY_PIE -> "map the program's PT_LOAD segments at 0x555555554000";
            case LOAD_ELF_INTERP_64 -> "map the dynamic linker below mmap_base";
            case MAP_VDSO -> "map [vvar] and [vdso]";
            case DL_MAP_LIBC_64 -> "ld.so maps libc.so.6 in user space";
            case LOAD_ELF_BINARY_CLASSIC -> "map the program's text and data at 0x08048000";
            case LOAD_ELF_INTERP_CLASSIC -> "map ld.so at TASK_UNMAPPED_BASE";
            case DL_MAP_LIBC_CLASSIC -> "ld.so maps libc in exec-shield's ASCII-armour area";
            case EXPAND_STACK_ARGS -> "pushing the arguments grows the stack by " + a + " page";
            case EXPAND_STACK_FAULT -> String.format(java.util.Locale.ROOT, "the stack grows down by %d page%s to 0x%x", a, plural(a), b);
            case FORCE_SIG_FAULT -> {
                TaskEvent.SignalRaised s = (TaskEvent.SignalRaised) ref;
                yield s.signal() + " at 0x" + Long.toHexString(a) + ": " + reason(s);
            }
            case ALLOC_PAGES_OOM -> "no free block: out of memory";
            case ALLOC_PAGES_BLOCK -> String.format(java.util.Locale.ROOT, "order-%d block at pfn 0x%x", a, b);
            case ALLOC_PAGES_BAD_ORDER -> "order " + a + " is outside 0.." + b;
            case ALLOC_OOM -> "out of memory: no free block of order " + a + " for " + owner((FrameOwner) ref);
            case RMQUEUE_SMALLEST -> String.format(java.util.Locale.ROOT, "%s: an order-%d block, taken from free list %d (pfn 0x%x)",
                owner((FrameOwner) ref), a, b, c);
            case EXPAND -> String.format(java.util.Locale.ROOT,
                "split the order-%d block down to order %d: each upper half goes to the free list below", a, b);
            case FREE_ONE_PAGE -> String.format(java.util.Locale.ROOT, "pfn 0x%x (order %d) goes back to the buddy allocator%s", a, b,
                c == 0 ? "" : ", merging with " + c + " free buddy block" + plural(c));
            case TRY_TO_FREE_PAGES -> "no free frame: reclaim unmapped page-cache pages";
            case WRITEPAGE -> String.format(java.util.Locale.ROOT, "write back page %d of %s before freeing it", a, path(ref));
            case SHMEM_GET_FOLIO -> String.format(java.util.Locale.ROOT,
                "page %d of the shmem file is new: a zeroed frame 0x%x joins its page cache", a, b);
            case FILEMAP_READ_FOLIO -> String.format(java.util.Locale.ROOT, "page %d of %s is not cached: read it from disk into frame 0x%x",
                a, path(ref), b);
            case SHMEM_EVICT_INODE -> path(ref) + " is mapped no more: free its pages";
            case PGD_ALLOC -> "the new mm gets its page-global directory";
            case PGD_FREE -> "the mm is gone: its remaining page tables and its PGD are freed";
            case HANDLE_MM_FAULT -> {
                Vma v = (Vma) ref;
                String what = a == 'w' ? "write" : a == 'x' ? "instruction fetch" : "read";
                yield String.format(java.util.Locale.ROOT, "%s fault at 0x%x in %x-%x %s", what, b, v.start(), v.end(), v.perms());
            }
            case HANDLE_MM_FAULT_WALK -> "walk the page tables, making the missing levels";
            case PTE_PROT_UPDATE -> "the entry predates the VMA's protection: update it";
            case PTE_SPURIOUS -> "spurious fault: the entry already allows the access";
            case PTE_NONE -> "the PTE is none: " + (a != 0 ? "anonymous memory" : "a file page") + " not yet mapped";
            case ANON_VMA_PREPARE -> "the VMA's first anonymous page: it gets anon_vma " + a;
            case DO_ANONYMOUS_PAGE_READ ->
                "a read of untouched memory: map the shared zero page read-only (no frame taken)";
            case DO_ANONYMOUS_PAGE_WRITE -> String.format(java.util.Locale.ROOT,
                "a write to untouched memory: frame 0x%x, zeroed, mapped writable and dirty", a);
            case VDSO_SIGBUS, VVAR_SIGBUS -> "no page there: SIGBUS";
            case VDSO_PAGE -> "map the kernel's vDSO page " + a;
            case VVAR_PFN -> "insert the vvar PFN " + a + " (VM_PFNMAP)";
            case FILEMAP_PAST_EOF, SHMEM_PAST_EOF -> String.format(java.util.Locale.ROOT,
                "page %d lies past the end of %s (%d bytes): VM_FAULT_SIGBUS", a, path(ref), b);
            case DO_READ_FAULT -> "a read of a file page: map it from the page cache";
            case FINISH_FAULT -> String.format(java.util.Locale.ROOT, "map page %d of %s (frame 0x%x) %s", a, path(ref), b,
                c != 0 ? "writable" : "read-only");
            case DO_FAULT_AROUND -> String.format(java.util.Locale.ROOT,
                "map whatever of %x-%x (64 KiB around the fault) is already in the page cache", a, b);
            case FILEMAP_MAP_PAGES -> String.format(java.util.Locale.ROOT, "the page was cached: %d page%s mapped by one fault", a, plural(a));
            case DO_COW_FAULT -> "a write to a private file mapping: copy the page";
            case COPY_USER_HIGHPAGE -> String.format(java.util.Locale.ROOT, "copy frame 0x%x (page %d of %s) to frame 0x%x", a, b, path(ref),
                c);
            case DO_SHARED_FAULT -> "a write to a shared mapping: every mapper sees it";
            case DO_PAGE_MKWRITE -> "the filesystem is told the page is about to be written";
            case DO_WP_PAGE_ZERO -> "a write to the zero page: it is never written, give the page its own frame";
            case WP_PAGE_SHARED -> "first write to a shared page mapped read-only: page_mkwrite(), then the PTE "
                + "becomes writable and the page dirty";
            case WP_PAGE_REUSE -> String.format(java.util.Locale.ROOT,
                "frame 0x%x has no other user (refcount 1): no copy, just make the PTE writable", a);
            case DO_WP_PAGE_COPY -> String.format(java.util.Locale.ROOT, "frame 0x%x is shared (refcount %d): copy on write", a, b);
            case WP_PAGE_COPY_ZERO -> String.format(java.util.Locale.ROOT, "frame 0x%x, zeroed, replaces the zero page", a);
            case WP_PAGE_COPY -> String.format(java.util.Locale.ROOT, "copy frame 0x%x to frame 0x%x and map the copy writable", a, b);
            case ZAP_PTE_RANGE -> String.format(java.util.Locale.ROOT, "%x-%x: %d PTE%s cleared, RSS %d → %d KiB", a, b, c, plural(c),
                d * 4, ((Rss) ref).pages() * 4);
            case FREE_PGTABLES -> String.format(java.util.Locale.ROOT, "%d page table%s no VMA needs any more freed", a, plural(a));
            case COPY_PAGE_RANGE_SKIP -> String.format(java.util.Locale.ROOT,
                "%x-%x skipped: no anon_vma, the child's faults will map these pages", a, b);
            case COPY_PTE_RANGE -> String.format(java.util.Locale.ROOT, "%x-%x: %d PTE%s copied%s", a, b, c, plural(c), d != 0 && c > 0
                ? ", write-protected in parent and child: the frames are shared until one writes" : "");
            case COPY_PAGE_RANGE_OOM -> "out of memory for the child's page tables";
            case MOVE_PAGE_TABLES -> String.format(java.util.Locale.ROOT, "%d PTE%s moved from 0x%x to 0x%x", a, plural(a), b, c);
            case CHANGE_PTE_RANGE -> String.format(java.util.Locale.ROOT, "%x-%x: %d PTE%s take the protection %s", a, b, c, plural(c),
                ((Vma) ref).perms());
            case OOM_KILL_PROCESS -> String.format("Out of memory: Killed process %d (%s) total-vm:%dkB, badness %d"
                + " page%s (RSS and page tables)", a, ref, b * 4, c, plural(c));
            case VM_ENOUGH_MEMORY -> String.format("%d pages to charge, more than RAM plus swap (%d pages): ENOMEM",
                a, b);
            case MADV_FREE_PTE_RANGE -> String.format("%x-%x: %d page%s made clean and old, marked lazyfree: still"
                + " mapped until reclaim needs the memory", a, b, c, plural(c));
            case RECLAIM_LAZYFREE -> String.format("%d clean lazyfree page%s discarded: the next read sees zeros", a,
                plural(a));
            case TRUNCATE_PAGECACHE_RANGE -> String.format("punch a hole in pages %d-%d of %s: %d page%s leave the"
                + " page cache and every mapping", a, b - 1, path(ref), c, plural(c));
            case SYNC_MMAP_READAHEAD -> String.format("major fault: %d page%s of %s read from disk (read-ahead"
                + " window %d-%d)", c, plural(c), path(ref), a, a + b - 1);
        };
    }

    /** Who a frame went to: {@code anonymous page at 7ffff7ff9000}, {@code PTE table of mm 1}… */
    public static String owner(FrameOwner o) {
        if (o == null) return "a frame";
        return switch (o.role()) {
            case FREE -> "free";
            case ANON_PAGE -> "anonymous page at " + Long.toHexString(o.addr());
            case PRIVATE_COPY -> "private copy at " + Long.toHexString(o.addr());
            case PAGE_CACHE -> "page cache " + path(o.ref()) + " #" + o.addr();
            case SHMEM -> "shmem " + path(o.ref()) + " #" + o.addr();
            case PAGE_TABLE -> ((TableFormat.Level) o.ref()).name() + " table of mm " + o.mmId();
            case ZERO_PAGE -> "empty_zero_page";
            case VDSO -> "vdso image";
            case VVAR -> "vvar";
            case ALLOC_PAGES -> o.ref() == null ? "alloc_pages" : "alloc_pages " + o.ref();
        };
    }

    /** A bulk summary in one line: {@code 65536 faults (65536 anon), 65536 PTEs set, …}. */
    public static String summary(BulkSummary b) {
        StringBuilder sb = new StringBuilder();
        sb.append(b.faults()).append(" fault").append(plural(b.faults()));
        StringBuilder kinds = new StringBuilder();
        for (FaultEvent.Kind k : FaultEvent.Kind.values()) {
            if (b.faults(k) == 0) continue;
            if (kinds.length() > 0) kinds.append(", ");
            kinds.append(b.faults(k)).append(' ').append(k.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (kinds.length() > 0) sb.append(" (").append(kinds).append(')');
        sb.append(", frames taken ").append(orders(b.framesTakenByOrder()));
        sb.append(", freed ").append(orders(b.framesFreedByOrder()));
        sb.append(", ").append(b.ptesSet()).append(" PTEs set, ").append(b.ptesCleared()).append(" cleared");
        sb.append(", ").append(b.tablesAllocated()).append(" tables allocated, ").append(b.tablesFreed())
            .append(" freed");
        if (b.splits() + b.merges() > 0) {
            sb.append(", ").append(b.splits()).append(" splits, ").append(b.merges()).append(" merges");
        }
        if (b.vmasCopied() + b.vmasRemoved() > 0) {
            sb.append(", ").append(b.vmasCopied()).append(" VMAs linked, ").append(b.vmasRemoved())
                .append(" removed");
        }
        if (b.otherEvents() > 0) sb.append(", ").append(b.otherEvents()).append(" other events");
        return sb.toString();
    }

    /** {@code 3 (order 0: 2, order 1: 1)}, or {@code 0}. */
    private static String orders(long[] byOrder) {
        long total = 0;
        StringBuilder sb = new StringBuilder();
        for (int o = 0; o < byOrder.length; o++) {
            if (byOrder[o] == 0) continue;
            total += byOrder[o];
            sb.append(sb.length() == 0 ? "" : ", ").append("order ").append(o).append(": ").append(byOrder[o]);
        }
        return total == 0 ? "0" : total + " (" + sb + ")";
    }

    // --- strace ---

    /** The call as strace prints it, without the result: {@code mmap(NULL, 4096, PROT_READ, …)}. */
    public static String call(TaskEvent.SyscallDone s) {
        Op op = s.call();
        if (op instanceof Op.Mmap m) {
            SimFile f = s.file();
            String flags = mmapFlags(m, f == null) + (s.denyWrite() ? "|MAP_DENYWRITE" : "");
            String fd = f == null ? "-1" : "3</" + (f.path().startsWith("/") ? f.path().substring(1) : f.path()) + ">";
            return String.format(java.util.Locale.ROOT, "mmap(%s, %d, %s, %s, %s, %s)", addr(m.addr()), m.len(),
                vmalab.model.mm.Prot.names(m.prot()), flags, fd, m.offset() == 0 ? "0" : hex(m.offset()));
        }
        if (op instanceof Op.Munmap m) return String.format(java.util.Locale.ROOT, "munmap(%s, %d)", hex(m.addr()), m.len());
        if (op instanceof Op.Mprotect m) {
            return String.format(java.util.Locale.ROOT, "mprotect(%s, %d, %s)", hex(m.addr()), m.len(), vmalab.model.mm.Prot.names(m.prot()));
        }
        if (op instanceof Op.Madvise m) {
            return String.format(java.util.Locale.ROOT, "madvise(%s, %d, %s)", hex(m.addr()), m.len(), m.advice().constant());
        }
        if (op instanceof Op.Mremap m) {
            return String.format(java.util.Locale.ROOT, "mremap(%s, %d, %d, %s)", hex(m.addr()), m.oldLen(), m.newLen(),
                m.mayMove() ? "MREMAP_MAYMOVE" : "0");
        }
        if (op instanceof Op.Brk b) return "brk(" + addr(b.value()) + ")";
        if (op instanceof Op.Fork) return "fork()";
        if (op instanceof Op.Thread) {
            return "clone(child_stack=0x7ffff75fffb0, flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND"
                + "|CLONE_THREAD|CLONE_SYSVSEM)";
        }
        if (op instanceof Op.Exit) return "exit_group(0)";
        if (op instanceof Op.Exec e) {
            vmalab.model.mm.Profile p = vmalab.model.mm.Profile.byId(e.profile());
            String envp = p != null && p.classic() ? "0xbffff9ac" : "0x7fffffffe3c8";
            String base = s.file() != null ? s.file().baseName() : e.name();
            return String.format(java.util.Locale.ROOT, "execve(\"%s\", [\"%s\"], %s /* 0 vars */)", e.name(), base, envp);
        }
        if (op instanceof Op.AllocPages a) return String.format(java.util.Locale.ROOT, "alloc_pages(order=%d)", a.order());
        if (op instanceof Op.FreePages f) return String.format(java.util.Locale.ROOT, "free_pages(%s, order=%d)", f.nameOrPfn(), f.order());
        return String.valueOf(op);
    }

    /** Whether strace shows the call's result as an address (mmap, mremap, brk). */
    public static boolean returnsPointer(Op call) {
        return call instanceof Op.Mmap || call instanceof Op.Mremap || call instanceof Op.Brk;
    }

    /** A return value as strace shows it: addresses in hex, errors as {@code -1 ENOMEM (…)}. */
    public static String result(TaskEvent.SyscallDone s) {
        long r = s.result();
        if (r < 0 && r > -4096) {
            Errno e = Errno.of(r);
            return e == null ? Long.toString(r) : "-1 " + e.name() + " (" + e.message() + ")";
        }
        return returnsPointer(s.call()) ? hex(r) : Long.toString(r);
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    private static String addr(long a) {
        return a == 0 ? "NULL" : hex(a);
    }

    private static String mmapFlags(Op.Mmap m, boolean anon) {
        StringBuilder sb = new StringBuilder(m.shared() ? "MAP_SHARED" : "MAP_PRIVATE");
        if (m.fixed()) sb.append("|MAP_FIXED");
        if (anon) sb.append("|MAP_ANONYMOUS");
        if (m.growsDown()) sb.append("|MAP_GROWSDOWN");
        if (m.noReserve()) sb.append("|MAP_NORESERVE");
        if (m.populate()) sb.append("|MAP_POPULATE");
        if (m.noReplace()) sb.append("|MAP_FIXED_NOREPLACE");
        return sb.toString();
    }
}
