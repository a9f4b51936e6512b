package org.flowexplorer.app.scene;

import java.util.Arrays;

/**
 * The data colours of every plot, as non-premultiplied ARGB ints, shared by the app's views and
 * {@code render}: training points coloured by their data-space position (so a point keeps its
 * colour through every layer), model samples in near-black ink (darker than any data colour, whose
 * brightness never drops below 80 %), the query point red.
 */
public final class Palette {
    /** Model samples, in data and latent space: no training point has this colour. */
    public static final int SAMPLE = 0xFF1F2328;
    /** The query point and its path. */
    public static final int QUERY = 0xFFCF222E;
    /** Opacity of the training points alone, and over a density heatmap (as the data view). */
    public static final double POINT_OPACITY = 0.85;
    public static final double POINT_OPACITY_OVER_DENSITY = 0.35;

    private Palette() {
    }

    /**
     * One colour per point of the data-space array (x0, y0, x1, y1, …), chosen so that a point can
     * be followed through the layers: compute them once on the data layer and pass the same colours
     * with every later layer's positions. The hue is the angle around the centroid; the radius
     * (normalised by the 95th-percentile radius) moves from a pale centre to saturated, slightly
     * darker edges.
     */
    public static int[] byPosition(float[] xy) {
        int n = xy.length / 2;
        int[] out = new int[n];
        if (n == 0) {
            return out;
        }
        double cx = 0;
        double cy = 0;
        for (int i = 0; i < n; i++) {
            cx += xy[2 * i];
            cy += xy[2 * i + 1];
        }
        cx /= n;
        cy /= n;
        double[] radii = new double[n];
        for (int i = 0; i < n; i++) {
            radii[i] = Math.hypot(xy[2 * i] - cx, xy[2 * i + 1] - cy);
        }
        double r95 = percentile(radii, 0.95);
        if (!(r95 > 0)) {
            r95 = 1;
        }
        for (int i = 0; i < n; i++) {
            double angle = Math.atan2(xy[2 * i + 1] - cy, xy[2 * i] - cx);
            double hue = (Math.toDegrees(angle) + 360) % 360;
            double t = Math.min(1, radii[i] / r95);
            double saturation = 0.25 + 0.7 * t;
            double value = 0.98 - 0.18 * t;
            out[i] = hsvToArgb(hue, saturation, value);
        }
        return out;
    }

    /**
     * {@link #byPosition} remembered for the last data array, so the views that show the same points
     * in different layers compute their colours once per data set. Compared by content, not only by
     * identity: every trace brings a new array of the same data-space points (its layer 0), and
     * recolouring them (a sort and an atan2 per point) was 7 % of the FX thread's time while
     * training. One thread.
     */
    public static final class Cache {
        private float[] coloured;
        private int[] colours;

        /** The colours of {@code dataXy} by position; null for null. */
        public int[] byPosition(float[] dataXy) {
            if (dataXy != coloured) {
                if (dataXy == null || !Arrays.equals(dataXy, coloured)) {
                    colours = dataXy == null ? null : Palette.byPosition(dataXy);
                }
                coloured = dataXy;
            }
            return colours;
        }
    }

    /** One colour ({@code argb}) for every point of the (x0, y0, x1, y1, …) array. */
    public static int[] uniform(int argb, float[] xy) {
        int[] out = new int[xy.length / 2];
        Arrays.fill(out, argb);
        return out;
    }

    private static double percentile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
    }

    /** Opaque ARGB from hue in degrees [0,360), saturation and value in [0,1]. */
    private static int hsvToArgb(double hue, double s, double v) {
        double c = v * s;
        double h = hue / 60.0;
        double x = c * (1 - Math.abs(h % 2 - 1));
        double r;
        double g;
        double b;
        switch ((int) h % 6) {
            case 0 -> { r = c; g = x; b = 0; }
            case 1 -> { r = x; g = c; b = 0; }
            case 2 -> { r = 0; g = c; b = x; }
            case 3 -> { r = 0; g = x; b = c; }
            case 4 -> { r = x; g = 0; b = c; }
            default -> { r = c; g = 0; b = x; }
        }
        double m = v - c;
        return 0xFF000000 | channel(r + m) << 16 | channel(g + m) << 8 | channel(b + m);
    }

    private static int channel(double f) {
        return (int) Math.round(Math.max(0, Math.min(1, f)) * 255);
    }
}
