package vmalab.io;

import java.util.List;

/**
 * What pmap reads of a process: its pid, command line, start_stack (from /proc/PID/stat) and the maps lines.
 * The neutral input of {@link Pmap}, built from a model task or from a real capture.
 *
 * @param pid           the tgid pmap prints in its header
 * @param cmdline       the arguments joined by spaces
 * @param startStack    mm->start_stack: the VMA holding it is pmap's {@code [ stack ]}
 * @param addressDigits 16 for a 64-bit pmap ({@code %016lx}), 8 for a 32-bit one
 * @param entries       the mappings in address order
 */
public record ProcSnapshot(int pid, String cmdline, long startStack, int addressDigits, List<MapEntry> entries) {
    public ProcSnapshot {
        if (addressDigits != 8 && addressDigits != 16) throw new IllegalArgumentException("8 or 16 address digits");
        entries = List.copyOf(entries);
    }

    /**
     * A snapshot of an imported capture with no /proc/PID/stat: start_stack is taken inside the {@code [stack]}
     * line, the address width from the largest address.
     */
    public static ProcSnapshot of(int pid, String cmdline, List<MapEntry> entries) {
        return new ProcSnapshot(pid, cmdline, stackFromMaps(entries), addressDigitsOf(entries), entries);
    }

    /** An address inside the {@code [stack]} line (its last byte), or 0 when there is none. */
    public static long stackFromMaps(List<MapEntry> entries) {
        for (MapEntry e : entries) {
            if ("[stack]".equals(e.name())) return e.end() - 1;
        }
        return 0;
    }

    /**
     * 16 when any address needs more than 32 bits, else 8; 16 for no entries at all (a kernel thread, a
     * zombie), where only the build of pmap sets the width: this machine's is 64-bit.
     */
    public static int addressDigitsOf(List<MapEntry> entries) {
        if (entries.isEmpty()) return 16;
        for (MapEntry e : entries) {
            if (Long.compareUnsigned(e.end(), 0x1_0000_0000L) > 0) return 16;
        }
        return 8;
    }
}
