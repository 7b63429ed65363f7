package vmalab.io;

/**
 * One {@code Key: value} line of a /proc/PID/smaps entry.
 *
 * @param key   the name before the colon: {@code Rss}, {@code THPeligible} …
 * @param value the number
 * @param kb    whether the line ends in {@code  kB} (THPeligible and ProtectionKey do not)
 */
public record SmapsField(String key, long value, boolean kb) {
    public static SmapsField kb(String key, long value) {
        return new SmapsField(key, value, true);
    }

    public static SmapsField count(String key, long value) {
        return new SmapsField(key, value, false);
    }
}
