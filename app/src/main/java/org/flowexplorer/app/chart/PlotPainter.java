package org.flowexplorer.app.chart;

import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The vector layers of a {@link PlotView} through {@link ChartGraphics}, shared by the screen
 * overlay and the SVG export: warped grid, contours and markers clipped to the plot area, then the
 * frame, ticks and titles; for exports also everything the screen draws as pixels (heatmap as an
 * embedded raster, grid lines, points as discs).
 *
 * @param layers   what to draw
 * @param viewport the data-to-pixel mapping of the plot area (logical pixels)
 * @param plotX    the plot area's left edge in the chart
 * @param plotY    the plot area's top edge in the chart
 * @param colors   the theme colours
 * @param ticks    how many ticks to aim for per axis
 */
record PlotPainter(PlotLayers layers, Viewport viewport, double plotX, double plotY, Colors colors, int ticks) {
    /** The theme colours a plot paints with. */
    record Colors(Color background, Color axis, Color text, Color grid, Color warp, Color contour) {
    }

    /** The on-screen overlay: clipped vector layers, then axes and titles. */
    void paintOverlay(ChartGraphics g) {
        g.save();
        g.translate(plotX, plotY);
        g.clipRect(0, 0, viewport.size(), viewport.size());
        drawWarpedGrid(g);
        drawContours(g);
        drawMarkers(g);
        drawSamplesLegend(g);
        g.restore();
        drawAxes(g);
        if (layers.heatmap() != null) {
            ColorBar.paint(g, layers.heatmap(), layers.colormap(), plotX + viewport.size(), plotY, viewport.size(),
                    colors.axis(), colors.text());
        }
    }

    /** While samples are shown: one legend entry (their disc and "samples") in the plot's top-left corner. */
    private void drawSamplesLegend(ChartGraphics g) {
        if (layers.samples() == null) {
            return;
        }
        g.setFill(colors.background().deriveColor(0, 1, 1, 0.8));
        g.fillRect(4, 4, 74, 20);
        g.setFill(ThemeColors.color(layers.sampleColor()));
        g.fillOval(10, 10, 8, 8);
        g.setFill(colors.text());
        g.setFont(Font.font(12));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("samples", 24, 14);
    }

    /**
     * The whole plot at {@code width}×{@code height}: the page, the heatmap (a raster at twice the
     * plot's resolution, at most 1024 px), grid lines, samples and points as discs, then the overlay.
     */
    void paintAll(ChartGraphics g, int width, int height) {
        g.setFill(colors.background());
        g.fillRect(0, 0, width, height);
        double side = viewport.size();
        g.save();
        g.translate(plotX, plotY);
        g.clipRect(0, 0, side, side);
        PlotLayers.Heatmap h = layers.heatmap();
        if (h != null) {
            int n = (int) Math.max(2, Math.min(1024, Math.round(2 * side)));
            Viewport pv = new Viewport(viewport.xMin(), viewport.xMax(), viewport.yMin(), viewport.yMax(), n);
            int[] raster = new int[n * n];
            // outside the density grid's extent the plot shows the lowest colour, not the page
            java.util.Arrays.fill(raster, layers.colormap().argb(0));
            HeatmapRaster.render(raster, n, pv, h, layers.colormap());
            g.drawImage(raster, n, n, 0, 0, side, side);
        }
        g.setStroke(colors.grid().deriveColor(0, 1, 1, h != null ? 0.25 : 0.75));
        g.setLineWidth(1);
        for (double t : viewport.xTicks(ticks)) {
            double px = ChartAxes.snap(viewport.toPixelX(t));
            g.strokeLine(px, 0, px, side);
        }
        for (double t : viewport.yTicks(ticks)) {
            double py = ChartAxes.snap(viewport.toPixelY(t));
            g.strokeLine(0, py, side, py);
        }
        paintDiscs(g, layers.samples(), null, layers.sampleColor());
        paintDiscs(g, layers.points(), layers.pointArgb(), layers.pointColor());
        g.restore();
        paintOverlay(g);
    }

