package vmalab.io;

/** Hex numbers as the /proc files and procps print them: lowercase, zero-padded, unsigned. */
public final class Hex {
    private Hex() {
    }

    /** {@code value} as at least {@code digits} lowercase hex digits, unsigned ({@code %0*lx}). */
    public static String pad(long value, int digits) {
        StringBuilder sb = new StringBuilder(Math.max(digits, 16));
        appendPadded(sb, value, digits);
        return sb.toString();
    }

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    /** Appends {@code value} as {@link #pad} writes it, without a String of its own (a line of many columns). */
    public static void appendPadded(StringBuilder sb, long value, int digits) {
        int len = Math.max(1, (67 - Long.numberOfLeadingZeros(value)) / 4);
        for (int i = len; i < digits; i++) sb.append('0');
        for (int shift = (len - 1) * 4; shift >= 0; shift -= 4) sb.append(DIGITS[(int) (value >>> shift) & 15]);
    }

    /** Each byte's value as a hex digit (0-9, a-f, A-F), -1 for any other byte. */
    private static final byte[] VALUE = new byte[256];

    static {
        java.util.Arrays.fill(VALUE, (byte) -1);
        for (int c = '0'; c <= '9'; c++) VALUE[c] = (byte) (c - '0');
        for (int c = 'a'; c <= 'f'; c++) VALUE[c] = (byte) (c - 'a' + 10);
        for (int c = 'A'; c <= 'F'; c++) VALUE[c] = (byte) (c - 'A' + 10);
    }

    /** The value of the hex digit {@code b} (a byte of a /proc file), or -1 when it is none. */
    public static int value(byte b) {
        return VALUE[b & 0xff];
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
