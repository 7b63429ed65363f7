package vmalab.model.fault;

import java.util.function.Consumer;
import vmalab.model.event.SimEvent;

/** The scenario commands that work the buddy allocator directly (memory, alloc_pages, free_pages). */
public interface MemoryControl {
    /** Sizes physical memory; null when done, else why not (e.g. a process already exists). */
    String configure(long frames, int maxOrder, int reserve);

    /** The frames of physical memory now. */
    int frames();

    /** Whether {@code memory SIZE} chose the size (else it is the default, and an import may grow it). */
    boolean sizedByHand();

    /**
     * Gives an import room before its first process starts: memory grows to the smallest power of two of
     * frames that holds {@code needed}, the default's max order and reserve kept. False when it may not
     * (memory was sized by hand, a process exists, or it needs more than the largest machine).
     */
    boolean growForImport(long needed);

    /** alloc_pages(order): the pfn, or -1 when no block is left. {@code name} may be null. */
    long allocPages(int order, String name, Consumer<SimEvent> ev);

    /** free_pages(): null when done, else why not (nothing changed). */
    String freePages(String nameOrPfn, int order, Consumer<SimEvent> ev);
}
