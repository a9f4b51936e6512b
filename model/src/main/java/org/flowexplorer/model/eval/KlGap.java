package org.flowexplorer.model.eval;

import org.apache.commons.math3.stat.StatUtils;

/**
 * How far a model q is from a toy set's true density p, estimated on fresh samples x_i ~ p with
 * both log-densities known: the model's mean NLL −(1/n) Σ log q(x_i), the entropy
 * H(p) ≈ −(1/n) Σ log p(x_i) and their difference KL(p‖q) ≈ (1/n) Σ (log p(x_i) − log q(x_i)), each
 * with its standard error (sample std / √n). The gap's error is that of the paired differences,
 * far smaller than either mean's, since both densities see the same points.
 */
public record KlGap(int n, double meanNll, double meanNllStderr, double entropyNats, double entropyStderrNats,
        double klGapNats, double klGapStderrNats) {

    /**
     * @param logModel log q(x_i) of the model
     * @param logTrue  log p(x_i) of the exact density, same points
     */
    public static KlGap of(double[] logModel, double[] logTrue) {
        int n = logModel.length;
        if (n < 2 || logTrue.length != n) {
            throw new IllegalArgumentException("need the same number (>= 2) of model and true log-densities, got "
                    + n + " and " + logTrue.length);
        }
        double[] nll = new double[n];
        double[] h = new double[n];
        double[] gap = new double[n];
        for (int i = 0; i < n; i++) {
            nll[i] = -logModel[i];
            h[i] = -logTrue[i];
            gap[i] = logTrue[i] - logModel[i];
        }
        return new KlGap(n, mean(nll), stderr(nll), mean(h), stderr(h), mean(gap), stderr(gap));
    }

    private static double mean(double[] v) {
        return StatUtils.mean(v);
    }

    /** Sample standard deviation (n − 1) over √n. */
    private static double stderr(double[] v) {
        return Math.sqrt(StatUtils.variance(v) / v.length);
    }
}
