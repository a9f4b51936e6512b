package org.flowexplorer.app.ui;

import javafx.animation.AnimationTimer;
import javafx.beans.InvalidationListener;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * Shows a text that changes with every snapshot (the step counter, the NLLs, the worker timings:
 * up to 60 times a second) at most ten times a second, all such texts in the same pulse. Nobody
 * reads a number that changes 60 times a second, but every pulse in which any node changed is a
 * rendered frame, and with software rendering (Xvfb, a virtual machine or remote desktop without a
 * GPU) JavaFX then copies and uploads the whole window, whatever the size of the change: measured
 * 2026-12-02 under Xvfb, 1500 × 940, training with 10 000 points, these readouts made every pulse a
 * frame and the render thread used 27-33 % of a core (19 % in a 1024 × 700 window).
 *
 * <p>Time is cut into {@link #INTERVAL_NANOS} slices of {@link System#nanoTime} (the clock of a
 * pulse's {@code now}): the first change in a slice is shown at once, later ones in the first pulse
 * of the next slice, so the newest value is always on screen within 100 ms and texts changed by
 * the same snapshots change together. The loss chart's redraws fall on the same slices'
 * boundaries (its 50 ms divides 100 ms).
 */
public final class PacedText {
    /** At most ten changes a second. */
    static final long INTERVAL_NANOS = 100_000_000L;

    /**
     * What is shown; the target is bound to it, which keeps this pacer (its bean) and the source
     * reachable for as long as the target is: a binding made for the source is otherwise held only
     * weakly by what it observes, and would be collected with this pacer.
     */
    private final StringProperty shown = new SimpleStringProperty(this, "shown");
    private final ObservableValue<String> source;
    private long shownSlice = Long.MIN_VALUE;
    private boolean armed;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (now / INTERVAL_NANOS != shownSlice) {
                stop();
                armed = false;
                show(now);
            }
        }
    };

    private PacedText(StringProperty target, ObservableValue<String> source) {
        this.source = source;
        shown.set(source.getValue());
        target.bind(shown);
        // an invalidation listener: a binding that is not read again stays invalid and fires no
        // more events until show() reads it, so a burst of changes costs one event
        source.addListener((InvalidationListener) o -> changed());
    }

    /** Makes {@code target} follow {@code source} at most ten times a second (on the FX thread). */
    public static void follow(StringProperty target, ObservableValue<String> source) {
        new PacedText(target, source);
    }

    private void changed() {
        long now = System.nanoTime();
        if (!armed && now / INTERVAL_NANOS != shownSlice) {
            show(now);
        } else if (!armed) {
            armed = true;
            timer.start();
        }
    }

    private void show(long now) {
        shownSlice = now / INTERVAL_NANOS;
        shown.set(source.getValue());
    }
}
