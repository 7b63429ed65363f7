package vmalab.model.event;

/**
 * A step of the kernel worth a sentence on the narration line, as data: which sentence (which also names the
 * kernel function at work), up to four numbers and one reference (a Vma, a file, an advice, a signal…) it
 * needs. {@code vmalab.io.Narrator} renders it: {@code do_brk_flags: the heap grows to 55555557a000…}.
 */
public record Narration(Sentence sentence, long a, long b, long c, long d, Object ref) implements SimEvent {
    public Narration(Sentence sentence) {
        this(sentence, 0, 0, 0, 0, null);
    }

    public Narration(Sentence sentence, long a) {
        this(sentence, a, 0, 0, 0, null);
    }

    public Narration(Sentence sentence, long a, long b) {
        this(sentence, a, b, 0, 0, null);
    }

    public Narration(Sentence sentence, long a, long b, long c) {
        this(sentence, a, b, c, 0, null);
    }

    /** The kernel function the sentence is about: {@code do_anonymous_page}. */
    public String function() {
        return sentence.function();
    }
}
