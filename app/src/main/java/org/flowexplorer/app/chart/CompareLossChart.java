package org.flowexplorer.app.chart;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.flowexplorer.app.scene.LossCurve;

/**
 * Compare mode's loss chart: both models' smoothed training NLL (thin) and test NLL (thick) over
 * the same step axis, A in blue and B in orange, with the data's entropy floor H(p) dashed and each
 * side's KL gap (last test NLL − H(p)) in the legend where the floor is known.
 */
public class CompareLossChart extends PaintedChart<CompareLossChart.Curves> {
    static final Color COLOUR_A = Color.web("#0969da");
    static final Color COLOUR_B = Color.web("#d1580a");
    static final Color FLOOR = Color.web("#1a7f37");
    private static final double LEFT = 52;
    private static final double RIGHT = 12;
    private static final double TOP = 26;
    private static final double BOTTOM = 30;

    /**
     * What the chart shows.
     *
     * @param floor the data's entropy H(p), NaN when unknown
     */
    public record Curves(String labelA, LossCurve trainA, LossCurve testA, String labelB, LossCurve trainB,
            LossCurve testB, double floor) {
    }

    public CompareLossChart() {
        super(600, 220, "compare-loss-chart", CompareLossChart::new, "Loss of A and B",
                "Both curves appear here once the models train.");
    }

    @Override
    protected void paint(ChartGraphics g, Curves c, double width, double height) {
        double pw = Math.max(10, width - LEFT - RIGHT);
        double ph = Math.max(10, height - TOP - BOTTOM);
        int maxStep = Math.max(1, Math.max(last(c.trainA(), c.testA()), last(c.trainB(), c.testB())));
        double[] range = range(c);
        double lo = range[0];
        double hi = range[1];
        java.util.function.DoubleUnaryOperator px = s -> LEFT + s / maxStep * pw;
        java.util.function.DoubleUnaryOperator py = v -> TOP + (hi - v) / (hi - lo) * ph;
        title(g, "Test NLL (thick) and train NLL (thin) of A and B", 8, 6);
        g.setFont(Font.font(11));
        g.setFill(axisColor.get());
        g.setStroke(axisColor.get());
        g.setLineWidth(1);
        double[] xt = Ticks.nice(0, maxStep, 6);
        ChartAxes.xLabels(g, xt, px, TOP + ph, 4, 6, v -> Ticks.format(v, Ticks.stepOf(xt)));
        double[] yt = Ticks.nice(lo, hi, 5);
        ChartAxes.yLabels(g, yt, py, LEFT, 4, 6, v -> Ticks.format(v, Ticks.stepOf(yt)));
        ChartAxes.frame(g, axisColor.get(), LEFT, TOP, pw, ph);
        g.save();
        g.clipRect(LEFT, TOP, pw, ph);
        if (Double.isFinite(c.floor())) {
            g.setStroke(FLOOR);
            g.setLineWidth(1.5);
            g.setLineDashes(6, 4);
            double y = py.applyAsDouble(c.floor());
            g.strokeLine(LEFT, y, LEFT + pw, y);
            g.setLineDashes();
        }
        int columns = (int) Math.max(1, pw);
        draw(g, c.trainA(), maxStep, columns, px, py, COLOUR_A.deriveColor(0, 1, 1, 0.55), 1);
        draw(g, c.trainB(), maxStep, columns, px, py, COLOUR_B.deriveColor(0, 1, 1, 0.55), 1);
        draw(g, c.testA(), maxStep, columns, px, py, COLOUR_A, 2.5);
        draw(g, c.testB(), maxStep, columns, px, py, COLOUR_B, 2.5);
        g.restore();
        legend(g, c, width);
    }

    private static void draw(ChartGraphics g, LossCurve curve, int maxStep, int columns,
            java.util.function.DoubleUnaryOperator px, java.util.function.DoubleUnaryOperator py, Color colour, double w) {
        LossSeries s = new LossSeries();
        s.append(curve.steps(), curve.values());
        LossCurvePainter.draw(g, s, 0, maxStep, columns, px, py, colour, w);
    }

    private void legend(ChartGraphics g, Curves c, double width) {
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.TOP);
        String a = entry(c.labelA(), c.testA(), c.floor());
        String b = entry(c.labelB(), c.testB(), c.floor());
        double x = width - RIGHT - 4;
        g.setFill(COLOUR_B);
        g.fillText(b, x, TOP + 4);
        g.setFill(COLOUR_A);
        g.fillText(a, x - 14 - textWidth(b), TOP + 4);
        if (Double.isFinite(c.floor())) {
            g.setFill(FLOOR);
            g.fillText(String.format(Locale.ROOT, "H(p) = %.3f", c.floor()), x, TOP + 18);
        }
    }

    /** A rough width of 11 px text (the legend only needs to keep two entries apart). */
    private static double textWidth(String s) {
        return s.length() * 6.2;
    }

    private static String entry(String label, LossCurve test, double floor) {
        if (test.size() == 0) {
            return label;
        }
        double v = test.last();
        return Double.isFinite(floor)
                ? String.format(Locale.ROOT, "%s %.3f (KL gap %.3f)", label, v, v - floor)
                : String.format(Locale.ROOT, "%s %.3f", label, v);
    }

    private static int last(LossCurve train, LossCurve test) {
        int m = 0;
        if (train.size() > 0) {
            m = Math.max(m, train.steps()[train.size() - 1]);
        }
        if (test.size() > 0) {
            m = Math.max(m, test.steps()[test.size() - 1]);
        }
        return m;
    }

    /**
     * The y range, padded by 5 %: from the lowest value (or the floor) up to the highest test NLL,
     * so a spike of the minibatch loss (a diverging side) runs off the top instead of flattening
     * every curve; only without test values do the training values set the top.
     */
    private static double[] range(Curves c) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double trainHi = Double.NEGATIVE_INFINITY;
        for (LossCurve curve : new LossCurve[] {c.trainA(), c.testA(), c.trainB(), c.testB()}) {
            boolean test = curve == c.testA() || curve == c.testB();
            for (int i = 0; i < curve.size(); i++) {
                float v = curve.values()[i];
                if (Float.isFinite(v)) {
                    lo = Math.min(lo, v);
                    if (test) {
                        hi = Math.max(hi, v);
                    } else {
                        trainHi = Math.max(trainHi, v);
                    }
                }
            }
        }
        if (!Double.isFinite(hi)) {
            hi = trainHi;
        }
        if (Double.isFinite(c.floor())) {
            lo = Math.min(lo, c.floor());
            hi = Math.max(hi, c.floor());
        }
        if (!(hi > lo)) {
            lo = Double.isFinite(lo) ? lo - 1 : 0;
            hi = lo + 2;
        }
        double pad = 0.05 * (hi - lo);
        return new double[] {lo - pad, hi + pad};
    }
}
