package org.flowexplorer.app.chart;

import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * The axis pieces the charts share, drawn through {@link ChartGraphics} (screen and SVG alike): the
 * frame around the plot area and tick labels (with optional tick marks) along the bottom and the
 * left. The caller sets font and fill for the labels and the stroke for the ticks.
 */
final class ChartAxes {
    private ChartAxes() {
    }

    /** The one-pixel frame just outside the plot area x, y, w, h. */
    static void frame(ChartGraphics g, Color axis, double x, double y, double w, double h) {
        g.setStroke(axis);
        g.setLineWidth(1);
        g.strokeRect(x - 0.5, y - 0.5, w + 1, h + 1);
    }

    /**
     * Labels below the x axis at {@code axisY}: centred at each tick's pixel, {@code gap} below it;
     * tick marks {@code tick} long when {@code tick > 0}.
     */
    static void xLabels(ChartGraphics g, double[] ticks, DoubleUnaryOperator toPixel, double axisY, double tick,
            double gap, DoubleFunction<String> label) {
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        labels(g, ticks, toPixel, axisY, tick, gap, label, true);
    }

    /** Labels left of the y axis at {@code axisX}, right-aligned {@code gap} away; tick marks as {@link #xLabels}. */
    static void yLabels(ChartGraphics g, double[] ticks, DoubleUnaryOperator toPixel, double axisX, double tick,
            double gap, DoubleFunction<String> label) {
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        labels(g, ticks, toPixel, axisX, tick, gap, label, false);
    }

    private static void labels(ChartGraphics g, double[] ticks, DoubleUnaryOperator toPixel, double axis, double tick,
            double gap, DoubleFunction<String> label, boolean xAxis) {
        for (double t : ticks) {
            double p = toPixel.applyAsDouble(t);
            if (tick > 0 && xAxis) {
                g.strokeLine(p, axis, p, axis + tick);
            } else if (tick > 0) {
                g.strokeLine(axis - tick, p, axis, p);
            }
            if (xAxis) {
                g.fillText(label.apply(t), p, axis + gap);
            } else {
                g.fillText(label.apply(t), axis - gap, p);
            }
        }
    }

    /** Half-pixel snap so one-pixel lines are crisp. */
    static double snap(double v) {
        return Math.floor(v) + 0.5;
    }
}
