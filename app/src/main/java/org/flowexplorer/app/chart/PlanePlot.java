package org.flowexplorer.app.chart;

import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.flowexplorer.app.scene.Bounds;

/**
 * The square plot area of a plane view ({@link LogDetMapView}, {@link JacobianGlyphView}): where it
 * sits in the chart, its data-to-pixel {@link Viewport} (1:1 aspect, so circles stay circles), and
 * its frame with tick labels.
 *
 * @param x left edge of the plot area in the chart
 * @param y top edge
 */
record PlanePlot(double x, double y, Viewport viewport) {
    /** Room above a plane view's plot area for its title and caption. */
    static final double TOP = 40;
    private static final double LEFT = 44;
    private static final double BOTTOM = 22;

    /** The largest square that fits below {@code top} and left of {@code right} pixels kept free. */
    static PlanePlot fit(Bounds b, double width, double height, double top, double right) {
        double side = Math.max(10, Math.floor(Math.min(width - LEFT - right, height - top - BOTTOM)));
        return new PlanePlot(LEFT, top, new Viewport(b.xmin(), b.xmax(), b.ymin(), b.ymax(), side));
    }

    double side() {
        return viewport.size();
    }

    double px(double dataX) {
        return x + viewport.toPixelX(dataX);
    }

    double py(double dataY) {
        return y + viewport.toPixelY(dataY);
    }

    /** Clips to the plot area until the matching {@code g.restore()}. */
    void clip(ChartGraphics g) {
        g.save();
        g.clipRect(x, y, side(), side());
    }

    /** Frame, and tick labels on both axes. */
    void axes(ChartGraphics g, Color axis, Color text) {
        ChartAxes.frame(g, axis, x, y, side(), side());
        g.setFill(text);
        g.setFont(Font.font(10));
        int count = (int) Math.max(3, Math.min(7, side() / 70));
        double[] xt = viewport.xTicks(count);
        double[] yt = viewport.yTicks(count);
        ChartAxes.xLabels(g, xt, this::px, y + side(), 3, 5, t -> Ticks.format(t, Ticks.stepOf(xt)));
        ChartAxes.yLabels(g, yt, this::py, x, 3, 5, t -> Ticks.format(t, Ticks.stepOf(yt)));
    }

    /** Small discs for context points (x, y pairs), in one colour. */
    void points(ChartGraphics g, float[] xy, int argb, double opacity) {
        if (xy == null) {
            return;
        }
        int n = xy.length / 2;
        double[] cx = new double[n];
        double[] cy = new double[n];
        for (int i = 0; i < n; i++) {
            cx[i] = px(xy[2 * i]);
            cy[i] = py(xy[2 * i + 1]);
        }
        g.fillDiscs(cx, cy, n, 1.1, null, argb, opacity);
    }

    /** The query point: a ring with a dot. */
    void marker(ChartGraphics g, double dataX, double dataY, Color colour) {
        double cx = px(dataX);
        double cy = py(dataY);
        g.setStroke(Color.WHITE);
        g.setLineWidth(3.5);
        g.strokeOval(cx - 6, cy - 6, 12, 12);
        g.setStroke(colour);
        g.setLineWidth(2);
        g.strokeOval(cx - 6, cy - 6, 12, 12);
        g.setFill(colour);
        g.fillOval(cx - 2, cy - 2, 4, 4);
    }
}
