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
