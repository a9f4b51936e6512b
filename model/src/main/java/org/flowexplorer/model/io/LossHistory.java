package org.flowexplorer.model.io;

import java.util.Arrays;

/**
 * The loss curve a model was trained with, as a model file can carry it: the training NLL (nats,
 * minibatch mean) at each recorded step and, if a held-out set was used, the test NLL at the steps
 * it was measured. Steps must not decrease within a series. The arrays are copied in and out, so a
 * history is immutable.
 *
 * <p>In a native {@code .zip} model it is stored as {@code history/train.npy} and (if not empty)
 * {@code history/test.npy}, each a float64 {@code [n, 2]} array of (step, nll) rows. Readers that
 * predate these entries ignore them.
 */
public record LossHistory(int[] trainSteps, float[] trainNll, int[] testSteps, float[] testNll) {

    public LossHistory {
        trainSteps = trainSteps == null ? new int[0] : trainSteps.clone();
        trainNll = trainNll == null ? new float[0] : trainNll.clone();
        testSteps = testSteps == null ? new int[0] : testSteps.clone();
        testNll = testNll == null ? new float[0] : testNll.clone();
        check("train", trainSteps, trainNll);
        check("test", testSteps, testNll);
    }

    private static void check(String name, int[] steps, float[] values) {
        if (steps.length != values.length) {
            throw new IllegalArgumentException(name + " history has " + steps.length + " steps but " + values.length
                    + " values");
        }
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] < 0 || (i > 0 && steps[i] < steps[i - 1])) {
                throw new IllegalArgumentException(name + " history steps must be non-negative and non-decreasing"
                        + " (entry " + i + " is " + steps[i] + ")");
            }
        }
    }

    /** Whether neither series has an entry. */
    public boolean isEmpty() {
        return trainSteps.length == 0 && testSteps.length == 0;
    }

    @Override
    public int[] trainSteps() {
        return trainSteps.clone();
    }

    @Override
    public float[] trainNll() {
        return trainNll.clone();
    }

    @Override
    public int[] testSteps() {
        return testSteps.clone();
    }

    @Override
    public float[] testNll() {
        return testNll.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LossHistory h && Arrays.equals(trainSteps, h.trainSteps)
                && Arrays.equals(trainNll, h.trainNll) && Arrays.equals(testSteps, h.testSteps)
                && Arrays.equals(testNll, h.testNll);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Arrays.hashCode(trainSteps) + Arrays.hashCode(trainNll))
                + Arrays.hashCode(testSteps)) + Arrays.hashCode(testNll);
    }

    @Override
    public String toString() {
        return "LossHistory[train=" + trainSteps.length + " points, test=" + testSteps.length + " points]";
    }

    /** Rows (step, nll) as a float64 {@code [n, 2]} array, as stored in a model file. */
    static NdArray toArray(int[] steps, float[] values) {
        double[] rows = new double[steps.length * 2];
        for (int i = 0; i < steps.length; i++) {
            rows[2 * i] = steps[i];
            rows[2 * i + 1] = values[i];
        }
        return NdArray.ofDoubles(rows, steps.length, 2);
    }
}
