package org.flowexplorer.app.viewmodel;

import java.util.Arrays;
import org.flowexplorer.app.worker.Snapshot;
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

    /** Hands on what is new in {@code s}; returns the number of new points. */
    public int feed(Snapshot s, Sink sink) {
        if (s.runId() != runId) {
            runId = s.runId();
            done = 0;
            sink.clear();
        }
        LossSnapshot loss = s.loss();
        int size = loss == null ? 0 : loss.size();
        if (size <= done) {
            return 0;
        }
        int n = size - done;
        int[] trainSteps = new int[n];
        float[] train = new float[n];
        int[] testSteps = new int[n];
        float[] test = new float[n];
        int nt = 0;
        int ne = 0;
        for (int i = done; i < size; i++) {
            int step = (int) Math.min(Integer.MAX_VALUE, loss.step(i));
            double tr = loss.trainNll(i);
            double te = loss.testNll(i);
            if (!Double.isNaN(tr)) {
                trainSteps[nt] = step;
                train[nt++] = (float) tr;
            }
            if (!Double.isNaN(te)) {
                testSteps[ne] = step;
                test[ne++] = (float) te;
            }
        }
        done = size;
        if (nt > 0) {
            sink.appendTrain(Arrays.copyOf(trainSteps, nt), Arrays.copyOf(train, nt));
        }
        if (ne > 0) {
            sink.appendTest(Arrays.copyOf(testSteps, ne), Arrays.copyOf(test, ne));
        }
        return nt + ne;
    }
}
