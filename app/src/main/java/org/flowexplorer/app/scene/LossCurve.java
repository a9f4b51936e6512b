package org.flowexplorer.app.scene;

import java.util.Arrays;
import org.flowexplorer.model.train.LossSnapshot;

/**
 * A loss curve as a chart draws it: the measured (non-NaN) values of one series and their steps
 * (clamped to int), in step order. The one place NaN entries are dropped, for the app's loss
 * chart, its CSV and {@code render --view loss}.
 */
public record LossCurve(int[] steps, float[] values) {
    public static final LossCurve EMPTY = new LossCurve(new int[0], new float[0]);

    /** The measured train NLL (the smoothed value, see {@code LossSmoothing}) of {@code history}. */
    public static LossCurve train(LossSnapshot history) {
        return train(history, 0, size(history));
    }

    /** The measured test NLL of {@code history}. */
    public static LossCurve test(LossSnapshot history) {
        return test(history, 0, size(history));
    }

    /** The measured train NLL of the entries from (inclusive) to (exclusive), for incremental charts. */
    public static LossCurve train(LossSnapshot history, int from, int to) {
        return measured(history, from, to, true);
    }

    /** The measured test NLL of the entries from (inclusive) to (exclusive). */
    public static LossCurve test(LossSnapshot history, int from, int to) {
        return measured(history, from, to, false);
    }

    private static int size(LossSnapshot history) {
        return history == null ? 0 : history.size();
    }

    private static LossCurve measured(LossSnapshot history, int from, int to, boolean train) {
        if (history == null || to <= from) {
            return EMPTY;
        }
        int[] steps = new int[to - from];
        float[] values = new float[to - from];
        int k = 0;
        for (int i = from; i < to; i++) {
            double v = train ? history.trainNll(i) : history.testNll(i);
            if (!Double.isNaN(v)) {
                steps[k] = (int) Math.min(Integer.MAX_VALUE, history.step(i));
                values[k++] = (float) v;
            }
        }
        return k == steps.length ? new LossCurve(steps, values)
                : new LossCurve(Arrays.copyOf(steps, k), Arrays.copyOf(values, k));
    }

    public int size() {
        return steps.length;
    }

    /** The newest value, NaN when empty. */
    public float last() {
        return values.length == 0 ? Float.NaN : values[values.length - 1];
    }
}
