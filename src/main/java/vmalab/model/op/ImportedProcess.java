package vmalab.model.op;

import java.util.List;

/**
 * A real process as the model takes it in: its VMAs with their flags, files and names as Linux printed them,
 * and, where pagemap was read, the state of each page. Built by io from a capture; pure data.
 *
 * @param pid        the real process's pid (the model gives it that pid when it is free), 0 when unknown
 * @param comm       the command name
 * @param cmdline    the command line as procps prints it
 * @param startStack mm->start_stack (0 when unknown)
 * @param mappings   the VMAs in address order
 * @param pagesKnown whether pagemap was read (else every page reads as not present, and {@code pagesNote} says why)
 * @param pagesNote  why pagemap was not read, or null
 */
public record ImportedProcess(int pid, String comm, String cmdline, long startStack, List<Mapping> mappings,
                              boolean pagesKnown, String pagesNote) {
    public static final byte PAGE_NONE = 0;
    public static final byte PAGE_PRESENT = 1;
    public static final byte PAGE_ZERO = 2;
    public static final byte PAGE_SWAPPED = 3;

    public ImportedProcess {
        mappings = List.copyOf(mappings);
    }

    /**
     * One VMA.
     *
     * @param flags  vm_flags as the model's mask ({@code VmFlag.bit()}), from smaps' VmFlags or the permissions
     * @param pgoff  vm_pgoff (the offset column in pages for a file; start >> PAGE_SHIFT for anonymous memory)
     * @param path   the file's path as maps printed it ({@code " (deleted)"} kept), or null for anonymous memory
     * @param name   the special name ({@code [heap]}, {@code [stack]}, {@code [vdso]}, {@code [vvar]},
     *               {@code [vvar_vclock]}, {@code [anon:…]}), or null
     * @param pages  one state per page ({@code PAGE_*}), or null when unknown
     */
    public record Mapping(long start, long end, long flags, long pgoff, String path, int devMajor, int devMinor,
                          long inode, String name, byte[] pages) {
    }
}
