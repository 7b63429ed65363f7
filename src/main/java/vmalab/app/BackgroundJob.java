package vmalab.app;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ProgressBar;
import javafx.stage.Window;

/**
 * Work on the model that must not freeze the window: a jump through a long scenario (the slider dragged to step
 * 90,000, End, a step back past sparse checkpoints) or one heavy operation typed in the command bar (a populate
 * of gigabytes, an OOM kill). It runs on a worker thread; the FX thread waits for it up to
 * {@link #FX_BUDGET_NANOS}, which is all most work needs, so a short job shows as if it ran in place. Longer,
 * its progress goes on the status line and, after {@link #DIALOG_AFTER_MILLIS}, in a small dialog with Cancel
 * (Esc). The work runs on its own copy of the machine, so a cancelled job changes nothing: the step on show
 * stays.
 */
final class BackgroundJob {
    /** How long the FX thread waits for a job before it lets it run on (about six frames). */
    static final long FX_BUDGET_NANOS = 100_000_000L;
    /** The wait in force: {@link #FX_BUDGET_NANOS}; a test sets 0 to see every job go on in the background. */
    static volatile long fxBudgetNanos = FX_BUDGET_NANOS;
    /** A job still running after this long shows its progress dialog. */
    static final long DIALOG_AFTER_MILLIS = 400;

    /** What a job does. */
    interface Work {
        /** Runs (worker thread); false when stopped by {@code cancelled}. */
        boolean run(BooleanSupplier cancelled);

        /** Shows the result (FX thread) and says what it has to; null when shown, else why it was not. */
        String show();

        /** The status line while it runs ({@code Replaying to step 9: 4 of 8 operations…}). */
        String progress();

        /** The share done, 0 to 1; negative when it cannot tell. */
        double fraction();

        /** The dialog's heading. */
        String heading();

        /** What the status line says when it was cancelled. */
        String cancelled();
    }

    private final Controller controller;
    private final Work work;
    private final Supplier<Window> owner;
    private final java.util.function.Consumer<String> done;
    private volatile boolean cancelled;
    private boolean over;
    private Alert dialog;
    private ProgressBar bar;

    private BackgroundJob(Controller controller, Work work, Supplier<Window> owner,
                          java.util.function.Consumer<String> done) {
        this.controller = controller;
        this.work = work;
        this.owner = owner;
        this.done = done;
    }

    /**
     * Starts {@code work}; when it ends within the FX budget it is shown before this returns (the job is then
     * over). {@code done} hears null when the work was shown, else why not (failed, dropped, cancelled). FX thread.
     */
    static BackgroundJob start(Controller controller, Work work, Supplier<Window> owner,
                               java.util.function.Consumer<String> done) {
        BackgroundJob job = new BackgroundJob(controller, work, owner, done);
        Thread t = new Thread(job::runOnWorker, "vmalab-background");
        t.setDaemon(true);
        t.start();
        long budget = fxBudgetNanos;
        if (budget > 0) {
            try {
                t.join(budget / 1_000_000L, (int) (budget % 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (budget > 0 && !t.isAlive()) {
            // finished (or failed) within the budget: the result is already queued; show it now, in place
            // (a budget of 0 is "always in the background": a worker quick enough to end before this check
            // must not turn it into an in-place run, which made LongJumpTest flaky)
            job.drainNow();
        } else {
            job.tick(System.nanoTime());
        }
        return job;
    }

    boolean isOver() { return over; }

    /** Stops the work; the window stays as it is. FX thread. {@code quiet}: another action follows. */
    void cancel(boolean quiet) {
        if (over) return;
        cancelled = true;
        over = true;
        closeDialog();
        if (!quiet) controller.say(work.cancelled(), false);
        done.accept(work.cancelled());
    }

    private volatile Runnable queued;

    private void runOnWorker() {
        Runnable r;
        try {
            r = work.run(() -> cancelled) ? this::finish : null;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            r = () -> fail(e);
        }
        if (r == null) return;
        queued = r;
        Platform.runLater(this::drainNow);
    }

    /** Runs what the worker queued, once (from the FX thread's own wait or from runLater, whichever comes first). */
    private void drainNow() {
        Runnable r = queued;
        queued = null;
        if (r != null) r.run();
    }

    /** Every 50 ms: the progress, and the dialog once the work has run a while. */
    private void tick(long began) {
        if (over) return;
        controller.say(work.progress(), false);
        if (dialog == null && System.nanoTime() - began > DIALOG_AFTER_MILLIS * 1_000_000L) showDialog();
        if (bar != null) {
            double f = work.fraction();
            bar.setProgress(f < 0 ? ProgressBar.INDETERMINATE_PROGRESS : f);
        }
        javafx.animation.PauseTransition p = new javafx.animation.PauseTransition(javafx.util.Duration.millis(50));
        p.setOnFinished(e -> tick(began));
        p.play();
    }

    private void showDialog() {
        Window w = owner == null ? null : owner.get();
        if (w == null || !w.isShowing()) return;
        dialog = new Alert(Alert.AlertType.NONE);
        dialog.setTitle("Working");
        dialog.setHeaderText(work.heading());
        dialog.getButtonTypes().setAll(ButtonType.CANCEL);
        bar = new ProgressBar(0);
        bar.setId("background-progress");
        bar.setPrefWidth(360);
        dialog.getDialogPane().setContent(bar);
        dialog.initOwner(w);
        dialog.resultProperty().addListener((o, a, b) -> {
            if (b == ButtonType.CANCEL) cancel(false);
        });
        dialog.show();
    }

    private void finish() {
        if (over) return;
        over = true;
        closeDialog();
        done.accept(work.show());
    }

    private void fail(Throwable e) {
        if (over) return;
        over = true;
        closeDialog();
        String why = e instanceof OutOfMemoryError ? "out of memory (the JVM's -Xmx limit)"
            : e instanceof StackOverflowError ? "too deep (a stack overflow)" : String.valueOf(e.getMessage());
        String msg = "Could not finish: " + why;
        controller.say(msg, true);
        done.accept(msg);
    }

    private void closeDialog() {
        if (dialog != null && dialog.isShowing()) {
            dialog.setResult(ButtonType.OK);
            dialog.close();
        }
    }
}
