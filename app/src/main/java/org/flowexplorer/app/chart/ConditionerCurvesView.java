package org.flowexplorer.app.chart;

import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.flowexplorer.app.scene.HealthSummary;
import org.flowexplorer.app.scene.Palette;
import org.flowexplorer.model.eval.LayerHealth;
import org.flowexplorer.model.teach.ConditionerCurves;

/**
 * What one coupling's conditioner learned: s(x_A) (with the ±2 bound of s = 2·tanh(raw s) and the
 * saturated band beyond ±{@value LayerHealth#SATURATED} shaded) and t(x_A) as curves over the
 * range the data reach at that layer, the histogram of the conditioning coordinate underneath and
 * the query point's value as a dashed line. Additive couplings show t only. A spline coupling's s
 * and t are its local slope log g′ and intercept g − h·g′ at the query point's transformed
 * coordinate (no bound), and its spline itself is drawn beside them ({@link SplineCurveView}).
 * Painted through {@link ChartGraphics}, so the SVG export is vector.
 */
public class ConditionerCurvesView extends CanvasChart<ConditionerCurves> {
    /** Margins around the panels and the gap between them, in pixels. */
    private static final double LEFT = 56, RIGHT = 16, TOP = 44, BOTTOM = 38, GAP = 12;
    /** The s panel's y range: the ±2 bound with a little room. */
    private static final double S_RANGE = 2.3;
    static final Color[] CURVE = {Color.web("#0969da"), Color.web("#8250df"), Color.web("#1b7c83"), Color.web("#bf3989")};
    static final Color SHIFT = Color.web("#1a7f37");
    static final Color SATURATED_BAND = Color.web("#bf8700", 0.14);
    static final Color HISTOGRAM = Color.web("#8c959f", 0.55);

    public ConditionerCurvesView() {
        super(520, 420, "conditioner-curves");
    }

    @Override
    CanvasChart<ConditionerCurves> blank() {
        return new ConditionerCurvesView();
    }

    @Override
    void paint(ChartGraphics g, double w, double h) {
        ConditionerCurves curves = shown();
        g.setFill(plotBackground.get());
        g.fillRect(0, 0, w, h);
        g.setFill(textColor.get());
        g.setFont(Font.font(13));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        if (curves == null) {
            g.fillText("No conditioner curves yet: they appear with the first trace of the model.", LEFT, TOP);
            return;
        }
        paintTitle(g, w);
        boolean spline = !curves.splines().isEmpty();
        double splineSide = spline ? Math.max(60, Math.min(0.45 * (w - LEFT - RIGHT), h - TOP - BOTTOM - 40)) : 0;
        double pw = Math.max(10, w - LEFT - RIGHT - (spline ? splineSide + 44 : 0)), ph = Math.max(30, h - TOP - BOTTOM - 2 * GAP);
        if (spline) {
            SplineCurveView.paintPanel(this, g, curves.splines().get(0), w - RIGHT - splineSide, TOP + 24, splineSide, splineSide);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
        }
        double[] in = curves.inputs();
        Axis x = new Axis(in[0], in[in.length - 1], LEFT, LEFT + pw);
        double y = TOP;
        double histH = ph * (curves.hasScale() ? 0.22 : 0.3);
        double curveH = curves.hasScale() ? (ph - histH) / 2 : ph - histH;
        if (curves.hasScale()) {
            paintScalePanel(g, x, y, pw, curveH);
            y += curveH + GAP;
        }
        paintShiftPanel(g, x, y, pw, curveH);
        y += curveH + GAP;
        paintHistogram(g, x, y, pw, histH);
        double[] xt = Ticks.nice(x.lo, x.hi, (int) Math.max(2, Math.min(8, pw / 80)));
        g.setFont(Font.font(11));
        g.setFill(textColor.get());
        double step = Ticks.stepOf(xt);
        ChartAxes.xLabels(g, xt, x::px, y + histH, 0, 4, t -> Ticks.format(t, step));
        g.setFont(Font.font(12));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(coordinate(curves.varied()) + " at the input of coupling " + (curves.layer() + 1)
                + (curves.slice() ? "   (slice: other conditioning coordinates at the query point)" : ""),
                LEFT + pw / 2, h - 3);
    }

