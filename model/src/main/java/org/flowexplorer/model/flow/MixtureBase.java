package org.flowexplorer.model.flow;

import java.util.SplittableRandom;
import org.flowexplorer.model.nn.Numerics;

/**
 * A Gaussian-mixture base distribution with K learnable diagonal components:
 *
 * <pre>  log p(z) = logsumexp_k [ log w_k + Σ_d log N(z_d; μ_kd, σ_kd) ],   w = softmax(logits),  σ = exp(log-scale)</pre>
 *
 * Its parameters sit in the flow's store at {@link #offset()}, after the couplings' and the blocks':
 * K logits, then the means [K, D], then the log-scales [K, D]. Initialised with equal weights, unit
 * scales and means on a circle of radius {@link #INIT_RADIUS} in the first two coordinates (one
 * component: at the origin). With gradients d log p/dz (what the flow's backward takes instead of
 * the standard normal's −z) and d log p/dθ via the responsibilities r_k = softmax_k(a_k):
 * ∂/∂z_d = −Σ_k r_k (z_d − μ_kd)/σ_kd², ∂/∂μ_kd = r_k (z_d − μ_kd)/σ_kd²,
 * ∂/∂log σ_kd = r_k ((z_d − μ_kd)²/σ_kd² − 1), ∂/∂logit_k = r_k − w_k. Each thread has its own scratch
 * row: a data-parallel training step evaluates its slices' rows on several threads at once.
 */
public final class MixtureBase {
    static final double LOG_2PI = Math.log(2 * Math.PI);
    public static final double INIT_RADIUS = 2.0;
    private final int k;
    private final int dim;
    private final int offset;
    /** Per thread: a[c] = log w_c + log N(z; μ_c, σ_c) and logW[c] of the row being evaluated. */
    private final ThreadLocal<Scratch> scratch;

    private record Scratch(double[] a, double[] logW) {
    }

