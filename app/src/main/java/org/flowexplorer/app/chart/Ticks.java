package org.flowexplorer.app.chart;

import java.util.Locale;

/**
 * "Nice" axis ticks (multiples of 1, 2 or 5 times a power of ten) and compact tick labels.
 * Shared by {@link Viewport} and {@link LossChart} so every axis in the app reads the same way.
 */
public final class Ticks {
    private Ticks() {
    }

    /**
     * Ticks covering [lo, hi] with roughly {@code count} intervals, each a multiple of a 1-2-5 step.
     * Values are rounded to the step so that labels never show floating-point noise like 0.30000000004.
     */
    public static double[] nice(double lo, double hi, int count) {
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            return Double.isFinite(lo) ? new double[] {lo} : new double[0];
        }
        double step = niceStep((hi - lo) / Math.max(1, count));
        long first = (long) Math.ceil(lo / step - 1e-9);
        long last = (long) Math.floor(hi / step + 1e-9);
        int n = (int) Math.max(0, last - first + 1);
        // Rounding the step up can leave a lone tick (range 7 in 3 intervals: step 5, only "0"),
        // so step down through the 1-2-5 sequence until the axis carries at least a few labels.
        int wanted = count >= 2 ? 3 : 2;
        while (n < wanted) {
            step = smallerStep(step);
            first = (long) Math.ceil(lo / step - 1e-9);
            last = (long) Math.floor(hi / step + 1e-9);
            n = (int) Math.max(0, last - first + 1);
        }
        double[] ticks = new double[n];
        for (int i = 0; i < n; i++) {
            double v = (first + i) * step;
            ticks[i] = v == 0 ? 0.0 : roundTo(v, step);
        }
        return ticks;
    }

    /** The 1-2-5 step closest above {@code raw}: 0.1, 0.2, 0.5, 1, 2, 5, 10, ... */
    public static double niceStep(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * mag;
    }

    /** The next 1-2-5 step below {@code step}: 10 → 5 → 2 → 1 → 0.5 … */
    static double smallerStep(double step) {
        double mag = Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
        double f = Math.round(step / mag);
        return f >= 5 ? 2 * mag : f >= 2 ? mag : mag / 2;
    }

    /** Label for a tick value, with just enough decimals to tell neighbouring ticks {@code step} apart. */
    public static String format(double value, double step) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        double a = Math.abs(value);
        if (a != 0 && (a >= 1e6 || a < 1e-4)) {
            return String.format(Locale.ROOT, "%.2g", value);
        }
        int decimals = step > 0 ? Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9)) : 2;
        return String.format(Locale.ROOT, "%." + Math.min(decimals, 6) + "f", value);
    }

    /** Step between consecutive ticks, or 1 when fewer than two ticks exist. */
    public static double stepOf(double[] ticks) {
        return ticks.length >= 2 ? ticks[1] - ticks[0] : 1;
    }

    private static double roundTo(double v, double step) {
        double scale = Math.pow(10, Math.max(0, Math.ceil(-Math.log10(step))) + 1);
        return Math.round(v * scale) / scale;
    }
}
