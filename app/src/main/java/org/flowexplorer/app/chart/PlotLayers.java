package org.flowexplorer.app.chart;

import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link PlotView} draws, as one immutable value: the view's setters replace it, the
 * renderers read it, and an export copy takes the same reference, so a layer added here can never
 * be left out of a PNG or SVG. Arrays are owned, not copied: callers hand over new ones.
 *
 * @param heatmap          density behind everything, or null
 * @param points           data points (x0,y0,x1,y1,...), or null
 * @param pointArgb        one non-premultiplied ARGB colour per point, or null for {@code pointColor}
 * @param pointColor       the colour of all points when {@code pointArgb} is null
 * @param samples          a second point set beneath the points (e.g. model samples), or null
 * @param sampleColor      the samples' colour
 * @param warpedGrid       thin polylines (each x,y pairs), or null
 * @param baseContours     the base distribution's dashed σ-contours, or null
 * @param markers          markers with optional paths, drawn on top
 * @param fixedBounds      {xmin, xmax, ymin, ymax} to keep whatever the data, or null for automatic bounds
 * @param pointRadius      disc radius of points and samples in pixels, in [0.5, 4]
 * @param pointOpacity     opacity multiplied into every point colour, in [0, 1]
 * @param title            above the plot, or null
 * @param xAxisTitle       below the x axis, or null
 * @param yAxisTitle       left of the y axis, or null
 * @param colormap         the heatmap's colours
 */
