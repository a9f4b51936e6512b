package org.flowexplorer.app.draw;

import java.util.SplittableRandom;

/**
 * Draw-mode point generation, without UI: a brush sprays points from an isotropic Gaussian of
 * standard deviation {@link #spread()} (in data units) around the pointer, and an eraser removes
 * the points within a radius. Pure functions of their arguments (seeded), so a stroke can be
 * replayed and tested; {@link Sketch} keeps the resulting point set with undo.
 *
 * @param spread  std of the spray in data units, finite and non-negative (0 puts every point on the pointer)
 * @param density points per data unit of pointer travel, used by {@link #drag}; positive
 */
public record Brush(double spread, double density) {
    /** A brush that suits the toy data's scale (about ±4): fine strokes, 40 points per unit. */
    public static final Brush DEFAULT = new Brush(0.1, 40);

    public Brush {
        if (!(spread >= 0) || Double.isInfinite(spread)) {
            throw new IllegalArgumentException("brush spread must be finite and non-negative, got " + spread);
        }
        if (!(density > 0) || Double.isInfinite(density)) {
            throw new IllegalArgumentException("brush density must be a positive number, got " + density);
        }
    }

    public Brush withSpread(double s) {
        return new Brush(s, density);
    }

    public Brush withDensity(double d) {
        return new Brush(spread, d);
    }

    /**
     * {@code count} new points, row-major {@code x0,y0,x1,y1,...}, drawn from N((x, y), spread²·I);
     * the same arguments always give the same points.
     */
    public float[] stroke(double x, double y, int count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        checkFinite(x, y);
        SplittableRandom rng = new SplittableRandom(seed);
        float[] out = new float[2 * count];
        for (int i = 0; i < count; i++) {
            out[2 * i] = (float) (x + spread * rng.nextGaussian());
            out[2 * i + 1] = (float) (y + spread * rng.nextGaussian());
        }
        return out;
    }

    /**
     * The points for dragging from (x0, y0) to (x1, y1): {@code round(density × length)} points
     * (at least one) with centres spaced evenly along the segment, excluding the start (which the
     * previous drag event covered) and including the end, each sprayed with this brush's spread.
     */
    public float[] drag(double x0, double y0, double x1, double y1, long seed) {
        checkFinite(x0, y0);
        checkFinite(x1, y1);
        double length = Math.hypot(x1 - x0, y1 - y0);
        int count = (int) Math.max(1, Math.min(1_000_000, Math.round(density * length)));
        SplittableRandom rng = new SplittableRandom(seed);
        float[] out = new float[2 * count];
        for (int i = 0; i < count; i++) {
            double t = (i + 1) / (double) count;
            out[2 * i] = (float) (x0 + t * (x1 - x0) + spread * rng.nextGaussian());
            out[2 * i + 1] = (float) (y0 + t * (y1 - y0) + spread * rng.nextGaussian());
        }
        return out;
    }

    /**
     * {@code points} without those within {@code radius} (inclusive) of (x, y); the input is not
     * modified, and is returned as is when nothing is erased.
     */
    public static float[] erase(float[] points, double x, double y, double radius) {
        if (points.length % 2 != 0) {
            throw new IllegalArgumentException("point array has odd length " + points.length);
        }
        if (!(radius >= 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("eraser radius must be finite and non-negative, got " + radius);
        }
        checkFinite(x, y);
        double r2 = radius * radius;
        float[] kept = new float[points.length];
        int k = 0;
        for (int i = 0; i < points.length; i += 2) {
            double dx = points[i] - x;
            double dy = points[i + 1] - y;
            if (dx * dx + dy * dy > r2) {
                kept[k++] = points[i];
                kept[k++] = points[i + 1];
            }
        }
        return k == points.length ? points : java.util.Arrays.copyOf(kept, k);
    }

    private static void checkFinite(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("brush position must be finite, got (" + x + ", " + y + ")");
        }
    }
}