    private void paintTitle(ChartGraphics g, double w) {
        ConditionerCurves curves = shown();
        StringBuilder outs = new StringBuilder();
        for (ConditionerCurves.Curve c : curves.curves()) {
            outs.append(outs.length() == 0 ? "" : ", ").append(coordinate(c.coordinate()));
        }
        String a = coordinate(curves.varied());
        String title = String.format(Locale.ROOT, "Coupling %d of %d: %st(%s) → %s", curves.layer() + 1,
                curves.layerCount(), curves.hasScale() ? "s(" + a + "), " : "", a, outs);
        g.setFont(Font.font(null, javafx.scene.text.FontWeight.BOLD, 13));
        g.setFill(textColor.get());
        g.fillText(title, LEFT, 6);
        g.setFont(Font.font(12));
        String flag;
        Color colour;
        if (!curves.splines().isEmpty()) {
            flag = "spline: s = log g′, t = g − h·g′ at the point";
            colour = textColor.get();
        } else if (curves.hasScale()) {
            double share = curves.saturatedShare();
            flag = String.format(Locale.ROOT, "saturated (|s| > %.1f): %.1f %% of points", LayerHealth.SATURATED, 100 * share);
            colour = share >= HealthSummary.SATURATED_RED ? HealthPanel.RED
                    : share >= HealthSummary.SATURATED_AMBER ? HealthPanel.AMBER : HealthPanel.OK;
        } else {
            flag = "additive coupling: shift only, s = 0";
            colour = textColor.get();
        }
        g.setFill(colour);
        g.fillText(flag, LEFT, 24);
        legend(g, w);
    }

    private void legend(ChartGraphics g, double w) {
        ConditionerCurves curves = shown();
        g.setTextAlign(TextAlignment.RIGHT);
        double x = w - RIGHT;
        if (!Double.isNaN(curves.queryValue())) {
            g.setFill(ThemeColors.color(Palette.QUERY));
            g.fillText("- - query point", x, 24);
        }
    }

    private void paintScalePanel(ChartGraphics g, Axis x, double top, double pw, double ph) {
        ConditionerCurves curves = shown();
        if (!curves.splines().isEmpty()) { // log g′ has no bound
            paintCurvesPanel(g, x, top, pw, ph, "s = log g′", ConditionerCurves.Curve::s);
            return;
        }
        Axis y = new Axis(S_RANGE, -S_RANGE, top, top + ph);
        frame(g, x, y, top, pw, ph, "s");
        g.setFill(SATURATED_BAND);
        g.fillRect(LEFT, y.px(S_RANGE), pw, y.px(LayerHealth.SATURATED) - y.px(S_RANGE));
        g.fillRect(LEFT, y.px(-LayerHealth.SATURATED), pw, y.px(-S_RANGE) - y.px(-LayerHealth.SATURATED));
        g.setStroke(HealthPanel.AMBER);
        g.setLineWidth(1);
        g.setLineDashes(5, 3);
        g.strokeLine(LEFT, y.px(2), LEFT + pw, y.px(2));
        g.strokeLine(LEFT, y.px(-2), LEFT + pw, y.px(-2));
        g.setLineDashes();
        g.setFont(Font.font(10));
        g.setFill(HealthPanel.AMBER);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("±2 = bound of 2·tanh", LEFT + pw - 4, y.px(2) - 1);
        List<ConditionerCurves.Curve> cs = curves.curves();
        for (int j = 0; j < cs.size(); j++) {
            polyline(g, x, y, cs.get(j).s(), CURVE[j % CURVE.length], top, pw, ph);
        }
        queryLine(g, x, top, ph);
    }

    private void paintShiftPanel(ChartGraphics g, Axis x, double top, double pw, double ph) {
        paintCurvesPanel(g, x, top, pw, ph, "t", ConditionerCurves.Curve::t);
    }

