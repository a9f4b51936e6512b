package org.flowexplorer.app.chart;

import javafx.animation.AnimationTimer;

/**
 * Coalesces any number of "data changed" notifications into at most one redraw per pulse.
 * {@link #markDirty()} arms a one-shot {@link AnimationTimer}; the timer redraws and disarms itself,
 * so an idle view costs nothing. Views also call {@link #flush()} from {@code layoutChildren} so a
 * resize repaints in the same pulse.
 */
final class RedrawScheduler {
    private final Runnable redraw;
    private boolean dirty = true;
    private boolean armed;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            stop();
            armed = false;
            flush();
        }
    };

    RedrawScheduler(Runnable redraw) {
        this.redraw = redraw;
    }

    /** Requests a redraw in the next pulse; cheap to call many times. */
    void markDirty() {
        dirty = true;
        if (!armed) {
            armed = true;
            timer.start();
        }
    }

    /** Redraws now if anything changed since the last redraw. */
    void flush() {
        if (dirty) {
            dirty = false;
            redraw.run();
        }
    }

    /** Forces a redraw now, e.g. before an offscreen snapshot. */
    void redrawNow() {
        dirty = true;
        flush();
    }
}
