package vmalab.model.mm;

/**
 * A node of a VMA index, read-only, for drawing the index's shape ({@code mm.index().root()}). For the
 * red-black tree (mm_rb) a node is one VMA keyed by vm_start with its colour; an index of another shape
 * answers with its own nodes.
 */
public interface IndexNode<V> {
    /** The node's key: vm_start for mm_rb. */
    long key();

    V value();

    boolean isRed();

    /** The left child, or null. */
    IndexNode<V> left();

    /** The right child, or null. */
    IndexNode<V> right();
}
