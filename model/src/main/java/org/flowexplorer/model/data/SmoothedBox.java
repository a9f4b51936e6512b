package org.flowexplorer.model.data;

import org.apache.commons.math3.special.Erf;

/**
 * The 1-D density of U[0, w] + N(0, s²): g(d) = (Φ(d/s) − Φ((d − w)/s)) / w, in log space. Exact
 * values come from commons-math's {@link Erf#erf(double, double)}, which takes a few microseconds;
 * the checkerboard and 2spirals densities call this hundreds of times per point, so within
 * {@value #TABLE_STDS} std of the box it is a cubic Hermite interpolation of exact values and exact
 * slopes at a spacing of s/{@value #NODES_PER_STD} (error ≈ (1/32)⁴/384 ≈ 3e-9 nats), and exact outside.
 * At s = 0 it is the box's indicator: log(1/w) on the closed interval [0, w], −∞ elsewhere.
 */
final class SmoothedBox {
    static final double TABLE_STDS = 12.0;
    static final int NODES_PER_STD = 32;
    /** Larger tables (a box thousands of std wide) are not worth their memory: exact values then. */
    private static final int MAX_TABLE = 200_000;
    private static final double SQRT2 = Math.sqrt(2.0);
    private static final double SQRT_2PI = Math.sqrt(2.0 * Math.PI);

    private final double side;
    private final double std;
    private final double start;
    private final double spacing;
    private final double[] value;
    private final double[] slope;

    SmoothedBox(double side, double std) {
        if (!(side > 0) || !(std >= 0) || Double.isInfinite(std)) {
            throw new IllegalArgumentException("box needs side > 0 and a finite std >= 0");
        }
        this.side = side;
        this.std = std;
        long n = (long) Math.ceil((side + 2.0 * TABLE_STDS * std) / (std / NODES_PER_STD)) + 1;
        if (std == 0.0 || n > MAX_TABLE) {
            start = spacing = 0.0;
            value = slope = new double[0];
            return;
        }
        start = -TABLE_STDS * std;
        spacing = std / NODES_PER_STD;
        value = new double[(int) n];
        slope = new double[(int) n];
        for (int i = 0; i < n; i++) {
            double d = start + i * spacing;
            value[i] = exact(d);
            slope[i] = exactSlope(d);
        }
    }

    /** log g(d). */
    double logDensity(double d) {
        if (std == 0.0) {
            return d >= 0.0 && d <= side ? -Math.log(side) : Double.NEGATIVE_INFINITY;
        }
        if (value.length == 0) {
            return exact(d);
        }
        double u = (d - start) / spacing;
        int i = (int) Math.floor(u);
        if (i < 0 || i >= value.length - 1) {
            return exact(d);
        }
        double t = u - i;
        double t2 = t * t;
        double t3 = t2 * t;
        return (2 * t3 - 3 * t2 + 1) * value[i] + (t3 - 2 * t2 + t) * spacing * slope[i]
                + (-2 * t3 + 3 * t2) * value[i + 1] + (t3 - t2) * spacing * slope[i + 1];
    }

    /**
     * log g(d) from the error function; erf(lo, hi) switches to erfc in the tails to keep precision.
     * Beyond {@value #TABLE_STDS} std from the box, where erfc would soon underflow, log g comes from
     * the asymptotic series of log Φ instead (g is symmetric about w/2).
     */
    double exact(double d) {
        double a = Math.min(d, side - d) / std;
        if (a < -TABLE_STDS) {
            double logNear = logLowerTail(a);
            double logFar = logLowerTail(a - side / std);
            return logNear + Math.log1p(-Math.exp(logFar - logNear)) - Math.log(side);
        }
        return Math.log(0.5 * Erf.erf((d - side) / (std * SQRT2), d / (std * SQRT2))) - Math.log(side);
    }

    /** log Φ(a) for a ≤ −12: log(φ(a)/|a|) + log(1 − 1/a² + 3/a⁴ − 15/a⁶ + 105/a⁸), error < 2e-8. */
    private static double logLowerTail(double a) {
        double u = 1.0 / (a * a);
        double series = 1.0 - u * (1.0 - 3.0 * u * (1.0 - 5.0 * u * (1.0 - 7.0 * u)));
        return -0.5 * a * a - Math.log(-a) - 0.5 * Math.log(2.0 * Math.PI) + Math.log(series);
    }

    /** d/dd log g(d) = (φ(d/s) − φ((d − w)/s)) / (s · (Φ(d/s) − Φ((d − w)/s))). */
    private double exactSlope(double d) {
        double a = d / std;
        double b = (d - side) / std;
        double mass = 0.5 * Erf.erf(b / SQRT2, a / SQRT2);
        double pdfs = (Math.exp(-0.5 * a * a) - Math.exp(-0.5 * b * b)) / SQRT_2PI;
        return pdfs / (std * mass);
    }
}
