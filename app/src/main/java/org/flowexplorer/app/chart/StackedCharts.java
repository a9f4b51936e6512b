package org.flowexplorer.app.chart;

/**
 * Two painted charts one above the other in one image, e.g. the log-det map over the query
 * point's waterfall for {@code render}: the upper gets {@code share} of the height. Both are painted
 * through the same {@link ChartGraphics}, so PNG and SVG hold the same vector drawing. The parts are
 * only painted, never shown, so the copy for an export may share them.
 */
public class StackedCharts extends PaintedChart<Void> {
    private final PaintedChart<?> upper;
    private final PaintedChart<?> lower;
    private final double share;

    public StackedCharts(PaintedChart<?> upper, PaintedChart<?> lower, double share) {
        super(600, 700, "stacked-charts", () -> new StackedCharts(upper, lower, share));
        this.upper = upper;
        this.lower = lower;
        this.share = share;
    }

    @Override
    protected void paint(ChartGraphics g, Void nothing, double width, double height) {
        double top = Math.round(height * share);
        g.save();
        upper.paintPage(g, width, top);
        g.restore();
        g.save();
        g.translate(0, top);
        lower.paintPage(g, width, height - top);
        g.restore();
    }
}
