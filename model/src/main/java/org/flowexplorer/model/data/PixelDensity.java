package org.flowexplorer.model.data;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.flowexplorer.model.Limits;

/**
 * A piecewise-constant density from a grid of non-negative weights — an image's grey levels: pixel
 * i holds probability p_i = w_i / Σ w, spread uniformly over its square cell, so
 *
 * <pre>  p(x) = p_i / a   on cell i (a = cell area),     H(p) = −Σ p_i ln(p_i / a) = −Σ p_i ln p_i + ln a</pre>
 *
 * exactly. The grid is centred on the origin with square cells, its longer side spanning
 * [−S, S] ({@code halfWidth} S); row 0 is the top (largest y), as in an image. Immutable.
 */
public final class PixelDensity {
    /** Largest grid accepted: 1024 × 1024 cells. */
    public static final int MAX_SIDE = 1024;

    private final int width;
    private final int height;
    private final double cell;
    private final double[] p;
    private final double[] cumulative;
    private final double entropy;

    private PixelDensity(int width, int height, double halfWidth, double[] p) {
        this.width = width;
        this.height = height;
        this.cell = 2 * halfWidth / Math.max(width, height);
        this.p = p;
        this.cumulative = new double[p.length];
        double acc = 0, h = 0;
        for (int i = 0; i < p.length; i++) {
            acc += p[i];
            cumulative[i] = acc;
            if (p[i] > 0) {
                h -= p[i] * Math.log(p[i]);
            }
        }
        this.entropy = h + Math.log(cell * cell);
    }

    /**
     * @param weights   row-major, top row first, each finite and ≥ 0, not all 0 (not kept)
     * @param halfWidth S: the longer side spans [−S, S]; positive and at most 1000
     * @throws IllegalArgumentException with one line saying what is wrong
     */
    public static PixelDensity of(double[] weights, int width, int height, double halfWidth) {
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("the grid must be 1 to " + MAX_SIDE + " cells a side, got " + width + " x " + height);
        }
        if (weights.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " weights, got " + weights.length);
        }
        if (!(halfWidth > 0 && halfWidth <= 1000)) {
            throw new IllegalArgumentException("the square's half-width must be in (0, 1000], got " + halfWidth);
        }
        double total = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weights must be finite and >= 0, got " + w);
            }
            total += w;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("the image has no dense pixel (all weights are 0; try the other --invert setting)");
        }
        double[] p = new double[weights.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = weights[i] / total;
        }
        return new PixelDensity(width, height, halfWidth, p);
    }

    /** The grid's size in cells, e.g. {@code "64 x 48"} (width x height). */
    public String gridSize() {
        return width + " x " + height;
    }

    /** Side of one (square) cell: 2S / max(width, height). */
    public double cellSize() {
        return cell;
    }

    /** The exact differential entropy in nats: −Σ p_i ln(p_i / a). */
    public double entropy() {
        return entropy;
    }

    /** log p(x, y): ln(p_i / a) inside cell i, −∞ outside the grid or on an empty cell. */
    public double logDensity(double x, double y) {
        double left = -width * cell / 2, top = height * cell / 2;
        int column = (int) Math.floor((x - left) / cell), row = (int) Math.floor((top - y) / cell);
        if (column < 0 || column >= width || row < 0 || row >= height) {
            return Double.NEGATIVE_INFINITY;
        }
        double pi = p[row * width + column];
        return pi > 0 ? Math.log(pi / (cell * cell)) : Double.NEGATIVE_INFINITY;
    }

    /** n points (row-major x, y, float32), seeded: a cell by its probability, then uniform within it. */
    public float[] sample(int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        Limits.requirePoints(n);
        SplittableRandom rng = new SplittableRandom(seed);
        double left = -width * cell / 2, top = height * cell / 2, last = cumulative[cumulative.length - 1];
        float[] xy = new float[2 * n];
        for (int k = 0; k < n; k++) {
            int i = Arrays.binarySearch(cumulative, rng.nextDouble() * last);
            i = i >= 0 ? i + 1 : -i - 1; // the first cell whose cumulative sum exceeds the draw
            while (p[i] == 0) {
                i++; // after an exact tie (draw < total, so a non-empty cell follows)
            }
            xy[2 * k] = (float) (left + (i % width + rng.nextDouble()) * cell);
            xy[2 * k + 1] = (float) (top - (i / width + rng.nextDouble()) * cell);
        }
        return xy;
    }
}
