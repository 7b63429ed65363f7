package vmalab.io;

/**
 * Numbers as scenarios write them: hex (0x…), decimal, or with a K/M/G/T suffix (binary units). ASCII digits
 * only, whatever the locale: Arabic-Indic or full-width digits are not numbers here, as they are not to the
 * kernel's kstrtoul().
 */
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
                if (digits.isEmpty() || digits.length() > 16 || !Hex.isHex(digits)) return null;
                v = Long.parseUnsignedLong(digits, 16);
            } else {
                if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9')) return null;
                v = Long.parseLong(s);
            }
            v = Math.multiplyExact(v, mult);
            return neg ? -v : v;
        } catch (NumberFormatException | ArithmeticException e) {
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
