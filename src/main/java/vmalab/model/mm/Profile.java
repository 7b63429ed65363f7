package vmalab.model.mm;

/**
 * A process layout: the architecture's address-space constants and the era of its kernel.
 * {@code x86_64} is a Linux 6.x process with ASLR off (as under {@code setarch -R}); {@code i386-2.6} is the
 * seeds' classic 32-bit layout (text at 0x08048000, libraries from 0x40000000, stack ending at 0xc0000000,
 * an executable stack as READ_IMPLIES_EXEC gave on pre-NX i386); {@code empty} has no mappings, only a heap
 * start, for experiments.
 */
public enum Profile {
    X86_64("x86_64", 0x7ffffffff000L, 4, false, 0x7ffff7fff000L, 0x7ffffffff000L, 0x555555554000L, 16),
    I386_26("i386-2.6", 0xc0000000L, 2, true, 0x40000000L, 0xc0000000L, 0x08048000L, 8),
    EMPTY("empty", 0x7ffffffff000L, 4, false, 0x7ffff7fff000L, 0x7ffffffff000L, 0x555555554000L, 16);

    private final String id;
    private final long taskSize;
    private final int levels;
    private final boolean classic;
    private final long mmapBase;
    private final long stackTop;
    private final long textBase;
    private final int addressDigits;

    Profile(String id, long taskSize, int levels, boolean classic, long mmapBase, long stackTop, long textBase,
            int addressDigits) {
        this.id = id;
        this.taskSize = taskSize;
        this.levels = levels;
        this.classic = classic;
        this.mmapBase = mmapBase;
        this.stackTop = stackTop;
        this.textBase = textBase;
        this.addressDigits = addressDigits;
    }

    public static Profile byId(String id) {
        for (Profile p : values()) {
            if (p.id.equals(id)) return p;
        }
        return null;
    }

    public String id() {
        return id;
    }

    /** TASK_SIZE: the first address user space may not use. */
    public long taskSize() {
        return taskSize;
    }

    /** Page-table levels: 4 on x86-64 (PGD, PUD, PMD, PTE), 2 on classic i386 (PGD, PTE). */
    public int levels() {
        return levels;
    }

    /**
     * A 2.6-era kernel: bottom-up mmap from TASK_UNMAPPED_BASE (legacy layout), /proc maps printing vm_pgoff for
     * every mapping and no [heap]/[stack] names, anonymous mappings with vm_pgoff 0.
     */
    public boolean classic() {
        return classic;
    }

    /** mm->mmap_base: where top-down placement starts (x86-64), or TASK_UNMAPPED_BASE (legacy bottom-up). */
    public long mmapBase() {
        return mmapBase;
    }

    public long stackTop() {
        return stackTop;
    }

    public long textBase() {
        return textBase;
    }

    /** Hex digits of an address as 32- or 64-bit tools print it (pmap's %08lx / %016lx). */
    public int addressDigits() {
        return addressDigits;
    }

    /** Bits of a user address: 47 on x86-64 4-level paging, 32 on i386. */
    public int addressBits() {
        return levels == 4 ? 47 : 32;
    }

    /** Whether the simulated CPU has NX (x86-64 does; classic i386 without PAE does not). */
    public boolean hasNx() {
        return !classic;
    }
}
