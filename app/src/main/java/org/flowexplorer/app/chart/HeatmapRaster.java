package org.flowexplorer.app.chart;

import java.util.function.DoubleUnaryOperator;

/**
 * Renders a density grid into a square pixel raster through a {@link Viewport}: bilinear sampling
 * of the grid, linear or logarithmic normalisation, then a {@link Colormaps} lookup. Pure function
 * of its inputs so a plot can cache the result and reuse it for every frame of point animation.
 */
final class HeatmapRaster {
    /** How many nats below the maximum the log scale reaches before clamping to the bottom colour. */
    static final double LOG_RANGE = 10;

    private HeatmapRaster() {
    }

    /**
     * The values the colours span, {lo, hi}: the bottom colour at lo, the top one at hi (log p in
     * nats when {@code logScale}, at most {@link #LOG_RANGE} below the maximum; else p from 0); null
     * when no value is finite. What the colour bar labels.
     */
    static double[] range(float[] values, boolean logScale) {
        double hi = Double.NEGATIVE_INFINITY;
        double lo = Double.POSITIVE_INFINITY;
        for (float v : values) {
            double t = logScale ? Math.log(v) : v;
            if (Double.isFinite(t)) {
                hi = Math.max(hi, t);
                lo = Math.min(lo, t);
            }
        }
        if (!Double.isFinite(hi)) {
            return null;
        }
        return new double[] {logScale ? Math.max(lo, hi - LOG_RANGE) : Math.min(0, lo), hi};
    }

    /** {@link #render(int[], int, Viewport, float[], int, int, double, double, double, double, boolean, Colormaps)} for a plot's heatmap layer. */
    static void render(int[] out, int size, Viewport vp, PlotLayers.Heatmap h, Colormaps map) {
        render(out, size, vp, h.values(), h.gw(), h.gh(), h.xmin(), h.xmax(), h.ymin(), h.ymax(), h.logScale(), map);
    }

    /**
     * Writes opaque ARGB into {@code out} (size×size, row 0 at the top) wherever the pixel centre
     * lies inside the grid's extent; other pixels are left untouched.
     *
     * @param values grid values, row-major, {@code values[j*gw+i]} sampled at
     *               x = xmin + i*(xmax-xmin)/(gw-1), y = ymin + j*(ymax-ymin)/(gh-1)
     */
    static void render(int[] out, int size, Viewport vp, float[] values, int gw, int gh,
            double xmin, double xmax, double ymin, double ymax, boolean logScale, Colormaps map) {
        double[] lohi = range(values, logScale);
        if (lohi == null) {
            return;
        }
        double lo = lohi[0];
        double range = lohi[1] > lo ? lohi[1] - lo : 1;
        int[] lut = map.lutShared();
        AxisCells columns = AxisCells.of(size, vp::toDataX, xmin, xmax, gw);
        AxisCells rows = AxisCells.of(size, vp::toDataY, ymin, ymax, gh);
        for (int py = 0; py < size; py++) {
            int j0 = rows.cell()[py];
            if (j0 < 0) {
                continue;
            }
            double ty = rows.frac()[py];
            int row = py * size;
            for (int px = 0; px < size; px++) {
                int i0 = columns.cell()[px];
                if (i0 < 0) {
                    continue;
                }
                double tx = columns.frac()[px];
                int k = j0 * gw + i0;
                double v = (values[k] * (1 - tx) + values[k + 1] * tx) * (1 - ty)
                        + (values[k + gw] * (1 - tx) + values[k + gw + 1] * tx) * ty;
                double t = logScale ? Math.log(v) : v;
                out[row + px] = lut[Colormaps.index((t - lo) / range)];
            }
        }
    }

    /**
     * Where each pixel centre along one axis falls on a grid of {@code nodes} nodes from {@code min}
     * to {@code max}: in cell {@code cell[p]} (−1 outside the grid's extent), {@code frac[p]} of the
     * way across it. The same for every row (or column), so worked out once per raster.
     */
    private record AxisCells(int[] cell, double[] frac) {
        static AxisCells of(int size, DoubleUnaryOperator pixelToData, double min, double max, int nodes) {
            double f = (nodes - 1) / (max - min);
            int[] cell = new int[size];
            double[] frac = new double[size];
            for (int p = 0; p < size; p++) {
                double g = (pixelToData.applyAsDouble(p + 0.5) - min) * f;
                if (g >= 0 && g <= nodes - 1) {
                    cell[p] = Math.min(nodes - 2, (int) g);
                    frac[p] = g - cell[p];
                } else {
                    cell[p] = -1;
                }
            }
            return new AxisCells(cell, frac);
        }
    }
}
