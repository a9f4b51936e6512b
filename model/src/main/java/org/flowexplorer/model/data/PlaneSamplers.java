package org.flowexplorer.model.data;

import java.util.SplittableRandom;

/**
 * Samplers of the four plane sets of Neural Spline Flows (Durkan et al. 2019, {@code data/plane.py}
 * of bayesiains/nsf) that {@link ToyDataset} offers beside FFJORD's, each the distribution of the
 * reference (not its random stream); {@code model/src/test/resources/data/nsf_plane.py} is the
 * same in numpy. Their densities and entropies are {@link PlaneDensities}.
 *
 * <ul>
 * <li>diamond: a 20 × 20 grid of means on [−2.5, 2.5]², a uniformly chosen one plus N(0, noise² I)
 * (the reference's noise 0.04), then rotated by 45°: x = (u + v, v − u)/√2. The reference's 1e-3
 * jitter of the means is left out.</li>
 * <li>crescent: t ~ N(0, 1), s = ½t² − 1 + noise·ε, the point (s, t) (reference noise e^−1:
 * variance e^−2).</li>
 * <li>sinewave: t ~ N(0, 1), the point (t, sin 5t + noise·ε) (noise e^−1).</li>
 * <li>fourcircles: circles of radius 2 about (±1, ±1), point i on circle i mod 4 at a uniform
 * angle, plus N(0, noise² I) (noise 0.1); shuffled.</li>
 * </ul>
 */
final class PlaneSamplers {
    /** Grid points per side of the diamond, and the half-width of its grid before rotation. */
    static final int DIAMOND_WIDTH = 20;
    static final double DIAMOND_BOUND = 2.5;
    /** Radius of the four circles, and their centres. */
    static final double CIRCLE_RADIUS = 2.0;
    static final double[][] CIRCLE_CENTRES = {{-1, -1}, {-1, 1}, {1, -1}, {1, 1}};
    static final double HALF_SQRT2 = Math.sqrt(0.5);

    private final SplittableRandom rng;

    PlaneSamplers(long seed) {
        this.rng = new SplittableRandom(seed);
    }

    /** The i-th of the diamond's grid coordinates, −2.5 … 2.5 (numpy's linspace). */
    static double diamondGrid(int i) {
        return -DIAMOND_BOUND + 2 * DIAMOND_BOUND * i / (DIAMOND_WIDTH - 1);
    }

    double[] diamond(int n, double noise) {
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double u = diamondGrid(rng.nextInt(DIAMOND_WIDTH)) + noise * rng.nextGaussian();
            double v = diamondGrid(rng.nextInt(DIAMOND_WIDTH)) + noise * rng.nextGaussian();
            xy[2 * i] = HALF_SQRT2 * (u + v);
            xy[2 * i + 1] = HALF_SQRT2 * (v - u);
        }
        return xy;
    }

    double[] crescent(int n, double noise) {
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double t = rng.nextGaussian();
            xy[2 * i] = 0.5 * t * t - 1 + noise * rng.nextGaussian();
            xy[2 * i + 1] = t;
        }
        return xy;
    }

    double[] sineWave(int n, double noise) {
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double t = rng.nextGaussian();
            xy[2 * i] = t;
            xy[2 * i + 1] = Math.sin(5 * t) + noise * rng.nextGaussian();
        }
        return xy;
    }

    double[] fourCircles(int n, double noise) {
        double[] xy = new double[2 * n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1), t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int i = 0; i < n; i++) {
            double[] c = CIRCLE_CENTRES[i % 4];
            double angle = 2 * Math.PI * rng.nextDouble();
            int p = order[i];
            xy[2 * p] = CIRCLE_RADIUS * Math.cos(angle) + noise * rng.nextGaussian() + c[0];
            xy[2 * p + 1] = CIRCLE_RADIUS * Math.sin(angle) + noise * rng.nextGaussian() + c[1];
        }
        return xy;
    }
}
