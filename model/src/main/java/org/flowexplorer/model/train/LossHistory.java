package org.flowexplorer.model.train;

import java.util.Arrays;

/**
 * The loss curve of a training run as it grows: one entry per recorded step with the training
 * NLL and the held-out (test) NLL, either of which is NaN where it was not measured (the test
 * set is typically evaluated only every few hundred steps).
 *
 * <p>Append-only, so that {@link #snapshot()} is O(1): a snapshot shares the backing arrays and
 * only ever reads entries below its size, which no later append touches (growing copies into new
 * arrays; {@link #clear()} starts new arrays too). This lets a training thread append while the
 * UI thread draws the latest snapshot, and lets a session file store exactly what the chart
 * showed. Appends and snapshots are synchronized; a snapshot is immutable.
 */
public final class LossHistory {
    private long[] steps;
    private double[] train;
    private double[] test;
    private int size;

    public LossHistory() {
        clear();
    }

    /** A history holding the entries of {@code snapshot}, ready for further appends. */
    public static LossHistory of(LossSnapshot snapshot) {
        LossHistory h = new LossHistory();
        int n = snapshot.size();
        h.steps = Arrays.copyOf(snapshot.stepsArray(), Math.max(16, n));
        h.train = Arrays.copyOf(snapshot.trainArray(), Math.max(16, n));
        h.test = Arrays.copyOf(snapshot.testArray(), Math.max(16, n));
        h.size = n;
        return h;
    }

    /**
     * Records one step.
     *
     * @param step     optimisation step, non-negative and greater than the last recorded step
     * @param trainNll training NLL at that step (NaN if not measured)
     * @param testNll  test NLL at that step (NaN if not measured)
     * @throws IllegalArgumentException if the step is negative or not after the last one
     */
    public synchronized void append(long step, double trainNll, double testNll) {
        if (step < 0) {
            throw new IllegalArgumentException("step must not be negative, got " + step);
        }
        if (size > 0 && step <= steps[size - 1]) {
            throw new IllegalArgumentException("step " + step + " is not after the last recorded step " + steps[size - 1]);
        }
        if (size == steps.length) {
            int capacity = steps.length * 2;
            steps = Arrays.copyOf(steps, capacity);
            train = Arrays.copyOf(train, capacity);
            test = Arrays.copyOf(test, capacity);
        }
        steps[size] = step;
        train[size] = trainNll;
        test[size] = testNll;
        size++;
    }

    /** Forgets every entry (e.g. when the model is re-initialised); earlier snapshots stay intact. */
    public synchronized void clear() {
        steps = new long[16];
        train = new double[16];
        test = new double[16];
        size = 0;
    }

    public synchronized int size() {
        return size;
    }

    /** The last recorded step, or -1 when empty. */
    public synchronized long lastStep() {
        return size == 0 ? -1 : steps[size - 1];
    }

    /** The entries recorded so far, immutable; O(1). */
    public synchronized LossSnapshot snapshot() {
        return new LossSnapshot(steps, train, test, size);
    }
}
