package vmalab.io;

/**
 * A text of numbered lines, each written when asked for: a pane that shows 2,000 lines of a 65,530-line maps or
 * pmap listing writes those and no others ({@link ProcMaps#lines}, {@link Pmap#lines}).
 */
public interface TextLines {
    /** How many lines the whole text has. */
    int count();

    /** Appends line {@code i} (0 ≤ i < count) and its newline. */
    void append(StringBuilder sb, int i);

    /** The whole text. */
    default String text() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count(); i++) append(sb, i);
        return sb.toString();
    }
}
