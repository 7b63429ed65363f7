package vmalab.io;

import java.util.List;

/**
 * One VMA of /proc/PID/smaps: its maps line, the fields in the kernel's order, and the VmFlags mnemonics.
 *
 * @param map     the header line (its page counts filled from Rss and the Dirty fields)
 * @param fields  the {@code Key: value} lines in order
 * @param vmFlags the mnemonics separated by single spaces ({@code rd wr mr mw me ac}); "" when the line is
 *                empty, null when the kernel prints no VmFlags line (before 3.8)
 */
public record SmapsEntry(MapEntry map, List<SmapsField> fields, String vmFlags) {
    public SmapsEntry {
        fields = List.copyOf(fields);
        map = map.withPages(value(fields, "Rss"), value(fields, "Shared_Dirty") + value(fields, "Private_Dirty"));
    }

    /** The value of a field, 0 when absent. */
    public long value(String key) {
        return value(fields, key);
    }

    public boolean has(String key) {
        for (SmapsField f : fields) {
            if (f.key().equals(key)) return true;
        }
        return false;
    }

    private static long value(List<SmapsField> fields, String key) {
        for (SmapsField f : fields) {
            if (f.key().equals(key)) return f.value();
        }
        return 0;
    }
}
