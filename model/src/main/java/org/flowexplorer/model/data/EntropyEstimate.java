package org.flowexplorer.model.data;

/**
 * A Monte Carlo estimate of a toy set's differential entropy H(p) = −E_p[log p(x)], in nats: the
 * floor of any model's expected negative log-likelihood on that set, so test NLL − H(p) estimates
 * KL(p‖q).
 *
 * @param dataset       the set
 * @param noise         its noise knob
 * @param samples       number of fresh samples x_i drawn from the generator
 * @param seed          the generator's seed; the same arguments always give the same estimate
 * @param entropyNats   −(1/n) Σ log p(x_i) with the exact density ({@link ToyDensity})
 * @param stderrNats    sample std of log p(x_i) / √n. For the sets whose generator spaces points
 *                      evenly (circles, moons, rings, pinwheel's arms) the draws are stratified,
 *                      so this overstates the true error a little
 * @param method        how the density was computed
 */
public record EntropyEstimate(ToyDataset dataset, double noise, int samples, long seed,
                              double entropyNats, double stderrNats, String method) {

    /**
     * Draws {@code samples} points with {@link ToyDataset#generate(int, double, long)} and averages
     * −log p over them (Welford's running mean and variance).
     *
     * @throws IllegalArgumentException for an invalid noise or sample count (see {@link ToyDensity#of}
     *                                  and {@link ToyDataset#generate})
     */
    public static EntropyEstimate monteCarlo(ToyDataset dataset, double noise, int samples, long seed) {
        if (samples < 2) {
            throw new IllegalArgumentException("need at least 2 samples for a standard error, got " + samples);
        }
        ToyDensity density = ToyDensity.of(dataset, noise);
        float[] xy = dataset.generate(samples, noise, seed);
        double mean = 0.0;
        double m2 = 0.0;
        for (int i = 0; i < samples; i++) {
            double v = -density.logDensity(xy[2 * i], xy[2 * i + 1]);
            double delta = v - mean;
            mean += delta / (i + 1);
            m2 += delta * (v - mean);
        }
        double sd = Math.sqrt(m2 / (samples - 1));
        return new EntropyEstimate(dataset, noise, samples, seed, mean, sd / Math.sqrt(samples),
                "monte-carlo with the exact density: " + density.method());
    }
}
