package vmalab.view.anim;

import java.util.function.DoubleConsumer;
import javafx.animation.Interpolator;
import javafx.animation.Transition;
import javafx.util.Duration;

/**
 * The animation vocabulary shared by the views: one progress transition, easing, and a pulse curve. Views
 * interpolate between two drawn states; none of these touch the model.
 */
public final class Motion {
    private Motion() {
    }

    /** A transition calling {@code frame} with 0…1 (eased) over {@code d}. */
    public static Transition progress(Duration d, DoubleConsumer frame) {
        Transition t = new Transition() {
            {
                setCycleDuration(d);
                setInterpolator(Interpolator.LINEAR);
            }

            @Override
            protected void interpolate(double f) {
                frame.accept(f);
            }
        };
        return t;
    }

    /** Ease in and out. */
    public static double ease(double t) {
        double x = clamp(t);
        return x * x * (3 - 2 * x);
    }

    /** 0 → 1 → 0 over the event, for a flash that fades back. */
    public static double pulse(double t) {
        double x = clamp(t);
        return Math.sin(Math.PI * x);
    }

    /** A highlight that starts strong and fades to a resting level {@code rest}. */
    public static double fade(double t, double rest) {
        double x = clamp(t);
        return rest + (1 - rest) * (1 - x);
    }

    public static double lerp(double a, double b, double t) {
        return a + (b - a) * clamp(t);
    }

    public static double clamp(double t) {
        return t < 0 ? 0 : t > 1 ? 1 : t;
    }
}
