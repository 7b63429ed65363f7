package vmalab.io;

/**
 * Every bound on what the program accepts, in one place; the README's "Limits" section lists the same numbers.
 * Each is checked before any work starts, with a message naming the limit, so no input can make the program
 * run for minutes or fill the heap.
 */
public final class Limits {
    /** The largest scenario, lesson or session file read (bytes). */
    public static final long FILE_BYTES = 16L << 20;
    /** The longest scenario line (characters); a longer one is refused before it is split into words. */
    public static final int LINE_CHARS = 4096;
    /** The most operations in one scenario (lines that run something). */
    public static final int STEPS = 100_000;
    /** The longest process name ({@code exec}, {@code fork}, {@code thread}, {@code NAME:}, {@code alloc_pages}). */
    public static final int NAME_CHARS = 255;
    /** The longest caption line drawn under a slide; longer text is cut with "…". */
    public static final int CAPTION_CHARS = 300;
    /** How many characters of an offending word an error quotes before it cuts it with "…". */
    public static final int QUOTED_CHARS = 60;
    /** The most live processes (tasks) a scenario may make. */
    public static final int PROCESSES = vmalab.model.Kernel.MAX_TASKS;
    /**
     * The most physical memory: 4M frames of 4 KiB (16 GiB), as {@code memory} and an import's sizing take it.
     * It is the model's own bound ({@link vmalab.model.paging.PhysicalMemory#MAX_FRAMES}): each frame costs about
     * 50 bytes of heap, so 4M frames fit CI's 1 GiB heap with checkpoints.
     */
    public static final long MEMORY_FRAMES = vmalab.model.paging.PhysicalMemory.MAX_FRAMES;
    /** The largest buddy order {@code memory … maxorder} takes (the kernel's MAX_PAGE_ORDER is 10). */
    public static final int MAX_ORDER = 20;

    private Limits() {
    }
}
