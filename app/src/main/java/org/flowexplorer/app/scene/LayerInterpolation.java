package org.flowexplorer.app.scene;

/**
 * The one interpolation between layers: at a continuous position p in [0, L], with k = ⌊p⌋ and
 * f = p − k, a value is (1−f)·layer[k] + f·layer[k+1]; at whole positions it is an exact copy of
 * that layer. Used for points, the warped grid, a query's path and the plot bounds.
 */
public final class LayerInterpolation {
    private LayerInterpolation() {
    }

    /** The point arrays of {@code layers} (each [n, 2], same length) at {@code position}; a new array. */
    public static float[] at(float[][] layers, double position) {
        return at(layers, position, false);
    }

    /** As {@link #at(float[][], double)}, optionally easing f with smoothstep 3f²−2f³ (animations). */
    public static float[] at(float[][] layers, double position, boolean smooth) {
        int last = layers.length - 1;
        if (last < 0) {
            throw new IllegalArgumentException("need at least one layer");
        }
        int k = lowerLayer(last, position);
        double f = fraction(last, position, k);
        if (f == 0) {
            return layers[k].clone();
        }
        if (layers[k].length != layers[k + 1].length) {
            throw new IllegalArgumentException("layers " + k + " and " + (k + 1) + " differ in length");
        }
        float[] out = new float[layers[k].length];
        lerp(layers[k], 0, layers[k + 1], 0, out, 0, out.length, smooth ? smoothstep(f) : f);
        return out;
    }

    /**
     * As {@link #at(float[][], double)}, but between positions k and k + 1 through the named
     * sub-steps of that interval ({@code between[k]}: e.g. the coupling's output, then its norm's,
     * each [n, 2]; empty for a coupling alone), each taking an equal share of the interval, so
     * the stepper shows what the coupling and each block after it do to the points. Whole
     * positions are still the flow's positions 0…L.
     */
    public static float[] through(float[][] layers, float[][][] between, double position) {
        int last = layers.length - 1;
        int k = lowerLayer(Math.max(0, last), position);
        double f = last < 0 ? 0 : fraction(last, position, k);
        if (between == null || f == 0 || between[k].length == 0) {
            return at(layers, position);
        }
        int parts = between[k].length + 1;
        int part = Math.min(parts - 1, (int) Math.floor(f * parts));
        float[] from = part == 0 ? layers[k] : between[k][part - 1];
        float[] to = part == parts - 1 ? layers[k + 1] : between[k][part];
        float[] out = new float[from.length];
        lerp(from, 0, to, 0, out, 0, out.length, f * parts - part);
        return out;
    }

    /** One point of a query path (L+1 (x, y) pairs, layer 0 first) at {@code position}. */
    public static float[] alongPath(float[] path, double position) {
        int last = path.length / 2 - 1;
        if (last < 0) {
            throw new IllegalArgumentException("need at least one point");
        }
        int k = lowerLayer(last, position);
        double f = fraction(last, position, k);
        float[] out = new float[2];
        if (f == 0) {
            System.arraycopy(path, 2 * k, out, 0, 2);
        } else {
            lerp(path, 2 * k, path, 2 * k + 2, out, 0, 2, f);
        }
        return out;
    }

    /** The per-layer bounds at {@code position}. */
    public static Bounds bounds(Bounds[] perLayer, double position) {
        int last = perLayer.length - 1;
        int k = lowerLayer(last, position);
        double f = fraction(last, position, k);
        return f == 0 ? perLayer[k] : perLayer[k].lerp(perLayer[k + 1], f);
    }

    /**
     * One box for every layer: the smallest square holding each layer's box, so the stepper's
     * frames share their axes and can be compared (a layer that squeezes the points shows them
     * smaller, instead of the axes zooming in).
     */
    public static Bounds common(Bounds[] perLayer) {
        if (perLayer.length == 0) {
            return Bounds.LATENT;
        }
        double xmin = Double.POSITIVE_INFINITY;
        double xmax = Double.NEGATIVE_INFINITY;
        double ymin = Double.POSITIVE_INFINITY;
        double ymax = Double.NEGATIVE_INFINITY;
        for (Bounds b : perLayer) {
            xmin = Math.min(xmin, b.xmin());
            xmax = Math.max(xmax, b.xmax());
            ymin = Math.min(ymin, b.ymin());
            ymax = Math.max(ymax, b.ymax());
        }
        double half = Math.max(xmax - xmin, ymax - ymin) / 2;
        double cx = (xmin + xmax) / 2;
        double cy = (ymin + ymax) / 2;
        return new Bounds(cx - half, cx + half, cy - half, cy + half);
    }

    /** k = ⌊p⌋ of the clamped position (NaN counts as 0). */
    private static int lowerLayer(int last, double position) {
        return Math.min(last, (int) Math.floor(clamp(last, position)));
    }

    private static double fraction(int last, double position, int k) {
        return k == last ? 0 : clamp(last, position) - k;
    }

    private static double clamp(int last, double position) {
        return Double.isNaN(position) ? 0 : Math.max(0, Math.min(last, position));
    }

    private static double smoothstep(double f) {
        return f * f * (3 - 2 * f);
    }

    private static void lerp(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n, double f) {
        float w = (float) f;
        for (int i = 0; i < n; i++) {
            out[outOff + i] = a[aOff + i] + (b[bOff + i] - a[aOff + i]) * w;
        }
    }
}