    private void paintDiscs(ChartGraphics g, float[] xy, int[] colours, int colour) {
        if (xy == null) {
            return;
        }
        int n = xy.length / 2;
        double[] cx = new double[n];
        double[] cy = new double[n];
        int[] argb = colours != null ? new int[n] : null;
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (Float.isFinite(xy[2 * i]) && Float.isFinite(xy[2 * i + 1])) {
                cx[m] = viewport.toPixelX(xy[2 * i]);
                cy[m] = viewport.toPixelY(xy[2 * i + 1]);
                if (argb != null) {
                    argb[m] = colours[i];
                }
                m++;
            }
        }
        g.fillDiscs(cx, cy, m, layers.pointRadius(), argb, colour, layers.pointOpacity());
    }

    private void drawWarpedGrid(ChartGraphics g) {
        if (layers.warpedGrid() == null) {
            return;
        }
        g.setStroke(colors.warp().deriveColor(0, 1, 1, 0.55));
        g.setLineWidth(0.8);
        for (float[] line : layers.warpedGrid()) {
            if (line != null) {
                strokePolyline(g, line);
            }
        }
    }

    private void strokePolyline(ChartGraphics g, float[] xy) {
        g.beginPath();
        boolean open = false;
        for (int i = 0; i + 1 < xy.length; i += 2) {
            if (!Float.isFinite(xy[i]) || !Float.isFinite(xy[i + 1])) {
                open = false;
                continue;
            }
            double px = viewport.toPixelX(xy[i]);
            double py = viewport.toPixelY(xy[i + 1]);
            if (open) {
                g.lineTo(px, py);
            } else {
                g.moveTo(px, py);
                open = true;
            }
        }
        g.stroke();
    }

    private void drawContours(ChartGraphics g) {
        BaseContours contours = layers.baseContours();
        if (contours == null) {
            return;
        }
        Color c = colors.contour();
        g.setStroke(c.deriveColor(0, 1, 1, 0.8));
        g.setLineWidth(1.2);
        g.setLineDashes(5, 4);
        g.setFont(Font.font(10));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        for (BaseContours.Ellipse e : contours.components()) {
            double cx = viewport.toPixelX(e.cx());
            double cy = viewport.toPixelY(e.cy());
            for (int k = 1; k <= contours.levels(); k++) {
                double rx = k * e.sx() * viewport.scale(); // one scale for both axes: circles stay circles
                double ry = k * e.sy() * viewport.scale();
                g.strokeOval(cx - rx, cy - ry, 2 * rx, 2 * ry);
                if (contours.isStandardNormal()) {
                    g.setFill(c);
                    g.fillText(k + "σ", cx + rx * 0.7071 + 2, cy - ry * 0.7071 - 1);
                }
            }
        }
        g.setLineDashes();
    }

    private void drawMarkers(ChartGraphics g) {
        g.setFont(Font.font(null, FontWeight.BOLD, 12));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (Marker m : layers.markers()) {
            Color c = ThemeColors.color(m.argb());
            if (m.path() != null && m.path().length >= 2) {
                g.setStroke(c);
                g.setLineWidth(1.5);
                strokePolyline(g, m.path());
                g.setFill(c);
                for (int i = 0; i + 1 < m.path().length; i += 2) {
                    double px = viewport.toPixelX(m.path()[i]);
                    double py = viewport.toPixelY(m.path()[i + 1]);
                    g.fillOval(px - 2.5, py - 2.5, 5, 5);
                }
            }
            double px = viewport.toPixelX(m.x());
            double py = viewport.toPixelY(m.y());
            g.setFill(c);
            g.fillOval(px - 6, py - 6, 12, 12);
            g.setStroke(colors.background());
            g.setLineWidth(2);
            g.strokeOval(px - 6, py - 6, 12, 12);
            if (m.label() != null && !m.label().isEmpty()) {
                g.setLineWidth(3);
                g.strokeText(m.label(), px + 10, py);
                g.setFill(colors.text());
                g.fillText(m.label(), px + 10, py);
            }
        }
    }

    private void drawAxes(ChartGraphics g) {
        double side = viewport.size();
        ChartAxes.frame(g, colors.axis(), plotX, plotY, side, side);
        g.setFill(colors.text());
        g.setFont(Font.font(11));
        double[] xt = viewport.xTicks(ticks);
        double xs = Ticks.stepOf(xt);
        ChartAxes.xLabels(g, xt, t -> ChartAxes.snap(plotX + viewport.toPixelX(t)), plotY + side, 4, 6,
                t -> Ticks.format(t, xs));
        double[] yt = viewport.yTicks(ticks);
        double ys = Ticks.stepOf(yt);
        ChartAxes.yLabels(g, yt, t -> ChartAxes.snap(plotY + viewport.toPixelY(t)), plotX, 4, 6,
                t -> Ticks.format(t, ys));
        g.setFont(Font.font(null, FontWeight.NORMAL, 13));
        if (layers.xAxisTitle() != null) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.fillText(layers.xAxisTitle(), plotX + side / 2, plotY + side + 24);
        }
        if (layers.yAxisTitle() != null) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(layers.yAxisTitle(), plotX - 54, plotY + side / 2);
        }
        if (layers.title() != null) {
            g.setFont(Font.font(null, FontWeight.BOLD, 14));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(layers.title(), plotX + side / 2, plotY - 8);
        }
    }
}
