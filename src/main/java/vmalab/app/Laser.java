package vmalab.app;

import javafx.animation.PauseTransition;
import javafx.scene.Scene;
import javafx.scene.effect.BlurType;
import javafx.scene.effect.DropShadow;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.util.Duration;

/**
 * Presenter mode's laser pointer: a translucent red dot with a soft glow that follows the mouse over the window.
 * It takes no mouse events (clicks go to what is under it), hides when the mouse leaves the window and after
 * {@link #IDLE} without a move. An unmanaged child of the window's root, on top of everything.
 */
final class Laser {
    static final String STYLE_CLASS = "laser-pointer";
    static final Duration IDLE = Duration.seconds(3);
    static final double RADIUS = 9;

    private final Pane host;
    private final Circle dot = new Circle(RADIUS);
    private final PauseTransition idle = new PauseTransition(IDLE);
    private boolean enabled;
    private Scene hooked;

    Laser(Pane host) {
        this.host = host;
        dot.setId("laser-pointer");
        dot.getStyleClass().add(STYLE_CLASS);
        dot.setMouseTransparent(true);
        dot.setManaged(false);
        dot.setVisible(false);
        DropShadow glow = new DropShadow(BlurType.GAUSSIAN, javafx.scene.paint.Color.rgb(255, 40, 40, 0.8), 22, 0.35,
            0, 0);
        dot.setEffect(glow);
        idle.setOnFinished(e -> dot.setVisible(false));
        host.getChildren().add(dot);
        host.sceneProperty().addListener((o, a, s) -> hook(s));
        hook(host.getScene());
    }

    Circle dot() {
        return dot;
    }

    void setEnabled(boolean on) {
        enabled = on;
        if (!on) {
            idle.stop();
            dot.setVisible(false);
        }
    }

    private void hook(Scene s) {
        if (s == null || s == hooked) return;
        hooked = s;
        s.addEventFilter(MouseEvent.MOUSE_MOVED, this::moved);
        s.addEventFilter(MouseEvent.MOUSE_DRAGGED, this::moved);
        s.addEventFilter(MouseEvent.MOUSE_EXITED_TARGET, e -> {
            // only a real exit: a window going full screen reports an exit with the mouse still inside it
            boolean inside = e.getSceneX() >= 0 && e.getSceneY() >= 0 && e.getSceneX() < s.getWidth()
                && e.getSceneY() < s.getHeight();
            if ((e.getTarget() == s.getRoot() || e.getTarget() == s) && !inside) {
                idle.stop();
                dot.setVisible(false);
            }
        });
    }

    /** Moves the dot to where the mouse is (in the host's space); shown again until the mouse rests. */
    void moved(MouseEvent e) {
        if (!enabled) return;
        javafx.geometry.Point2D p = host.sceneToLocal(e.getSceneX(), e.getSceneY());
        if (p == null) return;
        dot.setCenterX(p.getX());
        dot.setCenterY(p.getY());
        dot.toFront();
        dot.setVisible(true);
        idle.playFromStart();
    }
}
