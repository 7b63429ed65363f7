package vmalab.model.event;

/** A sentence for the narration line, naming the kernel function at work: {@code do_brk_flags: …}. */
public record Narration(String function, String text) implements SimEvent {
}
