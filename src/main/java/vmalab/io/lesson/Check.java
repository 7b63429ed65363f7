package vmalab.io.lesson;

/**
 * One {@code [NAME:] expect KEY [ARG] VALUE} line: checked against the state after the operation before it.
 *
 * @param line     its 1-based line in the scenario
 * @param process  the process named by a {@code NAME:} prefix, or null for the process the operation ran in
 * @param query    what to read
 * @param expected the value as written ({@code 12K}, {@code yes}, {@code rw-p}, {@code SIGSEGV})
 */
public record Check(int line, String process, Query query, String expected) { }
