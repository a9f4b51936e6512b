package org.flowexplorer.app.chart;

import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The density heatmap's colour bar, right of the plot area: the colormap from the lowest value
 * shown (bottom) to the highest (top), with round ticks in the heatmap's units (log p in nats, or
 * p) and that unit as its title, so a colour reads as a number.
 */
final class ColorBar {
    /** Room the bar takes right of the plot: a gap of 8, the bar of 10, tick labels. */
    static final double WIDTH = 62;

    private ColorBar() {
    }

    /** Draws the bar for {@code h} beside a plot area whose right edge is {@code right}, from {@code top}, {@code side} tall. */
    static void paint(ChartGraphics g, PlotLayers.Heatmap h, Colormaps map, double right, double top, double side,
            Color axis, Color text) {
        double[] range = HeatmapRaster.range(h.values(), h.logScale());
        if (range == null || !(side > 20)) {
            return;
        }
        final double bar = 10;
        final int strips = 64;
        double x = right + 8;
        // vector strips, not an image: an SVG export embeds only the heatmap as a raster
        double strip = side / strips;
        for (int i = 0; i < strips; i++) {
            g.setFill(ThemeColors.color(map.argb(1 - (i + 0.5) / strips)));
            g.fillRect(x, top + i * strip, bar, strip + 0.5);
        }
        ChartAxes.frame(g, axis, x, top, bar, side);
        double lo = range[0];
        double hi = range[1] > lo ? range[1] : lo + 1;
        double[] ticks = Ticks.nice(lo, hi, (int) Math.max(2, Math.min(6, side / 50)));
        double step = Ticks.stepOf(ticks);
        g.setStroke(axis);
        g.setFill(text);
        g.setFont(Font.font(10));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (double t : ticks) {
            double y = ChartAxes.snap(top + (hi - t) / (hi - lo) * side);
            g.strokeLine(x + bar, y, x + bar + 3, y);
            g.fillText(Ticks.format(t, step).replace('-', '−'), x + bar + 5, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(h.logScale() ? "log p" : "p(x)", x + bar / 2 + 6, top - 3);
    }
}
