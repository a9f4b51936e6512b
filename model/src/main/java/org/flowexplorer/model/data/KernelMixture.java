package org.flowexplorer.model.data;

/**
 * A weighted finite mixture of one 2-D kernel placed at many positions: p(x) = Σ_i w_i k(x − c_i).
 * It is exact for a genuine finite mixture (8gaussians, the checkerboard's squares) and is the
 * quadrature rule for a continuous one (a curve convolved with noise): there the positions are
 * nodes on the curve and the weights are quadrature weights times the curve parameter's density.
 *
 * <p>Two kernels: an isotropic Gaussian of std s, and the uniform density on the square
 * [0, w]² (anchored at its lower-left corner c_i) convolved with an isotropic Gaussian of std s ≥ 0,
 * whose density factorises into (Φ(d/s) − Φ((d − w)/s)) / w per coordinate d.
 *
 * <p>log p is a log-sum-exp over the components. Components more than {@value #NEGLIGIBLE} nats below
 * the largest are skipped without evaluating their exponential: a cheap upper bound of each term
 * is compared against the exact term of the best component. Thread-safe: no mutable state.
 */
final class KernelMixture {
    /** Terms this far (nats) below the best one are left out: even 10^5 of them change log p by < 1e-12. */
    static final double NEGLIGIBLE = 40.0;
    private static final double LOG_2PI = Math.log(2.0 * Math.PI);

    private final double[] cx;
    private final double[] cy;
    private final double[] logWeight;
    private final double std;
    /** Side of the uniform square, or 0 for the plain Gaussian kernel. */
    private final double side;
    /** The square kernel's factor per coordinate; null for the Gaussian kernel. */
    private final SmoothedBox box;

    private KernelMixture(double[] cx, double[] cy, double[] logWeight, double std, double side) {
        if (cx.length != cy.length || cx.length != logWeight.length || cx.length == 0) {
            throw new IllegalArgumentException("need as many centres as weights, and at least one");
        }
        this.cx = cx;
        this.cy = cy;
        this.logWeight = logWeight;
        this.std = std;
        this.side = side;
        this.box = side > 0 ? new SmoothedBox(side, std) : null;
    }

    /** Gaussians N(c_i, std² I) with weights exp(logWeight_i); std must be positive. */
    static KernelMixture gaussians(double[] cx, double[] cy, double[] logWeight, double std) {
        if (!(std > 0)) {
            throw new IllegalArgumentException("Gaussian kernel needs a positive std, got " + std);
        }
        return new KernelMixture(cx, cy, logWeight, std, 0.0);
    }

    /**
     * Uniform squares [c_i, c_i + side]² (closed, so a point rounded onto an edge stays inside),
     * each convolved with N(0, std² I), std ≥ 0.
     */
    static KernelMixture squares(double[] cornerX, double[] cornerY, double[] logWeight, double side, double std) {
        if (!(side > 0) || !(std >= 0)) {
            throw new IllegalArgumentException("square kernel needs side > 0 and std >= 0");
        }
        return new KernelMixture(cornerX, cornerY, logWeight, std, side);
    }

    int size() {
        return cx.length;
    }

    /** log p(x, y); −∞ where every term underflows (far outside the support, or off the squares at std 0). */
    double logDensity(double x, double y) {
        int best = 0;
        double bestBound = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < cx.length; i++) {
            double u = upperBound(i, x, y);
            if (u > bestBound) {
                bestBound = u;
                best = i;
            }
        }
        double floor = term(best, x, y);
        if (floor == Double.NEGATIVE_INFINITY) {
            // The exact best term underflowed: search every candidate's exact term for a finite one.
            for (int i = 0; i < cx.length; i++) {
                floor = Math.max(floor, term(i, x, y));
            }
            if (floor == Double.NEGATIVE_INFINITY) {
                return Double.NEGATIVE_INFINITY;
            }
        }
        double cutoff = floor - NEGLIGIBLE;
        double max = floor;
        double sum = 0.0;
        for (int i = 0; i < cx.length; i++) {
            if (upperBound(i, x, y) < cutoff) {
                continue;
            }
            double t = term(i, x, y);
            if (t > max) {
                sum = sum * Math.exp(max - t) + 1.0;
                max = t;
            } else {
                sum += Math.exp(t - max);
            }
        }
        return max + Math.log(sum);
    }

    /** log w_i + log k(x − c_i), computed exactly. */
    private double term(int i, double x, double y) {
        double dx = x - cx[i];
        double dy = y - cy[i];
        if (side == 0.0) {
            return logWeight[i] - (dx * dx + dy * dy) / (2.0 * std * std) - LOG_2PI - 2.0 * Math.log(std);
        }
        return logWeight[i] + box.logDensity(dx) + box.logDensity(dy);
    }

    /**
     * An upper bound of {@link #term} that needs no special function. For the square kernel it uses
     * (Φ(a) − Φ(a − w/s)) ≤ exp(−δ²/(2s²)), δ the distance of d from [0, w] (Gaussian tail bound).
     */
    private double upperBound(int i, double x, double y) {
        if (side == 0.0) {
            return term(i, x, y);
        }
        double ox = outside(x - cx[i]);
        double oy = outside(y - cy[i]);
        if (std == 0.0) {
            return ox == 0.0 && oy == 0.0 ? logWeight[i] - 2.0 * Math.log(side) : Double.NEGATIVE_INFINITY;
        }
        return logWeight[i] - 2.0 * Math.log(side) - (ox * ox + oy * oy) / (2.0 * std * std);
    }

    private double outside(double d) {
        return d < 0.0 ? -d : Math.max(0.0, d - side);
    }
}
