package org.flowexplorer.model.data;

/**
 * Exact log-densities and entropies of the Neural Spline Flows plane sets ({@link PlaneSamplers}),
 * from their closed forms.
 *
 * <ul>
 * <li>crescent and sinewave are a N(0, 1) coordinate t and a Gaussian of std σ = noise about a curve
 * in t: log p = log N(t; 0, 1) + log N(other; c(t), σ²), and H = H(t) + H(other | t) =
 * ½ ln(2πe) + ½ ln(2πe σ²) = ln(2πe σ) exactly (ln 2π at the reference's σ = e^−1).</li>
 * <li>diamond: rotating back, (u, v) = ((x − y), (x + y))/√2, the grid mixture factorises —
 * a uniform grid index is two independent uniform indices — so p(x) = m(u)·m(v) with m the 1-D
 * mixture of 20 Gaussians, and H = 2·H(m); H(m) = −∫ m ln m by the trapezoid rule on a grid of
 * spacing σ/16 over the means ± 12σ (the integrand is smooth, the rule spectrally accurate).</li>
 * <li>fourcircles: each circle convolved with N(0, σ² I) is the Rician ring density
 * exp(−(r² + R²)/2σ²) I₀(rR/σ²)/(2πσ²) in the distance r from its centre, p the average of four.
 * The four circles are images of one another under the set's symmetries, so
 * H = −E[ln p] over one circle's points: the uniform angle by the periodic trapezoid rule (512
 * nodes) times the noise ε ~ N(0, I) by the trapezoid rule on [−6, 6]² (spacing 0.2).</li>
 * </ul>
 */
final class PlaneDensities {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private PlaneDensities() {
    }

    static double crescent(double x, double y, double noise) {
        return logNormal(y, 0, 1) + logNormal(x, 0.5 * y * y - 1, noise);
    }

    static double sineWave(double x, double y, double noise) {
        return logNormal(x, 0, 1) + logNormal(y, Math.sin(5 * x), noise);
    }

    /** ln(2πe σ): crescent's and sinewave's entropy. */
    static double curveEntropy(double noise) {
        return Math.log(2 * Math.PI * Math.E * noise);
    }

    static double diamond(double x, double y, double noise) {
        double u = PlaneSamplers.HALF_SQRT2 * (x - y), v = PlaneSamplers.HALF_SQRT2 * (x + y);
        return diamondMarginal(u, noise) + diamondMarginal(v, noise);
    }

    /** ln m(u): the 1-D equal-weight mixture of N(grid_i, σ²), log-sum-exp. */
    static double diamondMarginal(double u, double noise) {
        double[] terms = new double[PlaneSamplers.DIAMOND_WIDTH];
        for (int i = 0; i < terms.length; i++) {
            terms[i] = logNormal(u, PlaneSamplers.diamondGrid(i), noise);
        }
        return logMeanExp(terms);
    }

    static double diamondEntropy(double noise) {
        double lo = -PlaneSamplers.DIAMOND_BOUND - 12 * noise, hi = -lo, h = noise / 16;
        int steps = (int) Math.ceil((hi - lo) / h);
        h = (hi - lo) / steps;
        double acc = 0;
        for (int k = 0; k <= steps; k++) {
            double lm = diamondMarginal(lo + k * h, noise);
            double f = lm == Double.NEGATIVE_INFINITY ? 0 : Math.exp(lm) * lm;
            acc -= (k == 0 || k == steps ? 0.5 : 1) * f * h;
        }
        return 2 * acc;
    }

    static double fourCircles(double x, double y, double noise) {
        double[] terms = new double[4];
        for (int k = 0; k < 4; k++) {
            double[] c = PlaneSamplers.CIRCLE_CENTRES[k];
            terms[k] = logRing(Math.hypot(x - c[0], y - c[1]), PlaneSamplers.CIRCLE_RADIUS, noise);
        }
        return logMeanExp(terms);
    }

    static double fourCirclesEntropy(double noise) {
        int angles = 512;
        double spacing = 0.2;
        int half = (int) Math.round(6 / spacing);
        double[] c = PlaneSamplers.CIRCLE_CENTRES[0];
        double acc = 0, weights = 0;
        for (int i = -half; i <= half; i++) {
            for (int j = -half; j <= half; j++) {
                double ei = i * spacing, ej = j * spacing, w = Math.exp(-0.5 * (ei * ei + ej * ej));
                double inner = 0;
                for (int a = 0; a < angles; a++) {
                    double t = 2 * Math.PI * a / angles;
                    inner += fourCircles(c[0] + PlaneSamplers.CIRCLE_RADIUS * Math.cos(t) + noise * ei,
                            c[1] + PlaneSamplers.CIRCLE_RADIUS * Math.sin(t) + noise * ej, noise);
                }
                acc += w * inner / angles;
                weights += w;
            }
        }
        return -acc / weights;
    }

    /** The Rician ring: log of exp(−(r² + R²)/2σ²) I₀(rR/σ²) / (2πσ²). */
    static double logRing(double r, double radius, double noise) {
        double s2 = noise * noise;
        return -(r * r + radius * radius) / (2 * s2) + logBesselI0(r * radius / s2) - Math.log(2 * Math.PI * s2);
    }

    /**
     * ln I₀(z) for z ≥ 0: the power series Σ (z/2)^{2k}/(k!)² up to z = 30, beyond it the asymptotic
     * expansion e^z/√(2πz)·(1 + 1/8z + 9/128z² + 225/3072z³ + 11025/98304z⁴), relative error &lt; 1e-9.
     */
    static double logBesselI0(double z) {
        if (z <= 30) {
            double q = z * z / 4, term = 1, sum = 1;
            for (int k = 1; k < 200 && term > 1e-17 * sum; k++) {
                term *= q / ((double) k * k);
                sum += term;
            }
            return Math.log(sum);
        }
        double iz = 1 / z;
        double series = 1 + iz * (1.0 / 8 + iz * (9.0 / 128 + iz * (225.0 / 3072 + iz * 11025.0 / 98304)));
        return z - 0.5 * Math.log(2 * Math.PI * z) + Math.log(series);
    }

    private static double logNormal(double v, double mean, double std) {
        double d = (v - mean) / std;
        return -0.5 * (d * d + LOG_2PI) - Math.log(std);
    }

    private static double logMeanExp(double[] terms) {
        double m = Double.NEGATIVE_INFINITY;
        for (double t : terms) {
            m = Math.max(m, t);
        }
        if (m == Double.NEGATIVE_INFINITY) {
            return m;
        }
        double s = 0;
        for (double t : terms) {
            s += Math.exp(t - m);
        }
        return m + Math.log(s / terms.length);
    }
}
