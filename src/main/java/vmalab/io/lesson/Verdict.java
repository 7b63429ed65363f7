package vmalab.io.lesson;

// placeholder, replaced by lang at merge

/** Whether a check or an ask's answer held: the model's value, and the message when it did not. */
public record Verdict(boolean passed, String actual, String message) { }