    MixtureBase(int components, int dim, int offset) {
        if (components < 1) {
            throw new IllegalArgumentException("a mixture needs at least one component, got " + components);
        }
        this.k = components;
        this.dim = dim;
        this.offset = offset;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(new double[components], new double[components]));
    }

    /** K(1 + 2D): logits, means, log-scales. */
    public static int parameterCount(int components, int dim) {
        return components * (1 + 2 * dim);
    }

    public int components() {
        return k;
    }

    /** Where its parameters start in the flow's store. */
    public int offset() {
        return offset;
    }

    public int parameterCount() {
        return parameterCount(k, dim);
    }

    private int mean(int c, int d) {
        return offset + k + c * dim + d;
    }

    private int logScale(int c, int d) {
        return offset + k + k * dim + c * dim + d;
    }

    /** Equal weights, log-scales 0, means spread on a circle of radius 2 (the origin for K = 1). */
    <A> void initialise(Numerics<A> nm, A params) {
        nm.fill(params, offset, parameterCount(), 0.0);
        for (int c = 0; c < k && k > 1; c++) {
            double angle = 2 * Math.PI * c / k;
            nm.set(params, mean(c, 0), INIT_RADIUS * Math.cos(angle));
            nm.set(params, mean(c, 1), INIT_RADIUS * Math.sin(angle));
        }
    }

    /** Fills the scratch's logW with log softmax(logits) and its a with each component's log w_k + log N(z); returns logsumexp. */
    private <A> double components(Numerics<A> nm, A params, A z, int zOff, Scratch s) {
        double[] a = s.a(), logW = s.logW();
        double maxLogit = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            maxLogit = Math.max(maxLogit, nm.get(params, offset + c));
        }
        double sumW = 0;
        for (int c = 0; c < k; c++) {
            sumW += Math.exp(nm.get(params, offset + c) - maxLogit);
        }
        double lseLogits = maxLogit + Math.log(sumW), max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            logW[c] = nm.get(params, offset + c) - lseLogits;
            double acc = logW[c];
            for (int d = 0; d < dim; d++) {
                double ls = nm.get(params, logScale(c, d)), u = (nm.get(z, zOff + d) - nm.get(params, mean(c, d))) * Math.exp(-ls);
                acc += -0.5 * (u * u + LOG_2PI) - ls;
            }
            a[c] = acc;
            max = Math.max(max, acc);
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            sum += Math.exp(a[c] - max);
        }
        return max + Math.log(sum);
    }

    /** log p(z) of the row of D values at {@code z[zOff..]}. */
    <A> double logProb(Numerics<A> nm, A params, A z, int zOff) {
        return components(nm, params, z, zOff, scratch.get());
    }

    /**
     * log p(z) of one row; writes {@code scale}·∂log p/∂z into {@code dz[dzOff..]} and adds
     * {@code scale}·∂log p/∂θ to this base's slice of {@code grads}.
     */
    <A> double logProbAndGradient(Numerics<A> nm, A params, A z, int zOff, A dz, int dzOff, A grads, double scale) {
        Scratch s = scratch.get();
        double lse = components(nm, params, z, zOff, s);
        double[] a = s.a(), logW = s.logW();
        for (int d = 0; d < dim; d++) {
            nm.set(dz, dzOff + d, 0.0);
        }
        for (int c = 0; c < k; c++) {
            double r = Math.exp(a[c] - lse);
            add(nm, grads, offset + c, scale * (r - Math.exp(logW[c])));
            for (int d = 0; d < dim; d++) {
                double inv = Math.exp(-2 * nm.get(params, logScale(c, d))), diff = nm.get(z, zOff + d) - nm.get(params, mean(c, d));
                nm.set(dz, dzOff + d, nm.get(dz, dzOff + d) - scale * r * diff * inv);
                add(nm, grads, mean(c, d), scale * r * diff * inv);
                add(nm, grads, logScale(c, d), scale * r * (diff * diff * inv - 1));
            }
        }
        return lse;
    }

    /** Over rows [rows, D] of z: dz = scale·∇_z log p, and this base's gradient slice overwritten with scale·Σ ∇_θ log p. */
    <A> void lossGradient(Numerics<A> nm, A params, A grads, A z, A dz, int rows, double scale) {
        zeroGradients(nm, grads);
        for (int r = 0; r < rows; r++) {
            logProbAndGradient(nm, params, z, r * dim, dz, r * dim, grads, scale);
        }
    }

    private static <A> void add(Numerics<A> nm, A x, int i, double v) {
        nm.set(x, i, nm.get(x, i) + v);
    }

    /** Zeroes this base's slice of the gradients (its parameters do not move the flow's outputs). */
    <A> void zeroGradients(Numerics<A> nm, A grads) {
        nm.fill(grads, offset, parameterCount(), 0.0);
    }

    /** log N(z; 0, I) of the row at {@code z[zOff..]}: −½(‖z‖² + D·ln 2π), the seed's base. */
    static <A> double logStandardNormal(Numerics<A> nm, A z, int zOff, int dim) {
        double sq = 0;
        for (int j = 0; j < dim; j++) {
            double v = nm.get(z, zOff + j);
            sq += v * v;
        }
        return -0.5 * (sq + dim * LOG_2PI);
    }

    /** The mixture as numbers, for drawing and sampling: weights [K], means [K][D], scales σ [K][D]. */
    public record Components(double[] weights, double[][] means, double[][] scales) {
        /** log w_k + Σ_d log N(z_d; μ_kd, σ_kd) for every component k. */
        private double[] logTerms(double[] z) {
            double[] a = new double[weights.length];
            for (int c = 0; c < a.length; c++) {
                double acc = Math.log(weights[c]);
                for (int d = 0; d < z.length; d++) {
                    double u = (z[d] - means[c][d]) / scales[c][d];
                    acc += -0.5 * (u * u + LOG_2PI) - Math.log(scales[c][d]);
                }
                a[c] = acc;
            }
            return a;
        }

        private static double logSumExp(double[] a) {
            double max = Double.NEGATIVE_INFINITY, sum = 0;
            for (double v : a) {
                max = Math.max(max, v);
            }
            for (double v : a) {
                sum += Math.exp(v - max);
            }
            return max + Math.log(sum);
        }

        /** log p(z) = log Σ_k w_k N(z; μ_k, σ_k) (what the flow adds Σ log|det J| to). */
        public double logDensity(double[] z) {
            return logSumExp(logTerms(z));
        }

        /** The responsibilities r_k(z) = w_k N(z; μ_k, σ_k) / Σ_j w_j N(z; μ_j, σ_j): which component explains z. */
        public double[] responsibilities(double[] z) {
            double[] a = logTerms(z);
            double lse = logSumExp(a);
            for (int c = 0; c < a.length; c++) {
                a[c] = Math.exp(a[c] - lse);
            }
            return a;
        }
    }

    /** The components under the flow's parameter vector {@code params} (the whole store, as doubles). */
    public Components components(double[] params) {
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        for (int c = 0; c < k; c++) {
            max = Math.max(max, params[offset + c]);
        }
        double[] w = new double[k];
        double[][] mu = new double[k][dim], sigma = new double[k][dim];
        for (int c = 0; c < k; c++) {
            w[c] = Math.exp(params[offset + c] - max);
            sum += w[c];
            for (int d = 0; d < dim; d++) {
                mu[c][d] = params[mean(c, d)];
                sigma[c][d] = Math.exp(params[logScale(c, d)]);
            }
        }
        for (int c = 0; c < k; c++) {
            w[c] /= sum;
        }
        return new Components(w, mu, sigma);
    }

    /** n seeded draws [n, D] row-major: a component by its weight, then μ + σ·ε. */
    public float[] sample(double[] params, int n, long seed) {
        Components m = components(params);
        SplittableRandom rng = new SplittableRandom(seed);
        float[] z = new float[n * dim];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble(), cum = 0;
            int c = 0;
            while (c < k - 1 && (cum += m.weights()[c]) <= u) {
                c++;
            }
            for (int d = 0; d < dim; d++) {
                z[i * dim + d] = (float) (m.means()[c][d] + m.scales()[c][d] * rng.nextGaussian());
            }
        }
        return z;
    }
}
