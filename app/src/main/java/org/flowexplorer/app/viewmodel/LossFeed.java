package org.flowexplorer.app.viewmodel;

import java.util.Arrays;
import org.flowexplorer.app.worker.Snapshot;

/**
 * Turns the worker's append-only loss series into increments for a chart: remembers how much of
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
    private int trainDone;
    private int testDone;

    /** Hands on what is new in {@code s}; returns the number of new points. */
    public int feed(Snapshot s, Sink sink) {
        if (s.runId() != runId) {
            runId = s.runId();
            trainDone = 0;
            testDone = 0;
            sink.clear();
        }
        int added = 0;
        Snapshot.Series tr = s.trainLoss();
        if (tr.size() > trainDone) {
            sink.appendTrain(Arrays.copyOfRange(tr.steps(), trainDone, tr.size()),
                    Arrays.copyOfRange(tr.values(), trainDone, tr.size()));
            added += tr.size() - trainDone;
            trainDone = tr.size();
        }
        Snapshot.Series te = s.testLoss();
        if (te.size() > testDone) {
            sink.appendTest(Arrays.copyOfRange(te.steps(), testDone, te.size()),
                    Arrays.copyOfRange(te.values(), testDone, te.size()));
            added += te.size() - testDone;
            testDone = te.size();
        }
        return added;
    }
}
