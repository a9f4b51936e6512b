package org.flowexplorer.app.chart;

import java.util.Locale;

/**
 * The sentences the loss chart shows beside its curves: numbers, why the mean test NLL jumped
 * (one held-out point far out in the tail moves a mean, not a median) and how far the test NLL is
 * from the data's entropy, the best any model can do on average.
 */
final class LossReadout {
    private LossReadout() {
    }

    /** "1.234" below 100, "2245.3" above, "2e16" past 10⁵·10. */
    static String value(double v) {
        if (Math.abs(v) >= 1e6) {
            return Ticks.compactExponent(v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : "%.3f", v);
    }

    /** "mean pulled up by 1 outlier: log p = −21216", or empty when none. */
    static String outliers(int count, double worstLogProb) {
        if (count <= 0) {
            return "";
        }
        String worst = String.format(Locale.ROOT, "%.0f", worstLogProb).replace('-', '−');
        return count == 1 ? "mean pulled up by 1 outlier: log p = " + worst
                : "mean pulled up by " + count + " outliers (worst log p = " + worst + ")";
    }

    /** "0.21 nats from perfect (test − H(p))"; a test NLL below the floor is noise in the estimate. */
    static String gap(double test, double floor) {
        double kl = test - floor;
        if (!Double.isFinite(kl)) {
            return "";
        }
        if (kl < 0) {
            return String.format(Locale.ROOT, "%.2f nats below H(p): test-set noise", -kl);
        }
        return String.format(Locale.ROOT, "%.2f nats from perfect", kl);
    }

    /** The hover read-out's lines for one step. */
    static String hover(long step, double train, double test, long testStep, double median, int outliers,
            double worstLogProb, double floor) {
        StringBuilder text = new StringBuilder("step ").append(step);
        if (Double.isFinite(train)) {
            text.append("\ntrain ").append(value(train));
        }
        if (!Double.isNaN(test)) {
            text.append("\ntest ").append(value(test)).append(" (step ").append(testStep).append(')');
            if (Double.isFinite(median)) {
                text.append("\n  median ").append(value(median));
            }
            String why = outliers(outliers, worstLogProb);
            if (!why.isEmpty()) {
                text.append("\n  ").append(why);
            }
            if (Double.isFinite(floor)) {
                text.append("\n  ").append(gap(test, floor));
            }
        }
        return text.toString();
    }
}
