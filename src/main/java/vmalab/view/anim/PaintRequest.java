package vmalab.view.anim;

import javafx.application.Platform;

/**
 * Coalesces repaint requests: however many arrive during one FX event, the paint runs once, after it. A
 * publish sets the cursor, the result and the version one after the other, and a picture must never show the
 * new cursor over the old result in between.
 */
public final class PaintRequest {
    private final Runnable paint;
    private boolean queued;

    public PaintRequest(Runnable paint) {
        this.paint = paint;
    }

    /** Paints after the current FX event, once. */
    public void request() {
        if (queued) return;
        queued = true;
        Platform.runLater(() -> {
            queued = false;
            paint.run();
        });
    }
}
