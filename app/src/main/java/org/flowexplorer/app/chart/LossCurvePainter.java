package org.flowexplorer.app.chart;

import java.util.function.DoubleUnaryOperator;
import javafx.scene.paint.Color;

/**
 * Draws a loss series as a polyline (min/max downsampled per pixel column, so 100 000 steps draw
 * like 2 000) and marks the values above the axis with a chevron on the top edge.
 */
final class LossCurvePainter {
    private LossCurvePainter() {
    }

    /** The series from step x0 to x1 over {@code columns} pixel columns, through the given mappings. */
    static void draw(ChartGraphics g, LossSeries s, double x0, double x1, int columns, DoubleUnaryOperator px,
            DoubleUnaryOperator py, Color colour, double width) {
        if (s.size() == 0) {
            return;
        }
        MinMaxDownsampler.Result r = MinMaxDownsampler.downsample(s.steps(), s.values(), s.size(), x0, x1, columns);
        g.setStroke(colour);
        g.setLineWidth(width);
        g.beginPath();
        boolean open = false;
        for (int i = 0; i < r.length(); i++) {
            double y = py.applyAsDouble(r.y()[i]);
            if (!Double.isFinite(y)) {
                open = false;
                continue;
            }
            if (open) {
                g.lineTo(px.applyAsDouble(r.x()[i]), y);
            } else {
                g.moveTo(px.applyAsDouble(r.x()[i]), y);
                open = true;
            }
        }
        g.stroke();
        if (r.length() == 1) {
            g.setFill(colour);
            g.fillOval(px.applyAsDouble(r.x()[0]) - 2, py.applyAsDouble(r.y()[0]) - 2, 4, 4);
        }
    }

    /** Chevrons on the top edge {@code top} where values lie above the axis; returns how many values do. */
    static int markOffScale(ChartGraphics g, LossSeries s, LossAxis axis, DoubleUnaryOperator px, double top,
            Color colour) {
        int count = 0;
        double lastX = Double.NEGATIVE_INFINITY;
        g.setStroke(colour);
        g.setLineWidth(2);
        for (int i = 0; i < s.size(); i++) {
            if (axis.offScale(s.values()[i])) {
                count++;
                double x = px.applyAsDouble(s.steps()[i]);
                if (x - lastX >= 6) {
                    g.beginPath();
                    g.moveTo(x - 4, top + 8);
                    g.lineTo(x, top + 2);
                    g.lineTo(x + 4, top + 8);
                    g.stroke();
                    lastX = x;
                }
            }
        }
        return count;
    }
}
