package org.flowexplorer.model.eval;

import java.util.Arrays;
import org.flowexplorer.model.flow.RealNVP;

/**
 * A model's negative log-likelihood on held-out points, summarised robustly as well as by its mean.
 * The mean is what training lowers and what estimates the cross-entropy, but a single point the
 * model puts far out in its tail (log p = −21 216 on moons after 6 000 steps) moves it by tens of
 * nats; the median does not move, and the outliers say why the two differ.
 *
 * @param n            number of points
 * @param mean         −(1/n) Σ log p(x_i), +∞ when some log p is −∞ or NaN
 * @param median       the median of −log p(x_i) (non-finite values count as +∞)
 * @param outliers     points whose −log p exceeds the median by more than {@link #OUTLIER_NATS}
 * @param worstLogProb the smallest log p(x_i) (−∞ for a non-finite one), NaN when n = 0
 */
public record HeldOutNll(int n, double mean, double median, int outliers, double worstLogProb) {
    /** How far above the median NLL a point must lie to count as an outlier: e^−20 of the typical density. */
    public static final double OUTLIER_NATS = 20;

    /** The summary of per-point log-likelihoods (what {@code RealNVP.logProbValues} returns). */
    public static HeldOutNll of(double[] logProb) {
        int n = logProb.length;
        if (n == 0) {
            return new HeldOutNll(0, Double.NaN, Double.NaN, 0, Double.NaN);
        }
        double[] nll = new double[n];
        double worst = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = logProb[i];
            nll[i] = Double.isNaN(v) ? Double.POSITIVE_INFINITY : -v;
            worst = Math.min(worst, Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v);
        }
        double mean = RealNVP.meanNll(logProb); // the model's own mean, bit for bit
        Arrays.sort(nll); // the outlier count below does not depend on the order
        double median = n % 2 == 1 ? nll[n / 2] : 0.5 * (nll[n / 2 - 1] + nll[n / 2]);
        int outliers = 0;
        for (double v : nll) {
            if (v > median + OUTLIER_NATS) {
                outliers++;
            }
        }
        return new HeldOutNll(n, mean, median, outliers, worst);
    }
}
