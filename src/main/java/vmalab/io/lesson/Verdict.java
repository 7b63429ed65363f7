package vmalab.io.lesson;

/**
 * The outcome of one {@code expect} or {@code ask}.
 *
 * @param passed  whether the model agreed
 * @param actual  the model's value as a lesson writes it ({@code 12K}, {@code yes}, {@code rw-p}); for a check
 *                that could not be read (no such process, a bad value), the problem
 * @param message {@code FILE:LINE: expected KEY [ARG] VALUE, got ACTUAL} when it failed; a line saying what
 *                held when it passed
 */
public record Verdict(boolean passed, String actual, String message) { }
