package org.flowexplorer.app.scene;

import java.util.Arrays;

/** An axis-aligned box in some space (data, a layer, latent). */
public record Bounds(double xmin, double xmax, double ymin, double ymax) {
    /** The latent view's fixed box: ±4 standard deviations of N(0, I). */
    public static final Bounds LATENT = new Bounds(-4, 4, -4, 4);

    /** At most this many points are sorted to find the quantiles (a stride over larger sets). */
    private static final int QUANTILE_SAMPLE = 1500;

    /**
     * The data view's box, for the window and {@code render} alike: the central 99 % of the points
     * on each axis, padded by 12 % on each side.
     */
    public static Bounds ofData(float[] xy) {
        return squareAround(xy, 0.005, 0.12);
    }

    /**
     * A square box around the central (1 − 2·tail) of the finite points on each axis, its half
     * side padded by the factor 1 + 2·pad; {@link #LATENT} when no point is finite.
     *
     * @param xy [n, 2] row-major
     */
    public static Bounds squareAround(float[] xy, double tail, double pad) {
        int n = xy.length / 2;
        int stride = Math.max(1, n / QUANTILE_SAMPLE);
        float[] xs = new float[(n + stride - 1) / stride];
        float[] ys = new float[xs.length];
        int m = 0;
        for (int i = 0; i < n; i += stride) {
            float x = xy[2 * i];
            float y = xy[2 * i + 1];
            if (Float.isFinite(x) && Float.isFinite(y)) {
                xs[m] = x;
                ys[m] = y;
                m++;
            }
        }
        if (m == 0) {
            return LATENT;
        }
        Arrays.sort(xs, 0, m);
        Arrays.sort(ys, 0, m);
        int lo = (int) Math.floor(tail * (m - 1));
        int hi = (int) Math.ceil((1 - tail) * (m - 1));
        double cx = (xs[lo] + (double) xs[hi]) / 2;
        double cy = (ys[lo] + (double) ys[hi]) / 2;
        double half = Math.max(Math.max((double) xs[hi] - xs[lo], (double) ys[hi] - ys[lo]) / 2, 1e-3) * (1 + 2 * pad);
        return new Bounds(cx - half, cx + half, cy - half, cy + half);
    }

    /** The box a fraction {@code f} of the way to {@code o} (f = 0: this, f = 1: o). */
    public Bounds lerp(Bounds o, double f) {
        return new Bounds(xmin + f * (o.xmin - xmin), xmax + f * (o.xmax - xmax),
                ymin + f * (o.ymin - ymin), ymax + f * (o.ymax - ymax));
    }

    public double width() {
        return xmax - xmin;
    }

    public double height() {
        return ymax - ymin;
    }
}
