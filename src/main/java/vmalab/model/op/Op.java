package vmalab.model.op;

/**
 * A command to the simulated kernel: what one scenario line, one click or one command-bar entry asks for.
 * {@link InTask} runs an operation in a named process; the others run in the current one.
 */
public sealed interface Op {
    /** exec NAME PROFILE [maple|rbtree]: {@code index} is "maple", "rbtree" or null for the profile's default. */
    record Exec(String name, String profile, String index) implements Op {
        /** The profile whose kernel keeps VMAs in the maple tree unless the line says rbtree. */
        public static final String MAPLE_PROFILE = "x86_64";

        public Exec(String name, String profile) {
            this(name, profile, null);
        }

        /**
         * Whether the new mm keeps its VMAs in the maple tree (mm_mt): when asked, and by default for the x86-64
         * profile, a Linux 6.1+ kernel (mm_init() -> mt_init_flags(&mm->mm_mt, MM_MT_FLAGS)); i386-2.6 and empty
         * keep the red-black tree mm_rb of the kernels before 6.1.
         */
        public boolean maple() {
            return index == null ? MAPLE_PROFILE.equals(profile) : "maple".equals(index);
        }
    }

    /**
     * import DIR: a new process holding a real process's VMAs, inserted as exec would insert them, with the
     * pages pagemap found present faulted in; it becomes the current one.
     */
    record Import(String source, ImportedProcess process) implements Op { }

    /**
     * file NAME SIZE [cached|cold] [dev MAJ:MIN] [inode N]: a file of the simulated filesystem, just written, so
     * in the page cache unless {@code cold} (nothing cached: its first reads are major faults).
     */
    record CreateFile(String name, long size, Integer devMajor, Integer devMinor, Long inode, boolean cold)
            implements Op {
        public CreateFile(String name, long size, Integer devMajor, Integer devMinor, Long inode) {
            this(name, size, devMajor, devMinor, inode, false);
        }
    }

    /** mmap(addr, len, prot, flags, fd, offset). {@code fileName} null for MAP_ANONYMOUS. */
    record Mmap(long addr, long len, int prot, boolean shared, String fileName, long offset, boolean fixed,
                boolean noReplace, boolean growsDown, boolean noReserve, boolean populate) implements Op { }

    record Munmap(long addr, long len) implements Op { }

    record Mprotect(long addr, long len, int prot) implements Op { }

    record Madvise(long addr, long len, Advice advice) implements Op { }

    record Mremap(long addr, long oldLen, long newLen, boolean mayMove) implements Op { }

    /** brk: {@code absolute} sets the break to value, else moves it by value (signed). */
    record Brk(long value, boolean absolute) implements Op { }

    /** Access every page of [addr, addr+len): 'r', 'w' or 'x'. */
    record Touch(long addr, long len, char access) implements Op { }

    record Fork(String childName) implements Op { }

    record Thread(String threadName) implements Op { }

    record Exit() implements Op { }

    /** memory SIZE|FRAMES [maxorder N] [reserve FRAMES]: physical memory, before the first exec. */
    record Memory(long frames, int maxOrder, int reserve) implements Op { }

    /** alloc_pages ORDER [NAME]: a block straight from the buddy allocator. */
    record AllocPages(int order, String name) implements Op { }

    /** free_pages NAME|PFN ORDER. */
    record FreePages(String nameOrPfn, int order) implements Op { }

    /** NAME: OP — run op in the process called NAME. */
    record InTask(String task, Op op) implements Op { }
}
