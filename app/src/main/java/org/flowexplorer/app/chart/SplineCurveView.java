package org.flowexplorer.app.chart;

import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.flowexplorer.app.scene.Palette;
import org.flowexplorer.model.teach.SplineCurve;

/**
 * A spline coupling's learned map of one coordinate, y = g(x): the monotone rational-quadratic
 * curve over [−1.25·B, 1.25·B] with its K + 1 knots (dots), the identity tails outside [−B, B]
 * (the shaded square is where the spline acts), the diagonal y = x for comparison, and the point
 * (query or inspected) on the curve with its bin. Shown in the formula inspector and beside the
 * conditioner curves ({@link #paintPanel}, shared with {@link ConditionerCurvesView}).
 */
public class SplineCurveView extends CanvasChart<List<SplineCurve>> {
    static final Color CURVE = Color.web("#0969da");
    static final Color KNOT = Color.web("#8250df");
    static final Color ACTIVE = Color.web("#0969da", 0.10);

    public SplineCurveView() {
        super(260, 240, "spline-curve");
    }

    @Override
    CanvasChart<List<SplineCurve>> blank() {
        return new SplineCurveView();
    }

    @Override
    void paint(ChartGraphics g, double w, double h) {
        g.setFill(plotBackground.get());
        g.fillRect(0, 0, w, h);
        List<SplineCurve> curves = shown();
        if (curves == null || curves.isEmpty()) {
            return;
        }
        double each = w / curves.size();
        for (int i = 0; i < curves.size(); i++) {
            paintPanel(this, g, curves.get(i), i * each + 40, 22, Math.max(20, each - 52), Math.max(20, h - 58));
        }
    }

    /**
     * One curve in the square panel at (left, top): title above, axes, the shaded [−B, B]², the
     * diagonal, the curve, its knots and the point.
     */
    static void paintPanel(ChartRegion style, ChartGraphics g, SplineCurve c, double left, double top, double pw, double ph) {
        double side = Math.min(pw, ph);
        double x0 = left + (pw - side) / 2, y0 = top;
        double lo = c.xs()[0], hi = c.xs()[c.xs().length - 1];
        java.util.function.DoubleUnaryOperator px = v -> x0 + (v - lo) / (hi - lo) * side;
        java.util.function.DoubleUnaryOperator py = v -> y0 + side - (v - lo) / (hi - lo) * side;
        g.setFill(ACTIVE);
        g.fillRect(px.applyAsDouble(-c.bound()), py.applyAsDouble(c.bound()), px.applyAsDouble(c.bound()) - px.applyAsDouble(-c.bound()),
                py.applyAsDouble(-c.bound()) - py.applyAsDouble(c.bound()));
        g.setStroke(style.gridLineColor.get());
        g.setLineWidth(1);
        g.setLineDashes(4, 3);
        g.strokeLine(px.applyAsDouble(lo), py.applyAsDouble(lo), px.applyAsDouble(hi), py.applyAsDouble(hi));
        g.setLineDashes();
        ChartAxes.frame(g, style.axisColor.get(), x0, y0, side, side);
        double[] ticks = Ticks.nice(lo, hi, (int) Math.max(2, Math.min(6, side / 45)));
        double step = Ticks.stepOf(ticks);
        g.setFont(Font.font(10));
        g.setFill(style.textColor.get());
        ChartAxes.xLabels(g, ticks, px, y0 + side, 0, 3, t -> Ticks.format(t, step));
        ChartAxes.yLabels(g, ticks, py, x0, 0, 4, t -> Ticks.format(t, step));
        g.save();
        g.clipRect(x0, y0, side, side);
        g.setStroke(CURVE);
        g.setLineWidth(2);
        g.beginPath();
        for (int i = 0; i < c.xs().length; i++) {
            if (i == 0) {
                g.moveTo(px.applyAsDouble(c.xs()[i]), py.applyAsDouble(c.ys()[i]));
            } else {
                g.lineTo(px.applyAsDouble(c.xs()[i]), py.applyAsDouble(c.ys()[i]));
            }
        }
        g.stroke();
        g.setFill(KNOT);
        for (int k = 0; k < c.knotXs().length; k++) {
            g.fillOval(px.applyAsDouble(c.knotXs()[k]) - 3, py.applyAsDouble(c.knotYs()[k]) - 3, 6, 6);
        }
        Color query = ThemeColors.color(Palette.QUERY);
        if (Double.isFinite(c.at()) && c.at() >= lo && c.at() <= hi) {
            double qx = px.applyAsDouble(c.at()), qy = py.applyAsDouble(c.value());
            g.setStroke(query);
            g.setLineWidth(1.2);
            g.setLineDashes(4, 3);
            g.strokeLine(qx, y0 + side, qx, qy);
            g.strokeLine(x0, qy, qx, qy);
            g.setLineDashes();
            g.setFill(query);
            g.fillOval(qx - 4, qy - 4, 8, 8);
        }
        g.restore();
        String name = ConditionerCurvesView.coordinate(c.coordinate());
        g.setFont(Font.font(null, javafx.scene.text.FontWeight.BOLD, 12));
        g.setFill(style.textColor.get());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("spline g(" + name + "), " + c.bins() + " bins", x0, y0 - 3); // short: fits the panel at 1024 px
        g.setFont(Font.font(11));
        g.setFill(query);
        g.setTextBaseline(VPos.TOP);
        String where = c.bin() < 0 ? "point in a tail: g = identity"
                : String.format(Locale.ROOT, "bin %d: g(%.2g) = %.2g", c.bin(), c.at(), c.value());
        g.fillText(where, x0, y0 + side + 16);
    }
}
