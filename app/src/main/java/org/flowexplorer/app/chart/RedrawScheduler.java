package org.flowexplorer.app.chart;

import javafx.animation.AnimationTimer;

/**
 * Coalesces any number of "data changed" notifications into at most one redraw per pulse.
 * {@link #markDirty()} arms a one-shot {@link AnimationTimer}; the timer redraws and disarms itself,
 * so an idle view costs nothing. Views also call {@link #flush()} from {@code layoutChildren} so a
 * resize repaints in the same pulse. {@link #markDirtySoon()} is for data that change every pulse but
 * need not be drawn that often (a growing loss curve): those redraw at most once in each slice of
 * {@link #SOON_NANOS} of {@link System#nanoTime}, which saves the FX thread the painting and the
 * render thread the canvas upload in the other pulses. The slices are the ones the paced readouts
 * ({@code org.flowexplorer.app.ui.PacedText}, 100 ms) also change on, so both land in one frame.
 */
final class RedrawScheduler {
    /** At most ~20 redraws per second for {@link #markDirtySoon()}. */
    static final long SOON_NANOS = 50_000_000L;

    private final Runnable redraw;
    private boolean dirty = true;
    private boolean soon;
    private boolean armed;
    private long lastRedrawNanos = Long.MIN_VALUE / 2;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (!dirty && soon && now / SOON_NANOS == lastRedrawNanos / SOON_NANOS) {
                return; // stays armed until the next slice of SOON_NANOS
            }
            stop();
            armed = false;
            if (soon) {
                dirty = true;
            }
            flush(now);
        }
    };

    RedrawScheduler(Runnable redraw) {
        this.redraw = redraw;
    }

    /** Requests a redraw in the next pulse; cheap to call many times. */
    void markDirty() {
        dirty = true;
        arm();
    }

    /** Requests a redraw in the first pulse of a slice of {@link #SOON_NANOS} after the last redraw's. */
    void markDirtySoon() {
        soon = true;
        arm();
    }

    private void arm() {
        if (!armed) {
            armed = true;
            timer.start();
        }
    }

    /** Redraws now if anything changed since the last redraw (a {@link #markDirtySoon()} change waits for its pulse). */
    void flush() {
        flush(System.nanoTime());
    }

    private void flush(long now) {
        if (dirty) {
            dirty = false;
            soon = false;
            lastRedrawNanos = now;
            redraw.run();
        }
    }

    /** Forces a redraw now, e.g. before an offscreen snapshot. */
    void redrawNow() {
        dirty = true;
        flush();
    }
}
