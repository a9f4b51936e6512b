package org.flowexplorer.app.viewmodel;

import java.util.Arrays;

/**
 * How far one side of a comparison had trained after how much training time: the wall time its
 * worker spent playing (intervals between two snapshots that both said "playing"), against the
 * step it had reached. A new run (reset, new model) starts the clock again. FX thread.
 */
final class StepClock {
    private long[] elapsed = new long[256];
    private long[] steps = new long[256];
    private int size;
    private int runId = Integer.MIN_VALUE;
    private long total;
    private long lastNanos;
    private boolean lastPlaying;

    /** One snapshot of the side: its run, the time it arrived, whether it was playing, its step. */
    void observe(int run, long nanos, boolean playing, long step) {
        if (run != runId) {
            runId = run;
            size = 0;
            total = 0;
            lastPlaying = false;
        }
        if (lastPlaying && playing) {
            total += Math.max(0, nanos - lastNanos);
        }
        lastNanos = nanos;
        lastPlaying = playing;
        if (size == 0 || steps[size - 1] != step) {
            if (size == steps.length) {
                elapsed = Arrays.copyOf(elapsed, 2 * size);
                steps = Arrays.copyOf(steps, 2 * size);
            }
            elapsed[size] = total;
            steps[size] = step;
            size++;
        }
    }

    /** The training time so far, in nanoseconds. */
    long elapsedNanos() {
        return total;
    }

    /** The last step reached within {@code nanos} of training time (0 before any). */
    long stepAt(long nanos) {
        int i = Arrays.binarySearch(elapsed, 0, size, nanos);
        int at = i >= 0 ? lastOf(i, nanos) : -i - 2;
        return at < 0 ? 0 : steps[at];
    }

    private int lastOf(int i, long nanos) {
        while (i + 1 < size && elapsed[i + 1] == nanos) {
            i++;
        }
        return i;
    }
}
