package vmalab.io.lesson;

/**
 * What a check reads from the model: a key and, for the keys that need one, its argument
 * ({@code present 0x55555555d000}, {@code free 3}, {@code rss}). {@code expect KEY [ARG] VALUE} compares it with a
 * value; {@code ask … answer KEY [ARG]} reveals it as the answer.
 *
 * @param key the key, lower case ({@code rss}, {@code present}, …)
 * @param arg its argument as written, or null
 */
public record Query(String key, String arg) {
    @Override
    public String toString() {
        return arg == null ? key : key + " " + arg;
    }
}