    /** A panel of one term of every curve, its y range fitted to the values. */
    private void paintCurvesPanel(ChartGraphics g, Axis x, double top, double pw, double ph, String name,
                                  java.util.function.Function<ConditionerCurves.Curve, double[]> term) {
        ConditionerCurves curves = shown();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (ConditionerCurves.Curve c : curves.curves()) {
            for (double v : term.apply(c)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double pad = hi > lo ? 0.08 * (hi - lo) : 0.5;
        Axis y = new Axis(hi + pad, lo - pad, top, top + ph);
        frame(g, x, y, top, pw, ph, name);
        List<ConditionerCurves.Curve> cs = curves.curves();
        boolean shift = name.equals("t");
        for (int j = 0; j < cs.size(); j++) {
            polyline(g, x, y, term.apply(cs.get(j)), cs.size() == 1 && shift ? SHIFT : CURVE[j % CURVE.length], top, pw, ph);
        }
        queryLine(g, x, top, ph);
    }

    private void paintHistogram(ChartGraphics g, Axis x, double top, double pw, double ph) {
        ConditionerCurves curves = shown();
        ConditionerCurves.Histogram hist = curves.histogram();
        g.setFill(plotBackground.get());
        g.fillRect(LEFT, top, pw, ph);
        int max = Math.max(1, hist.max());
        int bins = hist.counts().length;
        double bw = pw / bins;
        g.setFill(HISTOGRAM);
        for (int b = 0; b < bins; b++) {
            double bh = (ph - 2) * hist.counts()[b] / max;
            g.fillRect(LEFT + b * bw + 0.5, top + ph - bh, Math.max(1, bw - 1), bh);
        }
        ChartAxes.frame(g, axisColor.get(), LEFT, top, pw, ph);
        sideLabel(g, "data", top, ph);
        queryLine(g, x, top, ph);
    }

    /** Background, grid, frame and y labels of one panel. */
    private void frame(ChartGraphics g, Axis x, Axis y, double top, double pw, double ph, String name) {
        g.setFill(plotBackground.get());
        g.fillRect(LEFT, top, pw, ph);
        double[] yt = Ticks.nice(y.hi, y.lo, (int) Math.max(2, Math.min(5, ph / 35)));
        g.setStroke(gridLineColor.get());
        g.setLineWidth(1);
        for (double t : yt) {
            g.strokeLine(LEFT, ChartAxes.snap(y.px(t)), LEFT + pw, ChartAxes.snap(y.px(t)));
        }
        for (double t : Ticks.nice(x.lo, x.hi, (int) Math.max(2, Math.min(8, pw / 80)))) {
            g.strokeLine(ChartAxes.snap(x.px(t)), top, ChartAxes.snap(x.px(t)), top + ph);
        }
        ChartAxes.frame(g, axisColor.get(), LEFT, top, pw, ph);
        g.setFont(Font.font(11));
        g.setFill(textColor.get());
        double step = Ticks.stepOf(yt);
        ChartAxes.yLabels(g, yt, y::px, LEFT, 0, 5, t -> Ticks.format(t, step));
        sideLabel(g, name, top, ph);
    }

    private void sideLabel(ChartGraphics g, String name, double top, double ph) {
        g.save();
        g.setFont(Font.font(12));
        g.setFill(textColor.get());
        g.translate(12, top + ph / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(name, 0, 0);
        g.restore();
    }

    private void polyline(ChartGraphics g, Axis x, Axis y, double[] v, Color colour, double top, double pw, double ph) {
        ConditionerCurves curves = shown();
        g.save();
        g.clipRect(LEFT, top, pw, ph);
        g.setStroke(colour);
        g.setLineWidth(2);
        g.beginPath();
        double[] in = curves.inputs();
        for (int i = 0; i < v.length; i++) {
            if (i == 0) {
                g.moveTo(x.px(in[i]), y.px(v[i]));
            } else {
                g.lineTo(x.px(in[i]), y.px(v[i]));
            }
        }
        g.stroke();
        g.restore();
    }

    private void queryLine(ChartGraphics g, Axis x, double top, double ph) {
        ConditionerCurves curves = shown();
        double q = curves.queryValue();
        if (Double.isNaN(q) || q < x.lo || q > x.hi) {
            return;
        }
        g.setStroke(ThemeColors.color(Palette.QUERY));
        g.setLineWidth(1.2);
        g.setLineDashes(4, 3);
        g.strokeLine(ChartAxes.snap(x.px(q)), top, ChartAxes.snap(x.px(q)), top + ph);
        g.setLineDashes();
    }

    /** "h₁" for coordinate 0: a point between layers. */
    static String coordinate(int d) {
        return "h" + MaskGridView.coordinateName(d).substring(1);
    }

    /** A linear map from [lo, hi] to pixels [p0, p1] (hi may be below lo for a y axis drawn downwards). */
    private record Axis(double lo, double hi, double p0, double p1) {
        double px(double v) {
            return p0 + (v - lo) / (hi - lo) * (p1 - p0);
        }
    }
}
