package vmalab.app;

import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ProgressBar;
import javafx.stage.Window;
import vmalab.viewmodel.Timeline;

/**
 * A jump through a long scenario (the slider dragged to step 90,000, End, a step back past sparse checkpoints)
 * that does not freeze the window: it replays on the FX thread for at most {@link #FX_BUDGET_NANOS} (0.1 s), which is
 * all a short jump needs, and goes on on a worker thread otherwise, its progress on the status line and in a
 * small dialog with Cancel (Esc). A cancelled jump changes nothing: the step on show stays.
 */
final class JumpJob {
    /** How long a jump may run on the FX thread before it moves to a worker (about six frames). */
    static final long FX_BUDGET_NANOS = 100_000_000L;
    /** The budget in force: {@link #FX_BUDGET_NANOS}; a test sets 0 to see every jump go to the worker. */
    static volatile long fxBudgetNanos = FX_BUDGET_NANOS;
    /** A jump still running after this long shows its progress dialog. */
    static final long DIALOG_AFTER_MILLIS = 400;

    private final Controller controller;
    private final Timeline.Jump jump;
    private final Supplier<Window> owner;
    private volatile boolean cancelled;
    private boolean over;
    private Alert dialog;
    private ProgressBar bar;

    private JumpJob(Controller controller, Timeline.Jump jump, Supplier<Window> owner) {
        this.controller = controller;
        this.jump = jump;
        this.owner = owner;
    }

    /**
     * Jumps to {@code target}: done at once when the replay fits the FX budget (the job returned is then over),
     * else on a worker. FX thread.
     */
    static JumpJob start(Controller controller, int target, Supplier<Window> owner) {
        JumpJob job = new JumpJob(controller, controller.timeline().planJump(target), owner);
        long until = System.nanoTime() + fxBudgetNanos;
        if (job.jump.run(() -> System.nanoTime() > until)) {
            job.finish();
            return job;
        }
        job.inBackground();
        return job;
    }

    boolean isOver() { return over; }

    int target() { return jump.target(); }

    /** Stops the replay; the window stays at the step it shows. FX thread. {@code quiet}: another action follows. */
    void cancel(boolean quiet) {
        if (over) return;
        cancelled = true;
        over = true;
        closeDialog();
        if (!quiet) {
            controller.say("Jump to step " + jump.target() + " cancelled; still at step "
                + controller.timeline().position(), false);
        }
    }

    private void inBackground() {
        controller.say(progressText(), false);
        Thread t = new Thread(() -> {
            boolean done;
            try {
                done = jump.run(() -> cancelled);
            } catch (RuntimeException | OutOfMemoryError e) {
                Platform.runLater(() -> fail(e));
                return;
            }
            if (done) Platform.runLater(this::finish);
        }, "vmalab-jump");
        t.setDaemon(true);
        t.start();
        tick(System.nanoTime());
    }

    /** Every pulse or so: the progress, and the dialog once the jump has run a while. */
    private void tick(long began) {
        if (over) return;
        controller.say(progressText(), false);
        if (dialog == null && System.nanoTime() - began > DIALOG_AFTER_MILLIS * 1_000_000L) showDialog();
        if (bar != null) bar.setProgress(jump.done() / (double) Math.max(1, jump.total()));
        javafx.animation.PauseTransition p = new javafx.animation.PauseTransition(javafx.util.Duration.millis(50));
        p.setOnFinished(e -> tick(began));
        p.play();
    }

    private String progressText() {
        return String.format(java.util.Locale.ROOT, "Replaying to step %d: %,d of %,d operations… (Esc cancels)",
            jump.target(), jump.done(), jump.total());
    }

    private void showDialog() {
        Window w = owner == null ? null : owner.get();
        if (w == null || !w.isShowing()) return;
        dialog = new Alert(Alert.AlertType.NONE);
        dialog.setTitle("Replaying the scenario");
        dialog.setHeaderText(String.format(java.util.Locale.ROOT, "Going to step %,d: replaying %,d operations",
            jump.target(), jump.total()));
        dialog.getButtonTypes().setAll(ButtonType.CANCEL);
        bar = new ProgressBar(0);
        bar.setId("jump-progress");
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
        if (!controller.showJump(jump)) {
            controller.say("The steps changed during the jump; it was dropped", true);
            return;
        }
        if (jump.total() > 0 && controller.statusProperty().get().startsWith("Replaying")) {
            controller.say(String.format(java.util.Locale.ROOT, "At step %,d (replayed %,d operations)",
                jump.target(), jump.total()), false);
        }
    }

    private void fail(Throwable e) {
        if (over) return;
        over = true;
        closeDialog();
        String why = e instanceof OutOfMemoryError ? "out of memory (the JVM's -Xmx limit)" : e.getMessage();
        controller.say("Could not replay to step " + jump.target() + ": " + why, true);
    }

    private void closeDialog() {
        if (dialog != null && dialog.isShowing()) {
            dialog.setResult(ButtonType.OK);
            dialog.close();
        }
    }
}
