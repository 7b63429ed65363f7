package vmalab.view.anim;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Coalesces repaint requests: however many arrive during one FX event, the paint runs once, after it. A
 * publish sets the cursor, the result and the version one after the other, and a picture must never show the
 * new cursor over the old result in between.
 * <p>With an owner node, a request while the owner is not shown (on a tab in the background, an ancestor
 * invisible) waits: the paint runs at the first pulse that finds it shown. A window of five views then paints
 * one of them for a change, not five (a 65,530-VMA picture costs tens of milliseconds a view).
 */
public final class PaintRequest {
    private final Runnable paint;
    private final Node owner;
    private boolean queued;
    private Scene waitingOn;
    private final Runnable onPulse = this::pulse;

    public PaintRequest(Runnable paint) {
        this(paint, null);
    }

    public PaintRequest(Runnable paint, Node owner) {
        this.paint = paint;
        this.owner = owner;
    }

    /** Paints after the current FX event, once (or, while the owner is hidden, once it is shown). */
    public void request() {
        if (queued) return;
        queued = true;
        Platform.runLater(() -> {
            if (owner != null && !shown(owner)) {
                Scene s = owner.getScene();
                if (s != null) {
                    if (waitingOn != s) {
                        if (waitingOn != null) waitingOn.removePreLayoutPulseListener(onPulse);
                        s.addPreLayoutPulseListener(onPulse);
                        waitingOn = s;
                    }
                    return; // still queued: the pulse that finds it shown paints
                }
            }
            queued = false;
            paint.run();
        });
    }

    private void pulse() {
        if (!queued) {
            stopWaiting();
            return;
        }
        if (owner.getScene() != waitingOn) {
            // moved to another scene (or out of one): paint there as a plain request would
            stopWaiting();
            queued = false;
            request();
            return;
        }
        if (!shown(owner)) return;
        stopWaiting();
        queued = false;
        paint.run();
    }

    private void stopWaiting() {
        if (waitingOn != null) waitingOn.removePreLayoutPulseListener(onPulse);
        waitingOn = null;
    }

    /** Whether {@code n} and every node above it are visible. */
    static boolean shown(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (!x.isVisible()) return false;
        }
        return true;
    }

    /** Whether a paint waits for the owner to be shown (for tests). */
    boolean waiting() {
        return waitingOn != null;
    }
}
