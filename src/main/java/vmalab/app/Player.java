package vmalab.app;

import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Play/pause: a pulse-driven clock that runs the next step whenever the director is idle and a short pause
 * (shorter at higher speed) has passed, and stops at the end of the timeline.
 */
final class Player {
    private static final long PAUSE_NANOS = 700_000_000L;

    private final Controller controller;
    private final AnimationDirector director;
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", false);
    private long idleSince = -1;

    private final AnimationTimer clock = new AnimationTimer() {
        @Override
        public void handle(long now) {
            tick(now);
        }
    };

    Player(Controller controller, AnimationDirector director) {
        this.controller = controller;
        this.director = director;
        // stages of a step that wait for the teacher are held only briefly while playing
        director.autoAdvanceProperty().bind(playing);
        playing.addListener((o, a, b) -> {
            idleSince = -1;
            if (b) clock.start();
            else clock.stop();
        });
    }

    BooleanProperty playingProperty() {
        return playing;
    }

    void toggle() {
        playing.set(!playing.get());
    }

    private void tick(long now) {
        if (director.isBusy()) {
            idleSince = -1;
            return;
        }
        if (idleSince < 0) {
            idleSince = now;
            return;
        }
        double speed = Math.max(0.05, director.speedProperty().get());
        if (now - idleSince < PAUSE_NANOS / speed) return;
        idleSince = -1;
        if (!controller.stepOp()) playing.set(false);
    }
}
