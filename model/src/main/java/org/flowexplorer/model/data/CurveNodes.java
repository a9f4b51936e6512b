package org.flowexplorer.model.data;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * Quadrature nodes that turn a curve with a parameter density into a finite mixture: for
 * x = c(u) + noise, u ~ p(u), the density ∫ p(u) k(x − c(u)) du is replaced by Σ_j w_j p(u_j) k(x − c(u_j)).
 * Open arcs use composite Simpson (fourth order, so the truncated ends cost ~1e-5 relative),
 * closed curves with a uniform angle the periodic trapezoid rule (spectrally accurate).
 *
 * <p>Node spacing: at most a quarter of the kernel's smoothing scale s in arc length, so every
 * kernel is resolved by several nodes along the curve; Simpson's error is then ~(1/4)⁴/180 ≈ 2e-5 of
 * the local value and the trapezoid rule's aliasing error ~exp(−2π²·16), i.e. none.
 */
final class CurveNodes {
    /** More nodes than this would make each density evaluation too slow to be useful. */
    static final int MAX_NODES = 100_000;

    /** A point of the curve at parameter u; returns x and y through the array. */
    @FunctionalInterface
    interface Curve {
        void at(double u, double[] xy);
    }

    private final double scale;
    private double[] xs = new double[256];
    private double[] ys = new double[256];
    private double[] logWeights = new double[256];
    private int size;

    /** @param scale the kernel's smoothing scale (its noise std), which sets the node spacing */
    CurveNodes(double scale) {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("curve quadrature needs a positive noise scale, got " + scale);
        }
        this.scale = scale;
    }

    /**
     * Adds ∫_a^b p(u) δ(x − c(u)) du times {@code mixtureWeight}, by composite Simpson.
     *
     * @param logDensity log p(u) on [a, b] (−∞ allowed: such nodes are dropped)
     * @param maxSpeed   an upper bound of |c'(u)| on [a, b], which converts arc length into u
     */
    void addArc(double a, double b, DoubleUnaryOperator logDensity, Curve curve, double maxSpeed, double mixtureWeight) {
        int intervals = intervals((b - a) * maxSpeed);
        intervals += intervals % 2;
        double h = (b - a) / intervals;
        double[] xy = new double[2];
        for (int j = 0; j <= intervals; j++) {
            double simpson = j == 0 || j == intervals ? 1.0 : (j % 2 == 1 ? 4.0 : 2.0);
            double u = a + j * h;
            curve.at(u, xy);
            add(xy[0], xy[1], Math.log(mixtureWeight * simpson * h / 3.0) + logDensity.applyAsDouble(u));
        }
    }

    /** Adds a circle of the given radius and centre with a uniform angle, times {@code mixtureWeight}. */
    void addCircle(double centreX, double centreY, double radius, double mixtureWeight) {
        int n = intervals(2.0 * Math.PI * radius);
        double logW = Math.log(mixtureWeight / n);
        for (int j = 0; j < n; j++) {
            double t = 2.0 * Math.PI * j / n;
            add(centreX + radius * Math.cos(t), centreY + radius * Math.sin(t), logW);
        }
    }

    private int intervals(double arcLength) {
        double n = Math.ceil(arcLength / (scale / 4.0));
        if (size + n > MAX_NODES) {
            throw new IllegalArgumentException("noise too small for the exact density: its quadrature would need over "
                    + MAX_NODES + " nodes (noise std " + scale + " against a curve of length " + arcLength + ")");
        }
        return Math.max(8, (int) n);
    }

    private void add(double x, double y, double logWeight) {
        if (logWeight == Double.NEGATIVE_INFINITY) {
            return;
        }
        if (size == xs.length) {
            xs = Arrays.copyOf(xs, 2 * size);
            ys = Arrays.copyOf(ys, 2 * size);
            logWeights = Arrays.copyOf(logWeights, 2 * size);
        }
        xs[size] = x;
        ys[size] = y;
        logWeights[size] = logWeight;
        size++;
    }

    int size() {
        return size;
    }

    /** The nodes as Gaussians of std {@code std}. */
    KernelMixture gaussians(double std) {
        return KernelMixture.gaussians(Arrays.copyOf(xs, size), Arrays.copyOf(ys, size),
                Arrays.copyOf(logWeights, size), std);
    }

    /** The nodes as lower-left corners of uniform squares of side {@code side} blurred by N(0, std²). */
    KernelMixture squares(double side, double std) {
        return KernelMixture.squares(Arrays.copyOf(xs, size), Arrays.copyOf(ys, size),
                Arrays.copyOf(logWeights, size), side, std);
    }
}
