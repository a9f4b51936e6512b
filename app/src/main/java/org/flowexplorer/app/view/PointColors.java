package org.flowexplorer.app.view;

import java.util.Arrays;

/**
 * Colours for point sets, chosen so that an individual point can be followed through the layers
 * of a flow: compute the colours once on the data layer and pass the same {@code int[]} with every
 * later layer's positions.
 *
 * <p>In {@link #byPosition()} mode the hue is the angle around the data centroid and the radius
 * (normalised by the 95th-percentile radius) moves from a pale centre to saturated, slightly darker
 * edges. In {@link #fixed(int)} mode every point gets the same colour. Colours are non-premultiplied
 * ARGB ints.
 */
public final class PointColors {
    private final boolean byPosition;
    private final int fixedArgb;

    private PointColors(boolean byPosition, int fixedArgb) {
        this.byPosition = byPosition;
        this.fixedArgb = fixedArgb;
    }

    /** Colour by angle and radius around the centroid. */
    public static PointColors byPosition() {
        return new PointColors(true, 0);
    }

    /** One colour for all points. */
    public static PointColors fixed(int argb) {
        return new PointColors(false, argb);
    }

    /** One ARGB colour per point of the row-major (x0,y0,x1,y1,...) array. */
    public int[] argbFor(float[] xy) {
        int n = xy.length / 2;
        int[] out = new int[n];
        if (!byPosition || n == 0) {
            Arrays.fill(out, fixedArgb);
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

    private static double percentile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
    }

    /** Opaque ARGB from hue in degrees [0,360), saturation and value in [0,1]. */
    static int hsvToArgb(double hue, double s, double v) {
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
