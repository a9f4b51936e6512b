package org.flowexplorer.app.worker;

import java.util.Arrays;

/**
 * An append-only (step, value) buffer owned by the worker. {@link #view()} hands out the current
 * prefix without copying: appends write past the published size, and growing copies into new
 * arrays, so a published view never changes.
 */
final class SeriesBuffer {
    private int[] steps = new int[1024];
    private float[] values = new float[1024];
    private int size;

    void append(long step, double value) {
        if (size == steps.length) {
            steps = Arrays.copyOf(steps, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        steps[size] = (int) Math.min(Integer.MAX_VALUE, step);
        values[size] = (float) value;
        size++;
    }

    void clear() {
        // New arrays: views already handed out keep theirs.
        steps = new int[1024];
        values = new float[1024];
        size = 0;
    }

    int size() {
        return size;
    }

    Snapshot.Series view() {
        return size == 0 ? Snapshot.Series.EMPTY : new Snapshot.Series(steps, values, size);
    }
}
