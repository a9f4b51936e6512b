package org.flowexplorer.app.chart;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.flowexplorer.app.scene.QueryAnatomy;

/**
 * The query point's log-likelihood as a waterfall: the first bar is log p_base(z) (log N(z; 0, I), or the
 * mixture's log density when the model has a mixture base), then one bar
 * per layer adds its log|det J_l| (red: the layer expands space there and raises the density's
 * log, blue: it squeezes it), and the last bar is the total log p(x), which equals the model's own
 * log p(x). The stepper's coupling k is outlined.
 *
 * <p>CSS: style class {@code waterfall-chart}; the shared colours of {@link ChartRegion}.
 */
public class WaterfallChart extends PaintedChart<QueryAnatomy> {
    private static final double LEFT = 52;
    private static final double RIGHT = 12;
    private static final double TOP = 46;
    private static final double BOTTOM = 26;
    private static final Color EXPAND = Color.web("#d6604d");
    private static final Color SQUEEZE = Color.web("#4393c3");
    private static final Color BASE = Color.web("#8c959f");

    public WaterfallChart() {
        super(460, 300, "waterfall-chart", WaterfallChart::new, "log p(x), bar by bar",
                "Click in the Explorer's data plot to pick a query point.");
    }

    @Override
    protected void paint(ChartGraphics g, QueryAnatomy query, double width, double height) {
        title(g, title(query, width - 16), 8, 6);
        int layers = query.layers();
        double[] ends = new double[layers + 2];
        double[] starts = new double[layers + 2];
        ends[0] = query.logBase();
        for (int l = 0; l < layers; l++) {
            starts[l + 1] = ends[l];
            ends[l + 1] = ends[l] + query.layerLogDets()[l];
        }
        ends[layers + 1] = query.total();
        note(g, String.format(Locale.ROOT, "Σ bars = %.5f · model's log p(x) = %.5f · |Δ| = %.0e",
                query.total(), query.modelLogProb(), Math.abs(query.total() - query.modelLogProb())), 8, 24);
        double lo = 0;
        double hi = 0;
        for (int i = 0; i < ends.length; i++) {
            lo = Math.min(lo, Math.min(starts[i], ends[i]));
            hi = Math.max(hi, Math.max(starts[i], ends[i]));
        }
        double pad = 0.08 * Math.max(1e-3, hi - lo);
        double yLo = lo - pad;
        double yHi = hi + pad;
        double pw = Math.max(10, width - LEFT - RIGHT);
        double ph = Math.max(10, height - TOP - BOTTOM);
        java.util.function.DoubleUnaryOperator py = v -> TOP + (1 - (v - yLo) / (yHi - yLo)) * ph;
        double[] ticks = Ticks.nice(yLo, yHi, (int) Math.max(2, Math.min(6, ph / 40)));
        g.setStroke(gridLineColor.get());
        g.setLineWidth(1);
        for (double t : ticks) {
            g.strokeLine(LEFT, ChartAxes.snap(py.applyAsDouble(t)), LEFT + pw, ChartAxes.snap(py.applyAsDouble(t)));
        }
        g.setFont(Font.font(10));
        g.setFill(textColor.get());
        ChartAxes.yLabels(g, ticks, py, LEFT, 3, 5, t -> Ticks.format(t, Ticks.stepOf(ticks)));
        g.setStroke(axisColor.get());
        g.strokeLine(LEFT, ChartAxes.snap(py.applyAsDouble(0)), LEFT + pw, ChartAxes.snap(py.applyAsDouble(0)));
        double slot = pw / ends.length;
        double bar = Math.max(2, slot * 0.7);
        for (int i = 0; i < ends.length; i++) {
            double x = LEFT + i * slot + (slot - bar) / 2;
            double top = py.applyAsDouble(Math.max(starts[i], ends[i]));
            double bottom = py.applyAsDouble(Math.min(starts[i], ends[i]));
            Color c = i == 0 ? BASE : i == ends.length - 1 ? textColor.get() : ends[i] >= starts[i] ? EXPAND : SQUEEZE;
            g.setFill(c);
            g.fillRect(x, top, bar, Math.max(1, bottom - top));
            if (i > 0 && i <= layers && i == query.layer()) {
                g.setStroke(textColor.get());
                g.setLineWidth(2);
                g.strokeRect(x - 1.5, top - 1.5, bar + 3, Math.max(1, bottom - top) + 3);
            }
            if (i + 1 < ends.length) {
                g.setStroke(axisColor.get());
                g.setLineWidth(1);
                g.setLineDashes(3, 2);
                double y = ChartAxes.snap(py.applyAsDouble(ends[i]));
                g.strokeLine(x + bar, y, x + slot, y);
                g.setLineDashes();
            }
            labels(g, i, query, x + bar / 2, top, bottom, bar, ends[i] - starts[i], height);
        }
    }

    /**
     * The sum the bars show, naming the model's own base (a mixture's too, not always N(0, I)); the
     * mixture's name follows when it fits in {@code room} px (the first bar says p_base either way).
     */
    static String title(QueryAnatomy query, double room) {
        String sum = "log p(x) = " + query.baseTerm() + " + Σ log|det J_l|";
        String named = sum + ",  p_base = " + query.baseName();
        return query.baseComponents() == 0 || titleWidth(named) > room ? sum : named;
    }

    private static double titleWidth(String s) {
        javafx.scene.text.Text measure = new javafx.scene.text.Text(s);
        measure.setFont(Font.font(null, javafx.scene.text.FontWeight.BOLD, 13)); // PaintedChart's title font
        return measure.getLayoutBounds().getWidth();
    }

    private void labels(ChartGraphics g, int i, QueryAnatomy query, double cx, double top, double bottom, double bar,
            double value, double height) {
        g.setFont(Font.font(10));
        g.setFill(textColor.get());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        String name = i == 0 ? query.baseBarLabel() : i == query.layers() + 1 ? "log p" : Integer.toString(i);
        g.fillText(name, cx, height - BOTTOM + 6);
        if (bar >= 24) {
            boolean up = value >= 0;
            g.setTextBaseline(up ? VPos.BOTTOM : VPos.TOP);
            g.fillText(String.format(Locale.ROOT, "%+.2f", value), cx, up ? top - 2 : bottom + 2);
        }
    }
}
