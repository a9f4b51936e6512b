package org.flowexplorer.app.chart;

/**
 * Perceptually uniform colormaps for density heatmaps. Each map is sampled from eleven published
 * control points and interpolated linearly into a 256-entry lookup table, which is what the pixel
 * renderers index.
 */
public enum Colormaps {
    /** Dark blue-purple through teal to yellow (matplotlib's viridis). */
    VIRIDIS(0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c,
            0x22a884, 0x44bf70, 0x7ad151, 0xbddf26, 0xfde725),
    /** Black through purple and orange to pale yellow (matplotlib's magma). */
    MAGMA(0x000004, 0x140e36, 0x3b0f70, 0x641a80, 0x8c2981, 0xb73779,
            0xde4968, 0xf7705c, 0xfe9f6d, 0xfecf92, 0xfcfdbf);

    /** Number of entries in {@link #lut()}. */
    public static final int LUT_SIZE = 256;

    private final int[] lut = new int[LUT_SIZE];

    Colormaps(int... controlRgb) {
        int segments = controlRgb.length - 1;
        for (int i = 0; i < LUT_SIZE; i++) {
            double pos = (double) i / (LUT_SIZE - 1) * segments;
            int k = Math.min(segments - 1, (int) pos);
            double f = pos - k;
            lut[i] = 0xFF000000 | mix(controlRgb[k], controlRgb[k + 1], f);
        }
    }

    private static int mix(int a, int b, double f) {
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - f) + ((b >> 16) & 0xFF) * f);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - f) + ((b >> 8) & 0xFF) * f);
        int bl = (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
        return r << 16 | g << 8 | bl;
    }

    /** Opaque ARGB for {@code t} in [0,1]; values outside are clamped, NaN maps to 0. */
    public int argb(double t) {
        return lut[index(t)];
    }

    /** LUT index for {@code t}, clamped to [0, LUT_SIZE-1]. */
    public static int index(double t) {
        if (!(t > 0)) {
            return 0;
        }
        return t >= 1 ? LUT_SIZE - 1 : (int) (t * (LUT_SIZE - 1) + 0.5);
    }

    /** A copy of the 256-entry opaque ARGB lookup table. */
    public int[] lut() {
        return lut.clone();
    }

    /** The table itself, for renderers in this package that must not allocate per frame. */
    int[] lutShared() {
        return lut;
    }
}
