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

    /**
     * Ticks for a logarithmic axis over the positive range [lo, hi], as values (not logarithms), at
     * round numbers: powers of ten when the range spans enough decades, else 1, 2, 5 × 10^k, else
     * 1 … 9 × 10^k, and for a range narrower than that the linear {@link #nice} ticks (e.g. 2.5, 3,
     * 3.5) — never the 2.512, 3.981 that evenly spaced logarithms give.
     */
    public static double[] log(double lo, double hi, int count) {
        if (!(lo > 0) || !(hi > lo) || !Double.isFinite(hi)) {
            return nice(lo, hi, count);
        }
        int wanted = Math.max(2, Math.min(count, 3));
        double[] powers = decades(lo, hi, new double[] {1});
        if (powers.length >= wanted) {
            return thin(powers, (int) Math.ceil(powers.length / (double) (count + 1)));
        }
        double[] oneTwoFive = decades(lo, hi, new double[] {1, 2, 5});
        if (oneTwoFive.length >= wanted) {
            return oneTwoFive.length <= 2 * count + 1 || powers.length == 0 ? oneTwoFive : powers;
        }
        double[] digits = decades(lo, hi, new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        return digits.length >= wanted && digits.length <= 2 * count + 1 ? digits : nice(lo, hi, count);
    }

    private static double[] decades(double lo, double hi, double[] mantissas) {
        int first = (int) Math.floor(Math.log10(lo));
        int last = (int) Math.ceil(Math.log10(hi));
        double[] out = new double[(last - first + 1) * mantissas.length];
        int n = 0;
        for (int e = first; e <= last; e++) {
            for (double m : mantissas) {
                double v = Double.parseDouble(m + "e" + e);
                if (v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12)) {
                    out[n++] = v;
                }
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static double[] thin(double[] ticks, int stride) {
        double[] out = new double[(ticks.length + stride - 1) / stride];
        for (int i = 0; i < out.length; i++) {
            out[i] = ticks[i * stride];
        }
        return out;
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
            return compactExponent(value);
        }
        int decimals = step > 0 ? Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9)) : 2;
        return String.format(Locale.ROOT, "%." + Math.min(decimals, 6) + "f", value);
    }

    /** "2e16", "-1.5e7", "3e-5": two significant digits, no "+" and no padded exponent, so axis labels stay short. */
    public static String compactExponent(double value) {
        String s = String.format(Locale.ROOT, "%.1e", value);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e).replace(".0", "");
        return mantissa + "e" + Integer.parseInt(s.substring(e + 1));
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
