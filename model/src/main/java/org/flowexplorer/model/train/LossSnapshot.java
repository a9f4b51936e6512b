package org.flowexplorer.model.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.flowexplorer.model.data.CsvTable;

/**
 * An immutable view of a {@link LossHistory}: the first {@link #size()} entries of (step, train
 * NLL, test NLL), steps strictly increasing, NaN where a value was not measured. Accessors that
 * return arrays return copies; the indexed accessors do not allocate (for drawing the chart).
 */
public final class LossSnapshot {
    private static final LossSnapshot EMPTY = new LossSnapshot(new long[0], new double[0], new double[0], 0);

    private final long[] steps;
    private final double[] train;
    private final double[] test;
    private final int size;

    /** Shares the arrays: the caller must never change their first {@code size} entries. */
    LossSnapshot(long[] steps, double[] train, double[] test, int size) {
        this.steps = steps;
        this.train = train;
        this.test = test;
        this.size = size;
    }

    /**
     * A snapshot of the given columns (copied), as read from a file.
     *
     * @throws IllegalArgumentException if the lengths differ, a step is negative or the steps are
     *                                  not strictly increasing
     */
    public static LossSnapshot of(long[] steps, double[] trainNll, double[] testNll) {
        if (steps.length != trainNll.length || steps.length != testNll.length) {
            throw new IllegalArgumentException("loss columns differ in length: " + steps.length + " steps, "
                    + trainNll.length + " train values, " + testNll.length + " test values");
        }
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] < 0) {
                throw new IllegalArgumentException("step " + steps[i] + " at index " + i + " is negative");
            }
            if (i > 0 && steps[i] <= steps[i - 1]) {
                throw new IllegalArgumentException("steps must increase, but index " + i + " has step " + steps[i]
                        + " after " + steps[i - 1]);
            }
        }
        return new LossSnapshot(steps.clone(), trainNll.clone(), testNll.clone(), steps.length);
    }

    /**
     * The snapshot of two separately stored series, merged by step: one entry per distinct step of
     * either series, NaN where a series has no value at that step. This is how a model file stores
     * a history ({@code history/train.npy}, {@code history/test.npy}); {@link #trainSeries()} and
     * {@link #testSeries()} split it again, so the round trip is exact.
     *
     * @throws IllegalArgumentException if a series' columns differ in length, or its steps are
     *                                  negative or not strictly increasing
     */
    public static LossSnapshot ofSeries(Series train, Series test) {
        train.check("train");
        test.check("test");
        int n = train.size() + test.size();
        long[] steps = new long[n];
        double[] tr = new double[n];
        double[] te = new double[n];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < train.size() || j < test.size()) {
            long step = j >= test.size() || (i < train.size() && train.steps[i] <= test.steps[j]) ? train.steps[i] : test.steps[j];
            steps[k] = step;
            tr[k] = i < train.size() && train.steps[i] == step ? train.values[i++] : Double.NaN;
            te[k] = j < test.size() && test.steps[j] == step ? test.values[j++] : Double.NaN;
            k++;
        }
        return new LossSnapshot(Arrays.copyOf(steps, k), Arrays.copyOf(tr, k), Arrays.copyOf(te, k), k);
    }

    /**
     * One measured series: (step, value) pairs, steps strictly increasing. Arrays are shared, not
     * copied: treat them as read-only.
     */
    public record Series(long[] steps, double[] values) {
        public Series {
            Objects.requireNonNull(steps, "steps");
            Objects.requireNonNull(values, "values");
        }

        public int size() {
            return steps.length;
        }

        void check(String name) {
            if (steps.length != values.length) {
                throw new IllegalArgumentException(name + " history has " + steps.length + " steps but " + values.length + " values");
            }
            for (int i = 0; i < steps.length; i++) {
                if (steps[i] < 0 || (i > 0 && steps[i] <= steps[i - 1])) {
                    throw new IllegalArgumentException(name + " history steps must be non-negative and increasing (entry " + i
                            + " is " + steps[i] + ")");
                }
            }
        }
    }

    /**
     * The training series: every entry whose train NLL was measured, and also entries where neither
     * value was (so that splitting and {@link #ofSeries merging} loses nothing).
     */
    public Series trainSeries() {
        return series(true);
    }

    /** The test series: the entries whose test NLL was measured. */
    public Series testSeries() {
        return series(false);
    }

    private Series series(boolean trainSide) {
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (inSeries(i, trainSide)) {
                count++;
            }
        }
        long[] s = new long[count];
        double[] v = new double[count];
        int k = 0;
        for (int i = 0; i < size; i++) {
            if (inSeries(i, trainSide)) {
                s[k] = steps[i];
                v[k++] = trainSide ? train[i] : test[i];
            }
        }
        return new Series(s, v);
    }

    private boolean inSeries(int i, boolean trainSide) {
        return trainSide ? !Double.isNaN(train[i]) || Double.isNaN(test[i]) : !Double.isNaN(test[i]);
    }

    public static LossSnapshot empty() {
        return EMPTY;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public long step(int i) {
        return steps[Objects.checkIndex(i, size)];
    }

    public double trainNll(int i) {
        return train[Objects.checkIndex(i, size)];
    }

    public double testNll(int i) {
        return test[Objects.checkIndex(i, size)];
    }

    public long[] steps() {
        return Arrays.copyOf(steps, size);
    }

    public double[] trainNll() {
        return Arrays.copyOf(train, size);
    }

    public double[] testNll() {
        return Arrays.copyOf(test, size);
    }

    /** The last entry's step, or -1 when empty. */
    public long lastStep() {
        return size == 0 ? -1 : steps[size - 1];
    }

    long[] stepsArray() {
        return steps;
    }

    double[] trainArray() {
        return train;
    }

    double[] testArray() {
        return test;
    }

    /**
     * Writes {@code step,train_nll,test_nll} (steps as integers, NLLs in shortest round-trip form,
     * {@code NaN} where absent) atomically, for plotting elsewhere.
     */
    public void writeCsv(Path file) throws IOException {
        CsvTable.writeIndexedColumns(file, List.of("step", "train_nll", "test_nll"), steps(), List.of(trainNll(), testNll()));
    }

    /** Same entries (NaN equal to NaN, compared bitwise). */
    @Override
    public boolean equals(Object o) {
        return o instanceof LossSnapshot s && Arrays.equals(steps(), s.steps()) && Arrays.equals(trainNll(), s.trainNll())
                && Arrays.equals(testNll(), s.testNll());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(steps()) * 31 + Arrays.hashCode(trainNll()) * 7 + Arrays.hashCode(testNll());
    }

    @Override
    public String toString() {
        return "LossSnapshot[" + size + " entries" + (size == 0 ? "" : ", steps " + steps[0] + ".." + steps[size - 1]) + "]";
    }
}
