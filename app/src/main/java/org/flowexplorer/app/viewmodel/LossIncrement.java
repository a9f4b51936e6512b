package org.flowexplorer.app.viewmodel;

/**
 * What a loss chart must add since the last increment: the measured train and test values of the
 * new history entries, after a clear when {@code restart} (a new run began).
 */
public record LossIncrement(boolean restart, int[] trainSteps, float[] train, int[] testSteps, float[] test) {
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
    }

    /** How many points it adds. */
    public int size() {
        return trainSteps.length + testSteps.length;
    }
}
