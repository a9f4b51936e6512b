package org.flowexplorer.app.viewmodel;

import org.flowexplorer.app.scene.LossCurve;
import org.flowexplorer.model.train.LossSnapshot;

/**
 * Turns the worker's append-only loss history into increments for a chart: remembers how much of
 * each series was handed on, and clears the chart when a new run starts. No step is lost even if
 * the FX side skips snapshots.
 */
public final class LossFeed {
    /** What a loss chart must accept (LossChart's methods). */
    public interface Sink {
        void clear();

        void appendTrain(int[] steps, float[] values);

        void appendTest(int[] steps, float[] values);
    }

    private int runId = Integer.MIN_VALUE;
    private int done;

    /** Hands on what is new in run {@code runId}'s history; returns the number of new points. */
    public int feed(int runId, LossSnapshot loss, Sink sink) {
        LossIncrement next = next(runId, loss);
        if (next == null) {
            return 0;
        }
        next.applyTo(sink);
        return next.size();
    }

    /** What is new since the last call (a restart when the run changed), or null when nothing is. */
    public LossIncrement next(int runId, LossSnapshot loss) {
        boolean restart = runId != this.runId;
        if (restart) {
            this.runId = runId;
            done = 0;
        }
        int size = loss == null ? 0 : loss.size();
        if (size <= done && !restart) {
            return null;
        }
        LossIncrement increment = slice(loss, done, Math.max(done, size), restart);
        done = Math.max(done, size);
        return increment;
    }

    /** The whole history so far as one restart, for a chart that starts now. */
    public static LossIncrement all(LossSnapshot loss) {
        return slice(loss, 0, loss == null ? 0 : loss.size(), true);
    }

    /** The measured (non-NaN) train and test values of entries from..to, by {@link LossCurve}. */
    private static LossIncrement slice(LossSnapshot loss, int from, int to, boolean restart) {
        LossCurve train = LossCurve.train(loss, from, to);
        LossCurve test = LossCurve.test(loss, from, to);
        return new LossIncrement(restart, train.steps(), train.values(), test.steps(), test.values());
    }
}
