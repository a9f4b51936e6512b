package org.flowexplorer.app.viewmodel;

/**
 * What a loss chart must add since the last increment: the measured train and test values of the
 * new history entries, after a clear when {@code restart} (a new run began), and the robust
 * summaries of the new test evaluations ({@link TestDetail}).
 */
public record LossIncrement(boolean restart, int[] trainSteps, float[] train, int[] testSteps, float[] test,
        TestDetail detail) {
    /**
     * Per test evaluation: its step, median NLL, number of outliers and the worst point's log p.
     */
    public record TestDetail(int[] steps, float[] medians, int[] outliers, float[] worstLogProbs) {
        public static final TestDetail EMPTY = new TestDetail(new int[0], new float[0], new int[0], new float[0]);
    }

    /** Hands the increment to a chart. */
    public void applyTo(LossFeed.Sink sink) {
        if (restart) {
            sink.clear();
        }
        if (trainSteps.length > 0) {
            sink.appendTrain(trainSteps, train);
        }
        if (testSteps.length > 0) {
            sink.appendTest(testSteps, test);
        }
        if (detail.steps().length > 0) {
            sink.appendTestDetail(detail.steps(), detail.medians(), detail.outliers(), detail.worstLogProbs());
        }
    }

    /** How many points it adds. */
    public int size() {
        return trainSteps.length + testSteps.length + detail.steps().length;
    }
}