public record PlotLayers(Heatmap heatmap, float[] points, int[] pointArgb, int pointColor, float[] samples,
        int sampleColor, float[][] warpedGrid, BaseContours baseContours, List<Marker> markers, double[] fixedBounds,
        double pointRadius, double pointOpacity, String title, String xAxisTitle, String yAxisTitle,
        Colormaps colormap) {
    /** No data: blue points, pink samples, radius 1.5, opacity 0.85, viridis. */
    public static final PlotLayers EMPTY = new PlotLayers(null, null, null, 0xFF0969DA, null, 0xFFBF3989, null,
            null, List.of(), null, 1.5, 0.85, null, null, null, Colormaps.VIRIDIS);

    public PlotLayers {
        markers = List.copyOf(markers);
        Objects.requireNonNull(colormap);
    }

    /**
     * Heatmap layer data: a gw×gh grid, row-major, row 0 at {@code ymin}; node (i,j) sits at
     * x = xmin + i(xmax−xmin)/(gw−1), y = ymin + j(ymax−ymin)/(gh−1).
     *
     * @param logScale colour by log value (clamped 10 nats below the maximum) instead of value
     */
    public record Heatmap(float[] values, int gw, int gh, double xmin, double xmax, double ymin, double ymax,
            boolean logScale) {
        public Heatmap {
            if (gw < 2 || gh < 2 || values.length != gw * gh || !(xmax > xmin) || !(ymax > ymin)) {
                throw new IllegalArgumentException("heatmap needs gw,gh >= 2, values.length == gw*gh"
                        + " and increasing bounds");
            }
        }
    }

    public PlotLayers withHeatmap(Heatmap h) {
        return new PlotLayers(h, points, pointArgb, pointColor, samples, sampleColor, warpedGrid, baseContours,
                markers, fixedBounds, pointRadius, pointOpacity, title, xAxisTitle, yAxisTitle, colormap);
    }

    public PlotLayers withColormap(Colormaps map) {
        return new PlotLayers(heatmap, points, pointArgb, pointColor, samples, sampleColor, warpedGrid,
                baseContours, markers, fixedBounds, pointRadius, pointOpacity, title, xAxisTitle, yAxisTitle, map);
    }

    /** Points with per-point colours ({@code argb} non-null) or all in {@code colour}. */
    public PlotLayers withPoints(float[] xy, int[] argb, int colour) {
        if (xy != null && argb != null && argb.length != xy.length / 2) {
            throw new IllegalArgumentException(argb.length + " colours for " + xy.length / 2 + " points");
        }
        return new PlotLayers(heatmap, requirePairs(xy), argb, colour, samples, sampleColor, warpedGrid,
                baseContours, markers, fixedBounds, pointRadius, pointOpacity, title, xAxisTitle, yAxisTitle,
                colormap);
    }

    public PlotLayers withSamples(float[] xy, int colour) {
        return new PlotLayers(heatmap, points, pointArgb, pointColor, requirePairs(xy), colour, warpedGrid,
                baseContours, markers, fixedBounds, pointRadius, pointOpacity, title, xAxisTitle, yAxisTitle,
                colormap);
    }

    public PlotLayers withWarpedGrid(float[][] lines) {
        return new PlotLayers(heatmap, points, pointArgb, pointColor, samples, sampleColor, lines, baseContours,
                markers, fixedBounds, pointRadius, pointOpacity, title, xAxisTitle, yAxisTitle, colormap);
    }

    /** N(0, I)'s circles at 1, 2 and 3 σ, or none. */
    public PlotLayers withGaussianContours(boolean show) {
        return withBaseContours(show ? BaseContours.STANDARD_NORMAL : null);
    }

    public PlotLayers withBaseContours(BaseContours contours) {
        return new PlotLayers(heatmap, points, pointArgb, pointColor, samples, sampleColor, warpedGrid, contours,
                markers, fixedBounds, pointRadius, pointOpacity, title, xAxisTitle, yAxisTitle, colormap);
    }

    public PlotLayers withMarkers(List<Marker> list) {
        return new PlotLayers(heatmap, points, pointArgb, pointColor, samples, sampleColor, warpedGrid,
                baseContours, list == null ? List.of() : list, fixedBounds, pointRadius, pointOpacity, title,
                xAxisTitle, yAxisTitle, colormap);
    }

    public PlotLayers withFixedBounds(double[] bounds) {
        return new PlotLayers(heatmap, points, pointArgb, pointColor, samples, sampleColor, warpedGrid,
                baseContours, markers, bounds, pointRadius, pointOpacity, title, xAxisTitle, yAxisTitle, colormap);
    }

    /** Radius clamped to [0.5, 4] and opacity to [0, 1]. */
    public PlotLayers withPointStyle(double radius, double opacity) {
        return new PlotLayers(heatmap, points, pointArgb, pointColor, samples, sampleColor, warpedGrid,
                baseContours, markers, fixedBounds, Math.max(0.5, Math.min(4, radius)),
                Math.max(0, Math.min(1, opacity)), title, xAxisTitle, yAxisTitle, colormap);
    }

    public PlotLayers withTitles(String plotTitle, String xTitle, String yTitle) {
        return new PlotLayers(heatmap, points, pointArgb, pointColor, samples, sampleColor, warpedGrid,
                baseContours, markers, fixedBounds, pointRadius, pointOpacity, plotTitle, xTitle, yTitle, colormap);
    }

    /**
     * The data bounds {xmin, xmax, ymin, ymax} to show: the fixed ones, or those of the points,
     * samples, markers and contours plus a margin of {@value #MARGIN_FRACTION} of the larger side;
     * the heatmap's when nothing else is there; ±3 for an empty plot.
     */
    public double[] dataBounds() {
        if (fixedBounds != null) {
            return fixedBounds;
        }
        double[] b = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        include(b, points);
        include(b, samples);
        for (Marker m : markers) {
            include(b, new float[] {(float) m.x(), (float) m.y()});
            include(b, m.path());
        }
        if (baseContours != null) {
            double reach = baseContours.levels() + 0.2;
            for (BaseContours.Ellipse e : baseContours.components()) {
                include(b, new float[] {(float) (e.cx() - reach * e.sx()), (float) (e.cy() - reach * e.sy()),
                    (float) (e.cx() + reach * e.sx()), (float) (e.cy() + reach * e.sy())});
            }
        }
        if (heatmap != null && !(b[1] >= b[0])) {
            include(b, new float[] {(float) heatmap.xmin, (float) heatmap.ymin, (float) heatmap.xmax,
                (float) heatmap.ymax});
            return b;
        }
        if (!(b[1] >= b[0])) {
            return new double[] {-3, 3, -3, 3};
        }
        double m = MARGIN_FRACTION * Math.max(b[1] - b[0], b[3] - b[2]);
        return new double[] {b[0] - m, b[1] + m, b[2] - m, b[3] + m};
    }

    private static final double MARGIN_FRACTION = 0.06;

    private static void include(double[] b, float[] xy) {
        if (xy == null) {
            return;
        }
        for (int i = 0; i + 1 < xy.length; i += 2) {
            float x = xy[i];
            float y = xy[i + 1];
            if (Float.isFinite(x) && Float.isFinite(y)) {
                b[0] = Math.min(b[0], x);
                b[1] = Math.max(b[1], x);
                b[2] = Math.min(b[2], y);
                b[3] = Math.max(b[3], y);
            }
        }
    }

    private static float[] requirePairs(float[] xy) {
        if (xy != null && xy.length % 2 != 0) {
            throw new IllegalArgumentException("points need x,y pairs, got length " + xy.length);
        }
        return xy;
    }
}
