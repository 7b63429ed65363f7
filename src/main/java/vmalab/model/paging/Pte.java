package vmalab.model.paging;

/**
 * A page-table entry as the x86 MMU reads it (arch/x86/include/asm/pgtable_types.h): the frame number in bits
 * 12 and up, Present, R/W, U/S, Accessed, Dirty and, on x86-64, NX in bit 63. Bit 9 is the kernel's
 * _PAGE_SPECIAL (the zero page, PFN maps: no struct page behind it). Bits 10 and 11 are free for software;
 * the lab uses them to mark what a teacher wants to see: a write-protected page a write will copy (COW) and
 * the shared zero page.
 *
 * @param raw the entry's value; 0 is pte_none()
 */
public record Pte(long raw, long frame, boolean present, boolean write, boolean user, boolean accessed,
                  boolean dirty, boolean nx, boolean special, boolean zero, boolean cow, boolean protNone) {
    public static final long PRESENT = 1L;
    public static final long RW = 1L << 1;
    public static final long USER = 1L << 2;
    public static final long ACCESSED = 1L << 5;
    public static final long DIRTY = 1L << 6;
    /** _PAGE_PROTNONE (shares bit 8 with _PAGE_GLOBAL, which user pages never have). */
    public static final long PROTNONE = 1L << 8;
    /** _PAGE_SPECIAL (_PAGE_BIT_SOFTW1): vm_normal_page() returns NULL for it. */
    public static final long SPECIAL = 1L << 9;
    /** Lab marker (software bit 10): write-protected, a write will copy the page. */
    public static final long COW = 1L << 10;
    /** Lab marker (software bit 11): maps the shared zero page. */
    public static final long ZERO = 1L << 11;
    public static final long NX = 1L << 63;
    /** PTE_PFN_MASK: bits 12-51. */
    public static final long PFN_MASK = 0x000f_ffff_ffff_f000L;
    /** _PAGE_TABLE: what an upper-level entry pointing at a lower table holds besides the frame. */
    public static final long TABLE_FLAGS = PRESENT | RW | USER | ACCESSED | DIRTY;

    public static final Pte NONE = of(0);

    public static Pte of(long raw) {
        return new Pte(raw, (raw & PFN_MASK) >>> 12, (raw & PRESENT) != 0, (raw & RW) != 0, (raw & USER) != 0,
            (raw & ACCESSED) != 0, (raw & DIRTY) != 0, (raw & NX) != 0, (raw & SPECIAL) != 0, (raw & ZERO) != 0,
            (raw & COW) != 0, (raw & PROTNONE) != 0);
    }

    /** pfn_pte(): an entry for frame {@code pfn} with these flag bits. */
    public static long make(long pfn, long flags) {
        return (pfn << 12) & PFN_MASK | flags;
    }

    public static long pfn(long raw) {
        return (raw & PFN_MASK) >>> 12;
    }

    /** The MMU's view: the Present bit. */
    public static boolean isPresent(long raw) {
        return (raw & PRESENT) != 0;
    }

    /** The kernel's pte_present(): Present, or a PROT_NONE page still holding its frame. */
    public static boolean isMapped(long raw) {
        return (raw & (PRESENT | PROTNONE)) != 0;
    }

    /** pte_present(): the entry maps a frame (possibly PROT_NONE, which the MMU sees as not present). */
    public boolean mapped() {
        return present || protNone;
    }

    public boolean none() {
        return raw == 0;
    }

    /** The flags as the kernel's debug output names them: {@code P RW US A D NX}. */
    public String flagNames() {
        StringBuilder sb = new StringBuilder();
        if (present) sb.append("P ");
        if (write) sb.append("RW ");
        if (user) sb.append("US ");
        if (accessed) sb.append("A ");
        if (dirty) sb.append("D ");
        if (nx) sb.append("NX ");
        if (special) sb.append("SPECIAL ");
        if (zero) sb.append("zero ");
        if (cow) sb.append("cow ");
        if (protNone) sb.append("PROTNONE ");
        return sb.toString().trim();
    }
}
