package org.flowexplorer.app.chart;

import java.util.Arrays;

/** A growable (step, value) series with running extremes, as appended live by {@link LossChart}. */
final class LossSeries {
    private int[] steps = new int[1024];
    private float[] values = new float[1024];
    private int size;
    private float min = Float.POSITIVE_INFINITY;
    private float max = Float.NEGATIVE_INFINITY;

    /** Appends pairs; steps are expected to be non-decreasing across calls. */
    void append(int[] newSteps, float[] newValues) {
        if (newSteps.length != newValues.length) {
            throw new IllegalArgumentException(newSteps.length + " steps but " + newValues.length + " values");
        }
        if (size + newSteps.length > steps.length) {
            int capacity = Math.max(size + newSteps.length, steps.length * 2);
            steps = Arrays.copyOf(steps, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        System.arraycopy(newSteps, 0, steps, size, newSteps.length);
        System.arraycopy(newValues, 0, values, size, newValues.length);
        size += newSteps.length;
        for (float v : newValues) {
            if (Float.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
    }

    void clear() {
        size = 0;
        min = Float.POSITIVE_INFINITY;
        max = Float.NEGATIVE_INFINITY;
    }

    int size() {
        return size;
    }

    int[] steps() {
        return steps;
    }

    float[] values() {
        return values;
    }

    float min() {
        return min;
    }

    float max() {
        return max;
    }

    int lastStep() {
        return size == 0 ? 0 : steps[size - 1];
    }

    /** Index of the entry whose step is closest to {@code step}, or -1 when empty. */
    int nearestIndex(double step) {
        if (size == 0) {
            return -1;
        }
        int lo = 0;
        int hi = size - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (steps[mid] < step) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo > 0 && Math.abs(steps[lo - 1] - step) <= Math.abs(steps[lo] - step)) {
            return lo - 1;
        }
        return lo;
    }
}
