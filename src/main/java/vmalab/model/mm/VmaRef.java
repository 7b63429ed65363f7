package vmalab.model.mm;

/**
 * A VMA linked in a {@link VmaIndex}, as a vm_area_struct pointer names one: what find_vma() hands back, and
 * what {@link Mm#unlink} and {@link Mm#adjust} take. It keeps its identity while {@link Mm#adjust} replaces its
 * (immutable) {@link Vma}, and is dead once unlinked. It is a handle, not a node of the index's structure.
 */
public interface VmaRef {
    /** The VMA as the index holds it now. */
    Vma vma();

    /** The VMA before this one in address order (vm_prev, or vma_prev() on a maple tree), or null. */
    VmaRef prev();

    /** The VMA after this one in address order (vm_next, or vma_next() on a maple tree), or null. */
    VmaRef next();
}
