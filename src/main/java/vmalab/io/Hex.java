package vmalab.io;

/** Hex numbers as the /proc files and procps print them: lowercase, zero-padded, unsigned. */
public final class Hex {
    private Hex() {
    }

    /** {@code value} as at least {@code digits} lowercase hex digits, unsigned ({@code %0*lx}). */
    public static String pad(long value, int digits) {
        String s = Long.toHexString(value);
        if (s.length() >= digits) return s;
        StringBuilder sb = new StringBuilder(digits);
        for (int i = s.length(); i < digits; i++) sb.append('0');
        return sb.append(s).toString();
    }

    /** Whether {@code s} is 1 to 16 ASCII hex digits (not the other scripts' digits Character.digit takes). */
    public static boolean isHex(String s) {
        if (s.isEmpty() || s.length() > 16) return false;
        for (int i = 0; i < s.length(); i++) {
            if (!isHexDigit(s.charAt(i))) return false;
        }
        return true;
    }

    /** Whether {@code c} is 0-9, a-f or A-F. */
    public static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Parses 1 to 16 hex digits as an unsigned 64-bit value; the caller has checked {@link #isHex}. */
    public static long parse(String s) {
        return Long.parseUnsignedLong(s, 16);
    }

    /** Whether {@code s} is 1 to 20 decimal digits that fit an unsigned 64-bit value. */
    public static boolean isDecimal(String s) {
        if (s.isEmpty() || s.length() > 20) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        try {
            Long.parseUnsignedLong(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
