package org.flowexplorer.app.chart;

/**
 * Two painted charts one above the other in one image, e.g. the log-det map over the query
 * point's waterfall for {@code render}: the upper gets {@code share} of the height. Both are painted
 * through the same {@link ChartGraphics}, so PNG and SVG hold the same vector drawing.
 */
public class StackedCharts extends PaintedChart {
    private final PaintedChart upper;
    private final PaintedChart lower;
    private final double share;

    public StackedCharts(PaintedChart upper, PaintedChart lower, double share) {
        super(600, 700);
        this.upper = upper;
        this.lower = lower;
        this.share = share;
        getStyleClass().add("stacked-charts");
    }

    @Override
    protected ChartRegion copyForExport() {
        return new StackedCharts((PaintedChart) upper.copyForExport(), (PaintedChart) lower.copyForExport(), share);
    }

    @Override
    protected void paint(ChartGraphics g, double width, double height) {
        double top = Math.round(height * share);
        g.save();
        upper.paint(g, width, top);
        g.restore();
        g.save();
        g.translate(0, top);
        lower.paint(g, width, height - top);
        g.restore();
    }
}
