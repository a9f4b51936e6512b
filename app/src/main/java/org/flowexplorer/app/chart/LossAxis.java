package org.flowexplorer.app.chart;

import java.util.Arrays;

/**
 * The loss chart's y axis: which values it shows, how they map to height (linear, or logarithmic
 * above an offset when losses go negative) and its round ticks. The range follows the bulk of the
 * values, not their extremes: one early step with loss 2·10¹⁶ would otherwise flatten the whole
 * curve into the bottom pixel row, so values far above the bulk are left off-scale (the chart
 * marks them at the top edge).
 */
final class LossAxis {
    /** Values above q99 + SPREAD · (q99 − q1) of the shown values are drawn off-scale. */
    static final double SPREAD = 3;
    private static final int SAMPLE = 4096;

    private boolean log;
    private double offset;
    private double lo;
    private double hi = 1;
    private double cap = Double.POSITIVE_INFINITY;

    /**
     * Fits the axis to the values (NaN and infinities ignored) and the reference lines that must stay
     * visible (e.g. the entropy floor; NaN for none).
     */
    void fit(boolean logScale, float[][] values, int[] sizes, double... references) {
        log = logScale;
        double[] sample = sample(values, sizes);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        if (sample.length > 0) {
            Arrays.sort(sample);
            double q1 = quantile(sample, 0.01);
            double q99 = quantile(sample, 0.99);
            cap = q99 + SPREAD * Math.max(q99 - q1, 1e-3 * Math.max(1, Math.abs(q99)));
            min = sample[0];
            max = Math.min(sample[sample.length - 1], cap);
        } else {
            cap = Double.POSITIVE_INFINITY;
        }
        for (double r : references) {
            if (Double.isFinite(r)) {
                min = Math.min(min, r);
                max = Math.max(max, r);
            }
        }
        if (!(max >= min)) {
            min = 0;
            max = 1;
        }
        offset = min > 0 ? 0 : min - Math.max(1e-3, 0.02 * (max - min));
        double a = transform(min);
        double b = transform(max);
        double pad = b > a ? 0.05 * (b - a) : 0.5;
        lo = a - pad;
        hi = b + pad;
        if (!log && min >= 0 && lo < 0) {
            lo = 0;
        }
    }

    /** The axis' own coordinate of a value: log10(v − offset) or v. */
    private double transform(double v) {
        return log ? Math.log10(v - offset) : v;
    }

    /** Height fraction of a value: 0 at the bottom of the plot, 1 at the top; NaN below a log axis' offset. */
    double unit(double v) {
        return (transform(v) - lo) / (hi - lo);
    }

    /** Whether a value lies above the axis (drawn as an off-scale marker at the top edge). */
    boolean offScale(double v) {
        return v > bottom() && unit(v) > 1;
    }

    /** Whether values above the bulk were cut off the axis. */
    boolean capped() {
        return Double.isFinite(cap);
    }

    double bottom() {
        return log ? offset + Math.pow(10, lo) : lo;
    }

    double top() {
        return log ? offset + Math.pow(10, hi) : hi;
    }

    /** Round tick values inside the axis, about {@code count} of them. */
    double[] ticks(int count) {
        double b = bottom();
        double t = top();
        return log && offset == 0 ? Ticks.log(b, t, count) : Ticks.nice(b, t, count);
    }

    /**
     * A tick's label: exponent form from 10⁵ on (so it fits the margin), otherwise just enough
     * decimals to tell it from its neighbours; log ticks drop trailing zeros (0.5, 1, 2, 5, 10).
     */
    String label(double value, double[] ticks) {
        if (Math.abs(value) >= 1e5) {
            return Ticks.compactExponent(value);
        }
        double step = Double.POSITIVE_INFINITY;
        for (int i = 1; i < ticks.length; i++) {
            step = Math.min(step, ticks[i] - ticks[i - 1]);
        }
        String s = Ticks.format(value, Double.isFinite(step) ? step : 1);
        if (log && s.contains(".") && !s.contains("e")) {
            s = new java.math.BigDecimal(s).stripTrailingZeros().toPlainString();
        }
        return s;
    }

    private static double[] sample(float[][] values, int[] sizes) {
        int total = 0;
        for (int s : sizes) {
            total += s;
        }
        int stride = Math.max(1, total / SAMPLE);
        double[] out = new double[Math.min(total, SAMPLE + values.length * 2 + 2)];
        int n = 0;
        for (int k = 0; k < values.length; k++) {
            // the short series (test values) count in full; the long one is strided
            int step = sizes[k] > SAMPLE ? stride : 1;
            for (int i = 0; i < sizes[k] && n < out.length; i += step) {
                if (Float.isFinite(values[k][i])) {
                    out[n++] = values[k][i];
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }
}
