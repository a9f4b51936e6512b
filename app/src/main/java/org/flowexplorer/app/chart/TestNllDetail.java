package org.flowexplorer.app.chart;

import java.util.Arrays;

/**
 * What the loss chart knows about each test evaluation beyond its mean: the median held-out NLL
 * and how many points lay far out in the tail, with the worst one's log p, at the same steps.
 */
final class TestNllDetail {
    private final LossSeries medians = new LossSeries();
    private final LossSeries outliers = new LossSeries();
    private final LossSeries worst = new LossSeries();

    void append(int[] steps, float[] medianNll, int[] outlierCounts, float[] worstLogProbs) {
        float[] counts = new float[outlierCounts.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = outlierCounts[i];
        }
        medians.append(steps, medianNll);
        outliers.append(steps, counts);
        worst.append(steps, worstLogProbs);
    }

    void clear() {
        medians.clear();
        outliers.clear();
        worst.clear();
    }

    void copyInto(TestNllDetail copy) {
        int n = medians.size();
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) {
            counts[i] = (int) outliers.values()[i];
        }
        copy.append(Arrays.copyOf(medians.steps(), n), Arrays.copyOf(medians.values(), n), counts,
                Arrays.copyOf(worst.values(), n));
    }

    /** The median NLL series, drawn beside the mean. */
    LossSeries medians() {
        return medians;
    }

    int size() {
        return medians.size();
    }

    /** Index of the evaluation at exactly {@code step}, or -1. */
    int indexAt(int step) {
        int i = medians.nearestIndex(step);
        return i >= 0 && medians.steps()[i] == step ? i : -1;
    }

    double median(int i) {
        return medians.values()[i];
    }

    int outliers(int i) {
        return (int) outliers.values()[i];
    }

    double worstLogProb(int i) {
        return worst.values()[i];
    }

    /** Why the latest mean is higher than the median ("mean pulled up by 1 outlier: …"), or empty. */
    String latestNote() {
        int last = size() - 1;
        return last < 0 ? "" : LossReadout.outliers(outliers(last), worstLogProb(last));
    }
}
