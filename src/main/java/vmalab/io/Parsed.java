package vmalab.io;

import java.util.function.Function;

/**
 * A parser's answer: either the whole value or one error, {@code FILE:LINE: problem}; never a partial value.
 *
 * @param value the parsed value, null when it failed
 * @param error the problem, null when it worked
 */
public record Parsed<T>(T value, String error) {
    public Parsed {
        if ((value == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of value and error");
        }
    }

    public static <T> Parsed<T> ok(T value) {
        return new Parsed<>(value, null);
    }

    public static <T> Parsed<T> failed(String error) {
        return new Parsed<>(null, error);
    }

    /** {@code file:line: problem}, the form every parser here reports. */
    public static <T> Parsed<T> failed(String file, int line, String problem) {
        return new Parsed<>(null, file + ":" + line + ": " + problem);
    }

    public boolean failed() {
        return error != null;
    }

    /** The value; asking a failed result for it is a bug. */
    public T orElseThrow() {
        if (error != null) throw new IllegalStateException(error);
        return value;
    }

    public <U> Parsed<U> map(Function<? super T, ? extends U> f) {
        return error != null ? failed(error) : ok(f.apply(value));
    }
}
