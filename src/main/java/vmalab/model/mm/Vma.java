package vmalab.model.mm;

import vmalab.model.fs.SimFile;

/**
 * A vm_area_struct: the range [start, end) with its flags, page offset and backing file. Immutable: the model
 * replaces a VMA's record when the kernel would modify the struct in place (vma_adjust(), mprotect_fixup()).
 *
 * @param start    vm_start, inclusive, page aligned
 * @param end      vm_end, exclusive, page aligned
 * @param flags    vm_flags as a mask of {@link VmFlag#bit()}
 * @param pgoff    vm_pgoff: offset in the file in pages (for anonymous memory, the kernel's linear index)
 * @param file     vm_file, or null for anonymous memory
 * @param anonVma  the anon_vma's id, 0 while none is attached (anon_vma_prepare() on the first anonymous fault)
 * @param name     a special mapping's name: {@code [heap]}, {@code [stack]}, {@code [vdso]}, {@code [vvar]}; or null
 */
public record Vma(long start, long end, long flags, long pgoff, SimFile file, long anonVma, String name) {
    public static final int PAGE_SHIFT = 12;
    public static final long PAGE_SIZE = 1L << PAGE_SHIFT;

    public Vma {
        if (start >= end || (start & (PAGE_SIZE - 1)) != 0 || (end & (PAGE_SIZE - 1)) != 0) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "bad VMA range %x-%x", start, end));
        }
    }

    public long length() {
        return end - start;
    }

    public long pages() {
        return (end - start) >>> PAGE_SHIFT;
    }

    public boolean contains(long addr) {
        return Long.compareUnsigned(addr, start) >= 0 && Long.compareUnsigned(addr, end) < 0;
    }

    public boolean has(long flag) {
        return (flags & flag) != 0;
    }

    public boolean isAnonymous() {
        return file == null;
    }

    /** vma_is_shared_maywrite() family: a VM_SHARED mapping. */
    public boolean isShared() {
        return has(VmFlags.SHARED);
    }

    /** The page offset of {@code addr} in this mapping's object: linear_page_index(). */
    public long linearPageIndex(long addr) {
        return ((addr - start) >>> PAGE_SHIFT) + pgoff;
    }

    public String perms() {
        return VmFlags.perms(flags);
    }

    /** vm_page_prot as x86 builds it from the flags (vm_get_page_prot()): what the PTEs of this VMA get. */
    public String pageProt() {
        StringBuilder sb = new StringBuilder();
        if (!has(VmFlags.ACCESS)) return "PAGE_NONE";
        sb.append(has(VmFlags.SHARED) ? "PAGE_SHARED" : "PAGE_COPY");
        if (!has(VmFlags.WRITE)) sb.replace(0, sb.length(), "PAGE_READONLY");
        if (has(VmFlags.EXEC)) sb.append("_EXEC");
        return sb.toString();
    }

    /** The vm_ops table the kernel would attach, by name. */
    public String vmOps() {
        if (name != null && (name.equals("[vdso]") || name.equals("[vvar]"))) return "special_mapping_vmops";
        if (file != null) return "generic_file_vm_ops";
        if (isShared()) return "shmem_anon_vm_ops";
        return null;
    }

    public Vma withRange(long s, long e, long newPgoff) {
        return new Vma(s, e, flags, newPgoff, file, anonVma, name);
    }

    public Vma withFlags(long f) {
        return new Vma(start, end, f, pgoff, file, anonVma, name);
    }

    public Vma withAnonVma(long id) {
        return new Vma(start, end, flags, pgoff, file, id, name);
    }

    public Vma withName(String n) {
        return new Vma(start, end, flags, pgoff, file, anonVma, n);
    }
}
