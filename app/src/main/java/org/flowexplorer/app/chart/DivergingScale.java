package org.flowexplorer.app.chart;

import javafx.scene.paint.Color;

/**
 * A diverging colour scale centred at 0 for signed quantities such as log|det J|: blue below 0
 * (space squeezed), white at 0, red above (space expanded), symmetric in ±{@code limit}. The
 * control points are ColorBrewer's RdBu (reversed so that red means "more"), interpolated into a
 * 256-entry table.
 */
public final class DivergingScale {
    private static final int[] CONTROL = {0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7, 0xfddbc7, 0xf4a582,
        0xd6604d, 0xb2182b};
    private static final int SIZE = 256;
    private static final int[] LUT = new int[SIZE];

    static {
        int segments = CONTROL.length - 1;
        for (int i = 0; i < SIZE; i++) {
            double pos = (double) i / (SIZE - 1) * segments;
            int k = Math.min(segments - 1, (int) pos);
            double f = pos - k;
            int a = CONTROL[k];
            int b = CONTROL[k + 1];
            int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - f) + ((b >> 16) & 0xFF) * f);
            int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - f) + ((b >> 8) & 0xFF) * f);
            int bl = (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
            LUT[i] = 0xFF000000 | r << 16 | g << 8 | bl;
        }
    }

    private final double limit;

    /** @param limit the value drawn in the darkest red (−limit: darkest blue); at least a small positive number */
    public DivergingScale(double limit) {
        this.limit = limit > 1e-6 && Double.isFinite(limit) ? limit : 1e-6;
    }

    /** The scale for values up to ±max|v|, rounded up to a tidy number so the bar's labels are round. */
    public static DivergingScale around(double maxAbs) {
        double m = Math.max(0.05, maxAbs);
        double step = Ticks.niceStep(m / 2);
        return new DivergingScale(Math.ceil(m / step - 1e-9) * step);
    }

    /**
     * The scale for {@code values}: up to the {@value #ROBUST_QUANTILE} quantile of |v| (rounded up),
     * so a few extreme values far from the data (clamped to the end colours) do not wash out the rest.
     */
    public static DivergingScale covering(double[] values) {
        double[] abs = new double[values.length];
        for (int i = 0; i < abs.length; i++) {
            abs[i] = Double.isFinite(values[i]) ? Math.abs(values[i]) : 0;
        }
        java.util.Arrays.sort(abs);
        return around(abs.length == 0 ? 0 : abs[(int) Math.floor(ROBUST_QUANTILE * (abs.length - 1))]);
    }

    /** The share of values {@link #covering} keeps inside the scale. */
    public static final double ROBUST_QUANTILE = 0.98;

    public double limit() {
        return limit;
    }

    /** Opaque ARGB of {@code v}; clamped at ±limit, NaN as 0. */
    public int argb(double v) {
        double t = Double.isNaN(v) ? 0.5 : 0.5 + 0.5 * Math.max(-1, Math.min(1, v / limit));
        return LUT[(int) Math.round(t * (SIZE - 1))];
    }

    public Color color(double v) {
        return ThemeColors.color(argb(v));
    }
}
