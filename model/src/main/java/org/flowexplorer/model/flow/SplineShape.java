package org.flowexplorer.model.flow;

import java.math.BigDecimal;

/**
 * The shape of a rational-quadratic spline coupling ({@link SplineCoupling}): K bins over
 * [−B, B], the identity outside. Only spline couplings use it; the others ignore it.
 *
 * @param bins  K, 2 to {@link #MAX_BINS}
 * @param bound B, the tail bound: the spline acts on [−B, B]; finite, in (0, {@link #MAX_BOUND}]
 */
public record SplineShape(int bins, double bound) {
    /** nflows' Neural Spline Flow examples: K = 8 bins on [−4, 4]. */
    public static final SplineShape DEFAULT = new SplineShape(8, 4.0);
    public static final int MAX_BINS = 64;
    public static final double MAX_BOUND = 1000;

    public SplineShape {
        if (bins < 2 || bins > MAX_BINS) {
            throw new IllegalArgumentException("a spline needs 2 to " + MAX_BINS + " bins, got " + bins);
        }
        if (!(bound > 0 && bound <= MAX_BOUND)) {
            throw new IllegalArgumentException("the spline's tail bound must be in (0, " + (int) MAX_BOUND + "], got " + bound);
        }
    }

    /** Conditioner outputs per transformed coordinate: K widths, K heights, K − 1 interior derivatives. */
    public int outputsPerTransformed() {
        return 3 * bins - 1;
    }

    public boolean isDefault() {
        return equals(DEFAULT);
    }

    /** E.g. {@code "8 bins on [−4, 4]"}. */
    @Override
    public String toString() {
        // The shortest decimal that round-trips: "4", "2.5", "0.75" (String.format's %g printed "2.50000").
        String b = BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString();
        return bins + " bins on [−" + b + ", " + b + "]";
    }
}
