package vmalab.viewmodel.fold;

/** A signal the step sent (SIGSEGV, SIGBUS), to the task {@code pid}, for the access at {@code addr}. */
public record StepSignal(int pid, String signal, long addr, String reason) {
}
