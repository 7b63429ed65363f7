package vmalab.view.anim;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Coalesces repaint requests: however many arrive during one FX event, the paint runs once, after it. A
 * publish sets the cursor, the result and the version one after the other, and a picture must never show the
 * new cursor over the old result in between.
 * <p>With an owner node, a request while the owner is not shown (on a tab in the background, an ancestor
 * invisible) waits: the paint runs when it is shown again (the ancestor turns visible: a tab brought to the front,
 * at once, so a snapshot right after sees it; else at the first pulse that finds it shown). A window of six views
 * then paints one of them for a change, not six: for an import of 65,530 VMAs the hidden ones cost seconds
 * (the tree replays every insertion, the Story reads every event of the step) and hundreds of MiB.
 */
public final class PaintRequest {
    private final Runnable paint;
    private final Node owner;
    private boolean queued;
    private Scene waitingOn;
    private final Runnable onPulse = this::shownNow;
    private final javafx.beans.InvalidationListener onVisible = o -> shownNow();
    private final java.util.List<Node> watched = new java.util.ArrayList<>();

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
            if (owner != null && !shown(owner) && owner.getScene() != null) {
                waitForShown();
                return; // still queued: paints once shown
            }
            queued = false;
            paint.run();
        });
    }

    /** Paints when an ancestor turns visible (a tab brought to the front) or, failing that, at a pulse. */
    private void waitForShown() {
        stopWaiting();
        waitingOn = owner.getScene();
        waitingOn.addPreLayoutPulseListener(onPulse);
        for (Node x = owner; x != null; x = x.getParent()) {
            x.visibleProperty().addListener(onVisible);
            watched.add(x);
        }
    }

    private void shownNow() {
        if (!queued) {
            stopWaiting();
            return;
        }
        if (owner.getScene() != waitingOn) {
            // moved to another scene (or out of one): ask again there
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
        for (Node x : watched) x.visibleProperty().removeListener(onVisible);
        watched.clear();
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
