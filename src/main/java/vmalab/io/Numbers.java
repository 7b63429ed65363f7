package vmalab.io;

/** Numbers as scenarios write them: hex (0x…), decimal, or with a K/M/G suffix (binary units). */
public final class Numbers {
    private Numbers() {
    }

    /** The value, or null when the text is not a number. Negative values keep their sign. */
    public static Long parse(String s) {
        if (s == null || s.isEmpty()) return null;
        boolean neg = false;
        if (s.startsWith("+") || s.startsWith("-")) {
            neg = s.startsWith("-");
            s = s.substring(1);
        }
        long mult = 1;
        char last = Character.toUpperCase(s.charAt(s.length() - 1));
        if (s.length() > 1 && (last == 'K' || last == 'M' || last == 'G' || last == 'T')
                && !(s.startsWith("0x") || s.startsWith("0X"))) {
            mult = switch (last) {
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
                if (digits.isEmpty() || digits.length() > 16) return null;
                v = Long.parseUnsignedLong(digits, 16);
            } else {
                if (s.isEmpty() || !s.chars().allMatch(Character::isDigit)) return null;
                v = Long.parseLong(s);
            }
            v = Math.multiplyExact(v, mult);
            return neg ? -v : v;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /**
     * An unsigned 64-bit value, as the kernel takes an address, length or offset: 0xffffffffff600000 and
     * 18446744073709551615 included (they come back as negative longs). No sign; null when the text is not a
     * number or does not fit in 64 bits.
     */
    public static Long parseUnsigned(String s) {
        if (s == null || s.isEmpty() || s.startsWith("+") || s.startsWith("-")) return null;
        long mult = 1;
        char last = Character.toUpperCase(s.charAt(s.length() - 1));
        if (s.length() > 1 && hasSuffix(s)) {
            mult = switch (last) {
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
                if (digits.isEmpty() || digits.length() > 16) return null;
                v = Long.parseUnsignedLong(digits, 16);
            } else {
                if (s.isEmpty() || !s.chars().allMatch(Character::isDigit)) return null;
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
        if (s == null || s.isEmpty() || s.startsWith("0x")) return false;
        char c = Character.toUpperCase(s.charAt(s.length() - 1));
        return c == 'K' || c == 'M' || c == 'G' || c == 'T';
    }
}
