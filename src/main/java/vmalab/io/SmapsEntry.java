package vmalab.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One VMA of /proc/PID/smaps: its maps line, the fields in the kernel's order, and the VmFlags mnemonics.
 * The fields are held as one shared array of keys (every VMA of a kernel prints the same list) and one array
 * of values, so 65,530 VMAs hold 131,060 arrays rather than 1.6 million field objects.
 */
public final class SmapsEntry {
    private final MapEntry map;
    private final String[] keys;
    private final long[] values;
    private final boolean[] kb;
    private final String vmFlags;

    /**
     * @param map     the header line (its page counts filled from Rss and the Dirty fields)
     * @param fields  the {@code Key: value} lines in order
     * @param vmFlags the mnemonics separated by single spaces ({@code rd wr mr mw me ac}); "" when the line is
     *                empty, null when the kernel prints no VmFlags line (before 3.8)
     */
    public SmapsEntry(MapEntry map, List<SmapsField> fields, String vmFlags) {
        this(map, fields.stream().map(SmapsField::key).toArray(String[]::new),
            fields.stream().mapToLong(SmapsField::value).toArray(), kbOf(fields), vmFlags);
    }

    /** The parser's form: {@code keys} and {@code kb} may be shared with other entries and are not copied. */
    SmapsEntry(MapEntry map, String[] keys, long[] values, boolean[] kb, String vmFlags) {
        if (keys.length != values.length || kb.length != values.length) throw new IllegalArgumentException("lengths");
        this.keys = keys;
        this.values = values;
        this.kb = kb;
        this.vmFlags = vmFlags;
        this.map = map.withPages(value("Rss"), value("Shared_Dirty") + value("Private_Dirty"));
    }

    private static boolean[] kbOf(List<SmapsField> fields) {
        boolean[] kb = new boolean[fields.size()];
        for (int i = 0; i < kb.length; i++) kb[i] = fields.get(i).kb();
        return kb;
    }

    public MapEntry map() {
        return map;
    }

    public String vmFlags() {
        return vmFlags;
    }

    /** The {@code Key: value} lines in order. */
    public List<SmapsField> fields() {
        List<SmapsField> out = new ArrayList<>(keys.length);
        for (int i = 0; i < keys.length; i++) out.add(new SmapsField(keys[i], values[i], kb[i]));
        return out;
    }

    /** The value of a field, 0 when absent. */
    public long value(String key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) return values[i];
        }
        return 0;
    }

    public boolean has(String key) {
        for (String k : keys) {
            if (k.equals(key)) return true;
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SmapsEntry e && map.equals(e.map) && Arrays.equals(keys, e.keys)
            && Arrays.equals(values, e.values) && Arrays.equals(kb, e.kb) && Objects.equals(vmFlags, e.vmFlags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(map, Arrays.hashCode(keys), Arrays.hashCode(values), vmFlags);
    }

    @Override
    public String toString() {
        return "SmapsEntry[" + map + ", " + fields() + ", " + vmFlags + "]";
    }
}
