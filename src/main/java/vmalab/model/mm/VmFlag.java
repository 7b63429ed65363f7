package vmalab.model.mm;

/**
 * The vm_flags bits (include/linux/mm.h). {@code value} is the bit in Linux 6.x; the flags of the seeds'
 * Table 14.1 that 6.x no longer has (VM_GROWSUP on x86, VM_SHM, VM_DENYWRITE, VM_EXECUTABLE, VM_RESERVED,
 * VM_NONLINEAR) carry their 2.6 value and are marked historical. {@code mnemonic} is the two-letter name
 * /proc/PID/smaps prints in its VmFlags line (fs/proc/task_mmu.c: show_smap_vma_flags()).
 */
public enum VmFlag {
    READ(0x1L, "rd", "Pages can be read from", false),
    WRITE(0x2L, "wr", "Pages can be written to", false),
    EXEC(0x4L, "ex", "Pages can be executed", false),
    SHARED(0x8L, "sh", "Pages are shared", false),
    MAYREAD(0x10L, "mr", "The VM_READ flag can be set", false),
    MAYWRITE(0x20L, "mw", "The VM_WRITE flag can be set", false),
    MAYEXEC(0x40L, "me", "The VM_EXEC flag can be set", false),
    MAYSHARE(0x80L, "ms", "The VM_SHARED flag can be set", false),
    GROWSDOWN(0x100L, "gd", "The area can grow downward", false),
    GROWSUP(0x200L, "gu", "The area can grow upward (ia64/parisc only)", true),
    PFNMAP(0x400L, "pf", "Page-ranges managed without struct page", false),
    SHM(0x400L, "", "The area is used for shared memory (2.6)", true),
    DENYWRITE(0x800L, "dw", "The area maps an unwritable file (2.6)", true),
    EXECUTABLE(0x1000L, "", "The area maps an executable file (2.6)", true),
    LOCKED(0x2000L, "lo", "The pages in this area are locked", false),
    IO(0x4000L, "io", "The area maps a device's I/O space", false),
    SEQ_READ(0x8000L, "sr", "The pages seem to be accessed sequentially", false),
    RAND_READ(0x10000L, "rr", "The pages seem to be accessed randomly", false),
    DONTCOPY(0x20000L, "dc", "This area must not be copied on fork()", false),
    DONTEXPAND(0x40000L, "de", "This area cannot grow via mremap()", false),
    RESERVED(0x80000L, "", "This area must not be swapped out (2.6)", true),
    LOCKONFAULT(0x80000L, "", "Lock pages as they fault in", false),
    ACCOUNT(0x100000L, "ac", "This area is an accounted VM object", false),
    NORESERVE(0x200000L, "nr", "Do not reserve swap space for this area", false),
    HUGETLB(0x400000L, "ht", "This area uses hugetlb pages", false),
    NONLINEAR(0x800000L, "", "This area is a nonlinear mapping (2.6)", true),
    SYNC(0x800000L, "sf", "Synchronous page faults (DAX)", false),
    WIPEONFORK(0x2000000L, "wf", "Wipe the pages in the child on fork", false),
    DONTDUMP(0x4000000L, "dd", "Do not include in the core dump", false),
    SOFTDIRTY(0x8000000L, "sd", "Soft-dirty tracking", false),
    MIXEDMAP(0x10000000L, "mm", "Mixed page frames and struct pages", false),
    HUGEPAGE(0x20000000L, "hg", "MADV_HUGEPAGE: prefer transparent huge pages", false),
    NOHUGEPAGE(0x40000000L, "nh", "MADV_NOHUGEPAGE: never transparent huge pages", false),
    MERGEABLE(0x80000000L, "mg", "KSM may merge identical pages", false);

    private final long value;
    private final String mnemonic;
    private final String effect;
    private final boolean historical;

    VmFlag(long value, String mnemonic, String effect, boolean historical) {
        this.value = value;
        this.mnemonic = mnemonic;
        this.effect = effect;
        this.historical = historical;
    }

    /** This flag's bit in the simulator's own mask (one bit per flag, so historical aliases stay distinct). */
    public long bit() {
        return 1L << ordinal();
    }

    /** The kernel's value of the flag ({@code VM_READ = 0x1} …). */
    public long kernelValue() {
        return value;
    }

    public String mnemonic() {
        return mnemonic;
    }

    /** The seeds' Table 14.1 wording of the flag's effect. */
    public String effect() {
        return effect;
    }

    public boolean historical() {
        return historical;
    }

    /** The kernel's name: {@code VM_READ}. */
    public String kernelName() {
        return "VM_" + name();
    }
}
