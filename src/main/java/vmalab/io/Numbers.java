package vmalab.io;

/**
 * Numbers as scenarios write them: hex (0x…), decimal, or with a K/M/G/T suffix (binary units). ASCII digits
 * only, whatever the locale: Arabic-Indic or full-width digits are not numbers here, as they are not to the
 * kernel's kstrtoul().
 */
public final class Numbers {
    private Numbers() {
    }

    /**
     * The value, or null when the text is not a number or its magnitude does not fit in a signed 64-bit long.
     * Negative values keep their sign.
     */
    public static Long parse(String s) {
        if (s == null || s.isEmpty()) return null;
        boolean neg = s.startsWith("-");
        Long v = parseUnsigned(neg || s.startsWith("+") ? s.substring(1) : s);
        if (v == null || v < 0) return null;
        return neg ? -v : v;
    }

    /**
     * An unsigned 64-bit value, as the kernel takes an address, length or offset: 0xffffffffff600000 and
     * 18446744073709551615 included (they come back as negative longs). No sign; null when the text is not a
     * number or does not fit in 64 bits.
     */
    public static Long parseUnsigned(String s) {
        if (s == null || s.isEmpty() || s.startsWith("+") || s.startsWith("-")) return null;
        long mult = 1;
        if (s.length() > 1 && hasSuffix(s)) {
            mult = switch (Character.toUpperCase(s.charAt(s.length() - 1))) {
                case 'K' -> 1L << 10;
                case 'M' -> 1L << 20;
                case 'G' -> 1L << 30;
                default -> 1L << 40;
            };
            s = s.substring(0, s.length() - 1);
        }
        try {
            long v;
            if (s.startsWith("0x") || s.startsWith("0X")) {
                String digits = s.substring(2);
                if (digits.isEmpty() || digits.length() > 16 || !Hex.isHex(digits)) return null;
                v = Long.parseUnsignedLong(digits, 16);
            } else {
                if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9')) return null;
                v = Long.parseUnsignedLong(s);
            }
            if (Long.compareUnsigned(v, Long.divideUnsigned(-1L, mult)) > 0) return null;
            return v * mult;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether the text carries a size suffix (K, M, G, T). */
    public static boolean hasSuffix(String s) {
        if (s == null || s.isEmpty() || s.startsWith("0x") || s.startsWith("0X")) return false;
        char c = Character.toUpperCase(s.charAt(s.length() - 1));
        return c == 'K' || c == 'M' || c == 'G' || c == 'T';
    }
}
