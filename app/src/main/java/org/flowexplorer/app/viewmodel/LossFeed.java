package org.flowexplorer.app.viewmodel;

import org.flowexplorer.app.scene.LossCurve;
import org.flowexplorer.app.worker.HeldOutHistory;
import org.flowexplorer.model.eval.HeldOutNll;
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

        /** The robust summaries of test evaluations (LossChart.appendTestDetail); ignored by default. */
        default void appendTestDetail(int[] steps, float[] medians, int[] outliers, float[] worstLogProbs) {
        }
    }

    private int runId = Integer.MIN_VALUE;
    private int done;
    private int detailDone;

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
        return next(runId, loss, HeldOutHistory.View.EMPTY);
    }

    /** As {@link #next(int, LossSnapshot)}, with the test evaluations' robust summaries that are new too. */
    public LossIncrement next(int runId, LossSnapshot loss, HeldOutHistory.View evaluations) {
        boolean restart = runId != this.runId;
        if (restart) {
            this.runId = runId;
            done = 0;
            detailDone = 0;
        }
        int size = loss == null ? 0 : loss.size();
        int detailSize = evaluations.size();
        if (size <= done && detailSize <= detailDone && !restart) {
            return null;
        }
        LossIncrement increment = slice(loss, done, Math.max(done, size), evaluations, detailDone, restart);
        done = Math.max(done, size);
        detailDone = Math.max(detailDone, detailSize);
        return increment;
    }

    /** The whole history so far as one restart, for a chart that starts now. */
    public static LossIncrement all(LossSnapshot loss) {
        return all(loss, HeldOutHistory.View.EMPTY);
    }

    /** The whole history and robust summaries so far as one restart. */
    public static LossIncrement all(LossSnapshot loss, HeldOutHistory.View evaluations) {
        return slice(loss, 0, loss == null ? 0 : loss.size(), evaluations, 0, true);
    }

    /** The measured (non-NaN) train and test values of entries from..to, by {@link LossCurve}, and the new summaries. */
    private static LossIncrement slice(LossSnapshot loss, int from, int to, HeldOutHistory.View evaluations,
            int detailFrom, boolean restart) {
        LossCurve train = LossCurve.train(loss, from, to);
        LossCurve test = LossCurve.test(loss, from, to);
        return new LossIncrement(restart, train.steps(), train.values(), test.steps(), test.values(),
                detail(evaluations, detailFrom));
    }

    private static LossIncrement.TestDetail detail(HeldOutHistory.View evaluations, int from) {
        int n = Math.max(0, evaluations.size() - from);
        if (n == 0) {
            return LossIncrement.TestDetail.EMPTY;
        }
        int[] steps = new int[n];
        float[] medians = new float[n];
        int[] outliers = new int[n];
        float[] worst = new float[n];
        for (int i = 0; i < n; i++) {
            HeldOutNll s = evaluations.stats(from + i);
            steps[i] = (int) Math.min(Integer.MAX_VALUE, evaluations.step(from + i));
            medians[i] = Double.isFinite(s.median()) ? (float) s.median() : Float.NaN;
            outliers[i] = s.outliers();
            worst[i] = (float) s.worstLogProb();
        }
        return new LossIncrement.TestDetail(steps, medians, outliers, worst);
    }
}
